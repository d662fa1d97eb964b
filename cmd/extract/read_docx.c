/* Word .docx: one streaming pass over word/document.xml (then footnotes
 * and endnotes, then page headers and footers, each line once). Paragraphs with their heading level; tables on the grid
 * Word draws: gridBefore shifts a short row right, gridSpan is a column
 * span, vMerge continuation cells grow the row span of the cell above.
 * A table's rows are held until the table ends (row spans are known only
 * then); a nested table's rows follow the row that holds it.
 * Text: w:t, w:tab, w:br/w:cr; left out: deleted and moved-from text, field
 * codes (their results stay), mc:Fallback (the same content as mc:Choice). */
#include "extract.h"
#include "ooxml.h"
#include "running.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_TABLE_NESTING = 32, MAX_PARA_NESTING = 8, MAX_FIELD_NESTING = 16 };

/* heading level by paragraph style id */
typedef struct {
    char *id, *based_on;
    int level;          /* -1 unknown */
} style;

typedef struct {
    style *v;
    size_t n;
} style_map;

typedef struct {
    int index, row;               /* table index, next row index */
    int has_parent, parent_table, parent_row, parent_col;
    json_t *pending;              /* rows (and nested rows) to write at the end */
    json_t *followers;            /* nested rows that follow the current row */
    json_t *cells;                /* the current row, NULL outside a row */
    int col;                      /* next grid column of the current row */
    long row_para;
    json_t **merge;               /* open vertical merge by grid column */
    unsigned char *touched;
    int ngrid;
    /* the current cell */
    int in_cell, cell_col, cell_span, vmerge; /* vmerge: 0 none, 1 restart, 2 continue */
    tbuf text;
    int cell_paras;
} table_ctx;

enum { MAX_TAB_STOPS = 64 };

/* A tab stop of a paragraph: where (twips from the indent) and how the
 * text after a tab stands at it. */
typedef struct {
    int pos;
    char align;   /* 'l' left, 'c' centre, 'r' right or decimal */
} tab_stop;

typedef struct {
    tbuf text;
    int level;
    tab_stop stops[MAX_TAB_STOPS];
    int nstops;
} para_ctx;

/* Element names interned in the parser's dictionary, where SAX2 takes the
 * names it passes from: compared by pointer, not strcmp (an element start
 * and end each, some 30 000 a report). */
#define DOCX_NAMES(X) X(p) X(r) X(t) X(tc) X(tr) X(tbl) X(tab) X(br) X(cr) X(fldChar) X(footnote) X(endnote) X(gridBefore) X(gridSpan) X(noBreakHyphen) X(outlineLvl) X(pStyle) X(vMerge) X(del) X(delText) X(instrText) X(moveFrom) X(pPrChange) X(rPrChange) X(sectPrChange) X(tcPrChange) X(trPrChange) X(tblPrChange) X(Fallback)
typedef struct {
#define DOCX_NAME_FIELD(n) const char *n;
    DOCX_NAMES(DOCX_NAME_FIELD)
#undef DOCX_NAME_FIELD
} docx_names;


/* A paragraph with tabs in it, held until the run of them ends. */
typedef struct {
    char *text;
    size_t len;
    int level;
    long para;
    tab_stop *stops;   /* sorted by position */
    int nstops;
} tabbed_para;

typedef struct {
    emitter *em;
    xmlParserCtxtPtr pc;
    const xmlChar *ns_w, *ns_w_strict, *ns_mc;  /* interned: compared by pointer */
    docx_names nm;                /* the same for the element names we act on */
    const xmlChar **attrs;        /* the current start tag's attributes */
    int nattrs;
    int depth;                    /* element depth */
    int skip;                     /* > 0: inside a left-out element opened at this depth */
    char err[256];                /* first parser error */
    const char *part;
    const style_map *styles;
    long para;                    /* paragraph ordinal in the part */
    para_ctx paras[MAX_PARA_NESTING];
    int npara;                    /* open paragraphs (text boxes nest them) */
    table_ctx tables[MAX_TABLE_NESTING];
    int ntable;
    int in_run, in_t;
    unsigned char field_code[MAX_FIELD_NESTING];
    int nfield;
    tabbed_para *run;             /* paragraphs with tabs, held: a table typed so? */
    size_t nrun, caprun;
    running_lines seen;           /* page header and footer lines written */
    int running;                  /* reading a header or footer part */
    int rc;
} docx_ctx;

/* --- styles ------------------------------------------------------------ */

static int level_from_name(const char *name)
{
    /* "heading 1".."heading 9", and the Chinese names Word uses */
    static const char *const prefixes[] = {"heading ", "heading", "标题 ", "标题", NULL};
    for (int i = 0; prefixes[i]; i++) {
        size_t l = strlen(prefixes[i]);
        if (strncasecmp(name, prefixes[i], l) == 0 && name[l] >= '1' && name[l] <= '9' &&
            name[l + 1] == '\0')
            return name[l] - '0';
    }
    return -1;
}

