/* The formulas printed under tables: `27行＝（1＋2＋…＋8）行`,
 * `1栏各行＝（2＋3＋4）栏各行`, `6栏各行＝（1＋2－3）栏各行`, `9栏=（10+11）栏`.
 * Full-width and ASCII forms mix freely; `…`/`...` between two terms is an
 * inclusive range. Buffer-level so a fuzz harness can call it. */
#ifndef TAB_FORMULA_H
#define TAB_FORMULA_H

#include <stddef.h>

#define FORMULA_MAX_TERMS 256

typedef struct {
    size_t start, end;   /* bytes of the formula in the text, as printed */
    int axis_row;        /* 1: 行 (行次), 0: 栏 (栏次) */
    int each;            /* 各行: holds on every row */
    long lhs;
    int nterms;
    int sign[FORMULA_MAX_TERMS];
    long ref[FORMULA_MAX_TERMS];
} formula;

/* Calls cb for every formula found in text; returns how many were found.
 * A range wider than FORMULA_MAX_TERMS is not a formula (not expanded). */
int formula_scan(const char *text, int (*cb)(void *ctx, const char *text, const formula *f),
                 void *ctx);

/* 1 when text, a cell of a 栏次 row, is a column's number with the
 * formula of the columns it sums (1=2+3+4+5+6+7, 7＝8＋9＋12): f holds
 * it, for every row. */
int formula_colno_cell(const char *text, formula *f);

#endif
