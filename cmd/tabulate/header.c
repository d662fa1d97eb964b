#include "header.h"

#include "align.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const STUBS[] = {
    "项目", "项目名称", "科目名称", "科目代码", "科目编码", "功能分类科目编码", "经济分类科目编码",
    "支出功能分类科目编码", "支出经济分类科目编码", "功能分类", "经济分类", "科目", "预算科目",
    "类", "款", "项", "类款", "款项", "栏次", "行次", "单位名称", "单位编码", "单位代码", "编码", "名称",
    "序号",
    /* a 收支总表 whose 支出 side is printed once per view, side by side */
    "支出类别", "支出性质", "支出功能分类", "支出经济分类", "部门预算经济分类", "政府预算经济分类",
    "部门预算支出经济分类", "政府预算支出经济分类", NULL};

static const char *const SIDES[] = {"收入", "支出", NULL};

/* The length of key k before a qualifier in brackets at its end (项目(按
 * 功能分类) → 项目), or all of it. */
static size_t before_bracket(const char *k)
{
    const char *open = strchr(k, '(');
    size_t n = strlen(k);
    return open && open > k && n && k[n - 1] == ')' ? (size_t)(open - k) : n;
}

static int is_stub_key(const char *k)
{
    int stub = 0;
    for (int i = 0; STUBS[i] && !stub; i++)
        stub = strcmp(k, STUBS[i]) == 0;
    /* 项目(按功能分类), 支出功能分类科目(按大类): a stub heading with what
     * its rows are, or how fine, said in brackets after it */
    size_t head_len = before_bracket(k);
    if (!stub && head_len < strlen(k) && head_len < 96) {
        char head[96];
        memcpy(head, k, head_len);
        head[head_len] = '\0';
        stub = is_stub_key(head);
    }
    /* 经济分类科目, 支出功能分类科目编码, 部门预算支出经济分类科目名称: the
     * stub of code and name printed in one cell, or its parts (a PDF's two
     * lines run together: 政府预算支出经济分类科目 / 科目名称) */
    if (!stub && (tx_ends(k, "分类科目") || tx_ends(k, "科目编码") ||
                  tx_ends(k, "科目名称") || tx_ends(k, "科目代码") ||
                  ((strstr(k, "编码") || strstr(k, "代码")) && strstr(k, "名称") &&
                   tx_cplen(k, strlen(k)) <= 12))) /* 科目编码及名称 */
        stub = 1;
    /* 类 | 款 | 项 in one cell, under or run together with the code
     * heading over them (a PDF's 科目编码类款项 of an empty table, whose
     * columns no figure shows) */
    if (!stub && tx_ends(k, "类款项")) {
        size_t head = strlen(k) - strlen("类款项");
        stub = head == 0 || (head == strlen("科目编码") && (strncmp(k, "科目编码", head) == 0 ||
                                                          strncmp(k, "科目代码", head) == 0));
    }
    /* 科目名称/单位名称: a stub naming what its rows are, either */
    if (!stub && strchr(k, '/') && strlen(k) < 96) {
        char part[96];
        const char *p = k;
        stub = 1;
        while (stub && *p) {
            size_t n = strcspn(p, "/");
            memcpy(part, p, n);
            part[n] = '\0';
            stub = n > 0 && is_stub_key(part);
            p += n + (p[n] == '/');
        }
    }
    return stub;
}

/* The length of the side a stub heading starts with (收入项目 | 金额 |
 * 支出项目 | 金额: a one-row header naming each side in its stub), or 0. */
static size_t side_prefix(const char *k)
{
    for (int i = 0; SIDES[i]; i++) {
        size_t l = strlen(SIDES[i]);
        if (strncmp(k, SIDES[i], l) == 0 && is_stub_key(k + l))
            return l;
    }
    return 0;
}

int hdr_is_stub(const char *label)
{
    char k[96];
    if (tx_key_buf(label, k, sizeof k) < 0)
        return 0;   /* far longer than any stub heading */
    return is_stub_key(k) || side_prefix(k) > 0;
}

