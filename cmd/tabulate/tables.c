/* From the rows of each grid to table facts: split a grid holding several
 * tables, read each table's title, form, unit and header, align its data
 * rows, and collect the formulas printed under it. */
#include "align.h"
#include "catalog.h"
#include "codes.h"
#include "continuation.h"
#include "formula.h"
#include "header.h"
#include "tabulate.h"
#include "template.h"
#include "text.h"

#include "decimal.h"
#include "record.h"
#include "signature.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    tab_doc *d;
    tgrid *g;
    int gi;          /* index of g in d->grids */
    int width;
    hrow *plain;     /* per grid row: text at its slot */
    hrow *spread;    /* per grid row: header cells repeated over their span */
} gview;

typedef struct {
    int a, b;                  /* rows of the grid */
    int part;
    char *title;               /* as printed */
    char *form;
    char *unit;
    const table_kind *kind;
    char *name;                /* canonical, or the caption */
    int body, notes;           /* first body row, first note row (b if none) */
    const char *stacked;       /* 支出 under 收入 in one column: the side below its marker */
    long figures;              /* non-nil figures emitted */
    const unsigned char *pad;  /* per grid column: 1 for a blank separator, or NULL */
} tpart;

static int row_nonempty(const hrow *r, int *only)
{
    int n = 0;
    for (int i = 0; i < r->n; i++)
        if (!tx_is_blank(r->cells[i])) {
            if (!n && only)
                *only = i;
            n++;
        }
    return n;
}

/* A header cell spanning rows (科目编码 over both rows of a two-row header)
 * is written once, in its top row; the rows below have nothing at its
 * slots. Each header row must read full width, or the lower row's value
 * area starts at the stub columns the cell covers and every label under a
 * spanning group lands one column early. */
static void spread_down(gview *v)
{
    tgrid *g = v->g;
    for (int r = 0; r < g->nrows; r++) {
        trow *t = &g->rows[r];
        for (int c = 0; c < t->n; c++) {
            tcell *x = &t->cells[c];
            if (x->rowspan < 2 || tx_is_blank(x->text))
                continue;
            for (int k = r + 1; k < g->nrows && g->rows[k].row < t->row + x->rowspan; k++) {
                hrow *s = &v->spread[k];
                for (int i = x->col; i < x->col + x->span && i < s->n; i++)
                    if (tx_is_blank(s->cells[i]))
                        s->cells[i] = x->text;
            }
        }
    }
}

static void build_view(gview *v)
{
    tgrid *g = v->g;
    int w = 0;
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->rows[r].n; c++) {
            int e = g->rows[r].cells[c].col + g->rows[r].cells[c].span;
            if (e > w)
                w = e;
        }
    v->width = w;
    v->plain = calloc((size_t)(g->nrows ? g->nrows : 1), sizeof(hrow));
    v->spread = calloc((size_t)(g->nrows ? g->nrows : 1), sizeof(hrow));
    if (!v->plain || !v->spread)
        abort();
    static char empty[] = "";
    for (int r = 0; r < g->nrows; r++) {
        trow *t = &g->rows[r];
        int n = 0;
        for (int c = 0; c < t->n; c++)
            if (t->cells[c].col + t->cells[c].span > n)
                n = t->cells[c].col + t->cells[c].span;
        if (g->grid)
            n = w;
        hrow *p = &v->plain[r], *s = &v->spread[r];
        p->n = s->n = n;
        p->cells = malloc(sizeof(char *) * (size_t)(n ? n : 1));
        s->cells = malloc(sizeof(char *) * (size_t)(n ? n : 1));
        if (!p->cells || !s->cells)
            abort();
        for (int i = 0; i < n; i++)
            p->cells[i] = s->cells[i] = empty;
        for (int c = 0; c < t->n; c++) {
            tcell *x = &t->cells[c];
            p->cells[x->col] = x->text;
            for (int k = x->col; k < x->col + x->span && k < n; k++)
                s->cells[k] = x->text;
        }
    }
    spread_down(v);
}

static void free_view(gview *v)
{
    for (int r = 0; r < v->g->nrows; r++) {
        free(v->plain[r].cells);
        free(v->spread[r].cells);
    }
    free(v->plain);
    free(v->spread);
}

/* --- formulas ----------------------------------------------------------- */

typedef struct {
    tab_doc *d;
    const tpart *p;
    json_t *locator;
} formula_ctx;

static int on_formula(void *ctx, const char *text, const formula *f)
{
    formula_ctx *fc = ctx;
    json_t *r = rec_new("formula", ds_doc(fc->d->s));
    fact_set_str(r, "table", fc->p->name);
    fact_set_str(r, "table_id", fc->p->kind ? fc->p->kind->id : NULL);
    fact_set_str(r, "form", fc->p->form);
    json_object_set(r, "locator", fc->locator);
    char *t = tx_ndup(text + f->start, f->end - f->start);
    char *c = tx_clean(t);
    fact_set_str(r, "text", c);
    free(t);
    free(c);
    fact_set_str(r, "axis", f->axis_row ? "row" : "column");
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", f->lhs);
    fact_set_str(r, "lhs", buf);
    json_t *rhs = json_array();
    for (int i = 0; i < f->nterms; i++) {
        json_t *term = json_object();
        json_object_set_new(term, "sign", json_integer(f->sign[i]));
        snprintf(buf, sizeof buf, "%ld", f->ref[i]);
        json_object_set_new(term, "ref", json_string(buf));
        json_array_append_new(rhs, term);
    }
    json_object_set_new(r, "rhs", rhs);
    json_object_set_new(r, "each", json_boolean(f->each));
    json_array_append_new(fc->d->formulas, r);
    return 0;
}

static void scan_formulas(tab_doc *d, const tpart *p, const char *text, json_t *locator)
{
    formula_ctx fc = {d, p, locator};
    formula_scan(text, on_formula, &fc);
    json_decref(locator);
}

/* --- title, form, unit ------------------------------------------------------ */

/* 1 when the 单位： at p (inside key k) names the reporting unit, not the
 * money unit: 编制单位：元谋县… is an entity, not 元. */
static int names_entity(const char *k, const char *p)
{
    static const char *const WHO[] = {"编制", "填报", "报送"};
    for (size_t i = 0; i < sizeof WHO / sizeof WHO[0]; i++) {
        size_t l = strlen(WHO[i]);
        if ((size_t)(p - k) >= l && strncmp(p - l, WHO[i], l) == 0)
            return 1;
    }
    return 0;
}

/* The unit a 单位： line names. The line may start with 编制单位：<entity>
 * and carry the unit after it (…（本级）<tab>单位：万元). */
/* The unit named at p in a key (万元, 人民币万元 …), or NULL. */
static const char *unit_named_at(const char *p)
{
    static const char *const UNITS[] = {"万元", "亿元", "元"};
    if (strncmp(p, "人民币", strlen("人民币")) == 0)
        p += strlen("人民币");   /* 单位：人民币万元 */
    for (size_t i = 0; i < sizeof UNITS / sizeof UNITS[0]; i++)
        if (strncmp(p, UNITS[i], strlen(UNITS[i])) == 0)
            return UNITS[i];
    return NULL;
}

static char *unit_at(const char *p)
{
    const char *u = unit_named_at(p);
    return u ? tx_dup(u) : NULL;
}

/* The unit named right after the first word (单位:, 单位为 …) in key k
 * that does not name the reporting unit, or NULL. */
static char *unit_after(const char *k, const char *word)
{
    char *u = NULL;
    for (const char *p = strstr(k, word); p && !u; p = strstr(p + 1, word))
        if (!names_entity(k, p))
            u = unit_at(p + strlen(word));
    return u;
}

static char *unit_in(const char *text)
{
    char *k = tx_key(text);
    char *u = unit_after(k, "单位:");
    free(k);
    return u;
}

/* The unit a sentence sets for every table after it (（说明：本部分公开表金额
 * 单位均为万元） under the part's heading, no unit line over any table), or
 * NULL. */
static const char *unit_for_all(const char *text)
{
    static const char *const SAYS[] = {"单位均为", "单位统一为", "单位一律为", "单位均是"};
    if (!strstr(text, "单位"))
        return NULL; /* (most paragraphs: no key to build) */
    char *k = tx_key(text);
    const char *u = NULL;
    for (size_t s = 0; s < sizeof SAYS / sizeof SAYS[0] && !u && strstr(k, "表"); s++) {
        char *p = strstr(k, SAYS[s]);
        if (p)
            u = unit_named_at(p + strlen(SAYS[s]));
    }
    free(k);
    return u;
}

/* The unit the last such sentence before record seq sets, or NULL. Each
 * paragraph is looked at once per document (a table without a unit line
 * asks for every one before it), the last sentences found kept. */
static char *unit_said_before(tab_doc *d, int seq)
{
    int cap = (int)(sizeof d->unit_said / sizeof d->unit_said[0]);
    for (; d->unit_scanned < d->npara; d->unit_scanned++) {
        const tpara *pa = &d->paras[d->unit_scanned];
        const char *u = unit_for_all(pa->text);
        if (!u)
            continue;
        if (d->nunit_said == cap) {
            memmove(d->unit_said, d->unit_said + 1, (size_t)(cap - 1) * sizeof d->unit_said[0]);
            d->nunit_said--;
        }
        d->unit_said[d->nunit_said].seq = pa->seq;
        d->unit_said[d->nunit_said++].unit = u;
    }
    for (int i = d->nunit_said - 1; i >= 0; i--)
        if (d->unit_said[i].seq < seq)
            return tx_dup(d->unit_said[i].unit);
    return NULL;
}

/* Whether t is a form marker (公开04表, 表4) rather than a piece of a title. */
static int is_form_marker(const char *t)
{
    char *f = catalog_form_in(t);
    int form = f != NULL;
    free(f);
    size_t n = tx_cplen(t, strlen(t));
    return form || (n <= 4 && strncmp(t, "表", strlen("表")) == 0) ||
           strncmp(t, "附表", strlen("附表")) == 0;
}

/* Whether a cell is a meta line: 单位：…, 编制单位：…, a form marker (公开01表,
 * 表1) or a title. */
static int is_meta_cell(const char *text)
{
    char *k = tx_key(text);
    /* 单位名称：… / 部门名称：… name the entity as 编制单位：… does (the
     * colon tells them from the 单位名称 stub heading of a unit list) */
    int meta = strstr(k, "单位:") || strstr(k, "部门:") || strstr(k, "单位名称:") ||
               strstr(k, "部门名称:") || strstr(k, "公开") || strstr(k, "填报") || strstr(k, "编制");
    free(k);
    return meta || is_form_marker(text) || catalog_is_title(text);
}

/* Whether t says there is none: 无, 没有, 未安排, 不涉及. */
static int says_none(const char *t)
{
    return strstr(t, "无") || strstr(t, "没有") || strstr(t, "未安排") || strstr(t, "不涉及");
}

/* 本单位2024年度无国有资本经营预算财政拨款支出，故本表为空表。 printed as a
 * row under an empty table's header: a sentence, not a row label. */
static int is_statement(const char *k)
{
    return strstr(k, "空表") || (says_none(k) && tx_ends(k, "。") && tx_cplen(k, strlen(k)) >= 10);
}

static int continued_mark(const char *t);

/* Whether row r says only that the table turns a page (（转下页）under its
 * last row on one page, （接上页）over the first on the next, typed by hand
 * where a table is cut), or that nothing comes after it (以下空白 closing a
 * form's body): no row of figures. */