static void styles_free(style_map *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->v[i].id);
        free(m->v[i].based_on);
    }
    free(m->v);
    m->v = NULL;
    m->n = 0;
}

static int style_level(const style_map *m, const char *id)
{
    for (int hops = 0; id && hops < 10; hops++) {
        const style *s = NULL;
        for (size_t i = 0; i < m->n && !s; i++)
            if (strcmp(m->v[i].id, id) == 0)
                s = &m->v[i];
        if (!s)
            return 0;
        if (s->level >= 0)
            return s->level;
        id = s->based_on;
    }
    return 0;
}

/* Reads word/styles.xml into the map; a missing or broken styles part
 * only costs the heading levels. */
static int read_styles(emitter *em, zip_t *za, style_map *m)
{
    unsigned char *data;
    size_t len;
    int rc = EM_OK;
    int r = ooxml_part(em, za, "word/styles.xml", &data, &len, &rc);
    if (r)
        return r < 0 ? rc : EM_OK;
    xml_in x;
    if (xml_open(&x, em, data, len, "word/styles.xml")) {
        free(data);
        return x.rc;
    }
    style *cur = NULL;
    int in_ppr = 0;
    while ((r = xml_next(&x)) == 1) {
        if (!ns_w(xml_ns(&x)))
            continue;
        const char *n = xml_local(&x);
        if (xml_start(&x) && strcmp(n, "style") == 0) {
            char *type = xml_wattr(&x, "type");
            char *id = xml_wattr(&x, "styleId");
            cur = NULL;
            if (id && type && strcmp(type, "paragraph") == 0) {
                style *v = realloc(m->v, (m->n + 1) * sizeof *v);
                if (v) {
                    m->v = v;
                    cur = &m->v[m->n++];
                    cur->id = id;
                    cur->based_on = NULL;
                    cur->level = -1;
                    id = NULL;
                }
            }
            free(id);
            free(type);
        } else if (cur && xml_start(&x) && strcmp(n, "name") == 0) {
            char *v = xml_wattr(&x, "val");
            if (v && cur->level < 0)
                cur->level = level_from_name(v);
            free(v);
        } else if (cur && xml_start(&x) && strcmp(n, "basedOn") == 0) {
            free(cur->based_on);
            cur->based_on = xml_wattr(&x, "val");
        } else if (strcmp(n, "pPr") == 0) {
            in_ppr = xml_start(&x) && !xml_empty(&x);
        } else if (cur && in_ppr && xml_start(&x) && strcmp(n, "outlineLvl") == 0) {
            long v = xml_wattr_long(&x, "val", 9);
            if (v >= 0 && v < 9)
                cur->level = (int)v + 1;
        } else if (xml_end(&x) && strcmp(n, "style") == 0) {
            cur = NULL;
        }
    }
    xml_close(&x);
    free(data);
    /* a broken styles part is an error record, but the text is still read */
    return r < 0 && x.rc == EM_ABORT ? EM_ABORT : EM_OK;
}

/* --- tables ------------------------------------------------------------ */

static int grid_reserve(table_ctx *t, int cols)
{
    if (cols <= t->ngrid)
        return 0;
    int n = t->ngrid ? t->ngrid : 16;
    while (n < cols)
        n *= 2;
    json_t **m = realloc(t->merge, (size_t)n * sizeof *m);
    if (!m)
        return -1;
    t->merge = m;
    unsigned char *u = realloc(t->touched, (size_t)n);
    if (!u)
        return -1;
    t->touched = u;
    for (int i = t->ngrid; i < n; i++) {
        t->merge[i] = NULL;
        t->touched[i] = 0;
    }
    t->ngrid = n;
    return 0;
}

static void table_free(table_ctx *t)
{
    json_decref(t->pending);
    json_decref(t->followers);
    json_decref(t->cells);
    free(t->merge);
    free(t->touched);
    tb_free(&t->text);
    memset(t, 0, sizeof *t);
}

static json_t *docx_loc(const docx_ctx *d, long para)
{
    json_t *l = json_object();
    if (l) {
        json_object_set_new(l, "part", json_string(d->part));
        json_object_set_new(l, "para", json_integer(para));
    }
    return l;
}

static table_ctx *top_table(docx_ctx *d) { return d->ntable ? &d->tables[d->ntable - 1] : NULL; }

static int flush_tabbed(docx_ctx *d);

