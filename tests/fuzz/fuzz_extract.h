/* What the extract harnesses share: a document read by one reader (or by
 * ex_buffer, sniffing and archives included) into a memory stream, which
 * must come out a whole record stream whatever the bytes. Limits are the
 * defaults scaled down so that a bomb the fuzzer builds stays quick. */
#ifndef FUZZ_EXTRACT_H
#define FUZZ_EXTRACT_H

#include "extract.h"
#include "fuzz_stream.h"

#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

typedef int (*fz_reader)(const unsigned char *, size_t, emitter *);

/* Legacy .doc/.xls are converted by LibreOffice or catdoc: with no PATH no
 * converter is found, and no process is started per input. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("PATH", "/nonexistent", 1);
    return 0;
}

/* reader NULL: ex_buffer, which sniffs the bytes and walks archives. */
static inline void fz_extract(fz_reader reader, const char *format, const unsigned char *data,
                              size_t size)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    FZ_CHECK(out);
    ex_limits lim = ex_limits_default();
    lim.max_file_bytes = 8 * EX_MIB;
    lim.max_member_bytes = 8 * EX_MIB;
    lim.max_archive_bytes = 32 * EX_MIB;
    lim.max_pages = 50;
    emitter em;
    em_init(&em, out, "fuzz", &lim);
    int rc;
    if (!reader) {
        rc = ex_buffer(&em, "fuzz", data, size, 0);
    } else {
        rc = em_begin(&em, "fuzz", format, data, size);
        if (rc == EM_OK) {
            rc = reader(data, size, &em);
            if (rc != EM_ABORT)
                rc = em_end(&em);
        }
    }
    FZ_CHECK(rc != EM_ABORT);  /* a memory stream cannot fail to write */
    FZ_CHECK(fclose(out) == 0);
    fz_check_stream(buf, len);
    free(buf);
    em_free(&em);
}

/* A stored (uncompressed) zip of the given parts, written by hand so that
 * the fuzzer's bytes reach the XML readers instead of failing a CRC. */
typedef struct {
    const char *name;
    const unsigned char *data;
    size_t len;
} fz_part;

static inline void put16(unsigned char **p, unsigned v) { (*p)[0] = v & 255; (*p)[1] = (v >> 8) & 255; *p += 2; }
static inline void put32(unsigned char **p, uint32_t v) { put16(p, v & 0xffff); put16(p, v >> 16); }

static inline unsigned char *fz_zip(const fz_part *parts, int n, size_t *outlen)
{
    size_t cap = 22;
    for (int i = 0; i < n; i++)
        cap += 30 + 46 + 2 * strlen(parts[i].name) + parts[i].len;
    unsigned char *buf = malloc(cap), *p = buf;
    FZ_CHECK(buf);
    uint32_t *offset = calloc((size_t)n + 1, sizeof *offset), *crc = calloc((size_t)n + 1, sizeof *crc);
    FZ_CHECK(offset && crc);
    for (int i = 0; i < n; i++) {
        size_t nl = strlen(parts[i].name);
        offset[i] = (uint32_t)(p - buf);
        crc[i] = (uint32_t)crc32(0, parts[i].data, (uInt)parts[i].len);
        put32(&p, 0x04034b50); put16(&p, 20); put16(&p, 0x800); put16(&p, 0);
        put16(&p, 0); put16(&p, 0x21); put32(&p, crc[i]);
        put32(&p, (uint32_t)parts[i].len); put32(&p, (uint32_t)parts[i].len);
        put16(&p, (unsigned)nl); put16(&p, 0);
        memcpy(p, parts[i].name, nl); p += nl;
        if (parts[i].len)
            memcpy(p, parts[i].data, parts[i].len);
        p += parts[i].len;
    }
    unsigned char *cd = p;
    for (int i = 0; i < n; i++) {
        size_t nl = strlen(parts[i].name);
        put32(&p, 0x02014b50); put16(&p, 20); put16(&p, 20); put16(&p, 0x800); put16(&p, 0);
        put16(&p, 0); put16(&p, 0x21); put32(&p, crc[i]);
        put32(&p, (uint32_t)parts[i].len); put32(&p, (uint32_t)parts[i].len);
        put16(&p, (unsigned)nl); put16(&p, 0); put16(&p, 0); put16(&p, 0); put16(&p, 0);
        put32(&p, 0); put32(&p, offset[i]);
        memcpy(p, parts[i].name, nl); p += nl;
    }
    size_t cdlen = (size_t)(p - cd);
    put32(&p, 0x06054b50); put16(&p, 0); put16(&p, 0); put16(&p, (unsigned)n); put16(&p, (unsigned)n);
    put32(&p, (uint32_t)cdlen); put32(&p, (uint32_t)(cd - buf)); put16(&p, 0);
    free(offset);
    free(crc);
    *outlen = (size_t)(p - buf);
    return buf;
}

/* Splits the input at "@@@@" into at most max parts; returns how many. */
static inline int fz_split(const unsigned char *data, size_t size, fz_part *parts, int max)
{
    int n = 0;
    size_t start = 0;
    while (n < max) {
        size_t i = start;
        while (i + 4 <= size && memcmp(data + i, "@@@@", 4) != 0)
            i++;
        int last = i + 4 > size || n == max - 1;
        size_t end = last ? size : i;
        parts[n].data = data + start;
        parts[n].len = end - start;
        n++;
        if (last)
            break;
        start = i + 4;
    }
    return n;
}

#endif
