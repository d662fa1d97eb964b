/* Understanding the header of one table: which value columns it has, the
 * labels above each (its header path) and its printed 栏次, for tables that
 * sit side by side in one grid (收入 | 支出) each block separately.
 *
 * Works on rows as arrays of strings indexed by slot: for a grid whose spans
 * were resolved (docx, html, xlsx) the slot is the grid column and a header
 * cell spanning k columns is repeated in its k slots; for text conversions
 * that lost the spans (rows of different lengths) the slot is the cell's
 * position, and labels are aligned from the right edge of the block. Either
 * way the result is the same model. Buffer-level, so a fuzz harness can
 * drive it. */
#ifndef TAB_HEADER_H
#define TAB_HEADER_H

typedef struct {
    char **cells;   /* cleaned text per slot ("" for an empty slot) */
    int n;
} hrow;

typedef struct {
    char *path;     /* labels top-down joined with '/', side first */
    char *leaf;     /* the lowest label ("" when the column has none) */
    char *col_no;   /* printed 栏次, or NULL */
    char *unit;     /* 万元/元 printed in the labels ("（万元）"), or NULL */
    int identifier; /* the leaf names a contact detail or identifier: no figures */
    const char *std_no; /* 栏次 of the standard layout the labels were matched to
                         * when none is printed (static), or NULL */
} hcol;

typedef struct {
    int start, end;   /* slots of the block: [start, end) */
    int has_line;     /* a 行次 column follows the label */
    int split_at;     /* slot (from start) of 类 in 类 | 款 | 项 header cells, or -1 */
    int grid;         /* spans resolved: the value columns are the block's last slots */
    char *side;       /* 收入/支出, or the group over the block, or NULL */
    char *view;       /* the view its stub names when a side is printed once
                       * per view (支出类别, 功能分类), or NULL */
    hcol *cols;
    int ncols;
} hblock;

typedef struct {
    hblock *blocks;
    int nblocks;
    int width;        /* the widest row, in slots */
    int grid;         /* rows are full-width slot arrays (spans resolved) */
} hmodel;

/* 1 when the label is a stub heading (项目, 科目名称, 类, 款, 项, 行次, 栏次 …). */
int hdr_is_stub(const char *label);
/* The end of the stub headings from slot a of row r (before e), a when
 * there are none: blank slots between two of them belong to the run (a
 * PDF's 科目编码 | | 科目名称, a column made by a label centred under the
 * two). */
int hdr_stub_run_end(const hrow *r, int a, int e);
/* 1 when the row is a 栏次 row: a 栏次 cell, or only the integers 1..k
 * (k ≥ 2), or j..k going on from another table's (k - j ≥ 2). */
int hdr_is_colno_row(const hrow *r);
/* The same, with the first and last column numbers it prints. */
int hdr_colno_range(const hrow *r, int *first, int *last);
/* The key row of rows[0..nheader): the first, 栏次 rows aside, with a stub
 * heading other than 栏次 (科目编码 | 科目名称); -1 when none has one. */
int hdr_key_row(const hrow *rows, int nheader);
/* Analyses rows[0..nheader) (top-down, 栏次 row included when printed).
 * has_label: data rows carry a row label; values_hint: most value cells a
 * data row carries (used when there is no 栏次 row). Returns 0, or -1 when
 * the header gives no value column at all. */
int hdr_analyse(const hrow *rows, int nheader, int width, int grid, int has_label,
                int values_hint, hmodel *out);
void hdr_free(hmodel *m);

#endif