static int table_start(docx_ctx *d)
{
    if (d->ntable == 0 && flush_tabbed(d) == EM_ABORT)
        return EM_ABORT;
    if (d->ntable >= MAX_TABLE_NESTING)
        return em_error(d->em, "limit", "%s: tables nested more than %d deep", d->part,
                        MAX_TABLE_NESTING);
    table_ctx *parent = top_table(d);
    table_ctx *t = &d->tables[d->ntable++];
    memset(t, 0, sizeof *t);
    t->index = em_new_table(d->em);
    t->pending = json_array();
    t->followers = json_array();
    if (parent && parent->cells) {
        t->has_parent = 1;
        t->parent_table = parent->index;
        t->parent_row = parent->row;
        t->parent_col = parent->in_cell ? parent->cell_col : parent->col;
    }
    return t->pending && t->followers ? EM_OK : EM_ABORT;
}

static void row_start(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t)
        return;
    json_decref(t->cells);
    t->cells = json_array();
    t->col = 0;
    t->row_para = d->para + 1;
    for (int i = 0; i < t->ngrid; i++)
        t->touched[i] = 0;
}

static int cell_end(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t || !t->in_cell || !t->cells)
        return EM_OK;
    t->in_cell = 0;
    int col = t->cell_col, span = t->cell_span < 1 ? 1 : t->cell_span;
    if (span > 1000)
        span = 1000;  /* Word's grid has at most 63 columns; keep it sane */
    if (grid_reserve(t, col + span))
        return EM_ABORT;
    t->col = col + span;
    for (int c = col; c < col + span; c++)
        t->touched[c] = 1;
    if (t->vmerge == 2 && t->merge[col]) {
        json_t *top = t->merge[col];
        json_int_t rs = json_integer_value(json_object_get(top, "rowspan"));
        json_object_set_new(top, "rowspan", json_integer(rs + 1));
        return EM_OK;
    }
    if (em_cell(t->cells, col, tb_str(&t->text), t->text.len, span, 1))
        return EM_ABORT;
    if ((long)json_array_size(t->cells) > d->em->lim->max_cells)
        return em_error(d->em, "limit", "%s: table %d row %d has more than --max-cells=%ld cells",
                        d->part, t->index, t->row, d->em->lim->max_cells);
    json_t *cell = json_array_get(t->cells, json_array_size(t->cells) - 1);
    for (int c = col; c < col + span; c++)
        t->merge[c] = NULL;
    if (t->vmerge == 1)
        t->merge[col] = cell;
    return EM_OK;
}

static int row_end(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t || !t->cells)
        return EM_OK;
    if (t->in_cell) {
        int rc = cell_end(d);
        if (rc)
            return rc;
    }
    /* a merge runs on only through rows that have a cell in its column */
    for (int c = 0; c < t->ngrid; c++)
        if (!t->touched[c])
            t->merge[c] = NULL;
    json_t *extra = NULL;
    if (t->has_parent) {
        extra = json_object();
        json_t *p = json_object();
        json_object_set_new(p, "table", json_integer(t->parent_table));
        json_object_set_new(p, "row", json_integer(t->parent_row));
        json_object_set_new(p, "col", json_integer(t->parent_col));
        json_object_set_new(extra, "parent", p);
    }
    json_t *rec = em_row_new(d->em, t->index, t->row++, extra, t->cells, docx_loc(d, t->row_para));
    t->cells = NULL;
    if (!rec || json_array_append_new(t->pending, rec) || json_array_extend(t->pending, t->followers))
        return EM_ABORT;
    json_array_clear(t->followers);
    return EM_OK;
}

static int table_end(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t)
        return EM_OK;
    int rc = t->cells ? row_end(d) : EM_OK;
    if (rc) {
        table_free(t);
        d->ntable--;
        return rc;
    }
    json_array_extend(t->pending, t->followers);
    table_ctx *parent = d->ntable > 1 ? &d->tables[d->ntable - 2] : NULL;
    if (parent) {
        if (json_array_extend(parent->followers, t->pending))
            rc = EM_ABORT;
    } else {
        size_t i;
        json_t *rec;
        json_array_foreach(t->pending, i, rec) {
            rc = em_put(d->em, json_incref(rec));
            if (rc)
                break;
        }
    }
    table_free(t);
    d->ntable--;
    return rc;
}

/* --- paragraphs -------------------------------------------------------- */

static para_ctx *top_para(docx_ctx *d) { return d->npara ? &d->paras[d->npara - 1] : NULL; }

static void para_start(docx_ctx *d)
{
    d->para++;
    if (d->npara >= MAX_PARA_NESTING) {
        d->npara++;  /* counted, its text goes to the enclosing one */
        return;
    }
    para_ctx *p = &d->paras[d->npara++];
    tb_clear(&p->text);
    p->level = 0;
    p->nstops = 0;
}


static int stop_by_pos(const void *a, const void *b)
{
    return ((const tab_stop *)a)->pos - ((const tab_stop *)b)->pos;
}

