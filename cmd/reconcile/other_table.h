/* Checks inside the tables that are not one of the standard ones (project,
 * 绩效 and budget-execution tables): execution rates, 年初预算 + 调整 =
 * 全年预算, and a 合计 row against the rows above it. */
#ifndef RC_OTHER_TABLE_H
#define RC_OTHER_TABLE_H

#include "check.h"

void check_other_tables(checker *c);

#endif