static int page_turn_row(const hrow *r)
{
    static const char *const TURN[] = {"转下页", "接上页", "续上页", "续下页", "转下表",
                                       "接上表", "下转", "上接", "未完", "以下空白",
                                       "以下为空白", "以下无内容"};
    int first = -1;
    if (row_nonempty(r, &first) != 1)
        return 0;
    char *k = tx_key(r->cells[first]);
    size_t n = strlen(k);
    const char *p = k;
    if (n >= 2 && k[0] == '(' && k[n - 1] == ')') {
        k[n - 1] = '\0';
        p = k + 1;
    }
    int turn = 0;
    for (size_t i = 0; i < sizeof TURN / sizeof TURN[0] && !turn; i++)
        turn = strcmp(p, TURN[i]) == 0;
    free(k);
    return turn || continued_mark(r->cells[first]);
}

static int is_note_row(const hrow *r)
{
    int first = -1;
    int n = row_nonempty(r, &first);
    if (!n)
        return 0;
    char *k = tx_key(r->cells[first]);
    /* the signature line (单位负责人：… | 制表人：… | 报送日期：…) and a
     * system's print stamp (打印时间：…) end the body, in as many cells as
     * they take */
    /* … and so does the next table's number alone in its row (表3 after
     * the last row of 表2, a workbook saved as one web page grid) */
    int note = is_signature_text(k) || (n == 1 && is_form_marker(r->cells[first])) ||
               (n <= 2 && (strncmp(k, "注", strlen("注")) == 0 ||
                           strncmp(k, "说明:", strlen("说明:")) == 0 || (n == 1 && is_statement(k))));
    free(k);
    if (n > 2)
        return note;
    if (!note)
        note = formula_scan(r->cells[first], NULL, NULL) > 0;
    return note;
}

/* First paragraph whose record comes after seq. */
static int para_after(const tab_doc *d, int seq)
{
    int a = 0, b = d->npara;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (d->paras[m].seq <= seq)
            a = m + 1;
        else
            b = m;
    }
    return a;
}

/* The paragraphs printed right before a grid (after the previous one), or
 * right after it (before the next one): [*from, *to). */
static void around(const tab_doc *d, int gi, int before, int *from, int *to)
{
    const tgrid *g = &d->grids[gi];
    if (before) {
        *from = para_after(d, g->lo);
        *to = para_after(d, g->first_seq - 1);
    } else {
        *from = para_after(d, g->last_seq);
        *to = para_after(d, g->hi - 1);
    }
    if (*to < *from)
        *to = *from;
}

/* For each grid, the neighbours that bound the text around it. Grids are
 * in order of their first record; a grid interleaved with another (rare)
 * is bounded by a scan. Linear in the grids otherwise. */
static void bound_grids(tab_doc *d)
{
    int max_last = -1;
    for (int i = 0; i < d->ngrid; i++) {
        tgrid *g = &d->grids[i];
        g->lo = max_last < g->first_seq ? max_last : -1;
        if (max_last >= g->first_seq)
            for (int j = 0; j < i; j++)
                if (d->grids[j].last_seq < g->first_seq && d->grids[j].last_seq > g->lo)
                    g->lo = d->grids[j].last_seq;
        if (g->last_seq > max_last)
            max_last = g->last_seq;
    }
    for (int i = 0; i < d->ngrid; i++) {
        tgrid *g = &d->grids[i];
        /* the first grid starting after this one ends: search by first record */
        int a = i + 1, b = d->ngrid;
        while (a < b) {
            int m = a + (b - a) / 2;
            if (d->grids[m].first_seq <= g->last_seq)
                a = m + 1;
            else
                b = m;
        }
        g->hi = a < d->ngrid ? d->grids[a].first_seq : 1 << 30;
    }
}

/* The title (of a line alone), form and unit a meta line names, where the
 * part has none yet. */
static void take_meta(tpart *p, const char *t, int alone)
{
    if (alone && catalog_is_title(t) && !p->title)
        p->title = tx_dup(t);
    char *f = catalog_form_in(t);
    if (f && !p->form)
        p->form = f;
    else
        free(f);
    char *u = unit_in(t);
    if (u && !p->unit)
        p->unit = u;
    else
        free(u);
}

/* 1 when every line of g is a meta line (公开01表 | 单位：元 set as a small
 * borderless table of its own above the grid it names). */
static int meta_grid(const tgrid *g)
{
    int seen = 0;
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->rows[r].n; c++) {
            const char *t = g->rows[r].cells[c].text;
            if (tx_is_blank(t))
                continue;
            if (!is_meta_cell(t))
                return 0;
            seen = 1;
        }
    return seen;
}

static void read_meta_grid(const tgrid *g, tpart *p)
{
    for (int r = 0; r < g->nrows; r++) {
        int n = 0;
        for (int c = 0; c < g->rows[r].n; c++)
            n += !tx_is_blank(g->rows[r].cells[c].text);
        for (int c = 0; c < g->rows[r].n; c++)
            if (!tx_is_blank(g->rows[r].cells[c].text))
                take_meta(p, g->rows[r].cells[c].text, n == 1);
    }
}

/* Whether row r names a unit among its cells (…2023年度 | 单位：万元). */
static int names_unit(const hrow *r)
{
    for (int c = 0; c < r->n; c++) {
        char *u = tx_is_blank(r->cells[c]) ? NULL : unit_in(r->cells[c]);
        if (u) {
            free(u);
            return 1;
        }
    }
    return 0;
}

static void read_meta_rows(gview *v, tpart *p)
{
    int i = p->a;
    for (; i < p->b; i++) {
        hrow *r = &v->plain[i];
        int only = -1, n = row_nonempty(r, &only);
        if (!n)
            continue;
        /* the department's name alone on its line, between the title and
         * the line of the year and the unit: a meta line too */
        if (n == 1 && i + 1 < p->b && !is_meta_cell(r->cells[only]) &&
            tx_cplen(r->cells[only], strlen(r->cells[only])) <= 30 &&
            names_unit(&v->plain[i + 1]))
            continue;
        int all_meta = 1;
        for (int c = 0; c < r->n; c++) {
            const char *t = r->cells[c];
            if (tx_is_blank(t))
                continue;
            if (!is_meta_cell(t)) {
                all_meta = 0;
                continue;
            }
            take_meta(p, t, n == 1);
        }
        if (!all_meta)
            break;
    }
    p->body = i;
    p->notes = p->b;
    for (int k = i; k < p->b; k++)
        if (is_note_row(&v->plain[k])) {
            p->notes = k;
            break;
        }
}

/* 1 when grid gi is only the meta lines of the grid right after it, no
 * text between: that grid's heading, not a table. */
static int heads_next(const tab_doc *d, int gi)
{
    if (gi + 1 >= d->ngrid || d->grids[gi + 1].lo != d->grids[gi].last_seq ||
        !meta_grid(&d->grids[gi]))
        return 0;
    int from, to;
    around(d, gi + 1, 1, &from, &to);
    return from == to;
}

/* Whether paragraph t may be the first piece of a wrapped title, and how
 * many of its bytes: all of them, or those before a unit set apart by a
 * space on the same line (…一般公共预算支出　单位：万元); not when 单位 is
 * among its words (单位：万元 alone, 单位名称：…). */
static int title_piece(const char *t, size_t *len)
{
    const char *unit = strstr(t, "单位");
    *len = unit ? (size_t)(unit - t) : strlen(t);
    return !unit || (*len >= 1 && unit[-1] == ' ') ||
           (*len >= 3 && strncmp(unit - 3, "\xe3\x80\x80", 3) == 0);
}

/* A title wrapped near its end (…收支预算总 / 单位：万元 / 表, …支出功 /
 * 能分类预算表): the first piece of t and tail are p's title when together
 * they name a table. Returns whether t could be that first piece (tail is
 * then used up, matched or not). */
static int wrapped_title(tpart *p, const char *t, const char *tail)
{
    size_t lt, la = strlen(tail);
    if (catalog_is_title(t) || is_form_marker(t) || !title_piece(t, &lt))
        return 0;
    char *joined = malloc(lt + la + 1);
    if (!joined)
        abort();
    memcpy(joined, t, lt);
    memcpy(joined + lt, tail, la + 1);
    if (catalog_match(joined)) {
        free(p->title);
        p->title = joined;
    } else {
        free(joined);
    }
    return 1;
}

/* A table too wide for its page, printed at full size, runs on to the
 * next page, where its title comes again and the unit line, cut off at the
 * first page's edge, shows its right end (单位：万元): the unit of the
 * paragraphs after the grid, once the title has come again there. */
static void unit_from_next_page(gview *v, tpart *p)
{
    tab_doc *d = v->d;
    int from, to, again = 0;
    around(d, v->gi, 0, &from, &to);
    for (int i = from; i < to && i < from + 6 && !p->unit; i++) {
        const char *t = d->paras[i].text;
        /* (or the same standard table named, the title cut off at the
         * pages' edge: …办公室2025年部门收入预算总表 …部门收入预算总) */
        if (strstr(t, p->title) || (p->kind && catalog_is_title(t) && catalog_match(t) == p->kind))
            again = 1;
        else if (again)
            p->unit = unit_in(t);
    }
}

static int printed_again(const tab_doc *d, int k);

/* Whether a 续表 line is among the paragraphs between grid gi and the one
 * before it, and nothing else is but lines printed again elsewhere (the
 * unit line over every table, a running head). */
static int continued_after(const tab_doc *d, int gi)
{
    int from, to, mark = 0;
    around(d, gi, 1, &from, &to);
    for (int k = from; k < to; k++) {
        if (continued_mark(d->paras[k].text))
            mark = 1;
        else if (!printed_again(d, k))
            return 0;
    }
    return mark;
}

/* The unit a note right under the grid gives its table (注：本表金额单位为
 * 万元。 where no unit line is printed above it), or its unit line printed
 * under it (单位：万元), or NULL; a note says 本表, and the next table's
 * number or title ends the search. */
static char *unit_noted_below(gview *v)
{
    static const char *const SAYS[] = {"单位为", "单位是", "单位:"};
    tab_doc *d = v->d;
    int from, to;
    char *u = NULL;
    around(d, v->gi, 0, &from, &to);
    for (int i = from; i < to && i < from + 3 && !u; i++) {
        const char *t = d->paras[i].text;
        if (is_form_marker(t) || catalog_is_title(t))
            break;
        if (!strstr(t, "单位"))
            continue;
        char *k = tx_key(t);
        if (!strncmp(k, "单位:", strlen("单位:")) || !strncmp(k, "金额单位:", strlen("金额单位:"))) {
            /* (or the table's unit line itself, printed under it; right
             * over the next grid, nothing between, it is that grid's,
             * whose title is in its first row) */
            if (i + 1 < to || v->gi + 1 >= d->ngrid)
                u = unit_after(k, "单位:");
        } else if (strstr(t, "本表")) {
            for (size_t s = 0; s < sizeof SAYS / sizeof SAYS[0] && !u; s++)
                u = unit_after(k, SAYS[s]);
        }
        free(k);
    }
    return u;
}

