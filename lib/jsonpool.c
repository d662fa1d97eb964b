#include "jsonpool.h"

#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define JPOOL_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JPOOL_OFF 1
#endif
#endif

#ifndef JPOOL_OFF
/* Every block carries a header of one alignment unit holding its size
 * class; blocks above the largest class go to malloc directly. */
#define HDR sizeof(max_align_t)
#define STEP 16
#define NCLASS 16  /* payloads up to NCLASS * STEP - HDR bytes: a hashtable of 8 buckets */
#define BIG 0xFF

typedef union block {
    union block *next;
    max_align_t align;
} block;

static block *free_list[NCLASS];

static void *pool_malloc(size_t n)
{
    size_t need = n + HDR;
    size_t c = (need + STEP - 1) / STEP - 1;
    unsigned char *p;
    if (c >= NCLASS || need < n) {
        p = malloc(need < n ? (size_t)-1 : need);
        if (!p)
            return NULL;
        p[0] = BIG;
        return p + HDR;
    }
    block *b = free_list[c];
    if (b)
        free_list[c] = b->next;
    else if (!(b = malloc((c + 1) * STEP)))
        return NULL;
    p = (unsigned char *)b;
    p[0] = (unsigned char)c;
    return p + HDR;
}

static void pool_free(void *q)
{
    if (!q)
        return;
    unsigned char *p = (unsigned char *)q - HDR;
    if (p[0] == BIG) {
        free(p);
        return;
    }
    block *b = (block *)p;
    size_t c = p[0];
    b->next = free_list[c];
    free_list[c] = b;
}
#endif

void jpool_install(void)
{
#ifndef JPOOL_OFF
    json_set_alloc_funcs(pool_malloc, pool_free);
#endif
}

void jpool_release(void)
{
#ifndef JPOOL_OFF
    for (size_t c = 0; c < NCLASS; c++)
        while (free_list[c]) {
            block *b = free_list[c];
            free_list[c] = b->next;
            free(b);
        }
#endif
}
