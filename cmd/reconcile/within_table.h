/* Checks inside one table: the formulas printed under it, the standard
 * identities of the 决算 tables (domain.md §3.1) and the classification
 * hierarchy, one level at a time. */
#ifndef RC_WITHIN_TABLE_H
#define RC_WITHIN_TABLE_H

#include "check.h"

void check_within_tables(checker *c);

#endif