static int hold_tabbed(docx_ctx *d, para_ctx *p)
{
    if (d->nrun == d->caprun) {
        size_t cap = d->caprun ? 2 * d->caprun : 16;
        tabbed_para *r = realloc(d->run, cap * sizeof *r);
        if (!r)
            return EM_ABORT;
        d->run = r;
        d->caprun = cap;
    }
    char *text = malloc(p->text.len + 1);
    tab_stop *stops = malloc((size_t)(p->nstops ? p->nstops : 1) * sizeof *stops);
    if (!text || !stops) {
        free(text);
        free(stops);
        return EM_ABORT;
    }
    memcpy(text, tb_str(&p->text), p->text.len + 1);
    memcpy(stops, p->stops, (size_t)p->nstops * sizeof *stops);
    qsort(stops, (size_t)p->nstops, sizeof *stops, stop_by_pos);
    d->run[d->nrun++] = (tabbed_para){text, p->text.len, p->level, d->para, stops, p->nstops};
    return EM_OK;
}

/* Whether s holds an amount with two decimals (1,234.56, 0.00). */
static int has_amount(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++)
        if (s[i] == '.' && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9' &&
            s[i + 2] >= '0' && s[i + 2] <= '9')
            return 1;
    return 0;
}

/* The cells of a held paragraph: where each starts in its text, its
 * length, and where it stands: the k-th tab goes to the k-th stop. */
typedef struct {
    const char *s;
    size_t n;
    int pos;
    char align;
} tab_cell;

static int tab_cells(const tabbed_para *r, tab_cell *out, int cap)
{
    int k = 0;
    for (size_t i = 0; k < cap;) {
        const char *tab = memchr(r->text + i, '\t', r->len - i);
        size_t e = tab ? (size_t)(tab - r->text) : r->len;
        tab_stop at = k == 0 ? (tab_stop){0, 'l'} : k <= r->nstops ? r->stops[k - 1] : (tab_stop){-1, 'l'};
        out[k++] = (tab_cell){r->text + i, e - i, at.pos, at.align};
        if (!tab)
            break;
        i = e + 1;
    }
    return k;
}

/* Columns of a table typed against tab stops, from the rows holding
 * amounts: each stop those rows use (within 120 twips alike) is a column,
 * with its edges where the text at it can reach — up to a right stop,
 * from a left one, a centred one as wide on both sides. Writes the left
 * edge of each column after the first to edge[] and returns how many
 * columns; 0 when a row has more tabs than stops (default stops, whose
 * places depend on the text). */
enum { MAX_TAB_COLS = 64 };

static int tab_columns(const tabbed_para *run, size_t n, const char *amounts, int *edge)
{
    tab_stop col[MAX_TAB_COLS];
    int nc = 0;
    tab_cell c[MAX_TAB_COLS];
    for (size_t i = 0; i < n; i++) {
        int k = tab_cells(&run[i], c, MAX_TAB_COLS);
        for (int j = 0; j < k; j++) {
            if (c[j].pos < 0)
                return 0;
            if (!amounts[i])
                continue;
            int m = 0;
            while (m < nc && !(col[m].align == c[j].align && abs(col[m].pos - c[j].pos) <= 120))
                m++;
            if (m == nc && nc < MAX_TAB_COLS)
                col[nc++] = (tab_stop){c[j].pos, c[j].align};
        }
    }
    qsort(col, (size_t)nc, sizeof *col, stop_by_pos);
    /* the edge between columns j and j + 1 */
    for (int j = 0; j + 1 < nc; j++) {
        const tab_stop *a = &col[j], *b = &col[j + 1];
        edge[j] = a->align == 'r' ? a->pos : b->align == 'l' ? b->pos : (a->pos + b->pos) / 2;
    }
    /* a centred column as wide on both sides of its stop */
    for (int j = 1; j < nc; j++)
        if (col[j].align == 'c' && j + 1 < nc) {
            int left = 2 * col[j].pos - edge[j];
            if (left > col[j - 1].pos && left < col[j].pos)
                edge[j - 1] = left;
        }
    return nc;
}

/* The column of a cell standing at pos so aligned, among nc columns whose
 * left edges (after the first) are edge[]. */
static int tab_column(int pos, char align, const int *edge, int nc)
{
    int x = align == 'r' ? pos - 1 : align == 'l' ? pos + 1 : pos;
    int j = 0;
    while (j + 1 < nc && x >= edge[j])
        j++;
    return j;
}

/* Row i of a table typed against tab stops, each cell in the column its
 * stop stands in among nc (edge[] from tab_columns); with no columns, or
 * more cells than they can hold, the cell after the k-th tab is column k. */
