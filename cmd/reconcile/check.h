/* Running one check: compare, count, and write the finding a person can act
 * on (rule, severity, message in Chinese, expected/actual/difference, the
 * identity, and the locator of every fact involved). */
#ifndef RC_CHECK_H
#define RC_CHECK_H

#include "docstream.h"
#include "factindex.h"
#include "rules.h"
#include "tolerance.h"

typedef struct {
    long ran, passed, failed, not_run;
} tally;

typedef struct {
    ds_stream *s;
    const factindex *fi;
    const char *prog;
    const char *doc, *source, *entity, *year, *stage;
    int explain;              /* every check with its operands on stderr */
    tally by[FAM_COUNT];
    long severity[4];         /* findings by verdict (pass unused) */
    int write_error;
} checker;

typedef struct {
    const fact *f;
    int sign;
} term;

/* parent = Σ sign×terms, with the envelope of domain.md §4.4. A nil parent
 * with all-nil terms holds. Returns the verdict (V_PASS when not run). */
verdict chk_sum(checker *c, const char *rule, const fact *parent, const term *t, int n, const char *identity);
/* a = b, the same quantity printed twice (1 unit apart → warning). */
verdict chk_same(checker *c, const char *rule, const fact *a, const fact *b, const char *identity);
/* a ≥ b: a total including every source against its 财政拨款 part. */
verdict chk_ge(checker *c, const char *rule, const fact *a, const fact *b, const char *identity);
/* A check whose facts are missing. */
void chk_not_run(checker *c, const char *rule, const char *why);
/* A check that ran with this verdict; writes a finding unless it passed.
 * Expected/actual/difference may be NULL. */
void chk_report(checker *c, const char *rule, verdict v, const char *message,
                const decimal *expected, const decimal *actual, const decimal *diff,
                const char *identity, const fact *const *facts, int nfacts);

/* 公开05表 合计「小计」, the way a reader finds a figure. */
void fact_label(const fact *f, char *out, size_t size);
/* The printed figure alone ("442.86"), "空" for a nil; a static buffer
 * per call site is not needed: it points into the fact's record. */
const char *rec_value_text(const fact *f);
/* The figure as printed, 万元 when the fact is in 万元. */
void fact_amount(const fact *f, char *out, size_t size);

#endif
