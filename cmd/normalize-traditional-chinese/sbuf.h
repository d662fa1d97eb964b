/* A growable byte buffer for building rewritten text. A failed allocation
 * sets `failed` and makes later appends no-ops, so callers check once. */
#ifndef NT_SBUF_H
#define NT_SBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *data;
    size_t len, cap;
    int failed;
} sbuf;

#include <string.h>

void sb_free(sbuf *b);
static inline void sb_clear(sbuf *b) { b->len = 0; b->failed = 0; }
/* Grows the buffer; the slow path of sb_reserve. */
int sb_grow(sbuf *b, size_t extra);
/* Room for extra more bytes and a terminating NUL. 0, or -1 (failed). */
static inline int sb_reserve(sbuf *b, size_t extra)
{
    if (!b->failed && b->cap - b->len > extra)
        return 0;
    return sb_grow(b, extra);
}

static inline void sb_put(sbuf *b, const char *p, size_t n)
{
    if (n == 0 || sb_reserve(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void sb_putc(sbuf *b, char c) { sb_put(b, &c, 1); }

/* Appends cp as UTF-8 (cp must be a valid scalar value). */
static inline void sb_put_cp(sbuf *b, uint32_t cp)
{
    if (sb_reserve(b, 4))
        return;
    unsigned char *o = (unsigned char *)b->data + b->len;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        b->len += 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        b->len += 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        b->len += 3;
    } else {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        b->len += 4;
    }
    b->data[b->len] = '\0';
}
/* Swaps two buffers: the output of one pass becomes the input of the next. */
void sb_swap(sbuf *a, sbuf *b);

#endif
