/* Word 97–2003 binary .doc, read directly (MS-DOC) rather than through a
 * converter: LibreOffice takes seconds a document and cannot read back
 * some .doc files it wrote itself (a table at the very end), catdoc drops
 * tables.
 *
 * The main text is the document's character positions 0..ccpText, found
 * through the piece table (CLX) in the table stream; each paragraph mark
 * (CR, or the cell mark 0x07) takes its properties from the PAPX runs of
 * the FKP pages: in a table, not, or the end of a table row (TTP), whose
 * properties also carry the row's cell edges (sprmTDefTable) and vertical
 * merges. Cells are placed on the grid of all edges of their table, so
 * a cell as wide as two below it spans two columns, as Word draws it.
 * Field codes are left out, their results stay. The page headers and
 * footers are read after the main text, each line once (a report may name
 * its department only there); footnotes and text boxes are not read. */
#include "extract.h"
#include "doc_binary.h"
#include "ole2.h"
#include "running.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

enum {
    DOC_MAX_FIELD_DEPTH = 32,
    /* cell edges this close (twips, 1 mm ≈ 57) are one column line: rows of
     * a table edited by hand drift apart by a few twips */
    DOC_EDGE_SNAP = 20,
};

typedef struct {
    char *text;
    size_t len;
    /* edges in twips, set when the row has a table definition; they may be
     * negative (Word sets a table 108 twips left of the margin) */
    int x0, x1;
    int placed;
    int cont;                    /* continues a vertical merge from above */
    int restart;                 /* starts one */
} doc_cell;

typedef struct {
    doc_cell *cells;
    int n;
    long para, cp;
} doc_row;

/* A table being read: its rows are held until it ends. */
typedef struct {
    doc_row *rows;
    int nrows, caprows;
    doc_cell cur[DOC_MAX_CELLS];
    int ncur;
    tbuf cell;
    long row_para, row_cp;
    int row_started;
} doc_table;

/* A table nested in a cell of the table being read, held until that table
 * is written: its rows follow the row that holds it, as docx's do. */
typedef struct {
    doc_row *rows;
    int nrows;
    int row, cell; /* the outer table's row (among those held) and cell */
} doc_nested;

typedef struct {
    emitter *em;
    doc_binary bin;
    doc_table outer;
    /* a table nested in one of its cells (deeper ones are text of its cells) */
    doc_table inner;
    doc_nested *nested;
    int nnested, capnested;
    /* the paragraph being read */
    tbuf para;
    long npara; /* paragraph marks so far, cells' included */
    long para_cp;
    /* reading a page header or footer story: "header" or "footer", and the
     * lines written so far */
    const char *part;
    running_lines seen;
} doc_ctx;

static json_t *doc_loc(long para, long cp, const char *part)
{
    json_t *l = json_object();
    if (l) {
        json_object_set_new(l, "para", json_integer(para));
        json_object_set_new(l, "cp", json_integer(cp));
        if (part)
            json_object_set_new(l, "part", json_string(part));
    }
    return l;
}

static void free_row_array(doc_row *rows, int n)
{
    for (int r = 0; r < n; r++) {
        for (int c = 0; c < rows[r].n; c++)
            free(rows[r].cells[c].text);
        free(rows[r].cells);
    }
}

static void free_cur(doc_table *t)
{
    for (int c = 0; c < t->ncur; c++)
        free(t->cur[c].text);
    t->ncur = 0;
}

static void free_nested(doc_ctx *d)
{
    for (int i = 0; i < d->nnested; i++) {
        free_row_array(d->nested[i].rows, d->nested[i].nrows);
        free(d->nested[i].rows);
    }
    d->nnested = 0;
}

static void free_table(doc_table *t)
{
    free_cur(t);
    free_row_array(t->rows, t->nrows);
    free(t->rows);
    tb_free(&t->cell);
    memset(t, 0, sizeof *t);
}

/* --- tables ------------------------------------------------------------ */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The grid line edge x lies on: the last at or before x + DOC_EDGE_SNAP. */
static int grid_index(const int *grid, int n, int x)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (grid[mid] <= x + DOC_EDGE_SNAP)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? lo - 1 : 0;
}

typedef struct {
    int table, row, col;
} doc_parent;

/* Adds the rows of one table to pending: every edge of every row makes the
 * grid; a row without a table definition takes one column per cell. The
 * tables nested in a row's cells (outer: nested is d's list) follow it. */
