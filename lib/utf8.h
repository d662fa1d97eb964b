/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
 * OpenCC and jansson misbehave on anything less (see docs/records.md). */
#ifndef YJS_UTF8_H
#define YJS_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (n bytes left). Returns its length (1-4), or
 * 0 when the sequence is invalid or truncated. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length, 0 if invalid. */
int utf8_encode(uint32_t cp, char *out);
/* 1 when the whole buffer is valid; else 0 and *bad_at the offending offset. */
int utf8_valid(const char *s, size_t n, size_t *bad_at);

#endif
