#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t used, size;
    char data[];
};

#define ARENA_BLOCK (256 * 1024)

char *arena_strndup(arena *a, const char *s, size_t len)
{
    arena_block *b = a->used;
    if (!b || b->used + len + 1 > b->size) {
        if (a->spare && a->spare->size >= len + 1) {
            b = a->spare;
            a->spare = b->next;
        } else {
            size_t size = len + 1 > ARENA_BLOCK ? len + 1 : ARENA_BLOCK;
            if (!(b = malloc(sizeof *b + size)))
                return NULL;
            b->size = size;
        }
        b->used = 0;
        b->next = a->used;
        a->used = b;
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = 0;
    b->used += len + 1;
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void arena_clear(arena *a)
{
    while (a->used) {
        arena_block *b = a->used;
        a->used = b->next;
        b->next = a->spare;
        a->spare = b;
    }
}

void arena_free(arena *a)
{
    arena_clear(a);
    while (a->spare) {
        arena_block *b = a->spare;
        a->spare = b->next;
        free(b);
    }
}