static int build_table(doc_ctx *d, doc_row *rows, int nrows, const doc_parent *parent,
                       int outer, json_t *pending)
{
    int nedges = 0;
    for (int r = 0; r < nrows; r++)
        nedges += 2 * rows[r].n;
    int *grid = malloc(sizeof *grid * (size_t)(nedges ? nedges : 1));
    json_t **merge = calloc((size_t)nedges + DOC_MAX_CELLS + 1, sizeof *merge);
    int rc = grid && merge ? EM_OK : EM_ABORT;
    int ng = 0;
    for (int r = 0; rc == EM_OK && r < nrows; r++)
        for (int c = 0; c < rows[r].n; c++)
            if (rows[r].cells[c].placed) {
                grid[ng++] = rows[r].cells[c].x0;
                grid[ng++] = rows[r].cells[c].x1;
            }
    if (rc == EM_OK)
        qsort(grid, (size_t)ng, sizeof *grid, cmp_int);
    int nu = 0;
    for (int i = 0; i < ng; i++)
        if (!nu || grid[i] - grid[nu - 1] > DOC_EDGE_SNAP)
            grid[nu++] = grid[i];
    int ncols = nu > 1 ? nu - 1 : 0;
    if (ncols < DOC_MAX_CELLS)
        ncols = DOC_MAX_CELLS;
    int table = rc == EM_OK ? em_new_table(d->em) : 0;
    unsigned char touched[DOC_MAX_CELLS * 2 + 2];
    int cellcol[DOC_MAX_CELLS];
    for (int r = 0; rc == EM_OK && r < nrows; r++) {
        doc_row *row = &rows[r];
        json_t *cells = em_cells();
        if (!cells) {
            rc = EM_ABORT;
            break;
        }
        int limit = ncols < (int)sizeof touched ? ncols : (int)sizeof touched;
        memset(touched, 0, sizeof touched);
        for (int c = 0; c < row->n && rc == EM_OK; c++) {
            doc_cell *k = &row->cells[c];
            int col = c, span = 1;
            if (k->placed) {
                col = grid_index(grid, nu, k->x0);
                span = grid_index(grid, nu, k->x1) - col;
                if (span < 1)
                    span = 1;
            }
            if (c < DOC_MAX_CELLS)
                cellcol[c] = col;
            for (int i = col; i < col + span && i < limit; i++)
                touched[i] = 1;
            if (k->cont && col < ncols && merge[col]) {
                json_t *top = merge[col];
                json_int_t rs = json_integer_value(json_object_get(top, "rowspan"));
                json_object_set_new(top, "rowspan", json_integer(rs + 1));
                continue;
            }
            if (em_cell(cells, col, k->text ? k->text : "", k->len, span, 1)) {
                rc = EM_ABORT;
                break;
            }
            json_t *cell = json_array_get(cells, json_array_size(cells) - 1);
            for (int i = col; i < col + span && i < ncols; i++)
                merge[i] = NULL;
            if (k->restart && col < ncols)
                merge[col] = cell;
        }
        /* a merge runs on only through rows that have a cell in its column */
        for (int i = 0; i < limit; i++)
            if (!touched[i])
                merge[i] = NULL;
        if (rc != EM_OK) {
            json_decref(cells);
            break;
        }
        if ((long)json_array_size(cells) > d->em->lim->max_cells) {
            json_decref(cells);
            rc = em_error(d->em, "limit", "table %d row %d has more than --max-cells=%ld cells",
                          table, r, d->em->lim->max_cells);
            break;
        }
        json_t *extra = NULL;
        if (parent) {
            extra = json_object();
            json_t *pj = json_object();
            json_object_set_new(pj, "table", json_integer(parent->table));
            json_object_set_new(pj, "row", json_integer(parent->row));
            json_object_set_new(pj, "col", json_integer(parent->col));
            json_object_set_new(extra, "parent", pj);
        }
        json_t *rec = em_row_new(d->em, table, r, extra, cells, doc_loc(row->para, row->cp, NULL));
        if (!rec || json_array_append_new(pending, rec))
            rc = EM_ABORT;
        for (int i = 0; outer && rc == EM_OK && i < d->nnested; i++) {
            doc_nested *n = &d->nested[i];
            if (n->row != r)
                continue;
            int c = n->cell < row->n ? n->cell : row->n - 1;
            doc_parent here = {table, r, c >= 0 && c < DOC_MAX_CELLS ? cellcol[c] : 0};
            rc = build_table(d, n->rows, n->nrows, &here, 0, pending);
        }
    }
    free(grid);
    free(merge);
    return rc;
}

