/* Checks across the standard 决算 tables (domain.md §3.2): the same figure
 * in two tables, and a total that includes every source against its
 * 财政拨款 part. */
#ifndef RC_CROSS_TABLE_H
#define RC_CROSS_TABLE_H

#include "check.h"

void check_cross_tables(checker *c);

#endif
