#include "ziputil.h"

#include <stdio.h>
#include <stdlib.h>

enum { RATIO_FLOOR = 1 << 20 };

const char *zr_code(zr_status s)
{
    switch (s) {
    case ZR_OK: return "ok";
    case ZR_NOMEM: return "memory";
    case ZR_ENCRYPTED: return "zip_encrypted";
    case ZR_TOO_BIG: case ZR_RATIO: return "limit";
    case ZR_LYING: return "zip_lying_size";
    default: return "zip_corrupt";
    }
}

zr_status zip_read_capped(zip_t *za, zip_uint64_t i, size_t cap, long ratio,
                          unsigned char **out, size_t *outlen, char *msg, size_t msglen)
{
    zip_stat_t st;
    *out = NULL;
    *outlen = 0;
    msg[0] = '\0';
    if (zip_stat_index(za, i, 0, &st) != 0) {
        snprintf(msg, msglen, "cannot stat member: %s", zip_strerror(za));
        return ZR_CORRUPT;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        snprintf(msg, msglen, "member is encrypted: not read");
        return ZR_ENCRYPTED;
    }
    size_t declared = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size : cap;
    if (declared > cap) {
        snprintf(msg, msglen, "member declares %zu bytes, more than the limit of %zu", declared, cap);
        return ZR_TOO_BIG;
    }
    size_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? (size_t)st.comp_size : 0;
    if (declared > RATIO_FLOOR && comp && declared / comp > (size_t)ratio) {
        snprintf(msg, msglen, "member compressed %zu:1, more than --max-ratio=%ld", declared / comp,
                 ratio);
        return ZR_RATIO;
    }
    zip_file_t *zf = zip_fopen_index(za, i, 0);
    if (!zf) {
        snprintf(msg, msglen, "cannot open member: %s", zip_strerror(za));
        return ZR_CORRUPT;
    }
    /* one byte more than declared shows a lying header */
    size_t want = declared + 1, len = 0, size = want < 65536 ? want : 65536;
    unsigned char *buf = malloc(size + 1);
    zr_status rc = buf ? ZR_OK : ZR_NOMEM;
    while (rc == ZR_OK) {
        if (len == size) {
            if (size == want)
                break;
            size = size * 2 < want ? size * 2 : want;
            unsigned char *b = realloc(buf, size + 1);
            if (!b) {
                rc = ZR_NOMEM;
                break;
            }
            buf = b;
        }
        zip_int64_t n = zip_fread(zf, buf + len, size - len);
        if (n < 0) {
            snprintf(msg, msglen, "cannot read member: %s", zip_file_strerror(zf));
            rc = ZR_CORRUPT;
            break;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (len > declared) {
            snprintf(msg, msglen, "member inflates beyond the %zu bytes its header declares",
                     declared);
            rc = ZR_LYING;
        } else if (len > RATIO_FLOOR && comp && len / comp > (size_t)ratio) {
            snprintf(msg, msglen, "member inflates more than --max-ratio=%ld times", ratio);
            rc = ZR_RATIO;
        }
    }
    zip_fclose(zf);
    if (rc != ZR_OK) {
        free(buf);
        if (rc == ZR_NOMEM)
            snprintf(msg, msglen, "out of memory");
        return rc;
    }
    buf[len] = '\0';
    *out = buf;
    *outlen = len;
    return ZR_OK;
}
