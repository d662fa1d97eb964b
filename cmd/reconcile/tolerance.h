/* The rounding policy of the notes (domain.md §4.4), in exact decimals.
 * Every printed figure is within half a unit of its last digit of the true
 * value; a check fails only when no choice of true values inside those
 * half-units makes it hold. */
#ifndef RC_TOLERANCE_H
#define RC_TOLERANCE_H

#include "decimal.h"

typedef enum { V_PASS, V_INFO, V_WARN, V_ERROR } verdict;

const char *verdict_name(verdict v);   /* pass, info, warning, error */

/* A parent against the sum of n children: equal → pass; within the
 * envelope (n+1)×u/2, u the unit of the least precise operand → info;
 * beyond → error. diff = parent − sum. */
verdict tol_sum(decimal parent, decimal sum, int n, int min_scale, decimal *diff);

/* The same quantity printed twice: equal at the lower precision → pass;
 * one unit of that precision apart → warn; more → error. diff = a − b
 * at the lower precision. */
verdict tol_same(decimal a, decimal b, decimal *diff);

/* A printed percentage p of num/den (both ≥ 0 as printed): pass when the
 * intervals [num±u/2]/[den±u/2]×100 and [p±half its unit] meet; warn when
 * only truncation explains p; error otherwise. Returns V_PASS too when the
 * denominator can be zero (nothing can be concluded); *undecided is then 1. */
verdict tol_pct(decimal num, decimal den, decimal pct, int *undecided);

/* Like tol_pct where the numerator or denominator is itself a sum of k
 * printed figures: the half-units add up. */
verdict tol_pct_n(decimal num, int num_terms, decimal den, int den_terms, decimal pct, int *undecided);

/* The smallest scale of the operands (the least precise one). */
int tol_min_scale(const decimal *d, int n);

#endif