static int emit_tab_row(docx_ctx *d, const tabbed_para *r, int table, int i, const int *edge, int nc)
{
    tab_cell c[MAX_TAB_COLS];
    int k = nc ? tab_cells(r, c, MAX_TAB_COLS) : 0;
    if (!nc || k == MAX_TAB_COLS)
        return em_tab_row(d->em, table, i, r->text, r->len, docx_loc(d, r->para));
    json_t *cells = em_cells();
    for (int j = 0, last = -1; j < k && cells; j++) {
        if (j == 0 && !c[j].n)
            continue;   /* the row starts with a tab */
        int col = tab_column(c[j].pos, c[j].align, edge, nc);
        if (col <= last)
            col = last + 1;   /* two cells in one column: keep both, in order */
        last = col;
        if (em_cell(cells, col, c[j].s, c[j].n, 1, 1)) {
            json_decref(cells);
            cells = NULL;
        }
    }
    return cells ? em_row(d->em, table, i, NULL, cells, docx_loc(d, r->para)) : EM_ABORT;
}

/* Writes the held paragraphs with tabs: as the rows of a table when they
 * are one — two lines of three cells or more and an amount among them, as
 * a typist sets a table against tab stops without the table tool — else
 * as the paragraphs they are (a contents line 一、收入支出决算总表→3, a
 * signature line). A cell's column is the one its stop stands in, the
 * columns read off the rows with amounts; where a row has more tabs than
 * stops, the cell after the k-th tab is column k. */
static int flush_tabbed(docx_ctx *d)
{
    if (!d->nrun)
        return EM_OK;
    int wide = 0, amount = 0, rc = EM_OK;
    char *amounts = calloc(d->nrun, 1);
    if (!amounts)
        return EM_ABORT;
    for (size_t i = 0; i < d->nrun; i++) {
        const tabbed_para *r = &d->run[i];
        int tabs = 0;
        for (size_t k = 0; k < r->len; k++)
            tabs += r->text[k] == '\t';
        wide += tabs >= 2;
        amounts[i] = (char)has_amount(r->text, r->len);
        amount |= amounts[i];
    }
    int table = wide >= 2 && amount ? em_new_table(d->em) : -1;
    int edge[MAX_TAB_COLS];
    int nc = table >= 0 ? tab_columns(d->run, d->nrun, amounts, edge) : 0;
    for (size_t i = 0; i < d->nrun; i++) {
        tabbed_para *r = &d->run[i];
        if (rc == EM_OK)
            rc = table < 0 ? em_paragraph(d->em, r->text, r->len, r->level, docx_loc(d, r->para))
                           : emit_tab_row(d, r, table, (int)i, edge, nc);
        free(r->text);
        free(r->stops);
    }
    free(amounts);
    d->nrun = 0;
    return rc;
}

static int para_end(docx_ctx *d)
{
    if (!d->npara)
        return EM_OK;
    if (d->npara > MAX_PARA_NESTING) {
        d->npara--;
        return EM_OK;
    }
    para_ctx *p = &d->paras[--d->npara];
    table_ctx *t = top_table(d);
    if (t && t->in_cell) {
        /* the paragraphs of a cell are its lines */
        if (t->cell_paras++ && tb_addc(&t->text, '\n'))
            return EM_ABORT;
        return tb_add(&t->text, p->text.s, p->text.len) ? EM_ABORT : EM_OK;
    }
    /* a paragraph with tabs may be a table row typed against tab stops:
     * held until the run of them ends */
    if (!d->running && !t && d->npara == 0 && memchr(tb_str(&p->text), '\t', p->text.len))
        return hold_tabbed(d, p);
    if (flush_tabbed(d) == EM_ABORT)
        return EM_ABORT;
    /* a page header or footer: each line once, however many sections
     * repeat it (公开01表 … in one header part per section) */
    if (d->running && p->text.len) {
        int seen = running_seen(&d->seen, tb_str(&p->text));
        if (seen)
            return seen < 0 ? EM_ABORT : EM_OK;
    }
    return em_paragraph(d->em, tb_str(&p->text), p->text.len, p->level, docx_loc(d, d->para));
}

static int add_text(docx_ctx *d, const char *s, size_t n)
{
    para_ctx *p = d->npara ? &d->paras[(d->npara > MAX_PARA_NESTING ? MAX_PARA_NESTING : d->npara) - 1]
                           : NULL;
    if (!p)
        return EM_OK;
    for (int i = 0; i < d->nfield && i < MAX_FIELD_NESTING; i++)
        if (d->field_code[i])
            return EM_OK;  /* a field's code, not its result */
    return tb_add(&p->text, s, n) ? EM_ABORT : EM_OK;
}

/* --- the element walk -------------------------------------------------- */

/* An attribute of the current start tag by local name, in the w namespace
 * or none; malloc'd, NULL when absent. */
static char *attr(docx_ctx *d, const char *local)
{
    for (int i = 0; i < d->nattrs; i++) {
        const xmlChar **a = d->attrs + 5 * i;
        if (strcmp((const char *)a[0], local) != 0)
            continue;
        if (a[2] && a[2] != d->ns_w && a[2] != d->ns_w_strict)
            continue;
        size_t n = (size_t)(a[4] - a[3]);
        char *v = malloc(n + 1);
        if (v) {
            memcpy(v, a[3], n);
            v[n] = '\0';
        }
        return v;
    }
    return NULL;
}

