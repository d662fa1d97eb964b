/* The catalogue of checks: every finding names one of these rules. */
#ifndef RC_RULES_H
#define RC_RULES_H

#include <stdio.h>

typedef enum { FAM_TABLE, FAM_CROSS, FAM_NARRATIVE, FAM_STRUCTURE, FAM_COUNT } rule_family;

typedef struct {
    const char *id;
    rule_family family;
    const char *kind;      /* SUM, SAME, PCT, YOY, GE, SOFT, STRUCT */
    const char *identity;  /* what must hold */
    const char *title;     /* in Chinese, for the finding's reader */
} rc_rule;

const rc_rule *rule_find(const char *id);
const char *family_name(rule_family f);   /* table, cross, narrative, structure */
/* --list-rules: one rule a line, id TAB family TAB kind TAB identity TAB title. */
int rules_list(FILE *out);

#endif
