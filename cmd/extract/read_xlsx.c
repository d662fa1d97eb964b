/* Excel .xlsx: every sheet a table, in workbook order (workbook.xml and
 * its rels, not the zip order sheet1, sheet10, sheet2...). Shared and
 * inline strings (phonetic runs left out), numbers as their number format
 * shows them, formulas by their cached value, merged ranges as spans
 * (the covered cells are not repeated), hidden sheets and rows marked.
 * Row indexes are the sheet's own row numbers minus one, so a row span
 * counts sheet rows. A sheet's rows are held until its merges (written
 * after the rows) are known. */
#include "extract.h"
#include "numfmt.h"
#include "ooxml.h"
#include "sheet.h"
#include "text.h"
#include "utf8.h"

#include <glib.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *name, *path;
    int hidden;
} sheet_ref;

typedef struct {
    char **v;
    size_t n, cap;
} strlist;

typedef struct {
    int *xf_numfmt;               /* cellXfs index → numFmtId */
    size_t nxf;
    int *custom_id;               /* custom numFmts */
    char **custom_code;
    size_t ncustom;
} styles;

typedef struct {
    emitter *em;
    zip_t *za;
    strlist sst;
    styles st;
    int date1904;
} xlsx_ctx;

static int strlist_push(strlist *l, char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return 0;
}

static void strlist_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Opens a part for streaming: 0 ok, 1 absent, -1 error (*rc). */
static int open_part(xlsx_ctx *c, const char *name, unsigned char **data, xml_in *x, int *rc)
{
    size_t len;
    int r = ooxml_part(c->em, c->za, name, data, &len, rc);
    if (r)
        return r;
    if (xml_open(x, c->em, *data, len, name)) {
        free(*data);
        *rc = x->rc;
        return -1;
    }
    return 0;
}

static int is_text_node(xml_in *x)
{
    int t = xml_type(x);
    return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
           t == XML_READER_TYPE_CDATA;
}

/* --- shared strings ------------------------------------------------------ */

/* Spreadsheet text escapes the characters XML cannot carry as _xHHHH_
 * (ST_Xstring: _x000D_ in a header label WPS and Excel wrapped, _x005F_
 * an underscore itself): decoded in place. */
static void unescape_xstring(tbuf *b)
{
    if (!b->s || !strstr(b->s, "_x"))
        return;
    size_t w = 0;
    for (size_t i = 0; i < b->len;) {
        const char *p = b->s + i;
        if (i + 7 <= b->len && p[0] == '_' && p[1] == 'x' && p[6] == '_' && g_ascii_isxdigit(p[2]) &&
            g_ascii_isxdigit(p[3]) && g_ascii_isxdigit(p[4]) && g_ascii_isxdigit(p[5])) {
            uint32_t cp = (uint32_t)(g_ascii_xdigit_value(p[2]) << 12 | g_ascii_xdigit_value(p[3]) << 8 |
                                     g_ascii_xdigit_value(p[4]) << 4 | g_ascii_xdigit_value(p[5]));
            char u[4];
            int n = utf8_encode(cp, u);
            if (n > 0 && (size_t)n <= 7) { /* never longer than the escape */
                memcpy(b->s + w, u, (size_t)n);
                w += (size_t)n;
                i += 7;
                continue;
            }
        }
        b->s[w++] = b->s[i++];
    }
    b->len = w;
    b->s[w] = '\0';
}