static int is_key(const char *label, const char *word)
{
    char k[96];
    return tx_key_buf(label, k, sizeof k) >= 0 && strcmp(k, word) == 0;
}

/* The column number a 栏次 cell prints: its digits (ASCII or full-width),
 * or the digits before a formula of the columns it sums (1=2+3+4+5+6+7,
 * 7＝8＋9＋12, printed in the 栏次 row for the notes under the table); -1
 * when it is neither or has more than six digits. */
static int colno_cell(const char *cell)
{
    /* (only digits, or a cell with an =, are folded: the rows asked are
     * mostly figures, and a fold for each cost more than the rest) */
    int formula = strchr(cell, '=') || strstr(cell, "＝");
    if (!formula && !tx_is_int(cell))
        return -1;
    /* (folded, not keyed: a key drops the spaces of "3 4 5", several) */
    char *f = tx_fold(cell), *p = f;
    int v = 0, n = 0, ok;
    p += strspn(p, " ");
    for (; *p >= '0' && *p <= '9'; p++)
        if (++n <= 6)
            v = v * 10 + (*p - '0');
    p += strspn(p, " ");
    ok = n && n <= 6 && (*p == '\0' || (*p == '=' && p[1]));
    for (p += *p == '='; *p && ok; p++)
        ok = (*p >= '0' && *p <= '9') || strchr(" +-()", *p);
    free(f);
    return ok ? v : -1;
}

/* A cell of consecutive integers separated by spaces, continuing expect. */
static int int_run(const char *cell, int *expect)
{
    char *f = tx_fold(cell);
    int n = 0, e = *expect, ok = 1;
    for (char *p = f; *p && ok;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (*p < '0' || *p > '9') {
            ok = 0;
            break;
        }
        int v = 0, digits = 0;
        while (*p >= '0' && *p <= '9') {
            if (++digits <= 6)
                v = v * 10 + (*p - '0');
            p++;
        }
        if (digits > 6 || v != e)
            ok = 0;
        e++;
        n++;
    }
    free(f);
    if (!ok || n < 2)
        return 0;
    *expect = e;
    return 1;
}

int hdr_colno_range(const hrow *r, int *first, int *last)
{
    int ints = 0, expect = 1, ok = 1, has_word = 0, from = 1;
    for (int i = 0; i < r->n; i++) {
        const char *c = r->cells[i];
        if (tx_is_blank(c))
            continue;
        /* a long text cell is neither 栏次, a number nor a stub heading */
        if (strlen(c) > 30 && !strstr(c, "栏次"))
            return 0;
        /* 栏次, or 甲 | 乙 | 1 | 2 …: the stub columns lettered by the stems */
        char k[16];
        int kl = tx_key_buf(c, k, sizeof k);
        if (kl >= 0 &&
            (strcmp(k, "栏次") == 0 || strcmp(k, "甲") == 0 || strcmp(k, "乙") == 0 ||
             strcmp(k, "丙") == 0 || strcmp(k, "丁") == 0)) {
            has_word = 1;
            continue;
        }
        /* ** in the stub columns, as some templates fill them */
        if (kl > 0 && strspn(k, "*") == (size_t)kl)
            continue;
        int v = colno_cell(c);
        if (v >= 0) {
            /* (or going on from another table's: 7 8 … 12 under 1 … 6, a
             * table printed as two) */
            if (!ints && v > 1)
                expect = from = v;
            if (v == expect || (ints && v == expect - 1))
                expect = v + 1;
            else if (!has_word)
                ok = 0;
            ints++;
            continue;
        }
        /* "3 4 5": 栏次 a PDF conversion ran into one cell */
        if (int_run(c, &expect)) {
            ints += 2;
            continue;
        }
        /* 类 款 项 may share the row (asked only while it can matter) */
        if (ok && !hdr_is_stub(c))
            ok = 0;
    }
    if (!(ints > 0 && (has_word || (ok && ints >= (from == 1 ? 2 : 3)))))
        return 0;
    *first = from;
    *last = expect - 1;
    return 1;
}

