#include "tabulate.h"
#include "align.h"
#include "codes.h"

#include "record.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static void *grow(void *p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return p;
    int c = *cap ? *cap * 2 : 16;
    while (c < need)
        c *= 2;
    void *q = realloc(p, (size_t)c * size);
    if (!q)
        abort();
    *cap = c;
    return q;
}

static int int_field(const json_t *o, const char *key, int dflt)
{
    const json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (int)json_integer_value(v) : dflt;
}

/* Where grid index i sits in the open-addressing table of slots. */
static int slot_of(const tab_doc *d, int index)
{
    unsigned h = (unsigned)index * 2654435761u;
    int mask = d->nslots - 1;
    int k = (int)(h & (unsigned)mask);
    while (d->slots[k] && d->grids[d->slots[k] - 1].index != index)
        k = (k + 1) & mask;
    return k;
}

/* The grid of a table index; a new one when first seen. Rows of one table
 * usually arrive together, but a hostile stream may send a million indexes
 * in any order: a hash keeps this linear. */
static tgrid *grid_for(tab_doc *d, int index)
{
    if (d->ngrid && d->grids[d->ngrid - 1].index == index)
        return &d->grids[d->ngrid - 1];
    if (d->nslots && d->slots[slot_of(d, index)])
        return &d->grids[d->slots[slot_of(d, index)] - 1];
    d->grids = grow(d->grids, &d->cgrid, d->ngrid + 1, sizeof(tgrid));
    tgrid *g = &d->grids[d->ngrid++];
    memset(g, 0, sizeof *g);
    g->index = index;
    g->first_seq = d->seq;
    if (d->ngrid * 2 > d->nslots) {
        free(d->slots);
        d->nslots = d->nslots ? d->nslots * 2 : 64;
        while (d->ngrid * 2 > d->nslots)
            d->nslots *= 2;
        d->slots = calloc((size_t)d->nslots, sizeof(int));
        if (!d->slots)
            abort();
        for (int i = 0; i < d->ngrid; i++)
            d->slots[slot_of(d, d->grids[i].index)] = i + 1;
    } else {
        d->slots[slot_of(d, index)] = d->ngrid;
    }
    return g;
}

