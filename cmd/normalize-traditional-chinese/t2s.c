#include "t2s.h"

#include "u8.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static uint32_t changed_chars(const dict_entry *e);

static void count_changes(dict *d)
{
    for (size_t i = 0; i < d->n; i++)
        d->entries[i].changed = changed_chars(&d->entries[i]);
}

int t2s_init(t2s_table *t, int with_overrides)
{
    memset(t, 0, sizeof *t);
    t->starts = calloc(0x110000, 1);
    if (!t->starts || dict_init(&t->phrases, nt_ts_phrases, nt_ts_phrases_len) ||
        dict_init(&t->chars, nt_ts_chars, nt_ts_chars_len) ||
        dict_init(&t->overrides, nt_overrides, with_overrides ? nt_overrides_len : 0)) {
        t2s_free(t);
        return -1;
    }
    count_changes(&t->overrides);
    count_changes(&t->phrases);
    count_changes(&t->chars);
    dict_mark_starts(&t->overrides, t->starts, T2S_IN_OVERRIDES);
    dict_mark_starts(&t->phrases, t->starts, T2S_IN_PHRASES);
    dict_mark_starts(&t->chars, t->starts, T2S_IN_CHARS);
    return 0;
}

void t2s_free(t2s_table *t)
{
    dict_free(&t->overrides);
    dict_free(&t->phrases);
    dict_free(&t->chars);
    free(t->starts);
    t->starts = NULL;
}

/* Characters that differ between a key and its value, position by
 * position; a value of another length counts every key character. */
static uint32_t changed_chars(const dict_entry *e)
{
    if (e->klen == e->vlen && memcmp(e->key, e->value, e->klen) == 0)
        return 0;
    const unsigned char *k = (const unsigned char *)e->key, *v = (const unsigned char *)e->value;
    size_t ko = 0, vo = 0;
    uint32_t n = 0;
    uint32_t a, b;
    while (ko < e->klen && vo < e->vlen) {
        int kl = utf8_decode(k + ko, e->klen - ko, &a);
        int vl = utf8_decode(v + vo, e->vlen - vo, &b);
        if (!kl || !vl)
            return e->nchars;
        n += a != b;
        ko += (size_t)kl;
        vo += (size_t)vl;
    }
    if (ko < e->klen || vo < e->vlen)
        return e->nchars;
    return n;
}

size_t t2s_convert(const t2s_table *t, const char *in, size_t len, sbuf *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, changed = 0;
    if (sb_reserve(out, len + len / 4 + 16))
        return 0;
    while (i < len) {
        /* ASCII and characters no key starts with are copied in runs */
        size_t run = i, l = 0;
        uint32_t cp = 0;
        unsigned in_dicts = 0;
        while (run < len) {
            if (s[run] < 0x80) {
                run++;
                continue;
            }
            cp = u8_next(s + run, len - run, &l);
            if ((in_dicts = t->starts[cp]) != 0)
                break;
            run += l;
        }
        sb_put(out, in + i, run - i);
        i = run;
        if (i >= len)
            break;
        const dict_entry *e = NULL;
        if (in_dicts & T2S_IN_OVERRIDES)
            e = dict_match(&t->overrides, cp, in + i, len - i);
        if (!e && (in_dicts & T2S_IN_PHRASES))
            e = dict_match(&t->phrases, cp, in + i, len - i);
        if (!e && (in_dicts & T2S_IN_CHARS))
            e = dict_match(&t->chars, cp, in + i, len - i);
        if (e) {
            sb_put(out, e->value, e->vlen);
            changed += e->changed;
            i += e->klen;
        } else {
            sb_put(out, in + i, l);
            i += l;
        }
    }
    return changed;
}
