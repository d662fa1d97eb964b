#include "dict.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static int by_first_then_longest(const void *a, const void *b)
{
    const dict_entry *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->klen != y->klen)
        return x->klen > y->klen ? -1 : 1;
    return strcmp(x->key, y->key);
}

static size_t hash_cp(uint32_t cp) { return (size_t)(cp * 2654435761u); }

int dict_init(dict *d, const nt_pair *pairs, size_t n)
{
    memset(d, 0, sizeof *d);
    d->entries = calloc(n ? n : 1, sizeof *d->entries);
    if (!d->entries)
        return -1;
    for (size_t i = 0; i < n; i++) {
        dict_entry *e = &d->entries[d->n];
        e->key = pairs[i].key;
        e->value = pairs[i].value;
        e->klen = (uint32_t)strlen(e->key);
        e->vlen = (uint32_t)strlen(e->value);
        const unsigned char *k = (const unsigned char *)e->key;
        size_t off = 0;
        uint32_t cp;
        while (off < e->klen) {
            int l = utf8_decode(k + off, e->klen - off, &cp);
            if (!l) {
                dict_free(d);
                return -1;
            }
            if (off == 0)
                e->first = cp;
            off += (size_t)l;
            e->nchars++;
        }
        if (e->klen)
            d->n++;
    }
    qsort(d->entries, d->n, sizeof *d->entries, by_first_then_longest);
    /* a later duplicate key would never be reached: OpenCC keeps the first */
    size_t cap = 16;
    while (cap < 2 * d->n)
        cap *= 2;
    d->slots = calloc(cap, sizeof *d->slots);
    if (!d->slots) {
        dict_free(d);
        return -1;
    }
    d->mask = cap - 1;
    for (size_t i = 0; i < d->n; i++) {
        if (i > 0 && d->entries[i - 1].first == d->entries[i].first)
            continue;
        size_t h = hash_cp(d->entries[i].first) & d->mask;
        while (d->slots[h])
            h = (h + 1) & d->mask;
        d->slots[h] = (uint32_t)i + 1;
    }
    return 0;
}

void dict_free(dict *d)
{
    free(d->entries);
    free(d->slots);
    memset(d, 0, sizeof *d);
}

const dict_entry *dict_match(const dict *d, uint32_t cp, const char *s, size_t len)
{
    if (!d->slots)
        return NULL;
    size_t h = hash_cp(cp) & d->mask;
    uint32_t idx;
    while ((idx = d->slots[h]) != 0) {
        const dict_entry *e = &d->entries[idx - 1];
        if (e->first == cp) {
            for (size_t i = idx - 1; i < d->n && d->entries[i].first == cp; i++) {
                e = &d->entries[i];
                /* a one-character key is its first code point: no compare */
                if (e->nchars == 1 || (e->klen <= len && memcmp(e->key, s, e->klen) == 0))
                    return e;
            }
            return NULL;
        }
        h = (h + 1) & d->mask;
    }
    return NULL;
}

void dict_mark_starts(const dict *d, uint8_t *flags, uint8_t flag)
{
    for (size_t i = 0; i < d->n; i++)
        flags[d->entries[i].first] |= flag;
}