/* The lines of a cell's text (its paragraphs, in a Word cell). */
static int line_count(const char *s)
{
    int n = 1;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Line k of s, cleaned. */
static char *line_at(const char *s, int k)
{
    while (k-- > 0)
        s = strchr(s, '\n') + 1;
    const char *e = strchr(s, '\n');
    char *line = tx_ndup(s, e ? (size_t)(e - s) : strlen(s));
    char *clean = tx_clean(line);
    free(line);
    return clean;
}

/* How many printed rows one table row holds: a table converted from a PDF,
 * or typed column by column, can put a whole column in one cell, a line
 * (paragraph) per printed row, so that line k of every cell is row k. It is
 * so when every cell that is not blank has the same number of lines, and
 * some cell holds two figures or more (a label wrapped over two lines
 * beside a figure on the second is one row). 1 otherwise. */
static int printed_rows(const json_t *cells)
{
    int lines = 0, stacked = 0, labels = 0;
    for (size_t i = 0; i < json_array_size(cells); i++) {
        const char *text = rec_str(json_array_get(cells, i), "text");
        if (!text || tx_is_blank(text))
            continue;
        int n = line_count(text);
        if (n < 2 || (lines && n != lines))
            return 1;
        lines = n;
        int figures = 0, words = 0;
        for (int k = 0; k < n; k++) {
            char *line = line_at(text, k);
            if (line[0] && align_is_figure(line))
                figures++;
            else if (line[0])
                words++;
            free(line);
        }
        stacked |= figures >= 2 && !words;
        labels |= words >= 2;
    }
    return stacked && labels ? lines : 1;
}

/* Row k of the printed rows of a row record (k = -1: the record is one). */
static int take_printed_row(tab_doc *d, tgrid *g, const json_t *rec, int table, int k)
{
    const json_t *cells = json_object_get(rec, "cells");
    g->rows = grow(g->rows, &g->cap, g->nrows + 1, sizeof(trow));
    trow *r = &g->rows[g->nrows++];
    memset(r, 0, sizeof *r);
    r->table = table;
    r->row = int_field(rec, "row", g->nrows - 1);
    r->line = k + 1;
    r->hidden = json_is_true(json_object_get(rec, "hidden"));
    r->seq = d->seq;
    size_t n = json_array_size(cells);
    r->cells = calloc(n ? n : 1, sizeof(tcell));
    if (!r->cells)
        abort();
    int j = 0;
    for (size_t i = 0; i < n; i++) {
        const json_t *c = json_array_get(cells, i);
        const char *text = rec_str(c, "text");
        int col = int_field(c, "col", (int)i);
        int span = int_field(c, "colspan", 1);
        int rspan = int_field(c, "rowspan", 1);
        if (col < 0 || span < 1 || rspan < 1)
            continue;
        if (col >= d->lim.max_columns) {
            if (!d->clipped) {
                d->clipped = 1;
                if (ds_error(d->s, "too_wide",
                             "table %d row %d has a cell at column %d: columns from %d on are ignored "
                             "(--max-columns)", table, r->row, col, d->lim.max_columns))
                    return -1;
            }
            continue;
        }
        if (span > d->lim.max_columns - col)
            span = d->lim.max_columns - col;
        tcell *t = &r->cells[j++];
        t->col = col;
        t->span = span;
        t->rowspan = rspan;
        t->hidden = json_is_true(json_object_get(c, "hidden"));
        if (!text)
            text = "";
        t->text = k >= 0 && !tx_is_blank(text) ? line_at(text, k) : tx_clean(text);
        char *code = codes_unhyphen(t->text);
        if (code) {   /* 207-01-09: the code 2070109 wherever a code is read */
            free(t->text);
            t->text = code;
        }
        if (col != (int)i || span > 1 || rspan > 1)
            g->grid = 1;
    }
    r->n = j;
    return 0;
}

static int take_row(tab_doc *d, const json_t *rec)
{
    const json_t *cells = json_object_get(rec, "cells");
    int table = int_field(rec, "table", -1);
    if (table < 0 || !json_is_array(cells))
        return ds_error(d->s, "bad_row", "row record without a table index or cells (record %d)",
                        d->seq);
    tgrid *g = grid_for(d, table);
    g->last_seq = d->seq;
    const char *sheet = rec_str(rec, "sheet");
    if (sheet && !g->sheet)
        g->sheet = tx_clean(sheet);
    if (g->nrows == 0)
        g->parent = int_field(json_object_get(rec, "parent"), "table", -1);
    int rows = printed_rows(cells);
    for (int k = 0; k < rows; k++)
        if (take_printed_row(d, g, rec, table, rows > 1 ? k : -1))
            return -1;
    return 0;
}

int doc_opens_sheet(const tab_doc *d, int g)
{
    const char *sheet = d->grids[g].sheet, *prev = g > 0 ? d->grids[g - 1].sheet : NULL;
    return sheet && (!prev || strcmp(prev, sheet) != 0);
}

/* Whether a paragraph record is a page header or footer line: its part
 * word/header1.xml, word/footer2.xml (docx), or header, footer (.doc). */
static int is_running(const json_t *rec)
{
    const char *part = rec_str(json_object_get(rec, "loc"), "part");
    if (!part)
        return 0;
    const char *base = strrchr(part, '/');
    base = base ? base + 1 : part;
    return strncmp(base, "header", 6) == 0 || strncmp(base, "footer", 6) == 0;
}

int doc_take(tab_doc *d, const json_t *rec)
{
    int rc = 0;
    if (d->too_large) {
        d->seq++;
        return 0;
    }
    if (d->seq >= d->lim.max_doc_records) {
        d->too_large = 1;
        d->seq++;
        return ds_error(d->s, "too_large",
                        "document has more than %ld records: passed through without facts "
                        "(--max-doc-records)", d->lim.max_doc_records);
    }
    if (rec_is(rec, "paragraph") && is_running(rec)) {
        /* printed on every page, not where it stands in the stream: it
         * names the document, not the table or the sentence near it */
        const char *text = rec_str(rec, "text");
        d->running = grow(d->running, &d->crunning, d->nrunning + 1, sizeof(char *));
        d->running[d->nrunning++] = tx_clean(text ? text : "");
    } else if (rec_is(rec, "paragraph")) {
        const char *text = rec_str(rec, "text");
        d->paras = grow(d->paras, &d->cpara, d->npara + 1, sizeof(tpara));
        tpara *p = &d->paras[d->npara];
        p->ordinal = d->npara;
        p->seq = d->seq;
        p->level = int_field(rec, "level", 0);
        p->text = tx_clean(text ? text : "");
        d->npara++;
    } else if (rec_is(rec, "row")) {
        rc = take_row(d, rec);
    }
    d->seq++;
    return rc;
}

static int emit_meta(tab_doc *d)
{
    jline *w = fw_begin(d, "meta");
    jl_int(w, "tables", d->ngrid);
    jl_int(w, "paragraphs", d->npara);
    return fw_emit(d);
}

/* The 部门：/单位： cells of the tables and the paragraphs, for the entity. */
static int is_ascii(const char *t)
{
    for (; *t; t++)
        if ((unsigned char)*t >= 0x80)
            return 0;
    return 1;
}

static void find_meta(tab_doc *d)
{
    const char **paras = malloc(sizeof(char *) * (size_t)(d->npara + 1));
    int nd = 0, cd = 0;
    const char **dept = NULL;
    if (!paras)
        abort();
    for (int i = 0; i < d->npara; i++)
        paras[i] = d->paras[i].text;
    for (int g = 0; g < d->ngrid; g++)
        for (int r = 0; r < d->grids[g].nrows; r++)
            for (int c = 0; c < d->grids[g].rows[r].n; c++) {
                const char *t = d->grids[g].rows[r].cells[c].text;
                if (is_ascii(t))
                    continue;   /* most cells are figures: no 部门/单位 in them */
                if (strstr(t, "部门：") || strstr(t, "部门:") || strstr(t, "单位：") ||
                    strstr(t, "单位:")) {
                    dept = grow(dept, &cd, nd + 1, sizeof(char *));
                    dept[nd++] = t;
                }
            }
    for (int i = 0; i < d->npara + d->nrunning; i++) {
        const char *t = i < d->npara ? d->paras[i].text : d->running[i - d->npara];
        if ((strncmp(t, "部门：", strlen("部门：")) == 0 || strncmp(t, "单位：", strlen("单位：")) == 0)) {
            dept = grow(dept, &cd, nd + 1, sizeof(char *));
            dept[nd++] = t;
        }
    }
    /* a spreadsheet's titles: alone on one of a table's first rows */
    int nt = 0, ct = 0;
    const char **titles = NULL;
    for (int g = 0; g < d->ngrid && nt < 40; g++)
        for (int r = 0; r < d->grids[g].nrows && r < 3; r++) {
            const char *only = NULL;
            int n = 0;
            for (int c = 0; c < d->grids[g].rows[r].n; c++)
                if (!tx_is_blank(d->grids[g].rows[r].cells[c].text)) {
                    only = d->grids[g].rows[r].cells[c].text;
                    n++;
                }
            if (n == 1) {
                titles = grow(titles, &ct, nt + 1, sizeof(char *));
                titles[nt++] = only;
            }
            /* 单位名称：X beside 单位：元: a name to look for after the titles */
            for (int c = 0; c < d->grids[g].rows[r].n && n > 1; c++) {
                const char *t = d->grids[g].rows[r].cells[c].text;
                if (strstr(t, "名称：") || strstr(t, "名称:")) {
                    titles = grow(titles, &ct, nt + 1, sizeof(char *));
                    titles[nt++] = t;
                }
            }
        }
    /* then the page headers and footers (XX局2024年部门决算) */
    for (int i = 0, from = nt; i < d->nrunning && nt < from + 40; i++) {
        titles = grow(titles, &ct, nt + 1, sizeof(char *));
        titles[nt++] = d->running[i];
    }
    /* then the sheets' names, which may be the only titles (表1 收入支出决算总表) */
    for (int g = 0, from = nt; g < d->ngrid && nt < from + 40; g++)
        if (d->grids[g].sheet && doc_opens_sheet(d, g)) {
            titles = grow(titles, &ct, nt + 1, sizeof(char *));
            titles[nt++] = d->grids[g].sheet;
        }
    docmeta_find(paras, d->npara, titles, nt, dept, nd, ds_source(d->s), &d->meta);
    free(paras);
    free(titles);
    free(dept);
}

/* A column the workbook hides that holds no figure (a system's row ids
 * R0001 … in a hidden first column) is not printed: its words are no
 * label and no heading, so they are left out. A hidden column of figures
 * keeps them, and its heading: they become facts marked hidden. */
static void blank_hidden_words(tgrid *g)
{
    int width = 0, any = 0;
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->rows[r].n; c++) {
            const tcell *t = &g->rows[r].cells[c];
            if (t->col + 1 > width)
                width = t->col + 1;
            any |= t->hidden;
        }
    if (!any)
        return;
    /* per column: 1 hidden words, 2 shown text, 4 a figure */
    unsigned char *seen = calloc((size_t)width, 1);
    if (!seen)
        abort();
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->rows[r].n; c++) {
            const tcell *t = &g->rows[r].cells[c];
            /* (a title merged from the hidden column on shows beside it) */
            if (!tx_is_blank(t->text) && (t->hidden || t->span == 1))
                seen[t->col] |= (t->hidden ? 1 : 2) | (align_is_figure(t->text) ? 4 : 0);
        }
    for (int r = 0; r < g->nrows; r++)
        for (int c = 0; c < g->rows[r].n; c++) {
            tcell *t = &g->rows[r].cells[c];
            if (t->hidden && seen[t->col] == 1) {
                free(t->text);
                t->text = tx_dup("");
            }
        }
    free(seen);
}

