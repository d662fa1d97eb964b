/* The narrative (情况说明) against the tables and against itself
 * (domain.md §3.4): restated amounts, shares, year-on-year changes and
 * rates, execution rates, classification statements, units. */
#ifndef RC_NARRATIVE_H
#define RC_NARRATIVE_H

#include "check.h"

void check_narrative(checker *c);

#endif
