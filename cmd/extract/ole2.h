/* OLE2 compound files (MS-CFB), the container of legacy .doc and .xls:
 * the streams of the root storage, found by name and read whole. Every
 * sector chain is walked at most once per sector (a loop in a damaged FAT
 * ends the walk), and nothing is read beyond the file. */
#ifndef YJS_OLE2_H
#define YJS_OLE2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const unsigned char *d;
    size_t len;
    size_t ssz;           /* sector size */
    uint32_t nsect;       /* sectors present in the file */
    uint32_t dir_first;   /* first sector of the directory */
    uint32_t mini_cutoff; /* streams smaller than this live in the mini stream */
} ole2;

/* Little-endian integers, as every structure of the legacy formats stores
 * them. */
static inline uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

static inline uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* false when data is not a compound file this reader understands */
bool ole2_open(ole2 *o, const unsigned char *data, size_t len);

/* Whether the root storage holds a stream called name (ASCII). */
bool ole2_has(const ole2 *o, const char *name);

/* The stream called name, malloc'd into *out (*outlen bytes; a stream of
 * 0 bytes is a 1-byte buffer). 0 ok, -1 no such stream, -2 damaged (a
 * chain that ends early or loops), -3 out of memory or over max bytes. */
int ole2_read(const ole2 *o, const char *name, size_t max, unsigned char **out, size_t *outlen);

#endif