int doc_finish(tab_doc *d)
{
    if (d->too_large)
        return 0;
    for (int g = 0; g < d->ngrid; g++)
        blank_hidden_words(&d->grids[g]);
    find_meta(d);
    d->formulas = json_array();
    int rc = emit_meta(d);
    if (!rc)
        rc = tables_run(d);
    size_t i;
    json_t *f;
    json_array_foreach(d->formulas, i, f) {
        if (!rc)
            rc = ds_emit(d->s, f);   /* formulas: few, through jansson */
    }
    if (!rc)
        rc = narrative_run(d);
    return rc;
}

void doc_reset(tab_doc *d)
{
    for (int i = 0; i < d->npara; i++)
        free(d->paras[i].text);
    for (int i = 0; i < d->nrunning; i++)
        free(d->running[i]);
    free(d->running);
    for (int g = 0; g < d->ngrid; g++) {
        for (int r = 0; r < d->grids[g].nrows; r++) {
            for (int c = 0; c < d->grids[g].rows[r].n; c++)
                free(d->grids[g].rows[r].cells[c].text);
            free(d->grids[g].rows[r].cells);
        }
        free(d->grids[g].rows);
        free(d->grids[g].caption);
        free(d->grids[g].unit);
        free(d->grids[g].sheet);
    }
    free(d->paras);
    free(d->grids);
    free(d->slots);
    json_decref(d->formulas);
    docmeta_free(&d->meta);
    tab_limits lim = d->lim;
    fw_forget(d);
    fwriter w = d->w;    /* the line buffer outlives documents */
    memset(d, 0, sizeof *d);
    d->lim = lim;
    d->w = w;
}