static long attr_long(docx_ctx *d, const char *local, long dflt)
{
    char *v = attr(d, local);
    if (!v)
        return dflt;
    char *end;
    long n = strtol(v, &end, 10);
    free(v);
    return end == v ? dflt : n;
}

/* A tab stop of the paragraph's own (w:tabs/w:tab w:val w:pos). */
static void on_tab_stop(docx_ctx *d)
{
    para_ctx *p = d->npara && d->npara <= MAX_PARA_NESTING ? top_para(d) : NULL;
    char *val = attr(d, "val");
    long pos = attr_long(d, "pos", -1);
    if (p && val && pos >= 0 && pos < 100000 && p->nstops < MAX_TAB_STOPS && strcmp(val, "clear") != 0 &&
        strcmp(val, "bar") != 0) {
        char a = strcmp(val, "center") == 0                                 ? 'c'
                 : strcmp(val, "right") == 0 || strcmp(val, "end") == 0 ||
                           strcmp(val, "decimal") == 0                         ? 'r'
                                                                                : 'l';
        p->stops[p->nstops++] = (tab_stop){(int)pos, a};
    }
    free(val);
}

static int is_w(const docx_ctx *d, const xmlChar *ns) { return ns && (ns == d->ns_w || ns == d->ns_w_strict); }

/* Elements whose whole content is left out. */
static int skipped(const docx_ctx *d, const xmlChar *ns, const char *n)
{
    if (ns && ns == d->ns_mc)
        return n == d->nm.Fallback;
    if (!is_w(d, ns))
        return 0;
    switch (n[0]) {  /* most elements start with none of these letters */
    case 'd': return n == d->nm.del || n == d->nm.delText;
    case 'i': return n == d->nm.instrText;
    case 'm': return n == d->nm.moveFrom;
    case 'p': return n == d->nm.pPrChange;
    case 'r': return n == d->nm.rPrChange;
    case 's': return n == d->nm.sectPrChange;
    case 't':
        return n == d->nm.tcPrChange ||
               n == d->nm.trPrChange || n == d->nm.tblPrChange;
    default: return 0;
    }
}

static int on_field_char(docx_ctx *d)
{
    char *type = attr(d, "fldCharType");
    if (!type)
        return EM_OK;
    if (strcmp(type, "begin") == 0) {
        if (d->nfield < MAX_FIELD_NESTING)
            d->field_code[d->nfield] = 1;
        d->nfield++;
    } else if (strcmp(type, "separate") == 0) {
        if (d->nfield > 0 && d->nfield <= MAX_FIELD_NESTING)
            d->field_code[d->nfield - 1] = 0;
    } else if (strcmp(type, "end") == 0) {
        if (d->nfield > 0)
            d->nfield--;
    }
    free(type);
    return EM_OK;
}

static int on_start(docx_ctx *d, const xmlChar *ns, const char *n)
{
    if (skipped(d, ns, n)) {
        d->skip = d->depth;
        return EM_OK;
    }
    if (!is_w(d, ns))
        return EM_OK;
    table_ctx *t = top_table(d);
    switch (n[0]) {
    case 'b':
        if (n == d->nm.br && d->in_run)
            return add_text(d, "\n", 1);
        break;
    case 'c':
        if (n == d->nm.cr && d->in_run)
            return add_text(d, "\n", 1);
        break;
    case 'f':
        if (n == d->nm.fldChar)
            return on_field_char(d);
        if (n == d->nm.footnote || n == d->nm.endnote) {
            char *type = attr(d, "type");
            int sep = type && strcmp(type, "normal") != 0;
            free(type);
            if (sep)  /* separators and continuation notices */
                d->skip = d->depth;
        }
        break;
    case 'g':
        if (t && t->cells && n == d->nm.gridBefore && !t->in_cell) {
            long v = attr_long(d, "val", 0);
            if (v > 0 && v < 1000)
                t->col += (int)v;
        } else if (t && t->in_cell && n == d->nm.gridSpan) {
            long v = attr_long(d, "val", 1);
            t->cell_span = v >= 1 && v <= 1000 ? (int)v : 1;
        }
        break;
    case 'n':
        if (n == d->nm.noBreakHyphen && d->in_run)
            return add_text(d, "-", 1);
        break;
    case 'o':
        if (n == d->nm.outlineLvl && d->npara && d->npara <= MAX_PARA_NESTING) {
            long v = attr_long(d, "val", 9);
            if (v >= 0 && v < 9)
                top_para(d)->level = (int)v + 1;
        }
        break;
    case 'p':
        if (n == d->nm.p) {
            para_start(d);
        } else if (n == d->nm.pStyle && d->npara && d->npara <= MAX_PARA_NESTING) {
            char *v = attr(d, "val");
            if (v)
                top_para(d)->level = style_level(d->styles, v);
            free(v);
        }
        break;
    case 'r':
        if (n == d->nm.r)
            d->in_run++;
        break;
    case 't':
        if (n == d->nm.t) {
            d->in_t = 1;
        } else if (n == d->nm.tab && d->in_run) {
            return add_text(d, "\t", 1);
        } else if (n == d->nm.tab) {
            on_tab_stop(d);
        } else if (n == d->nm.tbl) {
            return table_start(d);
        } else if (n == d->nm.tr) {
            row_start(d);
        } else if (n == d->nm.tc && t && t->cells) {
            if (t->in_cell) {
                int rc = cell_end(d);
                if (rc)
                    return rc;
            }
            t->in_cell = 1;
            t->cell_col = t->col;
            t->cell_span = 1;
            t->vmerge = 0;
            t->cell_paras = 0;
            tb_clear(&t->text);
        }
        break;
    case 'v':
        if (n == d->nm.vMerge && t && t->in_cell) {
            char *v = attr(d, "val");
            t->vmerge = v && strcmp(v, "restart") == 0 ? 1 : 2;
            free(v);
        }
        break;
    }
    return EM_OK;
}