/* Whether one of g's first rows holds a table's title or form in a cell. */
static int names_title(const tgrid *g)
{
    for (int r = 0; r < g->nrows && r < 6; r++)
        for (int c = 0; c < g->rows[r].n; c++) {
            const char *t = g->rows[r].cells[c].text;
            if (tx_is_blank(t))
                continue;
            char *f = catalog_form_in(t);
            int form = f != NULL;
            free(f);
            if (form || catalog_is_title(t))
                return 1;
        }
    return 0;
}

/* The grid that grid gi is nested in, or -1. */
static int enclosing_grid(const tab_doc *d, int gi)
{
    for (int k = gi - 1; k >= 0 && d->grids[gi].parent >= 0; k--)
        if (d->grids[k].index == d->grids[gi].parent)
            return k;
    return -1;
}

/* Whether one of the three paragraphs of [from, to) nearest a grid (the
 * last ones before it, or the first ones after it) names a standard
 * table. */
static int titled(const tab_doc *d, int from, int to, int after)
{
    for (int k = 0; k < 3 && k < to - from; k++) {
        const char *t = d->paras[after ? from + k : to - 1 - k].text;
        if (catalog_is_title(t) && catalog_match(t))
            return 1;
    }
    return 0;
}

static int holds_figures(const tgrid *g);
static hrow *text_rows(const tgrid *g);
static void free_rows(hrow *rows, int n);
static int colno_ends_at(const hrow *rows, int from, int to);
static int header_numbered_on(const hrow *rows, int n, int r);

/* Whether t begins with a table's number: 表1, 表 12, 附表3. */
static int numbered(const char *t)
{
    char *k = tx_key(t);
    const char *p = strncmp(k, "附表", strlen("附表")) == 0 ? k + strlen("附表")
                    : strncmp(k, "表", strlen("表")) == 0 ? k + strlen("表")
                                                            : NULL;
    int ok = p && *p >= '0' && *p <= '9';
    free(k);
    return ok;
}

/* Where the document's tables have their titles: under them when the
 * first table with figures has none above it but one right under it (表1
 * 收入支出决算总表 as Word's caption below the table puts it); above
 * otherwise. Each table's title is then the one under it, not the one
 * above, which is the table before's. */
static int captions_below(tab_doc *d)
{
    if (!d->captions) {
        d->captions = 1;
        for (int gi = 0; gi < d->ngrid; gi++) {
            if (!holds_figures(&d->grids[gi]))
                continue;
            int bf, bt, af, at, top = gi;
            while (top > 0 && heads_next(d, top - 1))
                top--;   /* meta lines set as a table of their own */
            around(d, top, 1, &bf, &bt);
            around(d, gi, 0, &af, &at);
            /* (the caption right under the table, not a note first, and
             * numbered as a caption is: 表1 …) */
            if (!titled(d, bf, bt, 0) && af < at && titled(d, af, af + 1, 1) && numbered(d->paras[af].text))
                d->captions = 2;
            break;
        }
    }
    return d->captions == 2;
}

/* Whether the rows of part p are coded by economic class (301, 30101,
 * 501 …) rather than by function (2xx): three such codes at least, and
 * more than functional ones, in the cells before the figures. */
static int economic_rows(const gview *v, const tpart *p)
{
    int econ = 0, func = 0;
    for (int r = p->body; r < p->notes; r++) {
        const hrow *h = &v->plain[r];
        for (int c = 0; c < h->n && c < 3; c++) {
            char k[16];
            int n = tx_key_buf(h->cells[c], k, sizeof k);
            if (n < 0 || !n)
                continue;
            int d = 0;
            while (k[d] >= '0' && k[d] <= '9')
                d++;
            if ((d != 3 && d != 5 && d != 7) || !codes_known_class(k))
                continue;
            if (k[0] == '3' || k[0] == '5')
                econ++;
            else
                func++;
            break;
        }
    }
    return econ >= 3 && econ > func;
}

static void name_part(gview *v, tpart *p)
{
    tab_doc *d = v->d;
    /* title and unit printed under the grid, as its caption */
    if (!p->title && p->part == 0 && captions_below(d)) {
        int from, to;
        around(d, v->gi, 0, &from, &to);
        for (int i = from; i < to && i < from + 3; i++)
            take_meta(p, d->paras[i].text, 1);
    }
    /* title and unit printed as paragraphs above the grid (docx, html) */
    if ((!p->title || !p->unit) && p->part == 0 && !(p->title && captions_below(d))) {
        int gi = v->gi, from, to;
        around(d, gi, 1, &from, &to);
        /* meta lines set as a table of their own, the title above them */
        while (gi > 0 && heads_next(d, gi - 1)) {
            read_meta_grid(&d->grids[--gi], p);
            around(d, gi, 1, &from, &to);
        }
        /* a table nested in a layout table (收入 and 支出 side by side in
         * its two cells), nothing above it in its cell: the title is above
         * the layout table */
        int outer = from == to ? enclosing_grid(d, gi) : -1;
        if (outer >= 0) {
            gi = outer;
            around(d, gi, 1, &from, &to);
        }
        const char *tail = NULL; /* 表 wrapped onto a line of its own */
        for (int i = to - 1; i >= from && i >= to - 6; i--) {
            const char *t = d->paras[i].text;
            if (tx_cplen(t, strlen(t)) > 60 && !catalog_is_title(t))
                break;   /* body text: the title is not above it */
            if (tail && (!p->title || strcmp(p->title, tail) == 0) && wrapped_title(p, t, tail))
                tail = NULL;
            take_meta(p, t, 1);
            if (!tail && tx_cplen(t, strlen(t)) <= 12 && tx_ends(t, "表"))
                tail = t;
        }
    }
    /* a run of grids under one title (绩效自评表 one per project): a grid right
     * after another, no text between, with no title of its own, is another
     * table of the same kind — only for tables that are not standard */
    if (!p->title && p->part == 0 && v->gi > 0) {
        const tgrid *prev = &d->grids[v->gi - 1];
        int from, to;
        around(d, v->gi, 1, &from, &to);
        if (from == to && prev->caption && !catalog_match(prev->caption))
            p->title = tx_dup(prev->caption);
    }
    /* a table cut in two by its columns, the second piece under a 续表
     * line with the stub again and the columns that did not fit (合计 …
     * 本年收入's first three, then 续表 and the other six): the same table,
     * with its title, form and unit (a piece going on by rows was joined
     * to the grid before already) */
    if (!p->title && p->part == 0 && v->gi > 0 && d->grids[v->gi - 1].caption &&
        continued_after(d, v->gi)) {
        const tgrid *prev = &d->grids[v->gi - 1];
        p->title = tx_dup(prev->caption);
        if (!p->unit && prev->unit)
            p->unit = tx_dup(prev->unit);
    }
    /* a standard table printed as two, one under the other, no text
     * between: the second, untitled, numbers its columns on from the
     * first's (决算数 栏次 7–12 under 预算数 栏次 1–6) */
    if (!p->title && p->part == 0 && v->gi > 0) {
        const tgrid *prev = &d->grids[v->gi - 1];
        int from, to;
        around(d, v->gi, 1, &from, &to);
        int after = -1;
        if (from == to && prev->caption && catalog_match(prev->caption)) {
            hrow *rows = text_rows(prev);
            after = colno_ends_at(rows, 0, prev->nrows);
            free_rows(rows, prev->nrows);
        }
        if (after >= 0 && header_numbered_on(v->plain, v->g->nrows, 0) == after + 1) {
            p->title = tx_dup(prev->caption);
            p->unit = prev->unit ? tx_dup(prev->unit) : NULL;
        }
    }
    /* a workbook that prints its titles only in the page header names each
     * sheet by its table (表1 收入支出决算总表, 公开01表): the name, for the
     * sheet's first grid, when nothing above or in the grid names one */
    const tgrid *g = &d->grids[v->gi];
    if (!p->title && !p->form && p->part == 0 && doc_opens_sheet(d, v->gi) && !names_title(g))
        take_meta(p, g->sheet, 1);
    if (p->title)
        p->kind = catalog_match(p->title);
    if (!p->unit && p->title && p->part == 0)
        unit_from_next_page(v, p);
    if (!p->unit && p->part == 0)
        p->unit = unit_noted_below(v);
    if (!p->unit)
        p->unit = unit_said_before(d, g->first_seq);
    if (!p->kind && p->form)
        p->kind = catalog_by_form(p->form);
    /* a standard table printed in pieces, one per class under sub-titles of
     * its own (一般公共预算基本支出表-公用经费（商品和服务支出）), the unit
     * line over the first only: the piece before's unit, in this grid or
     * the one before */
    const tgrid *before = p->part > 0 ? v->g : v->gi > 0 ? &d->grids[v->gi - 1] : NULL;
    if (!p->unit && p->kind && before && before->unit && before->caption &&
        catalog_match(before->caption) == p->kind)
        p->unit = tx_dup(before->unit);
    /* a table titled as the one by functional class whose rows are coded by
     * economic class (一般公共预算财政拨款支出决算表（二）, the second of two
     * tables under one name) is the basic-expenditure table */
    if (p->kind && (!strcmp(p->kind->id, "FA05") || !strcmp(p->kind->id, "BU05")) &&
        economic_rows(v, p))
        p->kind = catalog_by_id(p->kind->id[0] == 'F' ? "FA06" : "BU06");
    if (p->kind)
        p->name = tx_dup(p->kind->canonical);
    else if (p->title)
        p->name = catalog_caption(p->title);
}

/* --- facts ------------------------------------------------------------------ */

/* Whether c is a leader dot, run from a label to its cell's edge (一般公共
 * 预算财政拨款收入…………, 行政运行.......): …, ‥, ., ·, ．, ・. */
static int is_leader(uint32_t c)
{
    return c == 0x2026 || c == 0x2025 || c == '.' || c == 0xB7 || c == 0xFF0E || c == 0x30FB;
}

/* Whether c marks a footnote: ①…⑳, ⑴…⒇, ※, *, a superscript digit. */
static int is_note_mark(uint32_t c)
{
    return (c >= 0x2460 && c <= 0x2487) || c == 0x203B || c == '*' || c == 0xB9 || c == 0xB2 ||
           c == 0xB3 || (c >= 0x2070 && c <= 0x2079);
}

/* Drops the footnote marks that end a label (其他收入①, 年末结转和结余※):
 * the note under the table explains them, the item is the label; and the
 * leader dots a typist ran from it to the cell's edge. */
static void drop_note_marks(sbuf *b)
{
    for (;;) {
        size_t n = b->len;
        if (!n)
            return;
        size_t k = n - 1;
        while (k > 0 && ((unsigned char)b->s[k] & 0xC0) == 0x80)
            k--;
        uint32_t c;
        tx_cp(b->s + k, &c);
        /* (leaders only after two characters of label at least: a label
         * of dots alone stays what it is) */
        if (!(is_note_mark(c) || (is_leader(c) && n >= 2 * 3)) || k == 0)
            return;
        b->len = k;
        b->s[k] = '\0';
    }
}

