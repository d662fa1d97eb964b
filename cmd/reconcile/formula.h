/* The table identities as reports print them under a table:
 *   27行＝（1＋2＋3＋4＋5＋6+7+8）行；58行＝（32＋33＋…＋57）行
 *   1栏各行＝（2＋3＋4＋5＋6＋7）栏各行   6栏各行＝（1＋2－3）栏各行
 * One text may hold several identities separated by ； or 。 */
#ifndef RC_FORMULA_H
#define RC_FORMULA_H

#define FORMULA_MAX_TERMS 64

typedef enum { AXIS_ROW, AXIS_COLUMN } formula_axis;

typedef struct {
    formula_axis axis;   /* ROW: 行次 refs, checked in each column of the lhs row */
    int lhs;
    int n;
    int ref[FORMULA_MAX_TERMS];
    int sign[FORMULA_MAX_TERMS];   /* +1 or -1 */
} formula;

/* Parses up to max identities from text; returns how many were parsed.
 * Pieces that are not identities (notes, prose) are skipped. */
int formula_parse(const char *text, formula *out, int max);

/* The identity as text, 27行＝1行＋2行… style: "27行 = 1行 + 2行 + 3行". */
void formula_text(const formula *f, char *out, unsigned size);

/* 1 when both state the same identity (same lhs, same signed terms). */
int formula_same(const formula *a, const formula *b);

#endif
