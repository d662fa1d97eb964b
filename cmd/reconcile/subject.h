/* What a narrative figure restates: its subject (as tabulate prints it)
 * mapped to the table figure it must equal (domain.md §3.4). */
#ifndef RC_SUBJECT_H
#define RC_SUBJECT_H

#include "check.h"

/* The subject reduced for matching: no spaces, quotes, list numbering,
 * level markers （类）（款）（项）. */
void subject_norm(const char *s, char *out, size_t size);

typedef struct {
    const char *rule;       /* n01 … */
    const char *what;       /* the table figure, in words */
    const fact *cell;       /* the table figure, NULL when its table is absent */
    const char *table_id;   /* the table it would be in */
} subject_target;

/* The table figure a narrative amount restates; 0 when the subject is not
 * one we know (no check), 1 with target filled (target->cell may be NULL). */
int subject_target_of(const checker *c, const fact *n, subject_target *target);

/* A standard table's figure: row key (L27, I合计, C208) and column key
 * (N1, or NULL for the row's first figure; row NULL: the column's first). */
const fact *std_cell(const checker *c, const char *tid, const char *row, const char *col);

/* 1 when the subject is about a budget (basis 年初预算/全年预算/预算). */
int basis_is_budget(const fact *n);

#endif
