/* A read-only string-to-string dictionary with longest-prefix matching,
 * built once per process from a compiled-in table (tables.h). Keys are
 * grouped by their first code point in an open-addressing hash, longest
 * key first, so a lookup is one hash probe and a few memcmp. */
#ifndef NT_DICT_H
#define NT_DICT_H

#include "tables.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *key, *value;
    uint32_t klen, vlen;
    uint32_t nchars;     /* code points in key */
    uint32_t first;      /* first code point of key */
    uint32_t changed;    /* for the user: e.g. characters the value changes */
} dict_entry;

typedef struct {
    dict_entry *entries;     /* sorted by first code point, then longest key */
    size_t n;
    uint32_t *slots;         /* hash of first code point -> index+1 of its first entry */
    size_t mask;
} dict;

/* 0, or -1 when out of memory or a key is not valid UTF-8. */
int dict_init(dict *d, const nt_pair *pairs, size_t n);
void dict_free(dict *d);

/* The longest entry whose key is a prefix of s[0..len), cp being the code
 * point at s; NULL when none. */
const dict_entry *dict_match(const dict *d, uint32_t cp, const char *s, size_t len);

/* ORs flag into flags[cp] (0x110000 bytes) for the first code point of
 * every key of d. */
void dict_mark_starts(const dict *d, uint8_t *flags, uint8_t flag);

#endif
