/* Strings of one document, copied into large blocks and dropped all at
 * once: keeping every fact's parsed JSON alive until the document's end
 * cost more in malloc than the checks themselves. */
#ifndef RC_ARENA_H
#define RC_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct {
    arena_block *used, *spare;
} arena;

/* A copy of s (len bytes, then a NUL) in the arena; NULL when memory ran out. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);   /* NULL stays NULL */
/* Forgets everything, keeping the blocks for the next document. */
void arena_clear(arena *a);
void arena_free(arena *a);

#endif