/* Writes the held rows of the table being read, with the tables nested in
 * its cells. */
static int table_flush(doc_ctx *d)
{
    doc_table *t = &d->outer;
    if (!t->nrows) {
        free_nested(d);
        return EM_OK;
    }
    json_t *pending = json_array();
    int rc = pending ? build_table(d, t->rows, t->nrows, NULL, 1, pending) : EM_ABORT;
    size_t i;
    json_t *rec;
    if (rc == EM_OK)
        json_array_foreach(pending, i, rec) {
            rc = em_put(d->em, json_incref(rec));
            if (rc)
                break;
        }
    json_decref(pending);
    free_row_array(t->rows, t->nrows);
    t->nrows = 0;
    free_nested(d);
    return rc;
}

/* The cell mark of a cell that is not a row's last. */
static int cell_end(doc_ctx *d, doc_table *t)
{
    if (t->ncur >= DOC_MAX_CELLS)
        return em_error(d->em, "limit", "a table row of more than %d cells", DOC_MAX_CELLS);
    doc_cell *k = &t->cur[t->ncur++];
    memset(k, 0, sizeof *k);
    k->text = strdup(tb_str(&t->cell)); /* (no NUL in it: doc_char drops controls) */
    if (!k->text)
        return EM_ABORT;
    k->len = t->cell.len;
    tb_clear(&t->cell);
    return EM_OK;
}

/* The row end (TTP): the cells read so far get their edges and merges. */
static int row_end(doc_ctx *d, doc_table *t, const doc_para *p)
{
    if (t->cell.len && cell_end(d, t))  /* text before a row mark: a cell of its own */
        return EM_ABORT;
    doc_row row = {NULL, 0, t->row_para, t->row_cp};
    int prev = -1;
    row.cells = calloc((size_t)(t->ncur ? t->ncur : 1), sizeof *row.cells);
    if (!row.cells)
        return EM_ABORT;
    for (int c = 0; c < t->ncur; c++) {
        doc_cell k = t->cur[c];
        t->cur[c].text = NULL;
        if (p->has_def && c < p->ncells && p->edge[c] < p->edge[c + 1]) {
            k.x0 = p->edge[c];
            k.x1 = p->edge[c + 1];
            k.placed = 1;
            uint16_t f = p->tc[c];
            k.cont = (f & TC_VMERGE) && !(f & TC_VRESTART);
            k.restart = (f & TC_VMERGE) && (f & TC_VRESTART);
            /* Word 97's horizontal merge: the cell's edge goes to its left neighbour */
            if ((f & TC_MERGED) && prev >= 0 && row.cells[prev].placed) {
                row.cells[prev].x1 = k.x1;
                free(k.text);
                continue;
            }
        }
        row.cells[row.n] = k;
        prev = row.n++;
    }
    t->ncur = 0;
    if (t->nrows == t->caprows) {
        int cap = t->caprows ? 2 * t->caprows : 16;
        doc_row *nr = realloc(t->rows, sizeof *nr * (size_t)cap);
        if (!nr) {
            free_row_array(&row, 1);
            return EM_ABORT;
        }
        t->rows = nr;
        t->caprows = cap;
    }
    t->rows[t->nrows++] = row;
    t->row_started = 0;
    return EM_OK;
}

/* The end of a table nested in the cell being read: held, to follow the
 * row that holds it. */
static int nested_end(doc_ctx *d)
{
    doc_table *in = &d->inner;
    if (in->row_started || in->ncur || in->cell.len) {
        /* cells never closed by a row mark: kept as a row */
        if (row_end(d, in, &(doc_para){0}))
            return EM_ABORT;
    }
    if (!in->nrows)
        return EM_OK;
    if (d->nnested == d->capnested) {
        int cap = d->capnested ? 2 * d->capnested : 4;
        doc_nested *nn = realloc(d->nested, sizeof *nn * (size_t)cap);
        if (!nn)
            return EM_ABORT;
        d->nested = nn;
        d->capnested = cap;
    }
    d->nested[d->nnested++] = (doc_nested){in->rows, in->nrows, d->outer.nrows, d->outer.ncur};
    in->rows = NULL;
    in->nrows = in->caprows = 0;
    return EM_OK;
}

