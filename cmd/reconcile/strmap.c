#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    struct entry *next;
    uint64_t hash;
    int *ids;
    size_t n, cap;
    char key[];
} entry;

struct strmap {
    entry **buckets;
    size_t nbuckets, count;
};

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

strmap *strmap_new(void)
{
    strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->nbuckets = 256;
    m->buckets = calloc(m->nbuckets, sizeof *m->buckets);
    if (!m->buckets) {
        free(m);
        return NULL;
    }
    return m;
}

void strmap_free(strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->nbuckets; i++) {
        entry *e = m->buckets[i];
        while (e) {
            entry *next = e->next;
            free(e->ids);
            free(e);
            e = next;
        }
    }
    free(m->buckets);
    free(m);
}

static entry *find(const strmap *m, const char *key, uint64_t h)
{
    for (entry *e = m->buckets[h & (m->nbuckets - 1)]; e; e = e->next)
        if (e->hash == h && strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static int grow(strmap *m)
{
    size_t nb = m->nbuckets * 2;
    entry **b = calloc(nb, sizeof *b);
    if (!b)
        return -1;
    for (size_t i = 0; i < m->nbuckets; i++) {
        entry *e = m->buckets[i];
        while (e) {
            entry *next = e->next;
            e->next = b[e->hash & (nb - 1)];
            b[e->hash & (nb - 1)] = e;
            e = next;
        }
    }
    free(m->buckets);
    m->buckets = b;
    m->nbuckets = nb;
    return 0;
}

int strmap_add(strmap *m, const char *key, int id)
{
    uint64_t h = fnv1a(key);
    entry *e = find(m, key, h);
    if (!e) {
        if (m->count >= m->nbuckets && grow(m))
            return -1;
        size_t len = strlen(key);
        e = calloc(1, sizeof *e + len + 1);
        if (!e)
            return -1;
        memcpy(e->key, key, len + 1);
        e->hash = h;
        e->next = m->buckets[h & (m->nbuckets - 1)];
        m->buckets[h & (m->nbuckets - 1)] = e;
        m->count++;
    }
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 2;
        int *ids = realloc(e->ids, cap * sizeof *ids);
        if (!ids)
            return -1;
        e->ids = ids;
        e->cap = cap;
    }
    e->ids[e->n++] = id;
    return 0;
}

idlist strmap_get(const strmap *m, const char *key)
{
    idlist l = {NULL, 0};
    const entry *e = find(m, key, fnv1a(key));
    if (e) {
        l.ids = e->ids;
        l.n = e->n;
    }
    return l;
}

size_t strmap_count(const strmap *m) { return m->count; }