static int read_shared_strings(xlsx_ctx *c)
{
    unsigned char *data;
    xml_in x;
    int rc = EM_OK;
    int r = open_part(c, "xl/sharedStrings.xml", &data, &x, &rc);
    if (r)
        return r > 0 ? EM_OK : rc;
    tbuf cur = {0};
    int in_si = 0, in_t = 0;
    while (rc == EM_OK && (r = xml_next(&x)) == 1) {
        if (is_text_node(&x)) {
            if (in_si && in_t) {
                const char *v = (const char *)xmlTextReaderConstValue(x.r);
                if (v && tb_adds(&cur, v))
                    rc = EM_ABORT;
            }
            continue;
        }
        if (!ns_s(xml_ns(&x)))
            continue;
        const char *n = xml_local(&x);
        if (xml_start(&x)) {
            if (strcmp(n, "si") == 0) {
                tb_clear(&cur);
                in_si = 1;
                if (xml_empty(&x)) {
                    in_si = 0;
                    if (strlist_push(&c->sst, strdup("")))
                        rc = EM_ABORT;
                }
            } else if (strcmp(n, "rPh") == 0 || strcmp(n, "phoneticPr") == 0) {
                if (xml_skip(&x))
                    rc = x.rc;  /* phonetic guides are not the text */
            } else if (strcmp(n, "t") == 0) {
                in_t = !xml_empty(&x);
            }
        } else if (xml_type(&x) == XML_READER_TYPE_END_ELEMENT) {
            if (strcmp(n, "t") == 0) {
                in_t = 0;
            } else if (strcmp(n, "si") == 0) {
                in_si = 0;
                unescape_xstring(&cur);
                char *s = strdup(tb_str(&cur));
                if (!s || strlist_push(&c->sst, s)) {
                    free(s);
                    rc = EM_ABORT;
                }
            }
        }
    }
    if (r < 0)
        rc = x.rc;
    tb_free(&cur);
    xml_close(&x);
    free(data);
    return rc;
}

/* --- styles --------------------------------------------------------------- */

static int read_styles(xlsx_ctx *c)
{
    unsigned char *data;
    xml_in x;
    int rc = EM_OK;
    int r = open_part(c, "xl/styles.xml", &data, &x, &rc);
    if (r)
        return r > 0 ? EM_OK : rc;
    styles *st = &c->st;
    int in_xfs = 0;
    while (rc == EM_OK && (r = xml_next(&x)) == 1) {
        if (!ns_s(xml_ns(&x)))
            continue;
        const char *n = xml_local(&x);
        if (strcmp(n, "cellXfs") == 0) {
            in_xfs = xml_start(&x) && !xml_empty(&x);
        } else if (xml_start(&x) && strcmp(n, "numFmt") == 0) {
            long id = xml_wattr_long(&x, "numFmtId", -1);
            char *code = xml_wattr(&x, "formatCode");
            if (!code)
                continue;   /* a format without its code: cells using it show as General */
            int *ids = realloc(st->custom_id, (st->ncustom + 1) * sizeof *ids);
            if (ids)
                st->custom_id = ids;
            char **codes = realloc(st->custom_code, (st->ncustom + 1) * sizeof *codes);
            if (codes)
                st->custom_code = codes;
            if (!ids || !codes) {
                free(code);
                rc = EM_ABORT;
                break;
            }
            st->custom_id[st->ncustom] = (int)id;
            st->custom_code[st->ncustom++] = code;
        } else if (in_xfs && xml_start(&x) && strcmp(n, "xf") == 0) {
            int *v = realloc(st->xf_numfmt, (st->nxf + 1) * sizeof *v);
            if (!v) {
                rc = EM_ABORT;
                break;
            }
            st->xf_numfmt = v;
            st->xf_numfmt[st->nxf++] = (int)xml_wattr_long(&x, "numFmtId", 0);
        }
    }
    if (r < 0)
        rc = x.rc;
    xml_close(&x);
    free(data);
    return rc;
}

static void styles_free(styles *st)
{
    for (size_t i = 0; i < st->ncustom; i++)
        free(st->custom_code[i]);
    free(st->custom_code);
    free(st->custom_id);
    free(st->xf_numfmt);
    memset(st, 0, sizeof *st);
}

static const char *format_of(const xlsx_ctx *c, long s)
{
    if (s < 0 || (size_t)s >= c->st.nxf)
        return NULL;
    int id = c->st.xf_numfmt[s];
    for (size_t i = 0; i < c->st.ncustom; i++)
        if (c->st.custom_id[i] == id)
            return c->st.custom_code[i];
    return numfmt_builtin(id);
}

/* --- workbook -------------------------------------------------------------- */

typedef struct {
    char *id, *target, *type;
} rel;

static void rels_free(rel *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].target);
        free(v[i].type);
    }
    free(v);
}

