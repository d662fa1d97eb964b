/* A spreadsheet's sheet as records, whatever the file format (read_xlsx.c,
 * read_xls.c): rows held until the sheet's merged ranges are known (xlsx
 * writes them after the rows), then one table, a row record per sheet row
 * with its sheet name, hidden mark and cell range. */
#ifndef EXTRACT_SHEET_H
#define EXTRACT_SHEET_H

#include "emit.h"

#include <jansson.h>

#define SHEET_MAX_COLS 16384 /* XFD, the last column of an xlsx sheet */
#define SHEET_MAX_ROWS 1048576

typedef struct {
    long r;        /* 1-based sheet row */
    int hidden;
    json_t *cells; /* cell objects (em_cell), ascending col */
} sheet_row;

typedef struct {
    sheet_row *v;
    size_t n, cap;
    int sorted;    /* rows came in ascending order */
} sheet_rows;

typedef struct {
    long r1, c1, r2, c2; /* 1-based rows, 0-based columns, inclusive */
} sheet_range;

/* A new row r at the end (its cells an empty array), or NULL out of memory. */
sheet_row *sheet_add_row(sheet_rows *rows, long r);
/* Appends a cell of text at col to row, marked hidden when its column is.
 * EM_OK, EM_ABORT (out of memory), or EM_FAIL: the row is over
 * --max-cells (the error record is written, naming the sheet). */
int sheet_put_cell(emitter *em, const char *sheet, sheet_row *row, long col, const char *text,
                   size_t len, int hidden);
/* The held row r, or NULL. Only once the rows are sorted (sheet_sort). */
sheet_row *sheet_row_at(sheet_rows *rows, long r);
void sheet_sort(sheet_rows *rows);
json_int_t sheet_cell_col(json_t *cell);
/* "A".."XFD" for 0-based col into out (8 bytes). */
void sheet_col_name(long col, char *out);

/* Applies the merges (the top-left cell gets the spans, the cells they
 * cover go) and writes the rows as one table. rc as em_*; the rows are
 * freed either way. */
int sheet_emit(emitter *em, const char *name, int hidden, sheet_rows *rows,
               const sheet_range *merges, size_t nmerges);
void sheet_rows_free(sheet_rows *rows);

#endif
