/* Excel 97–2003 .xls (BIFF8), read directly rather than through
 * LibreOffice (seconds a workbook). The Workbook stream is a run of
 * records: the globals (shared strings, number formats, the XF table that
 * ties a cell to its format, the sheets and where each starts), then one
 * substream per sheet (rows, cells, merged ranges, hidden columns). Each
 * sheet becomes a table as read_xlsx.c makes one (sheet.c): numbers as
 * their number format shows them, formulas by their cached value, merged
 * ranges as spans, hidden sheets, rows and columns marked.
 *
 * Left to the converter (not_native): BIFF5/7 (Excel 5.0/95) and
 * workbooks with a FILEPASS record (most are "encrypted" with Excel's
 * built-in password, which LibreOffice opens). */
#include "extract.h"
#include "numfmt.h"
#include "ole2.h"
#include "sheet.h"
#include "text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* record types (MS-XLS 2.3) */
enum {
    R_FORMULA = 0x0006, R_EOF = 0x000A, R_DATEMODE = 0x0022, R_FILEPASS = 0x002F,
    R_CONTINUE = 0x003C, R_COLINFO = 0x007D, R_BOUNDSHEET = 0x0085, R_MULRK = 0x00BD,
    R_XF = 0x00E0, R_MERGEDCELLS = 0x00E5, R_SST = 0x00FC, R_LABELSST = 0x00FD,
    R_NUMBER = 0x0203, R_LABEL = 0x0204, R_BOOLERR = 0x0205, R_STRING = 0x0207,
    R_ROW = 0x0208, R_RK = 0x027E, R_FORMAT = 0x041E, R_BOF = 0x0809,
};

#define BIFF8 0x0600
#define XLS_MAX_ROWS 65536
#define XLS_MAX_COLS 256

typedef struct {
    char *name;
    uint32_t pos;   /* offset of its BOF in the stream */
    int hidden, worksheet;
} xls_sheet;

typedef struct {
    emitter *em;
    const unsigned char *s; /* the Workbook stream */
    size_t len;
    char **sst;
    size_t nsst;
    int *xf_fmt;            /* XF index → number format id */
    size_t nxf;
    int *fmt_id;            /* custom formats: id and code */
    char **fmt_code;
    size_t nfmt;
    int date1904;
    xls_sheet *sheets;
    size_t nsheets;
} xls_ctx;

/* The record at *pos: type, data and length; advances *pos. 0 at the end
 * or where a record would run past the stream. */
static int next_record(const xls_ctx *c, size_t *pos, uint16_t *type, const unsigned char **d,
                       size_t *n)
{
    if (*pos + 4 > c->len)
        return 0;
    *type = le16(c->s + *pos);
    *n = le16(c->s + *pos + 2);
    if (*pos + 4 + *n > c->len)
        return 0;
    *d = c->s + *pos + 4;
    *pos += 4 + *n;
    return 1;
}

/* --- strings ------------------------------------------------------------ */

/* A byte reader over a record and its CONTINUE records: a string's
 * characters that run into the next one start there with a new flags
 * byte (8-bit or UTF-16 may change). */
typedef struct {
    const xls_ctx *c;
    const unsigned char *d; /* the current record's data */
    size_t n, off;
    size_t next;            /* stream offset of the record after it */
} seg_reader;

static int seg_advance(seg_reader *r)
{
    uint16_t type;
    const unsigned char *d;
    size_t n, pos = r->next;
    if (!next_record(r->c, &pos, &type, &d, &n) || type != R_CONTINUE)
        return 0;
    r->d = d;
    r->n = n;
    r->off = 0;
    r->next = pos;
    return 1;
}

/* n raw bytes (rich-text runs, phonetic data) skipped across records */
static int seg_skip(seg_reader *r, size_t n)
{
    while (n) {
        if (r->off == r->n && !seg_advance(r))
            return 0;
        size_t k = r->n - r->off < n ? r->n - r->off : n;
        r->off += k;
        n -= k;
    }
    return 1;
}

static int seg_u8(seg_reader *r, unsigned *v)
{
    if (r->off == r->n && !seg_advance(r))
        return 0;
    *v = r->d[r->off++];
    return 1;
}

static int seg_u16(seg_reader *r, unsigned *v)
{
    unsigned a, b;
    if (!seg_u8(r, &a) || !seg_u8(r, &b))
        return 0;
    *v = a | b << 8;
    return 1;
}

static int seg_u32(seg_reader *r, uint32_t *v)
{
    unsigned a, b;
    if (!seg_u16(r, &a) || !seg_u16(r, &b))
        return 0;
    *v = (uint32_t)a | (uint32_t)b << 16;
    return 1;
}