static int read_rels(xlsx_ctx *c, rel **out, size_t *nout)
{
    unsigned char *data;
    xml_in x;
    int rc = EM_OK;
    *out = NULL;
    *nout = 0;
    int r = open_part(c, "xl/_rels/workbook.xml.rels", &data, &x, &rc);
    if (r)
        return r > 0 ? EM_OK : rc;
    while (rc == EM_OK && (r = xml_next(&x)) == 1) {
        if (!xml_start(&x) || strcmp(xml_local(&x), "Relationship") != 0)
            continue;
        rel *v = realloc(*out, (*nout + 1) * sizeof *v);
        if (!v) {
            rc = EM_ABORT;
            break;
        }
        *out = v;
        v[*nout].id = xml_attr(&x, NULL, "Id");
        v[*nout].target = xml_attr(&x, NULL, "Target");
        v[*nout].type = xml_attr(&x, NULL, "Type");
        (*nout)++;
    }
    if (r < 0)
        rc = x.rc;
    xml_close(&x);
    free(data);
    if (rc) {
        rels_free(*out, *nout);
        *out = NULL;
        *nout = 0;
    }
    return rc;
}

/* A relationship target as a part name: "/xl/worksheets/sheet1.xml" or
 * "worksheets/sheet1.xml" (relative to xl/). */
static char *part_name(const char *target)
{
    if (target[0] == '/')
        return strdup(target + 1);
    const char *t = target;
    int up = 0;
    while (strncmp(t, "../", 3) == 0) {
        t += 3;
        up = 1;
    }
    size_t n = strlen(t) + 4;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", up ? "" : "xl/", t);
    return s;
}

static int read_workbook(xlsx_ctx *c, sheet_ref **out, size_t *nout)
{
    rel *rels;
    size_t nrels;
    int rc = read_rels(c, &rels, &nrels);
    if (rc)
        return rc;
    unsigned char *data;
    xml_in x;
    *out = NULL;
    *nout = 0;
    int r = open_part(c, "xl/workbook.xml", &data, &x, &rc);
    if (r) {
        rels_free(rels, nrels);
        return r > 0 ? em_error(c->em, "ooxml", "xl/workbook.xml is missing") : rc;
    }
    while (rc == EM_OK && (r = xml_next(&x)) == 1) {
        if (!xml_start(&x) || !ns_s(xml_ns(&x)))
            continue;
        const char *n = xml_local(&x);
        if (strcmp(n, "workbookPr") == 0) {
            char *v = xml_wattr(&x, "date1904");
            c->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
            free(v);
        } else if (strcmp(n, "sheet") == 0) {
            char *rid = xml_attr(&x, NS_R, "id");
            if (!rid)
                rid = xml_attr(&x, "http://purl.oclc.org/ooxml/officeDocument/relationships", "id");
            const rel *found = NULL;
            for (size_t i = 0; rid && i < nrels && !found; i++)
                if (rels[i].id && strcmp(rels[i].id, rid) == 0)
                    found = &rels[i];
            free(rid);
            /* chartsheets and dialog sheets hold no cells */
            if (!found || !found->target || !found->type ||
                strlen(found->type) < 10 || strcmp(found->type + strlen(found->type) - 10, "/worksheet"))
                continue;
            sheet_ref *v = realloc(*out, (*nout + 1) * sizeof *v);
            if (!v) {
                rc = EM_ABORT;
                break;
            }
            *out = v;
            char *state = xml_wattr(&x, "state");
            v[*nout].name = xml_wattr(&x, "name");
            v[*nout].path = part_name(found->target);
            v[*nout].hidden = state && strcmp(state, "visible") != 0;
            free(state);
            if (!v[*nout].name)
                v[*nout].name = strdup("");
            (*nout)++;
        }
    }
    if (r < 0)
        rc = x.rc;
    xml_close(&x);
    free(data);
    rels_free(rels, nrels);
    return rc;
}

/* --- one sheet -------------------------------------------------------------- */

/* "B6" → column 1, row 6 (either may be NULL). 0 ok. */
#define XLSX_MAX_COLS SHEET_MAX_COLS