static char *item_of(const char *label)
{
    const char *s = tx_skip_numbering(label);
    /* 其中：公务用车购置费 is the part, named 公务用车购置费 */
    static const char *const AMONG[] = {"其中：", "其中:", NULL};
    for (int i = 0; AMONG[i]; i++)
        if (strncmp(s, AMONG[i], strlen(AMONG[i])) == 0 && s[strlen(AMONG[i])]) {
            s = tx_skip_numbering(s + strlen(AMONG[i]));
            break;
        }
    sbuf b = {0};
    uint32_t prev = 0;
    for (const char *p = s; *p;) {
        uint32_t c;
        int l = tx_cp(p, &c);
        int space = c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t';
        if (space) {
            /* keep a space between two non-CJK words */
            uint32_t next = 0;
            const char *q = p + l;
            while (*q == ' ')
                q++;
            tx_cp(q, &next);
            if (prev && !tx_is_cjk(prev) && *q && !tx_is_cjk(next))
                sb_putc(&b, ' ');
            p += l;
            continue;
        }
        sb_put(&b, p, (size_t)l);
        prev = c;
        p += l;
    }
    drop_note_marks(&b);
    return sb_take(&b);
}

/* Normalises a figure cell: value string (NULL for nil/blank), and the
 * unit printed after the number (align_cell_number: a percentage, or 万元 as
 * a format `0.00"万元"` shows it; 0 none). Returns 1 for a figure (or a
 * nil/blank), 0 for text. */
static int figure_of(const char *cell, char *buf, size_t size, int *nil, int *unit)
{
    *nil = 0;
    *unit = 0;
    if (align_is_run_together(cell))
        return 0;
    char *k = tx_key(cell);
    size_t l = strlen(k);
    if (align_is_nil_word(k)) {
        free(k);
        *nil = 1;
        return 1;
    }
    const char *num = align_cell_number(k, &l, unit);
    decimal dv;
    dec_status st = dec_parse(num, l, &dv);
    free(k);
    if (st == DEC_EMPTY || st == DEC_NIL) {
        *nil = 1;
        return 1;
    }
    if (st != DEC_OK)
        return 0;
    return dec_format(dv, buf, size) > 0;
}

/* 收入 or 支出 when a header path starts with that side. */
static const char *side_of(const char *path)
{
    static const char *const SIDES[] = {"收入", "支出"};
    for (size_t i = 0; i < sizeof SIDES / sizeof SIDES[0]; i++) {
        size_t l = strlen(SIDES[i]);
        if (strncmp(path, SIDES[i], l) == 0 && path[l] == '/')
            return SIDES[i];
    }
    return NULL;
}

/* Whether the header names a side anywhere (a block's or a column's). */
static int header_names_side(const hmodel *m)
{
    for (int b = 0; b < m->nblocks; b++) {
        if (m->blocks[b].side && (!strcmp(m->blocks[b].side, "收入") || !strcmp(m->blocks[b].side, "支出")))
            return 1;
        for (int j = 0; j < m->blocks[b].ncols; j++)
            if (side_of(m->blocks[b].cols[j].path))
                return 1;
    }
    return 0;
}

/* The side a row alone names (支出 over the header repeated for it). */
static const char *side_marker(const hrow *r)
{
    int only = -1;
    if (row_nonempty(r, &only) != 1)
        return NULL;
    char *k = tx_key(r->cells[only]);
    const char *side = !strcmp(k, "收入")     ? "收入"
                       : !strcmp(k, "支出")   ? "支出"
                       : !strcmp(k, "人员经费") ? "人员经费"
                       : !strcmp(k, "公用经费") ? "公用经费"
                                              : NULL;
    free(k);
    return side;
}

static int block_marker_text(const char *side)
{
    return !strcmp(side, "人员经费") || !strcmp(side, "公用经费");
}

/* 人员经费 or 公用经费 alone on the first row of a header: the first of the
 * blocks of 基本支出 stacked in one column of figures, each under its own
 * header (FA06 printed as two tables under one title). */
static const char *block_marker(const hrow *r)
{
    const char *m = side_marker(r);
    return m && block_marker_text(m) ? m : NULL;
}

/* Whether row r has, in the value slots of ar, a figure that is not a nil
 * (figures) or any text at all. */
static int row_holds(const gview *v, const arow *ar, int r, int figures)
{
    for (int j = 0; j < ar->ncols; j++) {
        if (ar->slot[j] < 0)
            continue;
        const char *cell = v->plain[r].cells[ar->slot[j]];
        char buf[40];
        int nil, pct;
        if (figures ? figure_of(cell, buf, sizeof buf, &nil, &pct) && !nil : !tx_is_blank(cell))
            return 1;
    }
    return 0;
}

/* Whether the figure at slot of row t is one the workbook hides: its row,
 * its sheet or its column (a working column, last year's figures), which a
 * reader of the report does not see. */
static int hidden_at(const trow *t, int slot)
{
    if (t->hidden)
        return 1;
    for (int i = 0; i < t->n && slot >= 0; i++)
        if (t->cells[i].col <= slot && slot < t->cells[i].col + t->cells[i].span)
            return t->cells[i].hidden;
    return 0;
}

/* Whether the document's spans are its own merged cells (docx, xlsx,
 * html), not estimated from a page's layout (pdf, ofd) or a text's columns. */
static int spans_merged(tab_doc *d)
{
    const json_t *h = ds_header(d->s);
    const char *f = h ? json_string_value(json_object_get(h, "format")) : NULL;
    return f && strcmp(f, "pdf") != 0 && strcmp(f, "ofd") != 0 && strcmp(f, "txt") != 0;
}

/* The cells of row in block b of m, into *sub, and the slot of the first;
 * 0 when the row ends before the block. */
static int block_cells(const hmodel *m, int b, const hrow *row, hrow *sub, int *base)
{
    *sub = *row;
    *base = 0;
    if (m->nblocks == 1)
        return 1;
    int e = m->blocks[b].end < row->n ? m->blocks[b].end : row->n;
    if (m->blocks[b].start >= e)
        return 0;
    sub->cells = row->cells + m->blocks[b].start;
    sub->n = e - m->blocks[b].start;
    *base = m->blocks[b].start;
    return 1;
}

/* Whether a label ends in a colon: a heading over the rows below it
 * (按支出性质：, 按经济分类：), no item of its own. */
static int heads_list(const char *label)
{
    char *k = tx_clean(label);
    int colon = tx_ends(k, "：") || tx_ends(k, ":");
    free(k);
    return colon;
}

/* A label too long for its cell that a typist carried on to the next table
 * row (一般公共预算财政 / 拨款收入, 机关事业单位基本养老 / 保险缴费支出):
 * that row holds, in block b, only the rest of the label — no code, no
 * 行次, no figure, no list number — while row r has a code or a 行次.
 * Returns the label joined (to free), or NULL. */
static char *continued_label(const gview *v, const tpart *p, int data, const hmodel *m, int b, int r,
                             int width, const arow *ar)
{
    /* (a table of a file's own cells: a PDF's layout joins a wrapped
     * label's lines itself, and a line left apart may belong below) */
    if (!ar->label || (!ar->code && !ar->line_no) || r + 1 >= p->notes || !v->g->grid ||
        !spans_merged(v->d))
        return NULL;
    hrow next = v->plain[r + 1], sub;
    if (next.n > width)
        next.n = width;
    int base;
    /* (not a side's marker, nor the header again on the next page) */
    if (side_marker(&next) || cont_repeats_header(v->plain, v->spread, p->body, data, r + 1) ||
        !block_cells(m, b, &next, &sub, &base))
        return NULL;
    hblock bx = m->blocks[b];
    bx.grid = v->g->grid || next.n == width;
    arow rest;
    if (align_row(&bx, &sub, NULL, &rest) != 0)
        return NULL;
    int only_label = rest.label && !rest.code && !rest.line_no && !heads_list(rest.label) &&
                     tx_skip_numbering(rest.label) == rest.label && strncmp(rest.label, "其中", strlen("其中")) != 0 &&
                     !strstr(rest.label, "合计") && !strstr(rest.label, "总计") && !strstr(rest.label, "小计");
    for (int j = 0; j < rest.ncols && only_label; j++)
        if (rest.slot[j] >= 0 && !tx_is_blank(sub.cells[rest.slot[j]]))
            only_label = 0;
    char *joined = NULL;
    if (only_label) {
        joined = malloc(strlen(ar->label) + strlen(rest.label) + 1);
        if (!joined)
            abort();
        strcpy(joined, ar->label);
        strcat(joined, rest.label);
    }
    align_free(&rest);
    return joined;
}

/* Whether two labels or paths read the same (a header printed with the
 * standard labels, pinyin glosses or spaces aside, is kept as printed). */
static int same_key(const char *a, const char *b)
{
    char *ka = tx_key(a), *kb = tx_key(b);
    int same = strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return same;
}

/* Whether printed header path path says what template path tp says, its
 * groups in fuller words: as many levels, each group ending in the
 * template's and the column's own head the template's (全年预算数/合计 for
 * 预算数/合计; not 收入/金额（1）, the 栏次 in the head). The printed words
 * are kept. */
static int says_template(const char *tp, const char *path)
{
    char *kt = tx_key(tp), *kp = tx_key(path);
    int ok = 1;
    char *st = NULL, *sp = NULL;
    char *a = strtok_r(kt, "/", &st), *b = strtok_r(kp, "/", &sp);
    int levels = 0;
    for (; a && b && ok; a = strtok_r(NULL, "/", &st), b = strtok_r(NULL, "/", &sp), levels++)
        ok = strlen(b) >= strlen(a) && strcmp(b + strlen(b) - strlen(a), a) == 0;
    /* (the column's own head as the template's: 本年支出合计基本支出 is a
     * header mangled, not 基本支出 in fuller words) */
    const char *lt = strrchr(tp, '/'), *lp = strrchr(path, '/');
    ok = ok && !a && !b && levels >= 2 && same_key(lt + 1, lp + 1);
    free(kt);
    free(kp);
    return ok;
}

/* Whether a cell holds a cross mark alone (align_is_cross_mark). */
static int crossed(const char *cell)
{
    char k[16];
    return tx_key_buf(cell, k, sizeof k) >= 0 && align_is_cross_mark(k);
}

