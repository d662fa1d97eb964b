/* A string-keyed multimap of fact numbers: the index that keeps every
 * lookup of reconcile constant-time, so a document's checks stay linear in
 * its facts. Keys are copied; values are small ints in insertion order. */
#ifndef RC_STRMAP_H
#define RC_STRMAP_H

#include <stddef.h>

typedef struct strmap strmap;

typedef struct {
    const int *ids;
    size_t n;
} idlist;

strmap *strmap_new(void);
void strmap_free(strmap *m);
/* Forgets every key, keeping the memory for the next document. */
void strmap_clear(strmap *m);
/* Returns 0, or -1 when memory ran out. */
int strmap_add(strmap *m, const char *key, int id);
/* The ids stored under key, in insertion order (n 0 when absent). */
idlist strmap_get(const strmap *m, const char *key);
size_t strmap_count(const strmap *m);

#endif
