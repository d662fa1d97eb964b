/* Reading one zip entry into memory without trusting its headers. */
#ifndef EXTRACT_ZIPUTIL_H
#define EXTRACT_ZIPUTIL_H

#include <stddef.h>
#include <zip.h>

typedef enum {
    ZR_OK = 0,
    ZR_NOMEM,
    ZR_CORRUPT,     /* cannot stat, open or read (CRC, bad data) */
    ZR_ENCRYPTED,
    ZR_TOO_BIG,     /* declared or actual size over the cap */
    ZR_RATIO,       /* compression ratio over the cap */
    ZR_LYING        /* inflates beyond its declared size */
} zr_status;

/* Reads entry i: never more than min(declared size, cap) + 1 bytes. ratio
 * applies to entries over 1 MiB. *out is malloc'd (NUL-terminated, so XML
 * and text parsers may treat it as a string). msg says what went wrong. */
zr_status zip_read_capped(zip_t *za, zip_uint64_t i, size_t cap, long ratio,
                          unsigned char **out, size_t *outlen, char *msg, size_t msglen);

/* The error code of an error record for a status. */
const char *zr_code(zr_status s);

#endif
