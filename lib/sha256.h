#ifndef YJS_SHA256_H
#define YJS_SHA256_H
#include <stddef.h>

/* Lowercase hex sha256 of the bytes (the document id). 0, or -1 on failure. */
int sha256_hex(const void *data, size_t len, char out[65]);

#endif
