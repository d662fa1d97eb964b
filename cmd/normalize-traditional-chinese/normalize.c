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
    sbuf again;          /* input of a second round */
    nt_garbled *garbled; /* the spans of every round, when there are rounds */
    size_t (*garbled_at)[2];
    size_t ngarbled, capgarbled;
    sbuf garbled_str;
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
    sb_free(&c->again);
    sb_free(&c->garbled_str);
    free(c->garbled);
    free(c->garbled_at);
    free(c);
}

static int normalize_once(nt_ctx *c, const char *in, size_t len, int cell, nt_result *res);

/* A '?' the repair left can become repairable once the clean-up has run
 * around it; then the whole text goes round again (at most four more times),
 * so that twice gives what once gave. Cheap: most texts hold no '?'. */
static int repairable_left(nt_ctx *c, const nt_result *res)
{
    /* a text cut short by --max-repairs is not gone round again: the
     * limit is per text field */
    if (!(c->opt.steps & NT_STEP_REPAIR) || repair_limited(c->repair) || !memchr(res->text, '?', res->len))
        return 0;
    return repair_would_change(c->repair, res->text, res->len, c->opt.max_repairs);
}

/* Keeps the garbled spans of a round in c, where the next round's repair
 * cannot overwrite them. */
static int keep_garbled(nt_ctx *c, const nt_garbled *g, size_t n, int exact)
{
    if (c->ngarbled + n > c->capgarbled) {
        size_t cap = (c->ngarbled + n) * 2;
        nt_garbled *p = realloc(c->garbled, cap * sizeof *p);
        size_t (*o)[2] = realloc(c->garbled_at, cap * sizeof *o);
        if (p)
            c->garbled = p;
        if (o)
            c->garbled_at = o;
        if (!p || !o)
            return -1;
        c->capgarbled = cap;
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = c->ngarbled++;
        c->garbled[k] = g[i];
        if (!exact)   /* found in a later round: offsets in another text */
            c->garbled[k].at = c->garbled[k].len = 0, c->garbled[k].at_known = 0;
        c->garbled_at[k][0] = c->garbled_str.len;
        sb_put(&c->garbled_str, g[i].original, strlen(g[i].original) + 1);
        c->garbled_at[k][1] = g[i].guess ? c->garbled_str.len : (size_t)-1;
        if (g[i].guess)
            sb_put(&c->garbled_str, g[i].guess, strlen(g[i].guess) + 1);
    }
    return c->garbled_str.failed ? -1 : 0;
}

int normalize_text(nt_ctx *c, const char *in, size_t len, int cell, nt_result *res)
{
    int rc = normalize_once(c, in, len, cell, res);
    if (rc == NT_OK && (c->opt.steps & NT_STEP_REPAIR))
        res->limited = repair_limited(c->repair);
    if (rc != NT_OK || !repairable_left(c, res))
        return rc;
    c->ngarbled = 0;
    sb_clear(&c->garbled_str);
    size_t t2s = 0, folded = 0, repaired = 0;
    int spam = 0;
    for (int round = 0; rc == NT_OK && round < 4; round++) {
        t2s += res->t2s;
        folded += res->folded;
        repaired += res->repaired;
        if (keep_garbled(c, res->garbled, res->ngarbled, round == 0))
            return NT_NOMEM;
        /* the result lives in c's buffers: copy it before going round */
        sb_clear(&c->again);
        sb_put(&c->again, res->text, res->len);
        if (c->again.failed)
            return NT_NOMEM;
        rc = normalize_once(c, c->again.data, c->again.len, cell, res);
        spam |= res->spam;
        if (rc == NT_OK)
            res->limited = repair_limited(c->repair);
        if (rc != NT_OK || !repairable_left(c, res))
            break;
    }
    if (rc != NT_OK)
        return rc;
    if (keep_garbled(c, res->garbled, res->ngarbled, 0))
        return NT_NOMEM;
    for (size_t k = 0; k < c->ngarbled; k++) {
        c->garbled[k].original = c->garbled_str.data + c->garbled_at[k][0];
        c->garbled[k].guess = c->garbled_at[k][1] == (size_t)-1 ? NULL : c->garbled_str.data + c->garbled_at[k][1];
    }
    res->garbled = c->ngarbled ? c->garbled : NULL;
    res->ngarbled = c->ngarbled;
    res->t2s += t2s;
    res->folded += folded;
    res->repaired += repaired;
    res->spam |= spam;
    return NT_OK;
}

static int normalize_once(nt_ctx *c, const char *in, size_t len, int cell, nt_result *res)
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
        /* Removing markup can make new markup of what was around it
         * (&lt;/span>1), and folding can too (＜Ａ＞): both again until
         * nothing changes, so that twice gives what once gave. */
        for (int round = 0; round < 4; round++) {
            size_t before = res->folded;
            int removed = 1;
            for (int m = 0; m < 8 && removed && markup_possible(cur, curlen); m++)
                PASS(strip_markup(cur, curlen, out, &removed), res->folded);
            if (round > 0 && res->folded == before)
                break;
            c->fold.made_markup = 0;
            if (fold_needed(cur, curlen, cell))
                PASS(fold_text(&c->fold, cur, curlen, cell, out), res->folded);
            if (!c->fold.made_markup)
                break;
        }
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