static int emit_row(gview *v, tpart *p, const hmodel *m, int b, const arow *ar, int r,
                    int has_label)
{
    tab_doc *d = v->d;
    const hblock *bl = &m->blocks[b];
    /* a placeholder: 行次 but neither label nor figure (only then is there
     * a question: a labelled row always has its facts) */
    if (!ar->label && !ar->code && (has_label || !p->kind) && !row_holds(v, ar, r, 1))
        return 0;
    /* a code alone (a 款 cell merged down its group, printed mid-group on
     * a line of its own): no row of figures */
    if (!ar->label && ar->code && has_label && !row_holds(v, ar, r, 0))
        return 0;
    /* a heading over the rows below it, its cells blank: no figures */
    if (ar->label && heads_list(ar->label) && !row_holds(v, ar, r, 0))
        return 0;
    if (ar->label && align_names_identifier(ar->label))
        return 0;
    char *item = ar->label ? item_of(ar->label) : NULL;
    /* a 三公 table's one line is the unit's, its item none; printed under a
     * 单位名称 stub, the line's label is the unit's name */
    if (item && catalog_is_sangong(p->kind) && d->meta.entity && same_key(item, d->meta.entity)) {
        free(item);
        item = NULL;
    }
    for (int j = 0; j < ar->ncols; j++) {
        const hcol *col = &bl->cols[j];
        int slot = ar->slot[j];
        if (col->identifier)
            continue;
        const char *cell = slot >= 0 ? v->plain[r].cells[slot] : "";
        char buf[40];
        int nil, pct;
        if (!figure_of(cell, buf, sizeof buf, &nil, &pct))
            continue;
        if (nil && !p->kind && (slot < 0 || tx_is_blank(cell) || crossed(cell)))
            continue;   /* a blank or crossed cell of a table we do not know (a cover
                         * form's *): no figure belongs */
        if (nil && slot >= 0 && p->pad && p->pad[slot])
            continue;   /* a spreadsheet's blank column between two blocks */
        /* a header the conversion mangled: the standard layout by 栏次 */
        const char *path = col->path, *leaf = col->leaf, *side = bl->side;
        char *tside = NULL;
        const char *tp = p->kind ? template_path(p->kind->id, col->col_no ? col->col_no : col->std_no)
                                 : NULL;
        if (tp && strcmp(tp, path) != 0 && !same_key(tp, path) && !says_template(tp, path) &&
            (col->std_no || template_fits(tp, leaf) || template_fits_joined(tp, path))) {
            path = tp;
            const char *slash = strrchr(tp, '/');
            leaf = slash ? slash + 1 : tp;
            if (side_of(tp))
                side = tside = tx_dup(side_of(tp));
        }
        /* one column of figures under a 收入 block, then a 支出 one: the
         * header names the first side, the marker row the next */
        char *spath = NULL;
        if (!side && m->nblocks == 1 && side_of(path)) {
            side = p->stacked ? p->stacked : side_of(path);
            spath = tx_dup(path);
            memcpy(spath, side, strlen(side));   /* 收入 and 支出: the same length */
            path = spath;
        } else if (!side && m->nblocks == 1 && p->stacked) {
            side = p->stacked;
            /* the side, or the block's name, heads its path */
            spath = malloc(strlen(side) + 1 + strlen(path) + 1);
            if (!spath)
                abort();
            sprintf(spath, "%s/%s", side, path);
            path = spath;
        }
        /* a side printed once per view: the view, after the side, tells
         * the three 本年支出合计 of 支出类别, 经济分类 and 功能分类 apart */
        char *vpath = NULL;
        if (bl->view) {
            size_t ls = side && strncmp(path, side, strlen(side)) == 0 && path[strlen(side)] == '/'
                            ? strlen(side) : 0;
            vpath = malloc(strlen(path) + strlen(bl->view) + 3);
            if (!vpath)
                abort();
            if (ls)
                sprintf(vpath, "%.*s/%s%s", (int)ls, path, bl->view, path + ls);
            else
                sprintf(vpath, "%s/%s", bl->view, path);
            path = vpath;
        }
        jline *w = fw_begin(d, "table");
        jl_str(w, "table", p->name);
        jl_str(w, "table_id", p->kind ? p->kind->id : NULL);
        jl_str(w, "form", p->form ? p->form : (p->kind ? p->kind->form : NULL));
        jl_str(w, "item", item);
        jl_str(w, "code", ar->code);
        jl_str(w, "side", side);
        jl_str(w, "column", leaf);
        jl_str(w, "header_path", path);
        free(tside);
        free(spath);
        free(vpath);
        jl_str(w, "value", nil ? NULL : buf);
        /* the printed form, when it says more than the value (1,382.64, －, 12%) */
        char *raw = tx_clean(cell);
        if (raw[0] && (nil || strcmp(raw, buf) != 0))
            jl_str(w, "raw", raw);
        free(raw);
        jl_str(w, "unit", pct ? align_unit_name(pct) : (col->unit ? col->unit : p->unit));
        jl_open_object(w, "locator");
        jl_int(w, "table", r >= 0 ? v->g->rows[r].table : v->g->index);
        jl_int(w, "part", p->part);
        if (r >= 0)
            jl_int(w, "row", v->g->rows[r].row);
        else
            jl_null(w, "row");
        if (r >= 0 && v->g->rows[r].line)
            jl_int(w, "line", v->g->rows[r].line);
        if (slot >= 0)
            jl_int(w, "col", slot);
        else
            jl_null(w, "col");
        if (ar->line_no)
            jl_str(w, "line_no", ar->line_no);
        if (col->col_no)
            jl_str(w, "col_no", col->col_no);
        if (r >= 0 && hidden_at(&v->g->rows[r], slot))
            jl_bool(w, "hidden", 1);
        jl_close(w);
        if (!nil)
            p->figures++;
        if (fw_emit(d)) {
            free(item);
            return -1;
        }
    }
    free(item);
    return 0;
}

/* Whether cell i of r is a 行次 printed before the label: a number of one
 * to three digits, the next cell text. */
static int line_number_first(const hrow *r, int i)
{
    char k[8];
    int n = tx_key_buf(r->cells[i], k, sizeof k);
    if (n < 1 || n > 3 || i + 1 >= r->n)
        return 0;
    for (int j = 0; j < n; j++)
        if (k[j] < '0' || k[j] > '9')
            return 0;
    return !tx_is_blank(r->cells[i + 1]) && !align_is_figure(r->cells[i + 1]);
}

static int first_is_text(const hrow *r)
{
    int i = 0;
    while (i < r->n && tx_is_blank(r->cells[i]))
        i++;
    /* (a code before the label, or a 行次 printed first: 1 | 一、…) */
    if (i < r->n && (align_is_code(r->cells[i]) || line_number_first(r, i)))
        i++;
    while (i < r->n && tx_is_blank(r->cells[i]))
        i++;
    return i < r->n && !align_is_figure(r->cells[i]);
}

/* How many cells follow a row's code and label: its values. */
static int values_after_label(const hrow *r)
{
    int i = 0;
    while (i < r->n && tx_is_blank(r->cells[i]))
        i++;
    if (i < r->n && align_is_code(r->cells[i]))
        i++;
    while (i < r->n && tx_is_blank(r->cells[i]))
        i++;
    if (i < r->n && !align_is_figure(r->cells[i]))
        i++;
    return r->n - i;
}

/* The note row under a table that says it is empty (its only cell a
 * statement, *text), or -1. */
static int statement_row(const gview *v, const tpart *p, const char **text)
{
    for (int r = p->notes; r < p->b; r++) {
        int only = -1;
        if (row_nonempty(&v->plain[r], &only) != 1)
            continue;
        char *k = tx_key(v->plain[r].cells[only]);
        int st = is_statement(k);
        free(k);
        if (st) {
            *text = v->plain[r].cells[only];
            return r;
        }
    }
    return -1;
}

static int statement_for(tab_doc *d, gview *v, tpart *p, int last_part)
{
    if (!p->kind)
        return 0;
    const char *sentence = NULL;
    int found = -1, said = statement_row(v, p, &sentence);
    if (said >= 0) {
        /* printed under the header, in the table itself */
    } else if (last_part) {
        int from, to;
        around(d, v->gi, 0, &from, &to);
        for (int i = from; i < to && i < from + 3 && found < 0; i++)
            if (says_none(d->paras[i].text))
                found = i;
    }
    if (found < 0 && said < 0 && p->kind->keyword) {
        /* one search per keyword and document, however many tables ask */
        int k = 0;
        while (k < d->nstatements && strcmp(d->statements[k].keyword, p->kind->keyword) != 0)
            k++;
        if (k == d->nstatements && k < (int)(sizeof d->statements / sizeof d->statements[0])) {
            d->statements[k].keyword = p->kind->keyword;
            d->statements[k].para = -1;
            for (int i = 0; i < d->npara && d->statements[k].para < 0; i++) {
                const char *t = d->paras[i].text;
                if (says_none(t) && strstr(t, p->kind->keyword) && tx_cplen(t, strlen(t)) < 80)
                    d->statements[k].para = i;
            }
            d->nstatements++;
        }
        if (k < d->nstatements)
            found = d->statements[k].para;
    }
    jline *w = fw_begin(d, "empty_table");
    jl_str(w, "table", p->name);
    jl_str(w, "table_id", p->kind->id);
    jl_str(w, "form", p->form ? p->form : p->kind->form);
    jl_null(w, "value");
    if (said < 0 && found >= 0)
        sentence = d->paras[found].text;
    jl_str(w, "sentence", sentence);
    jl_open_object(w, "locator");
    jl_int(w, "table", said >= 0 ? v->g->rows[said].table : v->g->index);
    jl_int(w, "part", p->part);
    if (said >= 0)
        jl_int(w, "row", v->g->rows[said].row);
    else if (found >= 0)
        jl_int(w, "paragraph", d->paras[found].ordinal);
    jl_close(w);
    return fw_emit(d);
}

/* Whether a block's slice of a row holds text and figures. */
static void block_content(const hrow *row, const hblock *bl, int *text, int *fig)
{
    for (int i = bl->start; i < bl->end && i < row->n; i++) {
        const char *c = row->cells[i];
        if (tx_is_blank(c))
            continue;
        if (align_is_figure(c)) {
            if (!align_is_code(c))
                *fig = 1;
        } else {
            *text = 1;
        }
    }
}

/* A standard table printed in blocks side by side (公开06表: three times
 * 科目代码 | 科目名称 | 决算数) whose header did not show the blocks. */
static void force_template_blocks(const tpart *p, hmodel *m, int width)
{
    int w;
    const char *const *sides;
    int nb = p->kind ? template_blocks(p->kind->id, &w, &sides) : 0;
    if (!nb || m->nblocks == nb || width != nb * w)
        return;
    hdr_free(m);
    m->nblocks = nb;
    m->width = width;
    m->blocks = calloc((size_t)nb, sizeof(hblock));
    if (!m->blocks)
        abort();
    for (int b = 0; b < nb; b++) {
        hblock *bl = &m->blocks[b];
        bl->start = b * w;
        bl->end = (b + 1) * w;
        bl->side = tx_dup(sides[b]);
        bl->split_at = -1;
        bl->grid = m->grid;
        bl->ncols = 1;
        bl->cols = calloc(1, sizeof(hcol));
        if (!bl->cols)
            abort();
        sbuf path = {0};
        sb_puts(&path, sides[b]);
        sb_puts(&path, "/决算数");
        bl->cols[0].path = sb_take(&path);
        bl->cols[0].leaf = tx_dup("决算数");
    }
}

static const char *leaf_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* 1 when every character of want occurs in have, in order: two labels of
 * one spanning cell interleaved by the layout (决算数一般公共预算财政 | 政府性
 * 基金预算财拨款 | 政拨款 read as one text). */
static int in_order(const char *have, const char *want)
{
    char *h = tx_key(have), *w = tx_key(want);
    const char *p = h;
    int ok = 1;
    for (const char *q = w; *q && ok;) {
        uint32_t c, d = 0;
        int l = tx_cp(q, &c);
        while (*p && (p += tx_cp(p, &d), d != c))
            ;
        ok = d == c;
        q += l;
    }
    free(h);
    free(w);
    return ok;
}

/* Whether the label of column j fits the standard column j, and no other
 * standard column with another label; a label shared with a neighbour (one
 * cell over both, texts run together) fits when the standard label can be
 * read out of it in order: its place tells which. */
static int shared_leaf(const hblock *bl, int j)
{
    const char *leaf = bl->cols[j].leaf;
    return (j > 0 && strcmp(bl->cols[j - 1].leaf, leaf) == 0) ||
           (j + 1 < bl->ncols && strcmp(bl->cols[j + 1].leaf, leaf) == 0);
}

static int fits_at(const tcol_ref *t, int n, const hblock *bl, int j)
{
    const char *leaf = bl->cols[j].leaf;
    if (!leaf[0])
        return 0;
    if (shared_leaf(bl, j))
        return in_order(leaf, leaf_of(t[j].path));
    if (!template_fits(t[j].path, leaf))
        return 0;
    for (int k = 0; k < n; k++)
        if (k != j && strcmp(leaf_of(t[k].path), leaf_of(t[j].path)) != 0 &&
            template_fits(t[k].path, leaf))
            return 0;
    return 1;
}