/* --- paragraphs -------------------------------------------------------- */

static int para_flush(doc_ctx *d, int level)
{
    int rc = EM_OK;
    int seen = d->part && d->para.len ? running_seen(&d->seen, tb_str(&d->para)) : 0;
    if (seen < 0)
        rc = EM_ABORT;
    else if (d->para.len && !seen)
        rc = em_paragraph(d->em, d->para.s, d->para.len, level,
                          doc_loc(d->npara, d->para_cp, d->part));
    tb_clear(&d->para);
    return rc;
}

static int add_cp(tbuf *b, uint32_t c)
{
    char u[4];
    int n = utf8_encode(c, u);
    return n > 0 ? tb_add(b, u, (size_t)n) : 0;
}

/* The text since the last paragraph mark goes to the cell being read. */
static int para_to_cell(doc_ctx *d, doc_table *t)
{
    if (tb_add(&t->cell, d->para.s, d->para.len))
        return EM_ABORT;
    tb_clear(&d->para);
    return EM_OK;
}

static void row_start(doc_ctx *d, doc_table *t, long cp)
{
    if (t->row_started)
        return;
    t->row_started = 1;
    t->row_para = d->npara;
    t->row_cp = d->para.len ? d->para_cp : cp;
}

/* A paragraph mark: the text since the last one is a cell's (its lines
 * end in CR, the cell in 0x07, the row in a 0x07 marked TTP; in a table
 * nested in a cell, CRs marked as its cell or row ends) or a paragraph,
 * which also ends the table before it. */
static int doc_mark(doc_ctx *d, uint32_t c, long cp, uint32_t fc)
{
    doc_para p;
    doc_props(&d->bin, fc, &p);
    int rc = EM_OK;
    d->npara++;
    if (d->part)
        return para_flush(d, 0);  /* a header's table cells are its lines */
    if (p.itap >= 2 && c == 0x0D) {
        doc_table *in = &d->inner;
        row_start(d, &d->outer, cp);
        row_start(d, in, cp);
        if (para_to_cell(d, in))
            return EM_ABORT;
        if (p.itap == 2 && p.inner_ttp)
            return row_end(d, in, &p);
        if (p.itap == 2 && p.inner_cell)
            return cell_end(d, in);
        return tb_addc(&in->cell, '\n') ? EM_ABORT : EM_OK;
    }
    /* a table nested in a cell ends at the cell's next paragraph */
    if (nested_end(d))
        return EM_ABORT;
    doc_table *t = &d->outer;
    if (p.in_table || c == 0x07) {
        row_start(d, t, cp);
        if (para_to_cell(d, t))
            return EM_ABORT;
        if (c == 0x07 && p.ttp)
            return row_end(d, t, &p);
        if (c == 0x07)
            return cell_end(d, t);
        return tb_addc(&t->cell, '\n') ? EM_ABORT : EM_OK;
    }
    if (t->row_started && (rc = row_end(d, t, &(doc_para){0})))
        return rc;  /* cells never closed by a row mark: kept as a row */
    if ((rc = table_flush(d)))
        return rc;
    return para_flush(d, p.level);
}

/* One character of the main text at cp (fc: its place in the stream). */
static int doc_char(doc_ctx *d, uint32_t c, long cp, uint32_t fc)
{
    if (c == 0x0D || c == 0x07)
        return doc_mark(d, c, cp, fc);
    if (!d->para.len)
        d->para_cp = cp;
    switch (c) {
    case 0x0C: /* page or section break: what went before was on the last page */
        if (!d->outer.row_started) {
            int rc = table_flush(d);
            return rc ? rc : para_flush(d, 0);
        }
        return tb_addc(&d->para, '\n') ? EM_ABORT : EM_OK;
    case 0x0B: /* line break */
        return tb_addc(&d->para, '\n') ? EM_ABORT : EM_OK;
    case 0x09:
        return tb_addc(&d->para, '\t') ? EM_ABORT : EM_OK;
    case 0x1E: /* non-breaking hyphen */
        return tb_addc(&d->para, '-') ? EM_ABORT : EM_OK;
    case 0xA0:
        return tb_addc(&d->para, ' ') ? EM_ABORT : EM_OK;
    default:
        if (c < 0x20)
            return EM_OK; /* pictures, footnote marks, optional hyphens */
        return add_cp(&d->para, c) ? EM_ABORT : EM_OK;
    }
}

