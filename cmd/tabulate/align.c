#include "align.h"

#include "codes.h"
#include "decimal.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static int digits_only(const char *k, int *n)
{
    int i = 0;
    for (; k[i]; i++)
        if (k[i] < '0' || k[i] > '9')
            return 0;
    *n = i;
    return i > 0;
}

static int digits_only_cell(const char *cell)
{
    char k[32];
    int n = 0;
    return tx_key_buf(cell, k, sizeof k) >= 0 && digits_only(k, &n);
}

/* The first cell of r from i on that is not blank; end when none is. */
static int next_filled(const hrow *r, int i, int end)
{
    while (i < end && tx_is_blank(r->cells[i]))
        i++;
    return i;
}

/* A keyed cell of 3, 5 or 7 digits. */
static int code_key(const char *k)
{
    int n = 0;
    return digits_only(k, &n) && (n == 3 || n == 5 || n == 7);
}

int align_is_code(const char *cell)
{
    char k[32];
    return tx_key_buf(cell, k, sizeof k) >= 0 && code_key(k);
}

/* A code (align_is_code) whose 类 is known: no unit's number (318). */
static int known_code_cell(const char *cell)
{
    char k[32];
    return tx_key_buf(cell, k, sizeof k) >= 0 && code_key(k) && codes_known_class(k);
}

/* The code in a cell printed as a number with thousands separators
 * (2,013,101, 20,131, 30,101: a code typed as a number in a sheet formatted
 * #,##0), malloc'd, when its digits are a code of 3, 5 or 7 digits of a
 * known 类; else NULL. Only where a code stands: an amount reads the same. */
static char *grouped_code(const char *cell)
{
    char k[32], d[8];
    if (tx_key_buf(cell, k, sizeof k) < 0)
        return NULL;
    int n = 0, group = 0, groups = 0;
    for (const char *p = k; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            if (n == 7)
                return NULL;
            d[n++] = *p;
            group++;
        } else if (*p == ',' && group > 0 && group <= 3 && (groups == 0 || group == 3)) {
            groups++;
            group = 0;
        } else {
            return NULL;
        }
    }
    d[n] = '\0';
    if (!groups || group != 3 || !code_key(d) || !codes_known_class(d))
        return NULL;
    return tx_dup(d);
}

/* 1 when the cell is one amount with its thousands set apart by single
 * spaces (2 183.46, 1 234 567.89): digits in groups of three after the
 * first, and decimals, so that 100 200 (two numbers) is not one. */
static int space_grouped(const char *cell)
{
    const char *p = cell;
    while (*p == ' ')
        p++;
    int first = 0, groups = 0;
    while (*p >= '0' && *p <= '9')
        p++, first++;
    if (first < 1 || first > 3)
        return 0;
    while (*p == ' ' && p[1] >= '0' && p[1] <= '9') {
        int n = 0;
        for (p++; *p >= '0' && *p <= '9'; p++)
            n++;
        if (n != 3)
            return 0;
        groups++;
    }
    if (!groups || *p != '.' || !(p[1] >= '0' && p[1] <= '9'))
        return 0;
    for (p++; *p >= '0' && *p <= '9'; p++)
        ;
    while (*p == ' ')
        p++;
    return *p == '\0';
}

