/* Sheets as records; see sheet.h. */
#include "sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

sheet_row *sheet_add_row(sheet_rows *rows, long r)
{
    if (rows->n == rows->cap) {
        size_t cap = rows->cap ? rows->cap * 2 : 64;
        sheet_row *v = realloc(rows->v, cap * sizeof *v);
        if (!v)
            return NULL;
        rows->v = v;
        rows->cap = cap;
    }
    if (rows->n == 0)
        rows->sorted = 1;
    else if (r <= rows->v[rows->n - 1].r)
        rows->sorted = 0;
    sheet_row *row = &rows->v[rows->n];
    row->r = r;
    row->hidden = 0;
    row->cells = json_array();
    if (!row->cells)
        return NULL;
    rows->n++;
    return row;
}

int sheet_put_cell(emitter *em, const char *sheet, sheet_row *row, long col, const char *text,
                   size_t len, int hidden)
{
    if (em_cell(row->cells, (int)col, text, len, 1, 1))
        return EM_ABORT;
    if (hidden && json_object_set_new(json_array_get(row->cells, json_array_size(row->cells) - 1),
                                      "hidden", json_true()))
        return EM_ABORT;
    if ((long)json_array_size(row->cells) > em->lim->max_cells)
        return em_error(em, "limit", "sheet %s row %ld has more than --max-cells=%ld cells", sheet,
                        row->r, em->lim->max_cells);
    return EM_OK;
}

sheet_row *sheet_row_at(sheet_rows *rows, long r)
{
    size_t lo = 0, hi = rows->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rows->v[mid].r < r)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < rows->n && rows->v[lo].r == r ? &rows->v[lo] : NULL;
}

static int by_row(const void *a, const void *b)
{
    long x = ((const sheet_row *)a)->r, y = ((const sheet_row *)b)->r;
    return (x > y) - (x < y);
}

void sheet_sort(sheet_rows *rows)
{
    if (!rows->sorted && rows->n > 1)
        qsort(rows->v, rows->n, sizeof *rows->v, by_row);
    rows->sorted = 1;
}

json_int_t sheet_cell_col(json_t *cell) { return json_integer_value(json_object_get(cell, "col")); }

void sheet_col_name(long col, char *out)
{
    char tmp[8];
    int n = 0;
    for (long c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
        tmp[n++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

void sheet_rows_free(sheet_rows *rows)
{
    for (size_t i = 0; i < rows->n; i++)
        json_decref(rows->v[i].cells);
    free(rows->v);
    memset(rows, 0, sizeof *rows);
}

/* The top-left cell of a merge gets the spans; the cells it covers go. */
static int apply_merge(sheet_rows *rows, const sheet_range *m)
{
    /* first row at or after r1 */
    size_t lo = 0, hi = rows->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rows->v[mid].r < m->r1)
            lo = mid + 1;
        else
            hi = mid;
    }
    int placed = 0;
    for (size_t i = lo; i < rows->n && rows->v[i].r <= m->r2; i++) {
        json_t *cells = rows->v[i].cells;
        for (size_t k = 0; k < json_array_size(cells);) {
            json_t *cell = json_array_get(cells, k);
            json_int_t col = sheet_cell_col(cell);
            if (col < m->c1 || col > m->c2) {
                k++;
                continue;
            }
            if (rows->v[i].r == m->r1 && col == m->c1) {
                json_object_set_new(cell, "colspan", json_integer(m->c2 - m->c1 + 1));
                json_object_set_new(cell, "rowspan", json_integer(m->r2 - m->r1 + 1));
                placed = 1;
                k++;
            } else {
                json_array_remove(cells, k);
            }
        }
    }
    if (placed)
        return 0;
    /* an empty top-left cell: made, so the span is not lost */
    sheet_row *row = sheet_row_at(rows, m->r1);
    if (!row)
        return 0;  /* the row itself is absent: nothing to hang the span on */
    json_t *cells = row->cells;
    size_t k = 0;
    while (k < json_array_size(cells) && sheet_cell_col(json_array_get(cells, k)) < m->c1)
        k++;
    json_t *tmp = json_array();
    if (!tmp || em_cell(tmp, (int)m->c1, "", 0, (int)(m->c2 - m->c1 + 1), (int)(m->r2 - m->r1 + 1))) {
        json_decref(tmp);
        return -1;
    }
    int rc = json_array_insert(cells, k, json_array_get(tmp, 0));
    json_decref(tmp);
    return rc;
}

static int emit_rows(emitter *em, const char *name, int hidden, sheet_rows *rows)
{
    if (rows->n == 0)
        return EM_OK;
    int table = em_new_table(em);
    for (size_t i = 0; i < rows->n; i++) {
        sheet_row *row = &rows->v[i];
        json_t *cells = row->cells;
        row->cells = NULL;
        char ref[40] = "";
        size_t n = json_array_size(cells);
        if (n) {
            json_t *last = json_array_get(cells, n - 1);
            char a[8], b[8];
            sheet_col_name((long)sheet_cell_col(json_array_get(cells, 0)), a);
            sheet_col_name((long)(sheet_cell_col(last) + json_integer_value(json_object_get(last, "colspan")) - 1), b);
            snprintf(ref, sizeof ref, "%s%ld:%s%ld", a, row->r, b, row->r);
        }
        json_t *extra = json_object();
        json_object_set_new(extra, "sheet", json_string(name));
        if (row->hidden || hidden)
            json_object_set_new(extra, "hidden", json_true());
        if (ref[0])
            json_object_set_new(extra, "ref", json_string(ref));
        json_t *loc = json_object();
        json_object_set_new(loc, "sheet", json_string(name));
        if (ref[0])
            json_object_set_new(loc, "ref", json_string(ref));
        int rc = em_row(em, table, (int)(row->r - 1), extra, cells, loc);
        if (rc)
            return rc;
    }
    return EM_OK;
}

int sheet_emit(emitter *em, const char *name, int hidden, sheet_rows *rows,
               const sheet_range *merges, size_t nmerges)
{
    int rc = EM_OK;
    sheet_sort(rows);
    for (size_t i = 0; i < nmerges; i++)
        if (apply_merge(rows, &merges[i])) {
            rc = EM_ABORT;
            break;
        }
    if (rc == EM_OK)
        rc = emit_rows(em, name, hidden, rows);
    sheet_rows_free(rows);
    return rc;
}