/* An XLUnicodeRichExtendedString (cch as 16 bits) or, short, the 8-bit
 * count form; malloc'd UTF-8 in *out. 0 when the data ends first. */
static int seg_string(seg_reader *r, int short_count, char **out)
{
    unsigned cch, flags, runs = 0;
    uint32_t ext = 0;
    *out = NULL;
    if (!(short_count ? seg_u8(r, &cch) : seg_u16(r, &cch)) || !seg_u8(r, &flags))
        return 0;
    if ((flags & 0x08) && !seg_u16(r, &runs))
        return 0;
    if ((flags & 0x04) && !seg_u32(r, &ext))
        return 0;
    tbuf b = {0};
    int wide = flags & 0x01;
    uint32_t hi = 0;
    for (unsigned i = 0; i < cch; i++) {
        if (r->off == r->n) {
            unsigned f;
            if (!seg_advance(r) || !seg_u8(r, &f)) {
                tb_free(&b);
                return 0;
            }
            wide = f & 0x01;
        }
        uint32_t u;
        if (wide) {
            unsigned v;
            if (!seg_u16(r, &v)) {
                tb_free(&b);
                return 0;
            }
            u = v;
        } else {
            u = r->d[r->off++];
        }
        if (u >= 0xD800 && u < 0xDC00) {
            hi = u;
            continue;
        }
        if (u >= 0xDC00 && u < 0xE000 && hi)
            u = 0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00);
        else if (u >= 0xD800 && u < 0xE000)
            u = 0xFFFD;
        hi = 0;
        char e[4];
        int k = utf8_encode(u, e);
        if (k > 0 && tb_add(&b, e, (size_t)k)) {
            tb_free(&b);
            return -1;
        }
    }
    (void)seg_skip(r, 4 * (size_t)runs + ext); /* runs cut short: the text is whole */
    *out = b.s ? b.s : calloc(1, 1);
    return *out ? 1 : -1;
}

/* A string inside one record's data (LABEL, FORMAT, BOUNDSHEET, STRING). */
static char *record_string(const xls_ctx *c, const unsigned char *d, size_t n, size_t at,
                           int short_count)
{
    if (at > n)
        return NULL;
    seg_reader r = {c, d + at, n - at, 0, c->len}; /* no CONTINUE after it */
    char *s;
    return seg_string(&r, short_count, &s) == 1 ? s : NULL;
}

static int read_sst(xls_ctx *c, const unsigned char *d, size_t n, size_t next)
{
    if (n < 8)
        return 0;
    uint32_t unique = le32(d + 4);
    /* never more than the stream could hold (3 bytes a string at least) */
    if (unique > c->len / 3)
        unique = (uint32_t)(c->len / 3);
    c->sst = calloc(unique ? unique : 1, sizeof *c->sst);
    if (!c->sst)
        return -1;
    seg_reader r = {c, d, n, 8, next};
    for (uint32_t i = 0; i < unique; i++) {
        char *s;
        int k = seg_string(&r, 0, &s);
        if (k < 0)
            return -1;
        if (k == 0)
            break;
        c->sst[c->nsst++] = s;
    }
    return 0;
}

/* --- numbers ------------------------------------------------------------ */