static int parse_ref(const char *s, long *col, long *row)
{
    long c = 0, r = 0;
    int letters = 0;
    for (; *s >= 'A' && *s <= 'Z'; s++, letters++) {
        c = c * 26 + (*s - 'A' + 1);
        if (c > XLSX_MAX_COLS)
            return -1;
    }
    for (; *s >= '0' && *s <= '9'; s++) {
        r = r * 10 + (*s - '0');
        if (r > 1048576)
            return -1;
    }
    if (*s || !letters)
        return -1;
    if (col)
        *col = c - 1;
    if (row)
        *row = r;
    return 0;
}

typedef struct {
    long col;
    char *type;
    long style;
    tbuf value;
    int has_value;
} xcell;

static int cell_text(xlsx_ctx *c, const xcell *cell, tbuf *out)
{
    const char *t = cell->type ? cell->type : "n";
    const char *v = cell->value.s ? cell->value.s : "";
    tb_clear(out);
    if (strcmp(t, "s") == 0) {
        char *end;
        long i = strtol(v, &end, 10);
        if (end == v || i < 0 || (size_t)i >= c->sst.n)
            return tb_adds(out, "");
        return tb_adds(out, c->sst.v[i]);
    }
    if (strcmp(t, "b") == 0)
        return tb_adds(out, strcmp(v, "1") == 0 ? "TRUE" : "FALSE");
    if (strcmp(t, "n") == 0)
        return numfmt_render(v, format_of(c, cell->style), c->date1904, out);
    if (tb_adds(out, v))      /* str, inlineStr, e (#DIV/0!), d (ISO date) */
        return -1;
    unescape_xstring(out);
    return 0;
}

