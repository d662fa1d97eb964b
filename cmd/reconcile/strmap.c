#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Entries live in an arena of large blocks, reset between documents: a
 * document's index is thousands of small keys, and one malloc each was the
 * stage's main cost. Most keys hold one or two ids, kept inline. */
typedef struct entry {
    struct entry *next;
    struct entry *next_heap;   /* entries whose ids moved to the heap */
    uint64_t hash;
    int *ids;
    size_t n, cap;
    int inline_ids[2];
    char key[];
} entry;

typedef struct block {
    struct block *next;
    size_t used, size;
    max_align_t data[];
} block;

struct strmap {
    entry **buckets;
    size_t nbuckets, count;
    block *blocks;             /* in use, newest first */
    block *spare;              /* emptied by strmap_clear, kept for reuse */
    entry *heap;
};

#define BLOCK_BYTES (64 * 1024)

static uint64_t fnv1a(const char *s, size_t *len)
{
    uint64_t h = 1469598103934665603ULL;
    const char *p = s;
    for (; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ULL;
    }
    *len = (size_t)(p - s);
    return h;
}

static void *arena_alloc(strmap *m, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    block *b = m->blocks;
    if (!b || b->used + n > b->size) {
        if (m->spare && m->spare->size >= n) {
            b = m->spare;
            m->spare = b->next;
        } else {
            size_t size = n > BLOCK_BYTES ? n : BLOCK_BYTES;
            b = malloc(sizeof *b + size);
            if (!b)
                return NULL;
            b->size = size;
        }
        b->used = 0;
        b->next = m->blocks;
        m->blocks = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

strmap *strmap_new(void)
{
    strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->nbuckets = 1024;
    m->buckets = calloc(m->nbuckets, sizeof *m->buckets);
    if (!m->buckets) {
        free(m);
        return NULL;
    }
    return m;
}

void strmap_clear(strmap *m)
{
    for (entry *e = m->heap; e; e = e->next_heap)
        free(e->ids);
    m->heap = NULL;
    /* the blocks are kept for the next document (freeing and taking back
     * megabytes per document cost more than the checks) */
    while (m->blocks) {
        block *b = m->blocks;
        m->blocks = b->next;
        b->next = m->spare;
        m->spare = b;
    }
    memset(m->buckets, 0, m->nbuckets * sizeof *m->buckets);
    m->count = 0;
}

void strmap_free(strmap *m)
{
    if (!m)
        return;
    strmap_clear(m);
    while (m->spare) {
        block *b = m->spare;
        m->spare = b->next;
        free(b);
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
    size_t len;
    uint64_t h = fnv1a(key, &len);
    entry *e = find(m, key, h);
    if (!e) {
        if (m->count >= m->nbuckets && grow(m))
            return -1;
        e = arena_alloc(m, sizeof *e + len + 1);
        if (!e)
            return -1;
        memcpy(e->key, key, len + 1);
        e->hash = h;
        e->ids = e->inline_ids;
        e->n = 0;
        e->cap = 2;
        e->next_heap = NULL;
        e->next = m->buckets[h & (m->nbuckets - 1)];
        m->buckets[h & (m->nbuckets - 1)] = e;
        m->count++;
    }
    if (e->n == e->cap) {
        size_t cap = e->cap * 2;
        int *ids;
        if (e->ids == e->inline_ids) {
            ids = malloc(cap * sizeof *ids);
            if (!ids)
                return -1;
            memcpy(ids, e->inline_ids, sizeof e->inline_ids);
            e->next_heap = m->heap;
            m->heap = e;
        } else if (!(ids = realloc(e->ids, cap * sizeof *ids))) {
            return -1;
        }
        e->ids = ids;
        e->cap = cap;
    }
    e->ids[e->n++] = id;
    return 0;
}

idlist strmap_get(const strmap *m, const char *key)
{
    idlist l = {NULL, 0};
    size_t len;
    const entry *e = find(m, key, fnv1a(key, &len));
    if (e) {
        l.ids = e->ids;
        l.n = e->n;
    }
    return l;
}

size_t strmap_count(const strmap *m) { return m->count; }