int hdr_is_colno_row(const hrow *r)
{
    int first, last;
    return hdr_colno_range(r, &first, &last);
}

/* The labels of one block level, bottom-up: each value column has a path
 * built by prepending; a segment is a run of columns one label covers. */
typedef struct {
    int n;
    char ***path;    /* path[j]: array of labels, top-down after building */
    int *depth;
    int *labelled;
    int *seg;        /* segment id per column at the current top level */
} builder;

static void prepend(builder *b, int j, const char *label)
{
    /* a merged cell repeated in the row below (spans) is one label */
    if (b->depth[j] && strcmp(b->path[j][0], label) == 0)
        return;
    b->path[j] = realloc(b->path[j], sizeof(char *) * (size_t)(b->depth[j] + 1));
    if (!b->path[j])
        abort();
    memmove(b->path[j] + 1, b->path[j], sizeof(char *) * (size_t)b->depth[j]);
    b->path[j][0] = tx_dup(label);
    b->depth[j]++;
    b->labelled[j] = 1;
}

/* The length of label l without the unit printed after it (2024年预算数
 * （万元）, 决算数(元)): the unit is the column's, not part of its name. */
static size_t unitless_len(const char *l)
{
    static const char *const UNITS[] = {"（万元）", "(万元)", "（元）", "(元)", NULL};
    size_t n = strlen(l);
    for (int i = 0; UNITS[i]; i++) {
        size_t u = strlen(UNITS[i]);
        if (n > u && strcmp(l + n - u, UNITS[i]) == 0)
            return n - u;
    }
    return n;
}

/* The unit of a column of counts, printed after its label (公务用车保有量
 * （辆）, 国内公务接待批次（个）, 接待人次（人）), or NULL: its figures are
 * no amounts. */
static char *count_unit(const char *key)
{
    static const char *const UNITS[] = {"辆", "个", "人", "人次", "次", "批次", "台", "台套", "套", "户", "名", NULL};
    size_t n = strlen(key);
    for (int i = 0; UNITS[i]; i++) {
        size_t u = strlen(UNITS[i]);
        if (n >= u + 2 && key[n - 1] == ')' && key[n - u - 2] == '(' &&
            strncmp(key + n - u - 1, UNITS[i], u) == 0)
            return tx_dup(UNITS[i]);
    }
    return NULL;
}