static int read_sheet(xlsx_ctx *c, const sheet_ref *sh)
{
    unsigned char *data;
    xml_in x;
    int rc = EM_OK;
    int r = open_part(c, sh->path, &data, &x, &rc);
    if (r)
        return r > 0 ? em_error(c->em, "ooxml", "sheet %s: part %s is missing", sh->name, sh->path)
                     : rc;
    sheet_rows rows = {0};
    sheet_range *merges = NULL;
    size_t nmerges = 0;
    sheet_row *row = NULL;
    /* the columns <cols> hides (a working column, last year's figures):
     * their cells are marked, not dropped, as hidden rows are */
    unsigned char hidden_col[XLSX_MAX_COLS / 8] = {0};
    xcell cell = {0};
    int in_cell = 0, in_v = 0, in_is = 0, in_t = 0;
    long next_row = 1;
    tbuf text = {0};
    while (rc == EM_OK && (r = xml_next(&x)) == 1) {
        if (is_text_node(&x)) {
            if (in_cell && (in_v || (in_is && in_t))) {
                const char *v = (const char *)xmlTextReaderConstValue(x.r);
                if (v && tb_adds(&cell.value, v))
                    rc = EM_ABORT;
                cell.has_value = 1;
            }
            continue;
        }
        if (!ns_s(xml_ns(&x)))
            continue;
        const char *n = xml_local(&x);
        int start = xml_start(&x), end = xml_end(&x);
        if (start && strcmp(n, "row") == 0) {
            long r = xml_wattr_long(&x, "r", next_row);
            if (r < 1 || r > SHEET_MAX_ROWS)
                r = next_row;
            row = sheet_add_row(&rows, r);
            if (!row) {
                rc = EM_ABORT;
                break;
            }
            next_row = row->r + 1;
            char *h = xml_wattr(&x, "hidden");
            row->hidden = h && (strcmp(h, "1") == 0 || strcmp(h, "true") == 0);
            free(h);
            if (xml_empty(&x))
                row = NULL;
        } else if (end && strcmp(n, "row") == 0) {
            row = NULL;
        } else if (start && strcmp(n, "c") == 0 && row) {
            long prev = json_array_size(row->cells)
                        ? (long)sheet_cell_col(json_array_get(row->cells, json_array_size(row->cells) - 1))
                        : -1;
            char *ref = xml_wattr(&x, "r");
            cell.col = prev + 1;
            if (ref && parse_ref(ref, &cell.col, NULL))
                cell.col = prev + 1;
            free(ref);
            free(cell.type);
            cell.type = xml_wattr(&x, "t");
            cell.style = xml_wattr_long(&x, "s", -1);
            tb_clear(&cell.value);
            cell.has_value = 0;
            in_cell = !xml_empty(&x);
        } else if (end && strcmp(n, "c") == 0 && row) {
            in_cell = in_v = in_is = in_t = 0;
            if (!cell.has_value)
                continue;  /* a styled empty cell */
            if (cell_text(c, &cell, &text)) {
                rc = EM_ABORT;
                break;
            }
            int hidden = cell.col >= 0 && cell.col < XLSX_MAX_COLS && hidden_col[cell.col / 8] >> (cell.col % 8) & 1;
            if ((rc = sheet_put_cell(c->em, sh->name, row, cell.col, tb_str(&text), text.len, hidden)))
                break;
        } else if (in_cell && strcmp(n, "v") == 0) {
            in_v = start && !xml_empty(&x);
        } else if (in_cell && strcmp(n, "is") == 0) {
            in_is = start && !xml_empty(&x);
        } else if (in_is && strcmp(n, "t") == 0) {
            in_t = start && !xml_empty(&x);
        } else if (start && (strcmp(n, "rPh") == 0 || strcmp(n, "f") == 0)) {
            if (xml_skip(&x))
                rc = x.rc;  /* phonetic guides and formula text are not the value */
        } else if (start && strcmp(n, "col") == 0 && !row) {
            char *h = xml_wattr(&x, "hidden");
            if (h && (strcmp(h, "1") == 0 || strcmp(h, "true") == 0)) {
                long lo = xml_wattr_long(&x, "min", 0), hi = xml_wattr_long(&x, "max", 0);
                for (long k = lo < 1 ? 1 : lo; k <= hi && k <= XLSX_MAX_COLS; k++)
                    hidden_col[(k - 1) / 8] |= (unsigned char)(1u << ((k - 1) % 8));
            }
            free(h);
        } else if (start && strcmp(n, "mergeCell") == 0) {
            char *ref = xml_wattr(&x, "ref");
            char *colon = ref ? strchr(ref, ':') : NULL;
            sheet_range m;
            if (colon) {
                *colon = '\0';
                if (parse_ref(ref, &m.c1, &m.r1) == 0 && parse_ref(colon + 1, &m.c2, &m.r2) == 0 &&
                    m.r1 <= m.r2 && m.c1 <= m.c2) {
                    sheet_range *v = realloc(merges, (nmerges + 1) * sizeof *v);
                    if (!v)
                        rc = EM_ABORT;
                    else
                        merges = v, merges[nmerges++] = m;
                }
            }
            free(ref);
        }
    }
    if (r < 0)
        rc = x.rc;
    xml_close(&x);
    free(data);
    /* a sheet that broke part way is still written as far as it was read */
    if (rc != EM_ABORT) {
        int r2 = sheet_emit(c->em, sh->name, sh->hidden, &rows, merges, nmerges);
        if (r2)
            rc = r2;
    }
    sheet_rows_free(&rows);
    free(merges);
    free(cell.type);
    tb_free(&cell.value);
    tb_free(&text);
    return rc;
}

int read_xlsx(const unsigned char *data, size_t len, emitter *em)
{
    int rc = EM_OK;
    xlsx_ctx c = {0};
    c.em = em;
    c.za = ooxml_open(em, data, len, &rc);
    if (!c.za)
        return rc;
    sheet_ref *sheets = NULL;
    size_t nsheets = 0;
    rc = read_workbook(&c, &sheets, &nsheets);
    if (rc == EM_OK)
        rc = read_shared_strings(&c);
    if (rc == EM_OK)
        rc = read_styles(&c);
    for (size_t i = 0; i < nsheets && rc == EM_OK; i++)
        if (sheets[i].path)
            rc = read_sheet(&c, &sheets[i]);
    for (size_t i = 0; i < nsheets; i++) {
        free(sheets[i].name);
        free(sheets[i].path);
    }
    free(sheets);
    strlist_free(&c.sst);
    styles_free(&c.st);
    zip_discard(c.za);
    return rc;
}
