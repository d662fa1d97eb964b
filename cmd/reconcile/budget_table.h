/* The 预算 tables (BU01–BU09, domain.md §3.3): they print no 行次, 栏次 or
 * formulas, so their identities are stated by row and column names. */
#ifndef RC_BUDGET_TABLE_H
#define RC_BUDGET_TABLE_H

#include "check.h"

void check_budget_tables(checker *c);

#endif
