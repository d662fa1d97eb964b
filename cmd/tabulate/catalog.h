/* The standard tables of 决算/预算 reports: ids, printed forms, canonical
 * titles and the aliases they go by (docs/facts.md). */
#ifndef TAB_CATALOG_H
#define TAB_CATALOG_H

#include <stddef.h>

typedef struct {
    const char *id;          /* FA01 … BU09 */
    const char *form;        /* 公开01表, or NULL */
    const char *canonical;   /* 收入支出决算总表 */
    const char *keyword;     /* what an empty-table statement names: 政府性基金, or NULL */
    const char *const *aliases;  /* in tx_key form (no quotes, no spaces) */
} table_kind;

/* The standard table whose alias is the longest found in title (any form:
 * it is keyed inside), or NULL. */
const table_kind *catalog_match(const char *title);
/* By printed form number (公开02表, 公开2表, 公开 02 表). */
const table_kind *catalog_by_form(const char *form);
/* The kind of that id (FA06), or NULL. */
const table_kind *catalog_by_id(const char *id);
/* 1 when k is the 三公 table (公开09表 or the budget's): one line, no labels. */
int catalog_is_sangong(const table_kind *k);
/* 1 when text looks like a table title: short, names a 表, not a note. */
int catalog_is_title(const char *text);
/* The form number printed in text (公开02表), as a new string, or NULL. */
char *catalog_form_in(const char *text);
/* A caption for a table that is not standard: year, numbering such as
 * （表一）/表 2-1/附表3 and white space removed. New string. */
char *catalog_caption(const char *title);

#endif