/* Under a printed 栏次, one cell over two columns holding both standard
 * labels run together (PDF: 公务用车购置及运行维护费公务用车购 公务用车运置费
 * 行维护费 over 栏次 4 and 5) fits each when its label reads out of it. */
static void match_shared(const tpart *p, hblock *bl)
{
    tcol_ref t[16];
    int n = template_columns(p->kind->id, NULL, t, 16);
    for (int j = 0; j < bl->ncols; j++) {
        const hcol *c = &bl->cols[j];
        if (!c->col_no || !c->leaf[0] || !shared_leaf(bl, j))
            continue;
        for (int k = 0; k < n; k++)
            if (strcmp(t[k].col_no, c->col_no) == 0 && !template_fits(t[k].path, c->leaf) &&
                in_order(c->leaf, leaf_of(t[k].path)))
                bl->cols[j].std_no = t[k].col_no;
    }
}

/* A standard table printed without 栏次 whose header the conversion ran
 * together (Calc PDF: 本年支出基本支出): its columns are matched to the
 * standard layout by their labels, only where that is unambiguous — a block
 * with as many columns as the layout's side has, each label fitting the
 * column at its place. */
static void match_template(const tpart *p, hmodel *m)
{
    for (int b = 0; p->kind && b < m->nblocks; b++) {
        hblock *bl = &m->blocks[b];
        int printed = 0;
        for (int j = 0; j < bl->ncols && !printed; j++)
            printed = bl->cols[j].col_no != NULL;
        if (printed) {
            match_shared(p, bl);
            continue;
        }
        tcol_ref t[16];
        int n = printed ? 0 : template_columns(p->kind->id, m->nblocks > 1 ? bl->side : NULL, t, 16);
        if (n <= 0 || n != bl->ncols)
            continue;
        for (int j = 0; j < n; j++)
            if (fits_at(t, n, bl, j))
                bl->cols[j].std_no = t[j].col_no;
    }
}

/* Whether row h holds one cell, 合计 or 总计. */
static int is_total_row(const hrow *h)
{
    int only = -1;
    if (row_nonempty(h, &only) != 1)
        return 0;
    char k[16];
    return tx_key_buf(h->cells[only], k, sizeof k) > 0 &&
           (strcmp(k, "合计") == 0 || strcmp(k, "总计") == 0);
}

/* Where the body of a table without a figure starts (an empty table:
 * 合计 and blank cells, or one blank row under a header without row labels),
 * when no 栏次 row closes the header: the first row with a row label under
 * the stub headings (科目名称 …), where a header row has nothing or its own
 * stub heading; else a run of blank rows after the last header row;
 * p->notes when neither. Without spans a lower header row (小计 | 基本支出)
 * has lost its place, so there a data row must be as long as the row of
 * stub headings. */
static int body_without_figures(const gview *v, const tpart *p)
{
    int key = -1, stub_end = 0;
    for (int r = p->body; r < p->notes && key < 0; r++) {
        const hrow *h = &v->spread[r];
        /* the stub headings, a blank column between them or not (a PDF's
         * 科目编码 | | 科目名称) */
        stub_end = hdr_stub_run_end(h, 0, h->n);
        if (stub_end > 0)
            key = r;
    }
    if (key >= 0)
        for (int r = key + 1; r < p->notes; r++) {
            const hrow *h = &v->plain[r];
            /* (a PDF row ends with its last text: the blank 合计 row of an
             * empty table is as short as its label) */
            if (!v->g->grid && h->n < v->plain[key].n && !is_total_row(h))
                continue;
            for (int c = 0; c < stub_end && c < h->n; c++)
                if (!tx_is_blank(h->cells[c]) && !hdr_is_stub(h->cells[c]))
                    return r;
        }
    int last = p->notes;
    while (last > p->body && !row_nonempty(&v->plain[last - 1], NULL))
        last--;
    /* or the blank 合计 row under a header of no stub heading it knows
     * (科目编码类款项 run together) */
    if (last - 1 > p->body && is_total_row(&v->plain[last - 1]))
        return last - 1;
    return last > p->body && last < p->notes ? last : p->notes;
}

/* The width of this table, not of the whole grid it shares: tables stacked
 * on one sheet make every row of a grid as wide as the widest of them, but
 * a narrower table ends with its header (rows [p->body, data)): a slot with
 * no header label of its own table is not a column of it. */
static int part_width(const gview *v, const tpart *p, int data)
{
    int width = 0;
    int end = v->g->grid && data > p->body ? data : p->notes;
    for (int r = p->body; r < end; r++) {
        if (!v->g->grid) {
            if (v->plain[r].n > width)
                width = v->plain[r].n;
            continue;
        }
        const trow *t = &v->g->rows[r];
        for (int c = 0; c < t->n; c++)
            if (t->cells[c].col + t->cells[c].span > width && !tx_is_blank(t->cells[c].text))
                width = t->cells[c].col + t->cells[c].span;
    }
    return width;
}

static int stub_heading(const gview *v, int from, int to)
{
    for (int r = from; r < to; r++)
        for (int c = 0; c < v->spread[r].n; c++)
            if (!tx_is_blank(v->spread[r].cells[c]) && hdr_is_stub(v->spread[r].cells[c]))
                return 1;
    return 0;
}

/* A header with as many columns as the standard layout of its table: one
 * a conversion mangled (PDF cells run together, 12 columns read as 10)
 * does not say which nils the unprinted row has. */
static int whole_layout(const tpart *p, const hmodel *m)
{
    tcol_ref t[16];
    int n = template_columns(p->kind->id, NULL, t, 16), cols = 0;
    for (int b = 0; b < m->nblocks; b++)
        cols += m->blocks[b].ncols;
    return n > 0 && n == cols;
}


/* Per column of grid rows [from, to) of g (header and body): 1 where no
 * cell with text starts, only the header's spans passing over it: a blank
 * column set between two blocks of a spreadsheet, whose blanks are no nils. */
static unsigned char *blank_columns(const tgrid *g, int from, int to, int width)
{
    unsigned char *pad = malloc((size_t)(width > 0 ? width : 1));
    if (!pad)
        abort();
    memset(pad, 1, (size_t)width);
    for (int r = from; r < to; r++)
        for (int c = 0; c < g->rows[r].n; c++) {
            const tcell *x = &g->rows[r].cells[c];
            if (x->col < width && !tx_is_blank(x->text))
                pad[x->col] = 0;
        }
    return pad;
}

/* Row r of a grid whose text cells t span into a later block: a copy of
 * its slots (row) where each block whose stub such a cell covers, from an
 * earlier block, has that text as its label, in its last covered slot.
 * Blocks the cell covers whole (from their first slot to their last) are
 * set in *covered. The slots' texts are borrowed; free the array. */
static char **span_labels(const trow *t, const hmodel *m, const hrow *row, unsigned *covered)
{
    char **cells = malloc((size_t)(row->n > 0 ? row->n : 1) * sizeof *cells);
    if (!cells)
        abort();
    memcpy(cells, row->cells, (size_t)row->n * sizeof *cells);
    *covered = 0;
    for (int c = 0; c < t->n; c++) {
        const tcell *x = &t->cells[c];
        if (x->span < 2 || tx_is_blank(x->text))
            continue;
        int end = x->col + x->span;
        for (int b = 0; b < m->nblocks; b++) {
            const hblock *k = &m->blocks[b];
            if (end <= k->start || x->col >= k->end)
                continue;
            if (x->col <= k->start && end >= k->end) {
                *covered |= 1u << b;
            } else if (x->col < k->start && end - 1 < row->n) {
                for (int j = k->start; j < end && j < row->n; j++)
                    cells[j] = "";
                cells[end - 1] = x->text;
            }
        }
    }
    return cells;
}

/* The nils of a row the table has but did not print: no cell, no row. */
static int emit_unprinted(gview *v, tpart *p, const hmodel *m, int b)
{
    arow ar = {.ncols = m->blocks[b].ncols};
    ar.slot = malloc(sizeof(int) * (size_t)(ar.ncols ? ar.ncols : 1));
    if (!ar.slot)
        abort();
    for (int j = 0; j < ar.ncols; j++)
        ar.slot[j] = -1;
    int rc = emit_row(v, p, m, b, &ar, -1, 0);
    align_free(&ar);
    return rc;
}

/* Whether cell t is a two-digit code segment (01), copied to seg. */
static int two_digits(const char *t, char *seg, size_t n)
{
    return !tx_is_blank(t) && tx_key_buf(t, seg, n) == 2 && seg[0] >= '0' && seg[0] <= '9' &&
           seg[1] >= '0' && seg[1] <= '9';
}

/* A 款 row left with its class's code (its name not in the code list): the
 * 款 segment printed once, mid-group, below it (a 款 cell merged down its
 * group in a PDF), on a line of its own or beside the 项 segment of its
 * first 项 row (a group of two 项 rows: 04 | 01 储备粮油补贴), completes
 * it, when it comes before the next row of another class or 款. */
static void kuan_from_below(gview *v, const tpart *p, const hblock *bl, int base, int r,
                            const char *above, arow *ar)
{
    int at = bl->split_at;
    const char *cls = ar->code ? ar->code : above;
    if (at < 0 || !ar->label || !cls || strlen(cls) < 3 || (ar->code && strlen(ar->code) != 3) ||
        codes_class_named(ar->label))
        return;
    at += base;
    for (int k = r + 1; k < p->notes && k < r + 40; k++) {
        const hrow *h = &v->plain[k];
        if (h->n <= at + 2)
            continue;
        int text = 0;
        for (int c = at + 3; c < h->n && !text; c++)
            text = !tx_is_blank(h->cells[c]);
        char seg[8], item[8];
        /* (the class's own code may stand beside it, merged down the class
         * and printed in the middle of it: 206 | 04 | 04) */
        char own[8];
        int same_class = tx_key_buf(h->cells[at], own, sizeof own) == 3 &&
                         strncmp(own, cls, 3) == 0;
        int kuan = (tx_is_blank(h->cells[at]) || same_class) &&
                   two_digits(h->cells[at + 1], seg, sizeof seg);
        int lone = kuan && tx_is_blank(h->cells[at + 2]) && !text;
        int beside = kuan && text && two_digits(h->cells[at + 2], item, sizeof item);
        if (lone || beside) {
            char code[6] = {cls[0], cls[1], cls[2], seg[0], seg[1], '\0'};
            free(ar->code);
            ar->code = tx_dup(code);
            return;
        }
        /* a row of its own 款 or class ends the group */
        if (!tx_is_blank(h->cells[at + 1]) || (text && tx_is_blank(h->cells[at + 2])))
            return;
    }
}

static void carry_code(char **above, const arow *ar)
{
    if (!ar->code)
        return;
    free(*above);
    *above = tx_dup(ar->code);
}

/* A header row above the key row (the one naming the stub: 科目编码 |
 * 科目名称) whose only label stands over a stub heading is a group the
 * page cut from the columns it heads: a cell merged across two pages,
 * its text centred by Calc over the second page's stub (本年收入 over
 * 科目名称 | 上级补助收入 | …). Nothing but a stub heading heads a stub
 * column: the label is moved over the value columns after the stub. */