static int on_end(docx_ctx *d, const xmlChar *ns, const char *n)
{
    if (!is_w(d, ns))
        return EM_OK;
    if (n == d->nm.p)
        return para_end(d);
    if (n == d->nm.r) {
        if (d->in_run)
            d->in_run--;
    } else if (n == d->nm.t) {
        d->in_t = 0;
    } else if (n == d->nm.tc) {
        return cell_end(d);
    } else if (n == d->nm.tr) {
        return row_end(d);
    } else if (n == d->nm.tbl) {
        return table_end(d);
    }
    return EM_OK;
}

/* SAX2 callbacks: the parse stops at the first failure (d->rc). */
static void stop(docx_ctx *d, int rc)
{
    d->rc = rc;
    xmlStopParser(d->pc);
}

static void sax_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                      int nb_ns, const xmlChar **ns, int nb_attrs, int nb_defaulted,
                      const xmlChar **attrs)
{
    (void)prefix;
    (void)nb_ns;
    (void)ns;
    (void)nb_defaulted;
    docx_ctx *d = ctx;
    d->depth++;
    if (d->rc || d->skip)
        return;
    if (d->depth > d->em->lim->max_xml_depth) {
        stop(d, em_error(d->em, "limit", "%s: elements nested more than --max-xml-depth=%d",
                         d->part, d->em->lim->max_xml_depth));
        return;
    }
    d->attrs = attrs;
    d->nattrs = nb_attrs;
    int rc = on_start(d, uri, (const char *)local);
    d->attrs = NULL;
    d->nattrs = 0;
    if (rc)
        stop(d, rc);
}

static void sax_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix;
    docx_ctx *d = ctx;
    int depth = d->depth--;
    if (d->rc)
        return;
    if (d->skip) {
        if (depth == d->skip)
            d->skip = 0;  /* the end of the left-out element */
        return;
    }
    int rc = on_end(d, uri, (const char *)local);
    if (rc)
        stop(d, rc);
}

static void sax_text(void *ctx, const xmlChar *ch, int len)
{
    docx_ctx *d = ctx;
    if (d->rc || d->skip || !d->in_t || len <= 0)
        return;
    int rc = add_text(d, (const char *)ch, (size_t)len);
    if (rc)
        stop(d, rc);
}

static void sax_error(void *ctx, xmlErrorPtr e)
{
    docx_ctx *d = ctx;
    ooxml_first_error(d->err, sizeof d->err, e);
}

/* One part through libxml2's SAX2 interface: no tree is built, names come
 * interned. No entity handler is installed and a DOCTYPE is refused before
 * the parse, so no entity is ever expanded; never XML_PARSE_NOENT, HUGE or
 * DTDLOAD; never the network. */
#define PUSH_SLICE 65536