/* Whether any open field is still in its code (instruction) part. */
static int in_field_code(const unsigned char *in_code, int depth)
{
    for (int i = 0; i < depth && i < DOC_MAX_FIELD_DEPTH; i++)
        if (in_code[i])
            return 1;
    return 0;
}

/* Walks the text [from, to): field codes (0x13 … 0x14) are skipped, field
 * results (0x14 … 0x15) kept. */
static int walk_text(doc_ctx *d, uint32_t from, uint32_t to)
{
    int depth = 0;
    unsigned char in_code[DOC_MAX_FIELD_DEPTH];
    doc_cursor cur;
    doc_cursor_init(&cur, from, to);
    uint32_t c, fc;
    long cp;
    int rc = EM_OK;
    while (rc == EM_OK && doc_next(&d->bin, &cur, &c, &cp, &fc)) {
        if (c == 0x13) {
            if (depth < DOC_MAX_FIELD_DEPTH)
                in_code[depth] = 1;
            depth++;
        } else if (c == 0x14 && depth) {
            if (depth <= DOC_MAX_FIELD_DEPTH)
                in_code[depth - 1] = 0;
        } else if (c == 0x15 && depth) {
            depth--;
        } else if (c == 0x0D || c == 0x07 || !in_field_code(in_code, depth)) {
            rc = doc_char(d, c, cp, fc);
        }
    }
    if (rc == EM_OK && d->inner.row_started) {
        /* the text ends inside a nested table */
        if (para_to_cell(d, &d->inner) || nested_end(d))
            return EM_ABORT;
    }
    if (rc == EM_OK && d->outer.row_started) {
        /* the text ends inside a table row */
        if (para_to_cell(d, &d->outer))
            return EM_ABORT;
        rc = row_end(d, &d->outer, &(doc_para){0});
    }
    if (rc == EM_OK)
        rc = table_flush(d);
    if (rc == EM_OK && d->para.len) {
        d->npara++;
        rc = para_flush(d, 0);
    }
    return rc;
}

/* The page headers and footers, after the main text: each story of the
 * header story that PlcfHdd marks out, its records carrying the part
 * (loc.part header or footer). */
static int walk_running(doc_ctx *d)
{
    const doc_binary *b = &d->bin;
    if (!b->nhdd)
        return EM_OK;
    int rc = EM_OK;
    for (size_t i = 0; i + 1 < b->nhdd && rc == EM_OK; i++) {
        int footer = doc_story_is_footer(i);
        uint32_t from = b->hdd[i], to = b->hdd[i + 1];
        if (footer < 0 || from >= to || to > b->ccp_hdd)
            continue;
        d->part = footer ? "footer" : "header";
        rc = walk_text(d, b->hdd0 + from, b->hdd0 + to);
    }
    d->part = NULL;
    return rc;
}

int read_doc(const unsigned char *data, size_t len, emitter *em, int *not_native)
{
    *not_native = 0;
    doc_ctx d;
    memset(&d, 0, sizeof d);
    d.em = em;
    char msg[256] = "";
    int r = doc_binary_open(&d.bin, data, len, em->lim->max_file_bytes, msg, sizeof msg);
    if (r != DOC_OK)
        doc_binary_close(&d.bin); /* what it had read before it stopped */
    if (r == DOC_ENCRYPTED)
        return em_error(em, "doc_encrypted", "%s", msg);
    if (r == DOC_NOT_NATIVE) {
        *not_native = 1;
        return EM_OK;
    }
    if (r == DOC_MEMORY)
        return em_error(em, "memory", "%s", msg);
    if (r != DOC_OK)
        return em_error(em, "doc_damaged", "%s", msg);
    int rc = walk_text(&d, 0, d.bin.ccp_text);
    if (rc == EM_OK)
        rc = walk_running(&d);
    running_free(&d.seen);
    free_table(&d.outer);
    free_table(&d.inner);
    free_nested(&d);
    free(d.nested);
    tb_free(&d.para);
    doc_binary_close(&d.bin);
    return rc;
}
