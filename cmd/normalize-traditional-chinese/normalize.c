#include "normalize.h"

#include "fold.h"
#include "markup.h"
#include "mojibake.h"
#include "sbuf.h"
#include "spam.h"
#include "t2s.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

struct nt_ctx {
    nt_options opt;
    t2s_table t2s;
    fold_table fold;
    spam_model spam;
    repairer *repair;
    sbuf a, b;           /* the passes write into one and read the other */
};

nt_ctx *nt_new(const nt_options *opt)
{
    nt_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->opt = *opt;
    if (!c->opt.max_text)
        c->opt.max_text = NT_DEFAULT_MAX_TEXT;
    if (t2s_init(&c->t2s, opt->overrides) || fold_init(&c->fold) || spam_init(&c->spam) ||
        !(c->repair = repairer_new(&c->t2s))) {
        nt_free(c);
        return NULL;
    }
    return c;
}

void nt_free(nt_ctx *c)
{
    if (!c)
        return;
    t2s_free(&c->t2s);
    fold_free(&c->fold);
    spam_free(&c->spam);
    repairer_free(c->repair);
    sb_free(&c->a);
    sb_free(&c->b);
    free(c);
}

int normalize_text(nt_ctx *c, const char *in, size_t len, int cell, nt_result *res)
{
    memset(res, 0, sizeof *res);
    res->text = in;
    res->len = len;
    if (len > c->opt.max_text)
        return NT_TOO_LONG;
    /* OpenCC 1.1.6 throws on a bad lead byte and reads past a truncated
     * sequence; jansson strings may hold NUL: nothing unchecked goes on */
    if (!utf8_valid(in, len, &res->bad_at))
        return NT_INVALID;
    const char *nul = memchr(in, '\0', len);
    if (nul) {
        res->bad_at = (size_t)(nul - in);
        return NT_INVALID;
    }
    const char *cur = in;
    size_t curlen = len;
    sbuf *out = &c->a, *spare = &c->b;
    unsigned steps = c->opt.steps;
#define PASS(expr, counter)                                     \
    do {                                                        \
        sb_clear(out);                                          \
        size_t n_ = (expr);                                     \
        if (n_ == (size_t)-1 || out->failed)                    \
            return NT_NOMEM;                                    \
        counter += n_;                                          \
        cur = out->data ? out->data : "";                       \
        curlen = out->len;                                      \
        sb_swap(out, spare);                                    \
    } while (0)
    if (steps & NT_STEP_REPAIR)
        PASS(repair_text(c->repair, cur, curlen, c->opt.max_repairs, out, &res->garbled, &res->ngarbled),
             res->repaired);
    if (steps & NT_STEP_CLEAN) {
        if (markup_possible(cur, curlen))
            PASS(strip_markup(cur, curlen, out), res->folded);
        if (fold_needed(cur, curlen, cell))
            PASS(fold_text(&c->fold, cur, curlen, cell, out), res->folded);
    }
    if (steps & NT_STEP_T2S)
        PASS(t2s_convert(&c->t2s, cur, curlen, out), res->t2s);
#undef PASS
    if (steps & NT_STEP_SPAM)
        res->spam = spam_check(&c->spam, cur, curlen);
    res->text = cur;
    res->len = curlen;
    return NT_OK;
}
