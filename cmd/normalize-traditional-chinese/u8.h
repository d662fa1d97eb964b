/* Decoding of text already checked by utf8_valid (normalize_text checks
 * every field first): no validation, inlined, for the per-character loops. */
#ifndef NT_U8_H
#define NT_U8_H

#include <stddef.h>
#include <stdint.h>

/* The code point at s (n > 0 bytes left) and its length in *len. */
static inline uint32_t u8_next(const unsigned char *s, size_t n, size_t *len)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c < 0xE0 && n >= 2) {
        *len = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c < 0xF0 && n >= 3) {
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    if (n >= 4) {
        *len = 4;
        return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *len = 1;   /* cannot happen on validated text; never read past the end */
    return 0xFFFD;
}

#endif
