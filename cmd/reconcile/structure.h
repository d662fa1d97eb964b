/* The report as a whole: missing standard tables, a year that disagrees
 * with itself, contradictory direction words, template remnants. */
#ifndef RC_STRUCTURE_H
#define RC_STRUCTURE_H

#include "check.h"

void check_structure(checker *c, const char *stage);
/* 1 when a paragraph's text may hold a remnant or a year the checks need:
 * only those paragraphs are kept. */
int structure_wants(const char *text);

#endif