/* The shortest decimal that reads back as v: what Excel stores in xlsx. */
static void shortest(double v, char *out, size_t n)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(out, n, "%.*g", prec, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

/* An RK number: a 30-bit integer or the top of a double, maybe over 100.
 * Integers over 100 are written as exact decimals. */
static void rk_text(uint32_t rk, char *out, size_t n)
{
    if (rk & 2) {
        long v = (long)((int32_t)rk >> 2);
        if (!(rk & 1)) {
            snprintf(out, n, "%ld", v);
            return;
        }
        long a = v < 0 ? -v : v;
        snprintf(out, n, "%s%ld.%02ld", v < 0 ? "-" : "", a / 100, a % 100);
        return;
    }
    uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
    double d;
    memcpy(&d, &bits, sizeof d);
    if (rk & 1)
        d /= 100;
    shortest(d, out, n);
}

static const char *format_of(const xls_ctx *c, unsigned xf)
{
    if (xf >= c->nxf)
        return NULL;
    int id = c->xf_fmt[xf];
    for (size_t i = 0; i < c->nfmt; i++)
        if (c->fmt_id[i] == id)
            return c->fmt_code[i];
    return numfmt_builtin(id);
}

/* --- globals ------------------------------------------------------------ */

static int push_int(int **v, size_t *n, int x)
{
    int *w = realloc(*v, (*n + 1) * sizeof *w);
    if (!w)
        return -1;
    w[(*n)++] = x;
    *v = w;
    return 0;
}

/* 0 read, 1 not native (left to the converter), -1 out of memory, -2 damaged */
static int read_globals(xls_ctx *c)
{
    size_t pos = 0;
    uint16_t type;
    const unsigned char *d;
    size_t n;
    if (!next_record(c, &pos, &type, &d, &n) || type != R_BOF || n < 4)
        return -2;
    if (le16(d) != BIFF8)
        return 1;
    while (next_record(c, &pos, &type, &d, &n)) {
        switch (type) {
        case R_EOF:
            return 0;
        case R_FILEPASS:
            return 1;
        case R_DATEMODE:
            if (n >= 2)
                c->date1904 = le16(d) == 1;
            break;
        case R_XF:
            if (n >= 4 && push_int(&c->xf_fmt, &c->nxf, le16(d + 2)))
                return -1;
            break;
        case R_FORMAT:
            if (n >= 2) {
                char *code = record_string(c, d, n, 2, 0);
                char **v = code ? realloc(c->fmt_code, (c->nfmt + 1) * sizeof *v) : NULL;
                if (!v) {
                    free(code);
                    break;
                }
                c->fmt_code = v;
                if (push_int(&c->fmt_id, &c->nfmt, le16(d))) {
                    free(code);
                    return -1;
                }
                c->fmt_code[c->nfmt - 1] = code;
            }
            break;
        case R_BOUNDSHEET:
            if (n >= 8) {
                xls_sheet *v = realloc(c->sheets, (c->nsheets + 1) * sizeof *v);
                if (!v)
                    return -1;
                c->sheets = v;
                xls_sheet *sh = &c->sheets[c->nsheets++];
                sh->pos = le32(d);
                sh->hidden = (d[4] & 3) != 0;
                sh->worksheet = d[5] == 0;
                sh->name = record_string(c, d, n, 6, 1);
            }
            break;
        case R_SST:
            if (!c->sst && read_sst(c, d, n, pos))
                return -1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* --- sheets ------------------------------------------------------------- */

typedef struct {
    sheet_rows rows;
    int *row_index;          /* sheet row (0-based) → index + 1 in rows */
    unsigned char hidden_row[XLS_MAX_ROWS / 8];
    unsigned char hidden_col[XLS_MAX_COLS / 8];
    long *last_col;          /* by row index: the last cell's column, to see order */
    size_t nlast;
    sheet_range *merges;
    size_t nmerges;
} sheet_ctx;

static sheet_row *row_for(sheet_ctx *s, unsigned rw)
{
    if (rw >= XLS_MAX_ROWS)
        return NULL;
    if (s->row_index[rw])
        return &s->rows.v[s->row_index[rw] - 1];
    sheet_row *row = sheet_add_row(&s->rows, (long)rw + 1);
    if (!row)
        return NULL;
    s->row_index[rw] = (int)s->rows.n;
    return row;
}

/* One cell's text at (rw, col). */
static int put_cell(xls_ctx *c, sheet_ctx *s, const char *sheet, unsigned rw, unsigned col,
                    const char *text)
{
    if (col >= XLS_MAX_COLS)
        return EM_OK;
    sheet_row *row = row_for(s, rw);
    if (!row)
        return rw >= XLS_MAX_ROWS ? EM_OK : EM_ABORT;
    return sheet_put_cell(c->em, sheet, row, col, text, strlen(text), s->hidden_col[col / 8] >> (col % 8) & 1);
}

static int put_number(xls_ctx *c, sheet_ctx *s, const char *sheet, unsigned rw, unsigned col,
                      unsigned xf, const char *value, tbuf *text)
{
    if (numfmt_render(value, format_of(c, xf), c->date1904, text))
        return EM_ABORT;
    return put_cell(c, s, sheet, rw, col, tb_str(text));
}

static int cmp_cell(const void *a, const void *b)
{
    json_int_t x = sheet_cell_col(*(json_t *const *)a), y = sheet_cell_col(*(json_t *const *)b);
    return (x > y) - (x < y);
}

/* Cells stored out of column order (allowed, rare) put in order; a
 * column written twice keeps its last value. */
static int in_order(const sheet_row *row)
{
    size_t n = json_array_size(row->cells);
    for (size_t i = 1; i < n; i++)
        if (sheet_cell_col(json_array_get(row->cells, i - 1)) >= sheet_cell_col(json_array_get(row->cells, i)))
            return 0;
    return 1;
}

static int order_cells(sheet_row *row)
{
    if (in_order(row))
        return 0;
    size_t n = json_array_size(row->cells);
    json_t **v = malloc(n * sizeof *v);
    json_t *sorted = json_array();
    if (!v || !sorted) {
        free(v);
        json_decref(sorted);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = json_array_get(row->cells, i);
    /* stable for equal columns: insertion sort keeps the later one last */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp_cell(&v[j - 1], &v[j]) > 0; j--) {
            json_t *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++)
        if (i + 1 == n || sheet_cell_col(v[i]) != sheet_cell_col(v[i + 1]))
            json_array_append(sorted, v[i]);
    free(v);
    json_decref(row->cells);
    row->cells = sorted;
    return 0;
}

static int read_sheet(xls_ctx *c, const xls_sheet *sh)
{
    sheet_ctx *s = calloc(1, sizeof *s);
    if (!s)
        return EM_ABORT;
    s->row_index = calloc(XLS_MAX_ROWS, sizeof *s->row_index);
    if (!s->row_index) {
        free(s);
        return EM_ABORT;
    }
    const char *name = sh->name ? sh->name : "";
    size_t pos = sh->pos;
    uint16_t type;
    const unsigned char *d;
    size_t n;
    int rc = EM_OK;
    char num[64];
    tbuf text = {0};
    /* a FORMULA whose cached result is text: the STRING record after it */
    long str_rw = -1, str_col = -1;
    if (!next_record(c, &pos, &type, &d, &n) || type != R_BOF)
        rc = em_error(c->em, "xls_damaged", "sheet %s: no BOF where the workbook says it starts", name);
    while (rc == EM_OK && next_record(c, &pos, &type, &d, &n) && type != R_EOF) {
        if (type == R_BOF) {
            /* an embedded chart's substream: skip to its EOF */
            while (next_record(c, &pos, &type, &d, &n) && type != R_EOF)
                ;
            continue;
        }
        unsigned rw = n >= 2 ? le16(d) : 0, col = n >= 4 ? le16(d + 2) : 0;
        unsigned xf = n >= 6 ? le16(d + 4) : 0;
        switch (type) {
        case R_ROW:
            if (n >= 16 && (le16(d + 12) & 0x0020))
                s->hidden_row[rw / 8] |= (unsigned char)(1u << (rw % 8));
            if (n >= 16 && !row_for(s, rw))
                rc = EM_ABORT;
            break;
        case R_COLINFO:
            if (n >= 10 && (le16(d + 8) & 0x0001))
                for (unsigned k = le16(d); k <= le16(d + 2) && k < XLS_MAX_COLS; k++)
                    s->hidden_col[k / 8] |= (unsigned char)(1u << (k % 8));
            break;
        case R_LABELSST:
            if (n >= 10) {
                uint32_t i = le32(d + 6);
                rc = put_cell(c, s, name, rw, col, i < c->nsst ? c->sst[i] : "");
            }
            break;
        case R_LABEL: {
            char *t = n >= 6 ? record_string(c, d, n, 6, 0) : NULL;
            if (t)
                rc = put_cell(c, s, name, rw, col, t);
            free(t);
            break;
        }
        case R_NUMBER:
            if (n >= 14) {
                double v;
                memcpy(&v, d + 6, sizeof v); /* little-endian IEEE, as the host */
                if (isfinite(v)) {
                    shortest(v, num, sizeof num);
                    rc = put_number(c, s, name, rw, col, xf, num, &text);
                }
            }
            break;
        case R_RK:
            if (n >= 10) {
                rk_text(le32(d + 6), num, sizeof num);
                rc = put_number(c, s, name, rw, col, xf, num, &text);
            }
            break;
        case R_MULRK:
            for (size_t at = 4; rc == EM_OK && n >= 8 && at + 6 <= n - 2; at += 6, col++) {
                rk_text(le32(d + at + 2), num, sizeof num);
                rc = put_number(c, s, name, rw, col, le16(d + at), num, &text);
            }
            break;
        case R_BOOLERR:
            if (n >= 8) {
                static const struct { unsigned code; const char *text; } ERR[] = {
                    {0x00, "#NULL!"}, {0x07, "#DIV/0!"}, {0x0F, "#VALUE!"}, {0x17, "#REF!"},
                    {0x1D, "#NAME?"}, {0x24, "#NUM!"}, {0x2A, "#N/A"}};
                const char *t = d[6] ? "TRUE" : "FALSE";
                if (d[7]) {
                    t = "#N/A";
                    for (size_t k = 0; k < sizeof ERR / sizeof ERR[0]; k++)
                        if (ERR[k].code == d[6])
                            t = ERR[k].text;
                }
                rc = put_cell(c, s, name, rw, col, t);
            }
            break;
        case R_FORMULA:
            if (n >= 14) {
                const unsigned char *v = d + 6;
                if (le16(v + 6) == 0xFFFF) {
                    if (v[0] == 0) {
                        str_rw = rw;
                        str_col = col;
                    } else if (v[0] == 1) {
                        rc = put_cell(c, s, name, rw, col, v[2] ? "TRUE" : "FALSE");
                    }
                } else {
                    double x;
                    memcpy(&x, v, sizeof x);
                    if (isfinite(x)) {
                        shortest(x, num, sizeof num);
                        rc = put_number(c, s, name, rw, col, xf, num, &text);
                    }
                }
            }
            break;
        case R_STRING:
            if (str_rw >= 0) {
                char *t = record_string(c, d, n, 0, 0);
                if (t)
                    rc = put_cell(c, s, name, (unsigned)str_rw, (unsigned)str_col, t);
                free(t);
                str_rw = str_col = -1;
            }
            break;
        case R_MERGEDCELLS:
            for (size_t at = 2; at + 8 <= n && n >= 2; at += 8) {
                sheet_range m = {(long)le16(d + at) + 1, le16(d + at + 4), (long)le16(d + at + 2) + 1,
                                 le16(d + at + 6)};
                if (m.r1 > m.r2 || m.c1 > m.c2)
                    continue;
                sheet_range *w = realloc(s->merges, (s->nmerges + 1) * sizeof *w);
                if (!w) {
                    rc = EM_ABORT;
                    break;
                }
                s->merges = w;
                s->merges[s->nmerges++] = m;
            }
            break;
        default:
            break;
        }
    }
    if (rc != EM_ABORT) {
        for (size_t i = 0; i < s->rows.n && rc != EM_ABORT; i++) {
            sheet_row *row = &s->rows.v[i];
            row->hidden = (size_t)(row->r - 1) < XLS_MAX_ROWS &&
                          (s->hidden_row[(row->r - 1) / 8] >> ((row->r - 1) % 8) & 1);
            if (order_cells(row))
                rc = EM_ABORT;
        }
    }
    /* a sheet that broke part way is still written as far as it was read */
    if (rc != EM_ABORT) {
        int r2 = sheet_emit(c->em, name, sh->hidden, &s->rows, s->merges, s->nmerges);
        if (r2)
            rc = r2;
    }
    sheet_rows_free(&s->rows);
    free(s->merges);
    free(s->row_index);
    free(s);
    tb_free(&text);
    return rc;
}

static void ctx_free(xls_ctx *c)
{
    for (size_t i = 0; i < c->nsst; i++)
        free(c->sst[i]);
    free(c->sst);
    free(c->xf_fmt);
    for (size_t i = 0; i < c->nfmt; i++)
        free(c->fmt_code[i]);
    free(c->fmt_code);
    free(c->fmt_id);
    for (size_t i = 0; i < c->nsheets; i++)
        free(c->sheets[i].name);
    free(c->sheets);
}

int read_xls(const unsigned char *data, size_t len, emitter *em, int *not_native)
{
    *not_native = 0;
    ole2 o;
    unsigned char *wb = NULL;
    size_t wblen = 0;
    if (!ole2_open(&o, data, len) || !ole2_has(&o, "Workbook")) {
        *not_native = 1; /* a BIFF5 "Book" */
        return EM_OK;
    }
    int r = ole2_read(&o, "Workbook", em->lim->max_file_bytes, &wb, &wblen);
    if (r == -3)
        return em_error(em, "memory", "the Workbook stream is too large to read");
    if (r)
        return em_error(em, "xls_damaged", "the Workbook stream cannot be read");
    xls_ctx c;
    memset(&c, 0, sizeof c);
    c.em = em;
    c.s = wb;
    c.len = wblen;
    int rc = EM_OK;
    r = read_globals(&c);
    if (r == 1)
        *not_native = 1;
    else if (r == -1)
        rc = em_error(em, "memory", "out of memory");
    else if (r == -2)
        rc = em_error(em, "xls_damaged", "the Workbook stream does not start with a BIFF8 BOF record");
    for (size_t i = 0; r == 0 && rc == EM_OK && i < c.nsheets; i++)
        if (c.sheets[i].worksheet)
            rc = read_sheet(&c, &c.sheets[i]);
    ctx_free(&c);
    free(wb);
    return rc;
}
