#include "bigram.h"

#include "tables.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Characters the model never saw: about the size of the CJK repertoire a
 * report can use, so that an unseen character is rare but possible. */
#define UNSEEN_CHARS 30000.0
#define BACKOFF 2.0

static size_t hash64(uint64_t k) { return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 17); }

static void put(bigram_model *m, uint64_t key, uint32_t count)
{
    size_t h = hash64(key) & m->mask;
    while (m->keys[h] && m->keys[h] != key)
        h = (h + 1) & m->mask;
    m->keys[h] = key;
    m->counts[h] = count;
}

static uint32_t get(const bigram_model *m, uint64_t key)
{
    size_t h = hash64(key) & m->mask;
    while (m->keys[h]) {
        if (m->keys[h] == key)
            return m->counts[h];
        h = (h + 1) & m->mask;
    }
    return 0;
}

int bigram_init(bigram_model *m)
{
    memset(m, 0, sizeof *m);
    size_t cap = 16;
    while (cap < 2 * nt_bigrams_len)
        cap *= 2;
    m->keys = calloc(cap, sizeof *m->keys);
    m->counts = calloc(cap, sizeof *m->counts);
    if (!m->keys || !m->counts) {
        bigram_free(m);
        return -1;
    }
    m->mask = cap - 1;
    for (size_t i = 0; i < nt_bigrams_len; i++) {
        const unsigned char *k = (const unsigned char *)nt_bigrams[i].key;
        size_t n = strlen(nt_bigrams[i].key);
        uint32_t a, b;
        int la = utf8_decode(k, n, &a);
        if (!la)
            continue;
        uint32_t count = (uint32_t)strtoul(nt_bigrams[i].value, NULL, 10);
        if ((size_t)la == n) {
            put(m, (uint64_t)a + 1, count);
            m->total += count;
        } else {
            int lb = utf8_decode(k + la, n - (size_t)la, &b);
            if (lb && (size_t)(la + lb) == n)
                put(m, ((uint64_t)a << 21 | b) + 1, count);
        }
    }
    return 0;
}

void bigram_free(bigram_model *m)
{
    free(m->keys);
    free(m->counts);
    memset(m, 0, sizeof *m);
}

uint32_t bigram_count1(const bigram_model *m, uint32_t a) { return get(m, (uint64_t)a + 1); }

double bigram_logp(const bigram_model *m, uint32_t a, uint32_t b)
{
    double pb = (bigram_count1(m, b) + 0.5) / (m->total + 0.5 * UNSEEN_CHARS);
    double cab = get(m, ((uint64_t)a << 21 | b) + 1);
    double ca = bigram_count1(m, a);
    return log((cab + BACKOFF * pb) / (ca + BACKOFF));
}

double bigram_score(const bigram_model *m, const uint32_t *cps, size_t n)
{
    double s = 0;
    for (size_t i = 0; i + 1 < n; i++)
        s += bigram_logp(m, cps[i], cps[i + 1]);
    return s;
}
