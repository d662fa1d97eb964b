/* Walking an archive: every member a document (or a nested archive), read
 * in memory with every size capped, whatever the headers claim. */
#include "extract.h"
#include "cli.h"
#include "encoding.h"
#include "text.h"
#include "ziputil.h"

#include <stdlib.h>
#include <string.h>

/* Member names: the stored bytes, decoded by us. libzip's own guess
 * reads GBK names as CP437, and many GBK names (目录, 医院) are also valid
 * UTF-8, so a plain "is it UTF-8" test is wrong too. */
static int member_name(zip_t *za, zip_uint64_t i, tbuf *out)
{
    const char *raw = zip_get_name(za, i, ZIP_FL_ENC_RAW);
    if (!raw)
        return -1;
    size_t n = strlen(raw);
    char *copy = strdup(raw);
    if (!copy)
        return -1;
    int ascii = 1;
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)copy[k] >= 0x80)
            ascii = 0;
    int rc;
    /* the strict name equals the raw bytes for a non-ASCII name only when
     * the UTF-8 flag (or a Unicode path field) made it UTF-8 */
    const char *strict = ascii ? NULL : zip_get_name(za, i, ZIP_FL_ENC_STRICT);
    const char *enc = ascii ? "utf-8"
                      : (strict && strcmp(strict, copy) == 0) ? "utf-8"
                      : enc_guess_name((const unsigned char *)copy, n);
    if (enc && strcmp(enc, "utf-8") != 0) {
        tbuf dec = {0};
        rc = enc_decode_strict((const unsigned char *)copy, n, enc, &dec);
        if (rc == 0)
            rc = text_escape(dec.s ? dec.s : "", dec.len, out);
        tb_free(&dec);
    } else {
        rc = text_escape(copy, n, out);  /* nothing decodes: \xNN escapes */
    }
    free(copy);
    return rc ? -1 : 0;
}

static int skipped_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || name[n - 1] == '/')
        return 1;  /* a folder entry */
    if (strncmp(name, "__MACOSX/", 9) == 0)
        return 1;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    return strncmp(base, "._", 2) == 0;  /* macOS resource forks */
}

typedef struct {
    emitter *em;
    const char *source;  /* archive!member */
    size_t archive_used; /* decompressed so far in this archive */
} walk_ctx;

/* Reads one member into memory. 0, or the EM_* result of the error
 * record written instead. */
static int read_member(walk_ctx *w, zip_t *za, zip_uint64_t i, unsigned char **out, size_t *outlen)
{
    emitter *em = w->em;
    const ex_limits *lim = em->lim;
    size_t budget = lim->max_archive_bytes - w->archive_used;
    size_t cap = lim->max_member_bytes < budget ? lim->max_member_bytes : budget;
    char msg[256];
    zr_status s = zip_read_capped(za, i, cap, lim->max_ratio, out, outlen, msg, sizeof msg);
    if (s == ZR_NOMEM) {
        diag(em->prog, w->source, "out of memory");
        em->aborted = 1;
        return EM_ABORT;
    }
    if (s == ZR_TOO_BIG)
        return em_loose_error(em, w->source, NULL, "limit", "%s (%s)", msg,
                              cap == lim->max_member_bytes ? "--max-member-bytes"
                                                           : "--max-archive-bytes, all members");
    if (s != ZR_OK)
        return em_loose_error(em, w->source, NULL, zr_code(s), "%s", msg);
    w->archive_used += *outlen;
    return EM_OK;
}

int ex_archive(emitter *em, zip_t *za, const char *source, int depth)
{
    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n > em->lim->max_entries) {
        int rc = em_loose_error(em, source, NULL, "limit",
                                "archive holds %lld entries, more than --max-entries=%ld",
                                (long long)n, em->lim->max_entries);
        return rc == EM_ABORT ? rc : EM_OK;
    }
    walk_ctx w = {em, NULL, 0};
    tbuf name = {0}, src = {0};
    int rc = EM_OK;
    for (zip_int64_t i = 0; i < n && rc != EM_ABORT; i++) {
        const char *raw = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!raw || skipped_name(raw))
            continue;
        if (member_name(za, (zip_uint64_t)i, &name) || tb_add(&src, "", 0)) {
            rc = EM_ABORT;
            break;
        }
        tb_clear(&src);
        if (tb_adds(&src, source) || tb_addc(&src, '!') || tb_add(&src, name.s, name.len)) {
            rc = EM_ABORT;
            break;
        }
        w.source = src.s;
        unsigned char *data = NULL;
        size_t len = 0;
        int r = read_member(&w, za, (zip_uint64_t)i, &data, &len);
        if (r == EM_OK)
            r = ex_buffer(em, src.s, data, len, depth);
        free(data);
        if (r == EM_ABORT)
            rc = r;
    }
    if (rc == EM_ABORT && !em->aborted)
        diag(em->prog, source, "out of memory");
    tb_free(&name);
    tb_free(&src);
    return rc;
}