static char *label_of(const char *cell)
{
    /* header labels: spaces inside are layout (收     入) */
    char *k = tx_clean(cell);
    sbuf b = {0};
    for (char *p = k; *p;) {
        uint32_t c;
        int l = tx_cp(p, &c);
        if (!(c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t'))
            sb_put(&b, p, (size_t)l);
        p += l;
    }
    free(k);
    return sb_take(&b);
}

/* Segments after a positional row: a run of adjacent labelled columns is
 * one segment (the group a label above will cover), an unlabelled column
 * is its own. */
static void resegment_positional(builder *b, char **labels)
{
    int id = 0;
    for (int j = 0; j < b->n; j++) {
        if (j > 0 && labels[j][0] && labels[j - 1][0])
            b->seg[j] = b->seg[j - 1];
        else if (j > 0 && !labels[j][0] && !labels[j - 1][0] && b->labelled[j] &&
                 b->labelled[j - 1] && b->seg[j] == b->seg[j - 1])
            b->seg[j] = b->seg[j - 1];   /* a group from below stays one */
        else
            b->seg[j] = ++id;
    }
}

/* A merged group cell whose text a conversion wrote only into its first
 * slot (本年支出 |  |  over 小计 | 基本支出 | 项目支出): a blank after a group
 * label, over a column labelled below, belongs to that group. A label over
 * nothing (a cell spanning the rows below, 年末结转和结余) is no group. */
static void fill_groups(builder *b, char **labels)
{
    int g = -1;
    for (int j = 0; j < b->n; j++) {
        if (labels[j][0]) {
            g = b->labelled[j] ? j : -1;
        } else if (g >= 0 && b->labelled[j]) {
            free(labels[j]);
            labels[j] = tx_dup(labels[g]);
        } else {
            g = -1;
        }
    }
}

/* A row with fewer labels than columns: its labels go over the segments,
 * one each, or in equal chunks (预算数 | 决算数 over twice the same six). */
static void assign_groups(builder *b, char **labels, int nl)
{
    int nseg = 0, starts[512];
    for (int j = 0; j < b->n && nseg < 512; j++)
        if (j == 0 || b->seg[j] != b->seg[j - 1])
            starts[nseg++] = j;
    int per = 0;
    if (nl == nseg) {
        per = 1;
    } else if (nl < nseg && nseg % nl == 0) {
        per = nseg / nl;
    } else if (b->n % nl == 0) {
        /* equal column chunks: 预算数 | 决算数 over one run of columns */
        nseg = 0;
        for (int j = 0; j < b->n && nseg < 512; j++)
            starts[nseg++] = j;
        per = nseg / nl;
    } else {
        return;   /* cannot tell which label covers what: keep what we have */
    }
    int *newseg = malloc(sizeof(int) * (size_t)b->n);
    if (!newseg)
        abort();
    for (int s = 0; s < nseg; s++) {
        int lab = s / per;
        int a = starts[s], e = s + 1 < nseg ? starts[s + 1] : b->n;
        for (int j = a; j < e; j++) {
            prepend(b, j, labels[lab]);
            newseg[j] = lab + 1;
        }
    }
    memcpy(b->seg, newseg, sizeof(int) * (size_t)b->n);
    free(newseg);
}

int hdr_stub_run_end(const hrow *r, int a, int e)
{
    int end = a;
    for (int k = a; k < e && k < r->n; k++) {
        if (tx_is_blank(r->cells[k]))
            continue;
        if (!hdr_is_stub(r->cells[k]))
            break;
        end = k + 1;
    }
    return end;
}

/* The value area of a row inside a block: what follows its stub cells.
 * A row without stub headings skips skip_plain slots, or its leading blanks
 * when they are more, up to the stubs of the block (the slots under 科目编码 |
 * 科目名称 printed blank instead of spanned). */
static int value_area(const hrow *r, int start, int end, int skip_plain, int stubs, int grid,
                      char ***out)
{
    int a = start, e = end < r->n ? end : r->n;
    if (a >= e) {
        *out = NULL;
        return 0;
    }
    int blanks = 0;
    while (a + blanks < e && blanks < stubs && tx_is_blank(r->cells[a + blanks]))
        blanks++;
    /* the stub columns numbered too (项目 1 | 预算数 2, 科目编码 1 | 科目名称
     * 2 | 合计 3): their numbers head no value column */
    int numbered = blanks == 0 && stubs > 0 && a + stubs < e;
    for (int k = a; k < a + stubs && numbered; k++)
        numbered = colno_cell(r->cells[k]) >= 0;
    if (numbered) {
        *out = r->cells + a + stubs;
        return e - a - stubs;
    }
    /* stub headings at the row's start, or, on a grid, after a blank slot
     * (款 | 项 under a 科目编码 beside 类) */
    int s = a + blanks;
    int run = (blanks == 0 || grid) && s < e && !tx_is_blank(r->cells[s])
                  ? hdr_stub_run_end(r, s, e)
                  : s;
    if (run > s) {
        a = run;
        /* on a grid, fewer stub headings than the block's (类 | 款 | 项
         * under 科目编码, beside 科目名称 spanning both rows): its blank stub
         * slots too (a text conversion's row is not on a grid: its blanks
         * after the stubs may be value slots) */
        while (grid && a < e && a - start < stubs && tx_is_blank(r->cells[a]))
            a++;
    } else {
        a += blanks > skip_plain ? blanks : skip_plain;
    }
    if (a > e)
        a = e;
    *out = r->cells + a;
    return e - a;
}

static void build_block(const hrow *rows, int nheader, int key_row, hblock *bl, int grid,
                        int has_label, int values_hint)
{
    int skip_plain = (has_label ? 1 : 0) + (bl->has_line ? 1 : 0);
    int stubs = 0;
    for (int h = 0; h < nheader; h++) {
        /* (the key row's stubs may stand after a slot with no heading of
         * its own: the codes printed apart from 科目编码及名称) */
        int k = bl->start < rows[h].n && (!tx_is_blank(rows[h].cells[bl->start]) || h == key_row)
                    ? hdr_stub_run_end(&rows[h], bl->start, bl->end)
                    : bl->start;
        if (k - bl->start > stubs)
            stubs = k - bl->start;
    }
    int colno_row = -1;
    for (int h = nheader - 1; h >= 0; h--)
        if (hdr_is_colno_row(&rows[h])) {
            colno_row = h;
            break;
        }
    /* how many value columns */
    int n = 0;
    char **cn = NULL;
    int ncn = 0;
    if (colno_row >= 0) {
        ncn = value_area(&rows[colno_row], bl->start, bl->end, skip_plain, stubs, grid, &cn);
        /* leading blanks before the numbers are stub slots (a 行次 column) */
        int lead = 0;
        while (lead < ncn && colno_cell(cn[lead]) < 0)
            lead++;
        if (cn)
            cn += lead;
        ncn -= lead;
        n = ncn;
    }
    if (n == 0) {
        for (int h = key_row < 0 ? 0 : key_row; h < nheader; h++) {
            char **area;
            int na = value_area(&rows[h], bl->start, bl->end, skip_plain, stubs, grid, &area);
            int labels = 0;
            for (int j = 0; j < na; j++)
                labels += !tx_is_blank(area[j]);
            /* an empty row says nothing about the columns */
            if (labels && na > n)
                n = na;
        }
        if (n == 0)
            n = values_hint;   /* no header over the values: the data say how many */
    }
    if (n <= 0) {
        bl->ncols = 0;
        return;
    }
    builder b = {.n = n};
    b.path = calloc((size_t)n, sizeof(char **));
    b.depth = calloc((size_t)n, sizeof(int));
    b.labelled = calloc((size_t)n, sizeof(int));
    b.seg = calloc((size_t)n, sizeof(int));
    if (!b.path || !b.depth || !b.labelled || !b.seg)
        abort();
    for (int j = 0; j < n; j++)
        b.seg[j] = j + 1;
    int top = key_row < 0 ? 0 : key_row;
    for (int h = nheader - 1; h >= top; h--) {
        if (h == colno_row)
            continue;
        char **area;
        int na = value_area(&rows[h], bl->start, bl->end, skip_plain, stubs, grid, &area);
        if (na > n) {
            area += na - n;
            na = n;
        }
        char **labels = calloc((size_t)n, sizeof(char *));
        if (!labels)
            abort();
        int nonempty = 0;
        for (int j = 0; j < na; j++) {
            labels[j] = label_of(area[j]);
            if (labels[j][0])
                nonempty++;
        }
        for (int j = na; j < n; j++)
            labels[j] = tx_dup("");
        if (nonempty && (na == n || grid)) {
            fill_groups(&b, labels);
            for (int j = 0; j < n; j++)
                if (labels[j][0])
                    prepend(&b, j, labels[j]);
            resegment_positional(&b, labels);
        } else if (nonempty) {
            char **ne = malloc(sizeof(char *) * (size_t)nonempty);
            int k = 0;
            for (int j = 0; j < na; j++)
                if (labels[j][0])
                    ne[k++] = labels[j];
            assign_groups(&b, ne, nonempty);
            free(ne);
        }
        for (int j = 0; j < n; j++)
            free(labels[j]);
        free(labels);
    }
    bl->cols = calloc((size_t)n, sizeof(hcol));
    if (!bl->cols)
        abort();
    bl->ncols = n;
    for (int j = 0; j < n; j++) {
        sbuf p = {0};
        if (bl->side) {
            sb_puts(&p, bl->side);
        }
        for (int d = 0; d < b.depth[j]; d++) {
            if (p.len)
                sb_putc(&p, '/');
            sb_put(&p, b.path[j][d], unitless_len(b.path[j][d]));
        }
        hcol *c = &bl->cols[j];
        c->path = sb_take(&p);
        c->leaf = b.depth[j] ? tx_ndup(b.path[j][b.depth[j] - 1],
                                       unitless_len(b.path[j][b.depth[j] - 1]))
                             : tx_dup("");
        int no = cn && j < ncn ? colno_cell(cn[j]) : -1;
        c->col_no = NULL;
        if (no >= 0) {
            char num[16];
            snprintf(num, sizeof num, "%d", no);
            c->col_no = tx_dup(num);
        }
        c->identifier = align_names_identifier(c->leaf);
        c->unit = NULL;
        for (int d = 0; d < b.depth[j] && !c->unit; d++) {
            char *k = tx_key(b.path[j][d]);
            if (strstr(k, "(万元)"))
                c->unit = tx_dup("万元");
            else if (strstr(k, "(元)"))
                c->unit = tx_dup("元");
            else if (strstr(k, "(%)") || tx_ends(k, "%") || tx_ends(k, "率"))
                c->unit = tx_dup("%");   /* 执行率（%）, 完成率: a nil there is no amount */
            else
                c->unit = count_unit(k);
            free(k);
        }
        for (int d = 0; d < b.depth[j]; d++)
            free(b.path[j][d]);
        free(b.path[j]);
    }
    free(b.path);
    free(b.depth);
    free(b.labelled);
    free(b.seg);
}

/* A stub heading without the side it names or the view it gives in
 * brackets: 收入项目 → 项目, 项目（按支出性质和经济分类） → 项目. */
static char *stub_base(const char *cell)
{
    char *k = tx_key(cell);
    size_t l = side_prefix(k);
    memmove(k, k + l, strlen(k + l) + 1);
    k[before_bracket(k)] = '\0';
    return k;
}

/* A stub heading naming a view of the expenditure (支出类别, 部门预算经济
 * 分类, 功能分类): a 收支总表 may print its 支出 side once per view, side
 * by side, each view's stub after the figures of the one before. */
static int is_view_stub(const char *cell)
{
    char k[96];
    if (tx_key_buf(cell, k, sizeof k) < 0)
        return 0;
    return strcmp(k, "支出类别") == 0 || strcmp(k, "支出性质") == 0 ||
           (tx_ends(k, "分类") && is_stub_key(k));
}

/* Whether a stub heading starts with the side it stands for (支出功能分类
 * 科目, 收入项目). */
static int names_side(const char *cell)
{
    char k[96];
    return tx_key_buf(cell, k, sizeof k) >= 0 && side_prefix(k) > 0;
}

static int same_stub(const char *cell, const char *base)
{
    char *k = stub_base(cell);
    int same = strcmp(k, base) == 0;
    free(k);
    return same;
}

/* The side a block's stub heading names (收入项目), or NULL. */
static char *stub_side(const hrow *k, int start, int end)
{
    for (int i = start; i < end && i < k->n; i++) {
        char key[96];
        if (tx_is_blank(k->cells[i]) || tx_key_buf(k->cells[i], key, sizeof key) < 0)
            continue;
        size_t l = side_prefix(key);
        return l ? tx_ndup(key, l) : NULL;
    }
    return NULL;
}

/* Two sides, one named (收入项目 | … | 项目 | …): the other is the other. */
static void other_side(hmodel *m)
{
    if (m->nblocks != 2 || (m->blocks[0].side != NULL) == (m->blocks[1].side != NULL))
        return;
    hblock *named = m->blocks[0].side ? &m->blocks[0] : &m->blocks[1];
    hblock *other = named == &m->blocks[0] ? &m->blocks[1] : &m->blocks[0];
    if (strcmp(named->side, "收入") == 0)
        other->side = tx_dup("支出");
    else if (strcmp(named->side, "支出") == 0)
        other->side = tx_dup("收入");
}

/* Where a block prints its codes in three columns 类 | 款 | 项 (the slot of
 * 类, from the block's start), or -1: there a code may be printed in
 * segments, the upper ones only on the first row of their group. */
static int is_segment(const char *label, const char *word)
{
    char k[96];
    if (tx_key_buf(label, k, sizeof k) < 0)
        return 0;
    if (strcmp(k, word) == 0)
        return 1;
    /* the 科目编码 heading over the three joined to one of them by a PDF's
     * layout (科目编码项) */
    static const char *const OVER[] = {"科目编码", "科目代码", "功能分类科目编码", NULL};
    size_t n = strlen(k), w = strlen(word);
    for (int i = 0; OVER[i]; i++) {
        size_t o = strlen(OVER[i]);
        if (n == o + w && ((strncmp(k, OVER[i], o) == 0 && strcmp(k + o, word) == 0) ||
                           (strncmp(k, word, w) == 0 && strcmp(k + w, OVER[i]) == 0)))
            return 1;
    }
    return 0;
}

static int split_columns(const hrow *rows, int nheader, int start, int end)
{
    for (int h = 0; h < nheader; h++)
        for (int i = start; i + 2 < end && i + 2 < rows[h].n; i++)
            if (is_segment(rows[h].cells[i], "类") && is_segment(rows[h].cells[i + 1], "款") &&
                is_segment(rows[h].cells[i + 2], "项"))
                return i - start;
    return -1;
}

int hdr_key_row(const hrow *rows, int nheader)
{
    for (int h = 0; h < nheader; h++) {
        if (hdr_is_colno_row(&rows[h]))
            continue;
        for (int i = 0; i < rows[h].n; i++)
            if (!tx_is_blank(rows[h].cells[i]) && hdr_is_stub(rows[h].cells[i]) &&
                !is_key(rows[h].cells[i], "栏次"))
                return h;
    }
    return -1;
}

/* Whether a heading of figures (not a stub heading) stands in key row k's
 * slots [from, to): a block has one at least. A stub printed twice with
 * none between (科目编码 | 部门预算…科目名称 | 科目编码 | 政府预算…科目名称,
 * two classifications of one row) is one block's. */
static int heads_between(const hrow *k, int from, int to)
{
    for (int i = from; i < to && i < k->n; i++)
        if (!tx_is_blank(k->cells[i]) && !hdr_is_stub(k->cells[i]))
            return 1;
    return 0;
}

int hdr_analyse(const hrow *rows, int nheader, int width, int grid, int has_label,
                int values_hint, hmodel *out)
{
    memset(out, 0, sizeof *out);
    out->width = width;
    out->grid = grid;
    int key = hdr_key_row(rows, nheader);
    int starts[64], nb = 0;
    starts[nb++] = 0;
    int has_line[64] = {0};
    int view[64] = {0};
    if (key >= 0) {
        const hrow *k = &rows[key];
        char *first = NULL;
        int first_at = -1;
        for (int i = 0; i < k->n; i++)
            if (!tx_is_blank(k->cells[i]) && hdr_is_stub(k->cells[i])) {
                first = stub_base(k->cells[i]);
                first_at = i;
                break;
            }
        for (int i = first_at + 1; first && i < k->n && nb < 64; i++) {
            if (same_stub(k->cells[i], first) && !(grid && same_stub(k->cells[i - 1], first)) &&
                heads_between(k, starts[nb - 1], i))
                starts[nb++] = i;
            else if (!tx_is_blank(k->cells[i - 1]) && !hdr_is_stub(k->cells[i - 1]) &&
                     (is_view_stub(k->cells[i]) || names_side(k->cells[i]))) {
                /* a view's stub after the figures of the one before, or the
                 * other side's stub worded apart from the first's (项目 |
                 * 预算数 | 支出功能分类科目（按大类）| 预算数) */
                view[nb] = is_view_stub(k->cells[i]);
                starts[nb++] = i;
            }
        }
        free(first);
        /* a block starts where the heading over it starts, when slots
         * without a heading of their own lie between (公用经费 over a column
         * of codes printed apart from 科目编码及名称: 30202 | 印刷费) */
        for (int b = 1; b < nb; b++)
            for (int h = 0; h < key; h++) {
                const hrow *r = &rows[h];
                int s = starts[b];
                if (s >= r->n || tx_is_blank(r->cells[s]))
                    continue;
                while (s - 1 > starts[b - 1] && s - 1 < k->n && tx_is_blank(k->cells[s - 1]) &&
                       !tx_is_blank(r->cells[s - 1]) && !strcmp(r->cells[s - 1], r->cells[s]))
                    s--;
                if (s < starts[b] && (s == 0 || strcmp(r->cells[s - 1], r->cells[s]) != 0)) {
                    starts[b] = s;
                    break;
                }
            }
        for (int b = 0; b < nb; b++) {
            int e = b + 1 < nb ? starts[b + 1] : k->n;
            for (int i = starts[b]; i < e; i++)
                if (is_key(k->cells[i], "行次"))
                    has_line[b] = 1;
        }
    }
    out->blocks = calloc(nb > 0 ? (size_t)nb : 1u, sizeof(hblock));
    if (!out->blocks)
        abort();
    out->nblocks = nb;
    for (int b = 0; b < nb; b++) {
        hblock *bl = &out->blocks[b];
        bl->start = starts[b];
        bl->end = b + 1 < nb ? starts[b + 1] : width;
        bl->has_line = has_line[b];
        bl->split_at = split_columns(rows, nheader, bl->start, bl->end);
        bl->grid = grid;
        if (view[b] && starts[b] < rows[key].n)
            bl->view = label_of(rows[key].cells[starts[b]]);
    }
    /* side headings: rows above the key row of a two-sided table */
    if (nb > 1) {
        for (int h = 0; h < key; h++) {
            const hrow *r = &rows[h];
            char *labels[64];
            int nl = 0;
            for (int i = 0; i < r->n && nl < 64; i++)
                if (!tx_is_blank(r->cells[i]))
                    labels[nl++] = label_of(r->cells[i]);
            if (!nl)
                continue;
            if (r->n >= starts[nb - 1] + 1 && (grid || r->n == width)) {
                for (int b = 0; b < nb; b++) {
                    hblock *bl = &out->blocks[b];
                    for (int i = bl->start; i < bl->end && i < r->n && !bl->side; i++)
                        if (!tx_is_blank(r->cells[i]))
                            bl->side = label_of(r->cells[i]);
                }
            } else {
                for (int b = 0; b < nb; b++)
                    if (!out->blocks[b].side)
                        out->blocks[b].side = tx_dup(labels[b < nl ? b : nl - 1]);
            }
            for (int i = 0; i < nl; i++)
                free(labels[i]);
        }
    }
    for (int b = 0; b < nb && nb > 1 && key >= 0; b++)
        if (!out->blocks[b].side)
            out->blocks[b].side = stub_side(&rows[key], out->blocks[b].start, out->blocks[b].end);
    other_side(out);
    /* the views of one side after the first: its side (支出 over 支出类别
     * only, the heading not spread over the views after it) */
    for (int b = 1; b < nb; b++)
        if (out->blocks[b].view && !out->blocks[b].side && out->blocks[b - 1].view &&
            out->blocks[b - 1].side)
            out->blocks[b].side = tx_dup(out->blocks[b - 1].side);
    int any = 0;
    for (int b = 0; b < nb; b++) {
        build_block(rows, nheader, nb > 1 ? key : (key < 0 ? -1 : 0), &out->blocks[b], grid,
                    has_label, nb > 1 ? 0 : values_hint);
        any += out->blocks[b].ncols;
    }
    if (!any) {
        hdr_free(out);
        return -1;
    }
    return 0;
}

void hdr_free(hmodel *m)
{
    for (int b = 0; b < m->nblocks; b++) {
        hblock *bl = &m->blocks[b];
        for (int j = 0; j < bl->ncols; j++) {
            free(bl->cols[j].path);
            free(bl->cols[j].leaf);
            free(bl->cols[j].col_no);
            free(bl->cols[j].unit);
        }
        free(bl->cols);
        free(bl->side);
        free(bl->view);
    }
    free(m->blocks);
    memset(m, 0, sizeof *m);
}
