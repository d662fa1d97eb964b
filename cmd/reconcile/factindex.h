/* One document's facts and formulas, indexed by table, row and column so
 * that every check is a constant-time lookup (no scans over all facts).
 *
 * Keys: a table is its locator.table number ("#3") when tabulate gives it,
 * else its canonical name; a row is its 行次 ("L27"), code ("C2080505") or
 * reduced label ("I合计"), a column its 栏次 ("N1") or name ("H基本支出").
 * A fact is filed under every key it has, so a check may ask either way. */
#ifndef RC_FACTINDEX_H
#define RC_FACTINDEX_H

#include "arena.h"
#include "decimal.h"
#include "strmap.h"

#include <jansson.h>
#include <stddef.h>

#define RC_KEY 400

typedef struct {
    const char *raw;             /* the fact's line, for its locator (fact_locator) */
    size_t rawlen;
    const char *value_text;      /* the value as in the record, NULL for nil */
    const char *section;
    const char *meta_entity, *meta_year, *meta_stage;   /* kind meta */
    long loc_row;                /* locator.row, -1 when none */
    const char *table, *form, *item, *code, *column, *header_path, *unit;
    const char *kind, *measure, *subject, *heading, *sentence;
    const char *table_id, *side, *basis, *direction, *base, *base_year;
    const char *codes;           /* narrative: "2101101+2101103" */
    long paragraph;              /* narrative: paragraph ordinal, else -1 */
    char tkey[RC_KEY];           /* table key */
    char line_no[16], col_no[16];
    char label[160];             /* reduced item label */
    int has_value;               /* 0: nil (printed - or blank) */
    decimal printed;             /* as printed, in the fact's unit */
    decimal value;               /* in 万元 (exact: 元 gets 4 more decimals) */
} fact;

typedef struct {
    fact *facts;
    size_t n, cap;
    json_t **formulas;
    size_t nformulas, capf;
    json_t *paragraphs;          /* [{"p":ordinal,"text":…}] that structure checks want */
    strmap *idx;
    arena strings;               /* every string a fact points to */
    size_t max_facts;            /* 0: unlimited */
    int over_limit;              /* more facts than max_facts arrived */
} factindex;

int fi_init(factindex *fi, size_t max_facts);
void fi_clear(factindex *fi);    /* forget the document, keep the limits */
void fi_free(factindex *fi);

typedef enum { FI_OK, FI_BAD_VALUE, FI_NOMEM, FI_LIMIT } fi_status;
/* Copies what the checks need from rec (raw is its line). */
fi_status fi_add_fact(factindex *fi, const json_t *rec, const char *raw, size_t len);
/* The fact's locator (a new reference), parsed again from its line. */
json_t *fact_locator(const fact *f);
int fi_add_formula(factindex *fi, json_t *rec);
/* Keeps a paragraph's text and its 0-based ordinal among the document's paragraphs. */
int fi_add_paragraph(factindex *fi, long ordinal, const char *text);

/* The table key of the first table with this canonical name, or NULL. */
const char *fi_table_key(const factindex *fi, const char *name);
idlist fi_table(const factindex *fi, const char *tkey);
idlist fi_row(const factindex *fi, const char *tkey, const char *rowkey);
idlist fi_col(const factindex *fi, const char *tkey, const char *colkey);
/* The first fact at row and column, or NULL. */
const fact *fi_cell(const factindex *fi, const char *tkey, const char *rowkey, const char *colkey);
/* The facts of one kind (meta, table, empty_table, narrative). */
idlist fi_kind(const factindex *fi, const char *kind);
/* Table keys in order of first appearance. */
idlist fi_tables(const factindex *fi);
/* The key of the first table whose facts carry this standard id (FA05…), or NULL. */
const char *fi_std_table(const factindex *fi, const char *tid);

/* The preferred row and column keys of a fact. */
void fi_rowkey(const fact *f, char *out, size_t size);
void fi_colkey(const fact *f, char *out, size_t size);

#endif