static int read_part(docx_ctx *d, const unsigned char *data, size_t len, const char *part)
{
    d->part = part;
    d->para = 0;
    d->rc = EM_OK;
    d->depth = d->skip = 0;
    d->err[0] = '\0';
    if (ooxml_has_doctype(data, len))
        return em_error(d->em, "xml",
                        "%s: carries a DOCTYPE, which OOXML and OFD never have (entity attack?): refused",
                        part);
    if (len > (size_t)0x7fffffff)
        return em_error(d->em, "limit", "%s: part too large for the XML parser", part);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = sax_start;
    sax.endElementNs = sax_end;
    sax.characters = sax_text;
    sax.cdataBlock = sax_text;
    sax.serror = sax_error;
    d->pc = xmlCreatePushParserCtxt(&sax, d, NULL, 0, part);
    if (!d->pc)
        return em_error(d->em, "memory", "%s: cannot start the XML parser", part);
    xmlCtxtUseOptions(d->pc, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    d->ns_w = xmlDictLookup(d->pc->dict, (const xmlChar *)NS_W, -1);
    d->ns_w_strict = xmlDictLookup(d->pc->dict,
                                   (const xmlChar *)"http://purl.oclc.org/ooxml/wordprocessingml/main", -1);
    d->ns_mc = xmlDictLookup(d->pc->dict, (const xmlChar *)NS_MC, -1);
#define DOCX_NAME_LOOKUP(n) d->nm.n = (const char *)xmlDictLookup(d->pc->dict, (const xmlChar *)#n, -1);
    DOCX_NAMES(DOCX_NAME_LOOKUP)
#undef DOCX_NAME_LOOKUP
    /* in slices: pushed whole, libxml2 copies the part into a buffer as
     * large as itself (a page fault per 4 KiB, every document) */
    size_t off = 0;
    do {
        size_t n = len - off < PUSH_SLICE ? len - off : PUSH_SLICE;
        xmlParseChunk(d->pc, (const char *)data + off, (int)n, off + n == len);
        off += n;
    } while (off < len && d->pc->wellFormed && d->rc == EM_OK);
    int rc = d->rc;
    if (rc == EM_OK && !d->pc->wellFormed)
        rc = em_error(d->em, "xml", "%s: malformed XML: %s", part, d->err[0] ? d->err : "parse error");
    if (d->pc->myDoc)
        xmlFreeDoc(d->pc->myDoc);
    xmlFreeParserCtxt(d->pc);
    d->pc = NULL;
    if (rc != EM_ABORT && flush_tabbed(d) == EM_ABORT)
        rc = EM_ABORT;
    /* whatever a broken part left open is still written */
    while (rc != EM_ABORT && d->ntable) {
        int r2 = table_end(d);
        if (r2 == EM_ABORT)
            rc = r2;
    }
    while (d->ntable)
        table_free(&d->tables[--d->ntable]);
    d->npara = 0;
    d->nfield = 0;
    d->in_run = d->in_t = 0;
    return rc;
}

/* Whether name is a page header or footer part (word/header2.xml). */
static int running_part(const char *name)
{
    if (strncmp(name, "word/header", 11) != 0 && strncmp(name, "word/footer", 11) != 0)
        return 0;
    const char *n = name + 11;   /* both prefixes are 11 bytes */
    while (*n >= '0' && *n <= '9')
        n++;
    return strcmp(n, ".xml") == 0;
}

/* The page headers and footers, after the body, each line once: a report
 * may name its department or its form numbers only there. Their records
 * carry the part (loc.part word/header1.xml), which tells them apart. */
static int read_running(docx_ctx *d, zip_t *za)
{
    zip_int64_t n = zip_get_num_entries(za, 0);
    int rc = EM_OK;
    d->running = 1;
    for (zip_int64_t i = 0; i < n && rc == EM_OK; i++) {
        const char *name = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!name || !running_part(name))
            continue;
        unsigned char *xml;
        size_t xlen;
        int r = ooxml_part(d->em, za, name, &xml, &xlen, &rc);
        if (r != 0)
            continue;
        /* the part name outlives the records: it is one of the zip's */
        rc = read_part(d, xml, xlen, name);
        free(xml);
    }
    d->running = 0;
    return rc;
}

int read_docx(const unsigned char *data, size_t len, emitter *em)
{
    int rc = EM_OK;
    zip_t *za = ooxml_open(em, data, len, &rc);
    if (!za)
        return rc;
    style_map styles = {0};
    docx_ctx *d = calloc(1, sizeof *d);
    if (!d) {
        zip_discard(za);
        return em_error(em, "memory", "out of memory");
    }
    d->em = em;
    d->styles = &styles;
    rc = read_styles(em, za, &styles);
    static const char *const parts[] = {"word/document.xml", "word/footnotes.xml",
                                        "word/endnotes.xml", NULL};
    for (int i = 0; parts[i] && rc == EM_OK; i++) {
        unsigned char *xml;
        size_t xlen;
        int r = ooxml_part(em, za, parts[i], &xml, &xlen, &rc);
        if (r == 1) {
            if (i == 0)
                rc = em_error(em, "ooxml", "word/document.xml is missing");
            continue;
        }
        if (r < 0)
            break;
        rc = read_part(d, xml, xlen, parts[i]);
        free(xml);
    }
    if (rc == EM_OK)
        rc = read_running(d, za);
    for (int i = 0; i < MAX_PARA_NESTING; i++)
        tb_free(&d->paras[i].text);
    running_free(&d->seen);
    for (size_t i = 0; i < d->nrun; i++) {
        free(d->run[i].text);
        free(d->run[i].stops);
    }
    free(d->run);
    free(d);
    styles_free(&styles);
    zip_discard(za);
    return rc;
}
