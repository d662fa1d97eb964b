/* normalize_text: one text field in, Simplified clean text out. The
 * buffer-level entry point of normalize-traditional-chinese, kept apart
 * from main() so that a fuzz harness can call it. */
#ifndef NT_NORMALIZE_H
#define NT_NORMALIZE_H

#include <stddef.h>

enum {
    NT_STEP_T2S = 1,      /* Traditional -> Simplified */
    NT_STEP_CLEAN = 2,    /* markup, fold table, spaces, '?' runs, punctuation */
    NT_STEP_REPAIR = 4,   /* mis-decoded (GBK-shifted) spans */
    NT_STEP_SPAM = 8,     /* mark injected spam */
    NT_STEP_ALL = 15
};

typedef struct {
    unsigned steps;       /* NT_STEP_* */
    int overrides;        /* apply data/normalize/overrides.tsv over t2s */
    size_t max_text;      /* longest text field rewritten, in bytes */
    size_t max_repairs;   /* garbled spans tried per text field */
} nt_options;

#define NT_DEFAULT_MAX_TEXT ((size_t)1 << 20)
#define NT_DEFAULT_MAX_REPAIRS 16

/* A span found garbled: where it was in the input, and what the text now
 * holds instead (NULL guess: no repair found, the span is left as it was). */
typedef struct {
    size_t at, len;           /* byte offset and length in the input text */
    int at_known;             /* 0: found after an earlier repair or clean-up
                               * moved the text; at and len are then 0 */
    const char *original;     /* the garbled span as it was */
    const char *guess;        /* best reading, Simplified; NULL if none */
    int confident;            /* 1: the text holds the guess as certain */
} nt_garbled;

typedef struct {
    const char *text;         /* the result; valid until the next call */
    size_t len;
    size_t t2s, folded, repaired;
    int spam;
    const nt_garbled *garbled;
    size_t ngarbled;
    size_t bad_at;            /* NT_INVALID: offset of the first bad byte */
    int limited;              /* --max-repairs stopped the repair: spans may be
                               * left that a second run would repair */
} nt_result;

enum { NT_OK = 0, NT_INVALID = -1, NT_TOO_LONG = -2, NT_NOMEM = -3 };

typedef struct nt_ctx nt_ctx;

/* Builds the tables once per process; NULL when out of memory. */
nt_ctx *nt_new(const nt_options *opt);
void nt_free(nt_ctx *ctx);

/* cell: the text is a table cell (see fold.h). Returns NT_OK (res filled;
 * res->text == in's content when nothing changed), NT_INVALID (not strict
 * UTF-8, or a NUL byte), NT_TOO_LONG or NT_NOMEM. */
int normalize_text(nt_ctx *ctx, const char *in, size_t len, int cell, nt_result *res);

#endif