static void move_displaced_groups(gview *v, int from, int to)
{
    static char empty[] = "";
    int key = hdr_key_row(v->spread + from, to - from);
    if (key < 0)
        return;
    key += from;
    const hrow *k = &v->spread[key];
    int stub_end = 0;
    while (stub_end < k->n && !tx_is_blank(k->cells[stub_end]) && hdr_is_stub(k->cells[stub_end]))
        stub_end++;
    if (stub_end == 0 || stub_end >= k->n)
        return;
    for (int h = from; h < key; h++) {
        hrow *r = &v->spread[h];
        int at = -1, others = 0;
        for (int i = 0; i < r->n; i++) {
            if (tx_is_blank(r->cells[i]))
                continue;
            if (i < stub_end && !hdr_is_stub(r->cells[i]) && (at < 0 || r->cells[at] == r->cells[i]))
                at = i;
            else
                others++;
        }
        if (at < 0 || others || r->n < k->n)
            continue;
        const char *label = r->cells[at];
        for (int i = 0; i < stub_end; i++)
            r->cells[i] = empty;
        for (int i = stub_end; i < k->n; i++)
            r->cells[i] = (char *)label;
    }
}

/* The locator of grid row r of part p, for a formula printed there. */
static json_t *row_locator(const gview *v, const tpart *p, int r)
{
    json_t *loc = json_object();
    json_object_set_new(loc, "table", json_integer(v->g->rows[r].table));
    json_object_set_new(loc, "part", json_integer(p->part));
    json_object_set_new(loc, "row", json_integer(v->g->rows[r].row));
    return loc;
}

static int run_part(gview *v, tpart *p, int last_part)
{
    tab_doc *d = v->d;
    read_meta_rows(v, p);
    name_part(v, p);
    int colno = -1;
    /* the 栏次 row closes the header: within its first rows */
    for (int r = p->body; r < p->notes && r < p->body + 16; r++)
        if (hdr_is_colno_row(&v->plain[r])) {
            colno = r;
            break;
        }
    int data = colno >= 0 ? colno + 1 : p->notes;
    if (colno < 0)
        for (int r = p->body; r < p->notes; r++) {
            const hrow *h = &v->plain[r];
            int fig = 0;
            for (int c = 0; c < h->n && !fig; c++)
                fig = !tx_is_blank(h->cells[c]) && align_is_figure(h->cells[c]);
            if (fig) {
                data = r;
                break;
            }
        }
    if (colno < 0 && data == p->notes)
        data = body_without_figures(v, p);
    int width = part_width(v, p, data);
    int has_label = 0, hint = 0;
    for (int r = data; r < p->notes; r++) {
        hrow clipped = v->plain[r];
        if (clipped.n > width)
            clipped.n = width;
        if (!row_nonempty(&clipped, NULL))
            continue;
        if (first_is_text(&clipped))
            has_label = 1;
        int n = values_after_label(&clipped);
        if (n > hint)
            hint = n;
    }
    int rc = 0;
    hmodel m;
    /* a header is a few rows deep: the rows just above the data (a table of
     * nothing but text rows has no figures to place, and would cost its
     * square to analyse) */
    int hstart = data - p->body > 12 ? data - 12 : p->body;
    int nheader = data - hstart;
    const char *block = nheader > 1 ? block_marker(&v->plain[hstart]) : NULL;
    if (block) {
        p->stacked = block;
        hstart++;
        nheader--;
    }
    /* 收入 alone across the header's last row: a table printed one-sided
     * (单栏式 项目 | 行次 | 金额), its 收入 rows under that marker, then its
     * 支出 rows under their own */
    const char *first_side = nheader > 1 ? side_marker(&v->plain[data - 1]) : NULL;
    if (first_side && !block_marker_text(first_side)) {
        p->stacked = first_side;
        nheader--;
    }
    int has_data = 0;
    for (int r = data; r < p->notes && !has_data; r++)
        has_data = row_nonempty(&v->plain[r], NULL) || (p->kind && !has_label);
    /* a standard table without row labels (三公) printed as its header
     * alone (a PDF does not show its one empty row) still has that row */
    int bare = p->kind && data == p->notes && !stub_heading(v, hstart, data);
    has_data |= bare;
    if (data > p->body && has_data)
        move_displaced_groups(v, hstart, data);
    if (data > p->body && has_data &&
        hdr_analyse(v->spread + hstart, nheader, width, v->g->grid, has_label, hint, &m) == 0) {
        force_template_blocks(p, &m, width);
        match_template(p, &m);
        /* spans a reader read from the file (docx, xlsx, html), not ones a
         * PDF's layout estimated */
        int merged = v->g->grid && spans_merged(v->d);
        unsigned char *pad = merged ? blank_columns(v->g, hstart, p->notes, width) : NULL;
        p->pad = pad;
        /* per block, the code of its last coded row: where 类 | 款 | 项 print
         * the upper segments once per group, the rows under it need it */
        char **above = calloc((size_t)m.nblocks, sizeof(char *));
        /* per block, the row whose label continued the one above it */
        int *continued = malloc((size_t)m.nblocks * sizeof(int));
        if (!above || !continued)
            abort();
        for (int b = 0; b < m.nblocks; b++)
            continued[b] = -1;
        /* a standard table without row labels (三公) printed empty still
         * has its one data row: its figures are nil, not missing */
        int blank_body = 1;
        for (int r = data; r < p->notes; r++)
            if (row_nonempty(&v->plain[r], NULL))
                blank_body = 0;
        for (int r = data; r < p->notes && !rc; r++) {
            hrow clipped = v->plain[r];
            if (clipped.n > width)
                clipped.n = width;
            hrow *row = &clipped;
            if (!row_nonempty(row, NULL) && !(blank_body && r == data && p->kind && !has_label))
                continue;
            if (cont_repeats_header(v->plain, v->spread, p->body, data, r) || page_turn_row(row))
                continue;   /* the header again, on the next page */
            const char *marker = m.nblocks == 1 ? side_marker(row) : NULL;
            /* (or a marker alone over its block, the header naming no side:
             * 收入 over 一、一般公共预算财政拨款收入 …, 支出 over 一、一般公共服务
             * 支出 … in one column of figures) */
            if (marker && ((r + 1 < p->notes && cont_repeats_header(v->plain, v->spread, p->body, data, r + 1)) ||
                           !header_names_side(&m))) {
                p->stacked = marker;
                continue;
            }
            /* a label spanning into the next block (人员经费合计 | 公用经费合计
             * merged over two blocks) makes the blocks of this row follow
             * its text cells, not the header */
            int crosses = 0, spanned = 0; /* spanned: by a merged cell */
            if (m.nblocks > 1 && v->g->grid) {
                const trow *t = &v->g->rows[r];
                for (int c = 0; c < t->n && !crosses; c++)
                    for (int b = 1; b < m.nblocks; b++)
                        if (t->cells[c].col < m.blocks[b].start &&
                            t->cells[c].col + t->cells[c].span > m.blocks[b].start &&
                            !tx_is_blank(t->cells[c].text))
                            crosses = spanned = 1;
            }
            /* …or a label alone in its block with its figure in the next
             * (PDF: 公用经费合计 under one block, 7.87 under the next) */
            for (int b = 0; b + 1 < m.nblocks && !crosses && row->n >= m.blocks[b + 1].end; b++) {
                int text0 = 0, fig0 = 0, text1 = 0, fig1 = 0;
                block_content(row, &m.blocks[b], &text0, &fig0);
                block_content(row, &m.blocks[b + 1], &text1, &fig1);
                if (text0 && !fig0 && fig1 && !text1)
                    crosses = 1;
            }
            /* in a grid the merged label's span is known: the blocks it
             * covers whole have no cells, and a block whose stub it covers
             * takes it as its label (公用经费合计 over the 302 block and the
             * stub of the 310 block, its figure under 310's 决算数) */
            char **relabel = NULL;
            unsigned covered = 0;
            if (spanned && merged && m.nblocks <= 32) {
                relabel = span_labels(&v->g->rows[r], &m, row, &covered);
                clipped.cells = relabel;
                crosses = 0;
            }
            if (m.nblocks == 1 || ((v->g->grid || row->n == width) && !crosses)) {
                for (int b = 0; b < m.nblocks && !rc; b++) {
                    if ((covered >> b & 1u) || continued[b] == r)
                        continue;
                    arow ar;
                    hrow sub;
                    int base;
                    if (!block_cells(&m, b, row, &sub, &base))
                        continue;
                    /* a row as long as the table is positional like a grid's */
                    hblock bx = m.blocks[b];
                    bx.grid = v->g->grid || row->n == width;
                    if (align_row(&bx, &sub, above[b], &ar) == 0) {
                        for (int j = 0; j < ar.ncols; j++)
                            if (ar.slot[j] >= 0)
                                ar.slot[j] += base;
                        kuan_from_below(v, p, &bx, base, r, above[b], &ar);
                        char *joined = continued_label(v, p, data, &m, b, r, width, &ar);
                        if (joined) {
                            free(ar.label);
                            ar.label = joined;
                            continued[b] = r + 1;
                        }
                        carry_code(&above[b], &ar);
                        rc = emit_row(v, p, &m, b, &ar, r, has_label);
                    }
                    align_free(&ar);
                }
            } else {
                hrow parts[16];
                int blocks[16];
                int np = align_split(&m, row, parts, blocks, 16);
                for (int k = 0; k < np && !rc; k++) {
                    arow ar;
                    int base = (int)(parts[k].cells - row->cells);
                    if (align_row(&m.blocks[blocks[k]], &parts[k], above[blocks[k]], &ar) == 0) {
                        for (int j = 0; j < ar.ncols; j++)
                            if (ar.slot[j] >= 0)
                                ar.slot[j] += base;
                        carry_code(&above[blocks[k]], &ar);
                        rc = emit_row(v, p, &m, blocks[k], &ar, r, has_label);
                    }
                    align_free(&ar);
                }
            }
            free(relabel);
        }
        for (int b = 0; bare && whole_layout(p, &m) && b < m.nblocks && !rc; b++)
            rc = emit_unprinted(v, p, &m, b);
        for (int b = 0; b < m.nblocks; b++)
            free(above[b]);
        free(above);
        free(continued);
        p->pad = NULL;
        free(pad);
        hdr_free(&m);
    }
    if (!rc && p->kind && p->figures == 0)
        rc = statement_for(d, v, p, last_part);
    /* formulas in the 栏次 row (1=2+3+4+5+6+7), in the notes, then in the
     * paragraphs right after the grid */
    for (int c = 0; colno >= 0 && c < v->plain[colno].n; c++) {
        formula f;
        if (!formula_colno_cell(v->plain[colno].cells[c], &f))
            continue;
        formula_ctx fc = {d, p, row_locator(v, p, colno)};
        on_formula(&fc, v->plain[colno].cells[c], &f);
        json_decref(fc.locator);
    }
    for (int r = p->notes; r < p->b; r++)
        for (int c = 0; c < v->plain[r].n; c++)
            if (!tx_is_blank(v->plain[r].cells[c]))
                scan_formulas(d, p, v->plain[r].cells[c], row_locator(v, p, r));
    if (last_part) {
        int from, to;
        around(d, v->gi, 0, &from, &to);
        for (int i = from; i < to && i < from + 4; i++) {
            if (!formula_scan(d->paras[i].text, NULL, NULL))
                continue;
            json_t *loc = json_object();
            json_object_set_new(loc, "paragraph", json_integer(d->paras[i].ordinal));
            scan_formulas(d, p, d->paras[i].text, loc);
        }
    }
    return rc;
}