/* "3 4 5": numbers a conversion ran together (PDF 栏次 cells), not one */
int align_is_run_together(const char *cell)
{
    if (space_grouped(cell))
        return 0;
    /* digits, white space, digits: ASCII or full-width, no allocation */
    int state = 0;   /* 0 start, 1 in digits, 2 spaces after digits */
    for (const char *p = cell; *p;) {
        uint32_t c;
        int l = tx_cp(p, &c);
        p += l;
        int digit = (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
        int space = c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t';
        if (digit) {
            if (state == 2)
                return 1;
            state = 1;
        } else if (space) {
            if (state == 1)
                state = 2;
        } else {
            state = 0;
        }
    }
    return 0;
}

int align_is_cross_mark(const char *key)
{
    return strcmp(key, "\u00d7") == 0 || strcmp(key, "\u2573") == 0 || strcmp(key, "\u2715") == 0 ||
           strcmp(key, "*") == 0 || strcmp(key, "\uff0a") == 0;
}

int align_is_nil_word(const char *key)
{
    /* 无, or a template's note that the unit reports no figure there
     * (单位不需填列, 不需填列, 无需填列, 不适用), or a cross mark */
    return strcmp(key, "无") == 0 || tx_ends(key, "不需填列") || tx_ends(key, "无需填列") ||
           strcmp(key, "不适用") == 0 || align_is_cross_mark(key);
}

/* The units a figure cell may print after its number. */
static const char *const CELL_UNITS[] = {"%", "万元", "元", NULL};

/* Bytes of a currency format's ¥ (or ￥) before the number of key. */
static size_t currency_len(const char *key)
{
    size_t n = strncmp(key, "\xC2\xA5", 2) == 0 ? 2 : strncmp(key, "\xEF\xBF\xA5", 3) == 0 ? 3 : 0;
    return n && ((key[n] >= '0' && key[n] <= '9') || key[n] == '-') ? n : 0;
}

char *align_cell_number(char *key, size_t *len, int *unit)
{
    size_t cur = currency_len(key);
    key += cur;
    size_t l = *len - cur;
    *len = l;
    *unit = 0;
    for (int u = 0; CELL_UNITS[u]; u++) {
        size_t n = strlen(CELL_UNITS[u]);
        /* (万元 and 元 after an amount with decimals, as a format writes
         * it: 1,234.56万元; ≤1万元, a target in a 绩效 table, stays text) */
        if (l > n && strcmp(key + l - n, CELL_UNITS[u]) == 0 && key[l - n - 1] >= '0' &&
            key[l - n - 1] <= '9' && (u == 0 || (l >= n + 3 && key[l - n - 3] == '.'))) {
            *len = l - n;
            key[*len] = '\0';
            *unit = u + 1;
            break;
        }
    }
    return key;
}

const char *align_unit_name(int unit) { return CELL_UNITS[unit - 1]; }

int align_is_figure(const char *cell)
{
    if (align_is_run_together(cell))
        return 0;
    char k[64];
    int n = tx_key_buf(cell, k, sizeof k);
    if (n < 0)
        return 0;   /* too long for a figure */
    if (align_is_nil_word(k))
        return 1;
    size_t l = (size_t)n;
    int unit;
    const char *num = align_cell_number(k, &l, &unit);
    decimal d;
    dec_status st = dec_parse(num, l, &d);
    return st == DEC_OK || st == DEC_NIL;
}

static int is_text(const char *cell)
{
    return !tx_is_blank(cell) && !align_is_figure(cell);
}

/* A code split over 类 | 款 | 项 cells: 210 | 15 | 01. */
static int split_code(const hrow *r, int i, int end, sbuf *code)
{
    char *k = tx_key(r->cells[i]);
    int n = 0, used = 0;
    if (digits_only(k, &n) && n == 3) {
        sb_puts(code, k);
        used = 1;
        for (int j = i + 1; j < end && j < i + 3; j++) {
            char *kj = tx_key(r->cells[j]);
            int m = 0;
            if (digits_only(kj, &m) && m == 2) {
                sb_puts(code, kj);
                used++;
                free(kj);
            } else {
                free(kj);
                break;
            }
        }
    }
    free(k);
    return used;
}

/* The code of a row printing only its lower segments (05 | 01 under a 类
 * 208 printed on the first row of its group, as 财政 systems export): the
 * segments in the 款 and 项 columns completed from the code of the row
 * above. Returns the cells used from i (the row's first printed cell), 0
 * when the row has no such code. */
static int carried_code(const hblock *bl, const hrow *r, int i, int end, const char *above,
                        sbuf *code)
{
    int at = bl->split_at;
    size_t la = above ? strlen(above) : 0;
    if (at < 0 || la < 3 || i <= at || i > at + 2 || at + 3 > end)
        return 0;
    char seg[2][8] = {"", ""};
    for (int s = 0; s < 2; s++) {
        const char *c = r->cells[at + 1 + s];
        int n = 0;
        if (tx_is_blank(c))
            continue;
        if (tx_key_buf(c, seg[s], sizeof seg[s]) < 0 || !digits_only(seg[s], &n) || n != 2)
            return 0;
    }
    if (!seg[0][0] && la < 5)
        return 0;   /* a 项 whose 款 is not known */
    sb_put(code, above, 3);
    if (seg[0][0])
        sb_puts(code, seg[0]);
    else
        sb_put(code, above + 3, 2);
    sb_puts(code, seg[1]);
    return at + 3 - i;
}

/* The code of a row printing only its own level's segment in the one code
 * column (204 / 02 / 01 under one another, indented or not): the 款 under a
 * class, the 项 under a 款 (under an economic 款, another 款), and under a
 * 项 another 项 of its 款 or, when the class has a 款 of the row's name, a
 * 款 (a new NULL-terminated string). */
static char *level_segment(const hrow *r, int i, int end, const char *above)
{
    char seg[8];
    int n = 0;
    size_t la = above ? strlen(above) : 0;
    if ((la != 3 && la != 5 && la != 7) || tx_key_buf(r->cells[i], seg, sizeof seg) != 2 ||
        !digits_only(seg, &n))
        return NULL;
    int k = next_filled(r, i + 1, end);
    if (k >= end || !is_text(r->cells[k]))
        return NULL;
    char code[8];
    /* an economic classification (301 …, 501 …) has no 项: under 30101 the
     * segment 02 is the next 款, 30102 */
    if (la == 5 && (above[0] == '3' || above[0] == '5'))
        la = 3;
    if (la == 7) {
        char cls[4] = {above[0], above[1], above[2], '\0'};
        char *label = tx_clean(r->cells[k]);
        const char *kuan = codes_kuan_named(label, cls);
        free(label);
        if (kuan && strncmp(kuan + 3, seg, 2) == 0)
            la = 3;   /* a new 款 */
        else
            la = 5;   /* a 项 beside the one above */
    }
    memcpy(code, above, la);
    memcpy(code + la, seg, 3);
    return tx_dup(code);
}

/* A label printed with its code in one cell (2080505 机关事业单位基本养老
 * 保险缴费支出, 30102津贴补贴, [2010301]行政运行: a code of 3, 5 or 7 digits
 * of a known 类, bracketed or not, then the name, an ideograph first) is
 * split into code and label; a year
 * (2024年), an amount (500万元) or another number (110千伏) is no code. */
static void split_leading_code(arow *out)
{
    const char *p = out->label;
    /* in brackets, as 预算管理一体化 exports it: [2010301]行政运行, 【201】… */
    uint32_t open = 0;
    int ol = tx_cp(p, &open);
    int bracket = open == '[' || open == 0x3010 || open == 0xFF3B;
    if (bracket)
        p += ol;
    int n = 0;
    while (p[n] >= '0' && p[n] <= '9')
        n++;
    if (n != 3 && n != 5 && n != 7)
        return;
    const char *q = p + n;
    if (bracket) {
        uint32_t close = 0;
        int cl = tx_cp(q, &close);
        if (close != ']' && close != 0x3011 && close != 0xFF3D)
            return;
        q += cl;
    }
    while (*q == ' ')
        q++;
    uint32_t c;
    tx_cp(q, &c);
    if (!tx_is_cjk(c) || c == 0x5E74 /* 年 */ || c == 0x4E07 /* 万 */ || c == 0x5143 /* 元 */ ||
        !codes_known_class(p))
        return;
    out->code = tx_ndup(p, (size_t)n);
    char *rest = tx_dup(q);
    free(out->label);
    out->label = rest;
}

/* A label printed with its code after it in brackets, in one cell and no
 * code column (水体（2110302）, 基本工资(30101)): a code of 3, 5 or 7
 * digits of a known 类, split off. */
static void split_trailing_code(arow *out)
{
    const char *l = out->label;
    size_t n = strlen(l);
    static const char *const closes[] = {"）", ")", "]", "】"};
    static const char *const opens[] = {"（", "(", "[", "【"};
    for (int b = 0; b < 4; b++) {
        size_t lc = strlen(closes[b]), lo = strlen(opens[b]);
        if (n <= lc || strcmp(l + n - lc, closes[b]) != 0)
            continue;
        size_t e = n - lc, d = e;
        while (d > 0 && l[d - 1] >= '0' && l[d - 1] <= '9')
            d--;
        size_t digits = e - d;
        if ((digits != 3 && digits != 5 && digits != 7) || d < lo + 1 ||
            strncmp(l + d - lo, opens[b], lo) != 0)
            return;
        char code[8];
        memcpy(code, l + d, digits);
        code[digits] = '\0';
        if (!codes_known_class(code))
            return;
        out->code = tx_dup(code);
        char *rest = tx_ndup(l, d - lo);
        free(out->label);
        out->label = rest;
        return;
    }
}

int align_row(const hblock *bl, const hrow *row, const char *above, arow *out)
{
    memset(out, 0, sizeof *out);
    out->ncols = bl->ncols;
    out->slot = malloc(sizeof(int) * (size_t)(bl->ncols ? bl->ncols : 1));
    if (!out->slot)
        abort();
    for (int j = 0; j < bl->ncols; j++)
        out->slot[j] = -1;
    int start = 0, end = row->n;
    if (start >= end)
        return -1;
    int i = next_filled(row, start, end);
    int vstart = start;   /* where the values begin when the row has no label */
    /* a 序号 before the code (1 | 201 | 一般公共服务支出): in the stub, a
     * number followed by a code of a known 类 */
    if (i < end - bl->ncols && digits_only_cell(row->cells[i])) {
        int k = next_filled(row, i + 1, end);
        if (k < end - bl->ncols && known_code_cell(row->cells[k]))
            i = k;
    }
    if (i < end) {
        sbuf code = {0};
        int used = split_code(row, i, end, &code);
        size_t la = above ? strlen(above) : 0;
        /* 类 | (merged 款, printed elsewhere) | 项: the 款 of the row above */
        if (used == 1 && bl->split_at >= 0 && i == bl->split_at && i + 2 < end &&
            tx_is_blank(row->cells[i + 1]) && la >= 5 && strncmp(above, code.s, 3) == 0) {
            char seg[8];
            int n = 0;
            if (tx_key_buf(row->cells[i + 2], seg, sizeof seg) >= 0 && digits_only(seg, &n) && n == 2) {
                sb_put(&code, above + 3, 2);
                sb_puts(&code, seg);
                used = 3;
            }
        }
        /* 2,013,101 before its name: a code printed as a number */
        char *grouped = grouped_code(row->cells[i]);
        int after = grouped ? next_filled(row, i + 1, end) : end;
        if (grouped && !(after < end && is_text(row->cells[after]))) {
            free(grouped);
            grouped = NULL;
        }
        if (grouped) {
            free(code.s);
            out->code = grouped;
            i++;
        } else if ((used > 1 || (used == 1 && align_is_code(row->cells[i]))) && codes_known_class(code.s)) {
            out->code = sb_take(&code);
            i += used;
        } else if ((used = carried_code(bl, row, i, end, above, &code)) > 0) {
            out->code = sb_take(&code);
            i += used;
        } else if (bl->split_at < 0 && (out->code = level_segment(row, i, end, above)) != NULL) {
            free(code.s);
            i++;
        } else {
            free(code.s);
            /* a merged code cell: the slots it covers are empty */
            int k = next_filled(row, i + 1, end);
            if (k < end && is_text(row->cells[k]) && known_code_cell(row->cells[i])) {
                out->code = tx_key(row->cells[i]);
                i++;
            } else if (k < end && is_text(row->cells[k]) && digits_only_cell(row->cells[i]) &&
                       i < end - bl->ncols) {
                /* in the stub, a unit's number (318001 before 杉坪县财政局
                 * （本级） in a list by 单位) or a 序号: no figure, no code */
                i = k;
                vstart = i;
            }
        }
        if (out->code) {
            i = next_filled(row, i, end);
            vstart = i;
        }
        if (i < end && is_text(row->cells[i])) {
            out->label = tx_clean(row->cells[i]);
            i++;
            if (!out->code)
                split_leading_code(out);
            if (!out->code)
                split_trailing_code(out);
            /* the code in a column after the name's (科目名称 | 科目编码),
             * right before the figures */
            if (!out->code && i < end - bl->ncols && known_code_cell(row->cells[i])) {
                out->code = tx_key(row->cells[i]);
                i++;
            }
            /* 类 | 款 | 项 columns whose 类 cell is merged down its group
             * print the class once, somewhere in the group: the class row
             * is known by its name */
            const char *cls;
            if (!out->code && bl->split_at >= 0 && (cls = codes_class_named(out->label)))
                out->code = tx_dup(cls);
            /* …and a 款 row by its name under the class above, or under
             * the class printed on its line (the 类 cell's middle) */
            if (!out->code && bl->split_at >= 0 && (cls = codes_kuan_named(out->label, above)))
                out->code = tx_dup(cls);
            else if (out->code && strlen(out->code) == 3 && bl->split_at >= 0 &&
                     (cls = codes_kuan_named(out->label, out->code))) {
                free(out->code);
                out->code = tx_dup(cls);
            }
            if (bl->has_line && i < end && (tx_is_int(row->cells[i]) || tx_is_blank(row->cells[i]))) {
                if (!tx_is_blank(row->cells[i]))
                    out->line_no = tx_key(row->cells[i]);
                i++;
            }
            vstart = i;
        } else if (bl->has_line && i < end && tx_is_int(row->cells[i]) && i + 1 < end) {
            /* a placeholder row: 行次 but no label */
            out->line_no = tx_key(row->cells[i]);
            vstart = i + 1;
        }
    }
    if (bl->grid) {
        /* each column at its header's slot: a label printed further right
         * than the header's stubs covers the first columns, it does not
         * move the figures after it one column left */
        for (int j = 0; j < bl->ncols; j++) {
            int s = end - bl->ncols + j;
            out->slot[j] = s >= vstart ? s : -1;
        }
        return 0;
    }
    int nv = end - vstart;
    int first = vstart;
    if (nv > bl->ncols) {
        first = end - bl->ncols;
        nv = bl->ncols;
    }
    for (int j = 0; j < nv; j++)
        out->slot[j] = first + j;
    return 0;
}

int align_split(const hmodel *m, const hrow *row, hrow *parts, int *blocks, int max)
{
    int np = 0;
    int seg_start = -1;
    for (int i = 0; i <= row->n; i++) {
        if (i < row->n && seg_start < 0) {
            if (!tx_is_blank(row->cells[i]))
                seg_start = i;
            continue;
        }
        /* a text cell (a label) after the segment's first cell starts the next */
        int boundary = i == row->n || (is_text(row->cells[i]) && !align_is_code(row->cells[i]));
        if (!boundary || seg_start < 0)
            continue;
        /* a code cell before the label belongs to the next segment */
        int e = i;
        if (i < row->n && i - 1 > seg_start && align_is_code(row->cells[i - 1]))
            e = i - 1;
        /* blank cells at its end are the gap before the next label */
        int last = e;
        while (last > seg_start + 1 && tx_is_blank(row->cells[last - 1]))
            last--;
        if (np < max && np < m->nblocks) {
            parts[np].cells = row->cells + seg_start;
            parts[np].n = last - seg_start;
            blocks[np] = np;
            np++;
        }
        seg_start = i < row->n ? e : -1;
    }
    return np;
}

void align_free(arow *a)
{
    free(a->code);
    free(a->label);
    free(a->line_no);
    free(a->slot);
    memset(a, 0, sizeof *a);
}

int align_names_identifier(const char *label)
{
    static const char *const WORDS[] = {"电话", "邮政编码", "邮编", "传真", "手机", "信用代码",
                                        "机构代码", "身份证", "账号", "帐号", NULL};
    for (int i = 0; WORDS[i]; i++)
        if (strstr(label, WORDS[i]))
            return 1;
    return 0;
}
