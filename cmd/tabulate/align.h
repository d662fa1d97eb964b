/* Aligning one data row with the value columns of its header: which cell
 * is the code, the label, the 行次, and which cell holds each column's
 * figure. By header, not by position: text conversions drop spans and
 * trailing empty cells, so the values are counted from the label cell. */
#ifndef TAB_ALIGN_H
#define TAB_ALIGN_H

#include "header.h"

#include <stddef.h>

typedef struct {
    char *code;      /* 3/5/7-digit classification code, or NULL */
    char *label;     /* the row label as printed (cleaned), or NULL */
    char *line_no;   /* printed 行次, or NULL */
    int *slot;       /* per value column: the slot of its cell, -1 when absent */
    int ncols;
} arow;

/* 1 when the cell holds a code: 3, 5 or 7 digits (2 for a split 款/项). */
int align_is_code(const char *cell);
/* 1 when the cell holds several numbers run together ("3 4 5"). */
int align_is_run_together(const char *cell);
/* 1 when key (tx_key of a cell) is a word printed where a figure belongs
 * to say there is none (无, in a column of figures): a nil like a dash. */
int align_is_nil_word(const char *key);
/* 1 when a keyed cell is the cross or star a report form prints in a cell
 * that cannot hold a figure (×, ╳, ✕, *). */
int align_is_cross_mark(const char *key);
/* The number of key (tx_key of a cell, *len bytes) without what a cell's
 * format prints round it: the ¥ (or ￥) of a currency format before it
 * (¥636.51, in the table's unit all the same), and the unit after it, 12%,
 * or 1,234.56万元 and 42.68元 (with decimals: ≤1万元 is a target, no
 * figure), which is cut off in key. Returns where the number starts, *len
 * its length; *unit 1 + the unit's index (align_unit_name), 0 for none. */
char *align_cell_number(char *key, size_t *len, int *unit);
/* The unit align_cell_number gave (% 万元 元). */
const char *align_unit_name(int unit);
/* 1 when the cell is a figure: an amount, a nil dash or word, or a percentage. */
int align_is_figure(const char *cell);
/* Aligns row (slots 0..n) with block b of the model; above is the code of
 * the last coded row of the block before it (or NULL), for codes printed
 * in segments under 类 | 款 | 项. Returns 0, or -1 when the row has
 * nothing for the block. */
int align_row(const hblock *bl, const hrow *row, const char *above, arow *out);
/* Splits a short row of a two-sided table (fewer cells than the grid) into
 * one sub-row per block: a text cell starts the next block. Returns the
 * number of sub-rows written to parts (at most max); parts[i] gets the
 * block index it was assigned in blocks[i]. Sub-rows share row's strings. */
int align_split(const hmodel *m, const hrow *row, hrow *parts, int *blocks, int max);
void align_free(arow *a);

/* 1 when a label names a contact detail or an identifier (a cover form's
 * 电话号码（区号）, 邮政编码, 统一社会信用代码): its cells hold digits, no amount. */
int align_names_identifier(const char *label);

#endif