/* Whether row h holds a figure that is not a nil. */
static int row_has_figure(const hrow *h)
{
    for (int c = 0; c < h->n; c++) {
        /* (a figure has a digit, ASCII or full-width: a label need not be parsed) */
        const char *s = h->cells[c];
        int digit = 0;
        for (; *s && !digit; s++)
            digit = (*s >= '0' && *s <= '9') ||
                    ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] >= 0x90 &&
                     (unsigned char)s[2] <= 0x99);
        char buf[64];
        int nil = 0, pct = 0;
        if (digit && figure_of(h->cells[c], buf, sizeof buf, &nil, &pct) == 1 && !nil)
            return 1;
    }
    return 0;
}

/* The last column number of the last 栏次 row of rows [from, to) with
 * figures under it, -1 when there is none. */
static int colno_ends_at(const hrow *rows, int from, int to)
{
    int last = -1, end = -1;
    for (int k = from; k < to; k++) {
        int first, l;
        if (hdr_colno_range(&rows[k], &first, &l))
            last = l;
        else if (last >= 0 && row_has_figure(&rows[k]))
            end = last;
    }
    return end;
}

/* The first column number of the header rows from row r of rows[0..n) —
 * rows without figures, then a 栏次 row — when it is past 1: the second of
 * a table printed as two, one under the other (预算数 栏次 1–6, then 决算数
 * 栏次 7–12, on a page too narrow for the twelve); -1 otherwise. */
static int header_numbered_on(const hrow *rows, int n, int r)
{
    for (int k = r; k < n && k < r + 6; k++) {
        int first, last;
        if (hdr_colno_range(&rows[k], &first, &last))
            return first > 1 ? first : -1;
        if (row_has_figure(&rows[k]))
            return -1;
    }
    return -1;
}

/* Grid g's rows as text, each cell at its index; free with free_rows. */
static hrow *text_rows(const tgrid *g)
{
    hrow *rows = malloc(sizeof *rows * (size_t)(g->nrows ? g->nrows : 1));
    if (!rows)
        abort();
    for (int k = 0; k < g->nrows; k++) {
        const trow *t = &g->rows[k];
        rows[k].n = t->n;
        rows[k].cells = malloc(sizeof(char *) * (size_t)(t->n ? t->n : 1));
        if (!rows[k].cells)
            abort();
        for (int c = 0; c < t->n; c++)
            rows[k].cells[c] = t->cells[c].text;
    }
    return rows;
}

static void free_rows(hrow *rows, int n)
{
    for (int k = 0; k < n; k++)
        free(rows[k].cells);
    free(rows);
}

static int run_grid(tab_doc *d, int gi)
{
    if (heads_next(d, gi))
        return 0;
    gview v = {.d = d, .g = &d->grids[gi], .gi = gi};
    build_view(&v);
    int rc = 0;
    int start = 0, part = 0;
    /* the part before's title, form and unit, for a part going on from it */
    tpart before = {0};
    int figures_above = 0; /* whether row r - 1 holds a figure */
    for (int r = 0; r <= v.g->nrows && !rc; r++) {
        int split = 0, goes_on = 0, figures = r < v.g->nrows && row_has_figure(&v.plain[r]);
        if (r == v.g->nrows) {
            split = 1;
        } else {
            int only = -1;
            if (row_nonempty(&v.plain[r], &only) == 1 && catalog_is_title(v.plain[r].cells[only]) &&
                r > start) {
                /* only when what came before holds something */
                for (int k = start; k < r && !split; k++)
                    if (row_nonempty(&v.plain[k], NULL))
                        split = 1;
            }
            /* (or a header numbering its columns on from the one above,
             * right under its figures: the same table's other half) */
            int first = !split && r > start && figures_above && !figures
                            ? header_numbered_on(v.plain, v.g->nrows, r)
                            : -1;
            if (first > 1 && colno_ends_at(v.plain, start, r) == first - 1)
                split = goes_on = 1;
        }
        figures_above = figures;
        if (!split)
            continue;
        tpart p = {.a = start, .b = r, .part = part};
        if (before.title) { /* this part goes on from the one before */
            p.title = before.title;
            p.form = before.form;
            p.unit = before.unit;
            before = (tpart){0};
        }
        rc = run_part(&v, &p, r == v.g->nrows);
        if (p.title) {
            free(v.g->caption);
            v.g->caption = tx_dup(p.title);
            free(v.g->unit);
            v.g->unit = p.unit ? tx_dup(p.unit) : NULL;
        }
        free(p.name);
        if (goes_on) {
            before = p;
        } else {
            free(p.title);
            free(p.form);
            free(p.unit);
        }
        part++;
        start = r;
    }
    free(before.title);
    free(before.form);
    free(before.unit);
    free_view(&v);
    return rc;
}

/* Whether t says that the table above goes on (续表, 续表3, （续表）,
 * 续上表, （续）). */
static int continued_mark(const char *t)
{
    char *k = tx_key(t);
    const char *p = k;
    if (*p == '(')
        p++;
    int ok = 0;
    if (strncmp(p, "续上表", strlen("续上表")) == 0)
        p += strlen("续上表"), ok = 1;
    else if (strncmp(p, "续表", strlen("续表")) == 0)
        p += strlen("续表"), ok = 1;
    else if (strncmp(p, "续", strlen("续")) == 0 && k[0] == '(')
        p += strlen("续"), ok = 1;
    while (ok && *p >= '0' && *p <= '9')
        p++;
    if (ok && *p == ')' && k[0] == '(')
        p++;
    ok = ok && *p == '\0';
    free(k);
    return ok;
}

/* Whether paragraph k is printed again elsewhere in the document: a page's
 * running head (澹溪县公证处2024年度部门决算 at the top of every page). */
static int printed_again(const tab_doc *d, int k)
{
    for (int i = 0; i < d->npara; i++)
        if (i != k && strcmp(d->paras[i].text, d->paras[k].text) == 0)
            return 1;
    return 0;
}

/* The widest row of grid g, in columns. */
static int grid_width(const tgrid *g)
{
    int w = 0;
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->rows[r].n; c++)
            if (g->rows[r].cells[c].col + g->rows[r].cells[c].span > w)
                w = g->rows[r].cells[c].col + g->rows[r].cells[c].span;
    return w;
}

/* Whether grid g begins with a row of figures: rows run on from a table
 * before, not a table of its own (which begins with its header). */
static int starts_with_figures(const tgrid *g)
{
    for (int r = 0; r < g->nrows; r++) {
        int text = 0, figures = 0;
        for (int c = 0; c < g->rows[r].n; c++) {
            const char *t = g->rows[r].cells[c].text;
            char buf[64];
            int nil = 0, pct = 0;
            if (tx_is_blank(t))
                continue;
            if (hdr_is_stub(t) || catalog_is_title(t) || is_meta_cell(t))
                return 0;
            if (figure_of(t, buf, sizeof buf, &nil, &pct) == 1 && !nil)
                figures++;
            else
                text++;
        }
        if (text || figures)
            return figures > 0;
    }
    return 0;
}

/* Whether rows x and y hold the same text in the same columns. */
static int same_row(const trow *x, const trow *y)
{
    if (x->n != y->n)
        return 0;
    for (int c = 0; c < x->n; c++)
        if (x->cells[c].col != y->cells[c].col || strcmp(x->cells[c].text, y->cells[c].text) != 0)
            return 0;
    return 1;
}

/* Whether grid b begins with a row of grid a's header, printed again: a
 * table split in two (a web page cut at a page's length) whose second
 * piece repeats the header without the title. */
static int repeats_header_of(const tgrid *a, const tgrid *b)
{
    int r = 0;
    while (r < b->nrows && !b->rows[r].n)
        r++;
    if (r == b->nrows)
        return 0;
    int words = 0;
    for (int c = 0; c < b->rows[r].n; c++)
        words += !tx_is_blank(b->rows[r].cells[c].text) && !align_is_figure(b->rows[r].cells[c].text);
    for (int k = 0; words && k < a->nrows && k < 8; k++)
        if (same_row(&a->rows[k], &b->rows[r]))
            return 1;
    return 0;
}

/* Whether a row of g holds a figure that is not a nil: a table of header
 * rows alone holds none (its 栏次 row's numbers are no figures). */
static int holds_figures(const tgrid *g)
{
    hrow *rows = text_rows(g);
    int found = 0;
    for (int r = 0; r < g->nrows && !found; r++)
        found = !hdr_is_colno_row(&rows[r]) && row_has_figure(&rows[r]);
    free_rows(rows, g->nrows);
    return found;
}

/* A table run on to the next page without its header, under a running
 * head that extract reads as a paragraph between the two pieces, or cut
 * in two with its header repeated and nothing between: grid gi joins the
 * grid before it when it begins with a row of figures or with a row of the
 * header before, is no wider, and nothing but running heads (at least one,
 * for rows of figures) lies between. */
static int joins_grid_before(const tab_doc *d, int gi)
{
    const tgrid *a = &d->grids[gi - 1], *b = &d->grids[gi];
    /* (rows whose cells all sit at their own index fit a grid too) */
    if (b->first_seq <= a->last_seq || (b->grid && !a->grid) || grid_width(b) > grid_width(a) ||
        !a->nrows)
        return 0;
    int figures = starts_with_figures(b), header = !figures && repeats_header_of(a, b);
    if (!figures && !header)
        return 0;
    int heads = 0;
    for (int k = para_after(d, a->last_seq); k < d->npara && d->paras[k].seq < b->first_seq; k++) {
        /* 续表: the table above goes on (its header again, or not), as
         * a running head says of rows without their header */
        if (!continued_mark(d->paras[k].text) && !printed_again(d, k))
            return 0;
        heads++;
    }
    /* (or a header alone in a table of its own, its body in the next right
     * after it: a table split under its head rows, or pasted in two) */
    return heads > 0 || header || (figures && !holds_figures(a));
}

/* Joins the grids joins_grid_before says run on. After it the index of
 * grids by table (doc.c's slots) is stale: it serves reading only. */
static int join_run_on_grids(tab_doc *d)
{
    for (int gi = 1; gi < d->ngrid; gi++) {
        if (!joins_grid_before(d, gi))
            continue;
        tgrid *a = &d->grids[gi - 1], *b = &d->grids[gi];
        trow *rows = realloc(a->rows, sizeof *rows * (size_t)(a->nrows + b->nrows));
        if (!rows)
            return -1;
        memcpy(rows + a->nrows, b->rows, sizeof *rows * (size_t)b->nrows);
        a->rows = rows;
        a->nrows += b->nrows;
        a->cap = a->nrows;
        a->last_seq = b->last_seq;
        free(b->rows);
        free(b->caption);
        free(b->unit);
        free(b->sheet);
        memmove(b, b + 1, sizeof *b * (size_t)(d->ngrid - gi - 1));
        d->ngrid--;
        gi--;
    }
    return 0;
}

int tables_run(tab_doc *d)
{
    if (join_run_on_grids(d))
        return -1;
    bound_grids(d);
    for (int g = 0; g < d->ngrid; g++)
        if (run_grid(d, g))
            return -1;
    return 0;
}
