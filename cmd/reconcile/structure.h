/* The report as a whole: missing standard tables, a year that disagrees
 * with itself, contradictory direction words, template remnants. */
#ifndef RC_STRUCTURE_H
#define RC_STRUCTURE_H

#include "check.h"

void check_structure(checker *c, const char *stage);

#endif
