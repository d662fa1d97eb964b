/* Command-line inputs: files, folders walked in byte order, stdin. Plain
 * archives on disk are walked from the file, never loaded whole, so a
 * large batch archive costs one member's memory at a time. */
#include "extract.h"
#include "cli.h"
#include "sniff.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A source as records carry it: invalid UTF-8 bytes of a file name kept
 * as \xNN escapes. */
static char *source_name(const char *path)
{
    tbuf b = {0};
    if (text_escape(path, strlen(path), &b))
        return NULL;
    return b.s ? b.s : strdup("");
}

/* Reads a whole stream, at most cap bytes: 0, 1 when longer than cap, -1
 * on a read error (errno). */
static int slurp(FILE *f, size_t cap, unsigned char **out, size_t *outlen)
{
    size_t len = 0, size = 1 << 16;
    unsigned char *buf = malloc(size);
    if (!buf)
        return -1;
    for (;;) {
        if (len == size) {
            if (size > cap) {
                free(buf);
                return 1;
            }
            size *= 2;
            unsigned char *b = realloc(buf, size);
            if (!b) {
                free(buf);
                return -1;
            }
            buf = b;
        }
        size_t n = fread(buf + len, 1, size - len, f);
        len += n;
        if (len > cap) {
            free(buf);
            return 1;
        }
        if (n == 0) {
            if (ferror(f)) {
                free(buf);
                return -1;
            }
            break;
        }
    }
    *out = buf;
    *outlen = len;
    return 0;
}

/* The document id of a file too large or too broken to hold in memory. */
static int sha256_file(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int rc = -1;
    if (ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1) {
        unsigned char buf[1 << 16];
        size_t n;
        int ok = 1;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            if (EVP_DigestUpdate(ctx, buf, n) != 1)
                ok = 0;
        unsigned char md[32];
        unsigned int mdlen = 0;
        if (ok && !ferror(f) && EVP_DigestFinal_ex(ctx, md, &mdlen) == 1 && mdlen == 32) {
            for (int i = 0; i < 32; i++)
                snprintf(hex + 2 * i, 3, "%02x", md[i]);
            rc = 0;
        }
    }
    EVP_MD_CTX_free(ctx);
    fclose(f);
    return rc;
}

static int read_whole(emitter *em, const char *path, const char *source, FILE *f, int is_stdin)
{
    unsigned char *data = NULL;
    size_t len = 0;
    int r = slurp(f, em->lim->max_file_bytes, &data, &len);
    if (r == 1) {
        char doc[65];
        const char *d = (!is_stdin && sha256_file(path, doc) == 0) ? doc : NULL;
        return em_loose_error(em, source, d, "limit", "larger than --max-file-bytes=%zu",
                              em->lim->max_file_bytes);
    }
    if (r < 0)
        return em_loose_error(em, source, NULL, "io", "cannot read: %s", strerror(errno));
    int rc = ex_buffer(em, source, data, len, 0);
    free(data);
    return rc;
}

/* A zip on disk: an OOXML or OpenDocument document is read whole, a plain
 * archive is walked from the file. */
static int zip_file(emitter *em, const char *path, const char *source, FILE *f)
{
    int zerr = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
    if (!za || ooxml_kind(za)) {
        /* an OOXML document, or a broken zip that ex_buffer reports */
        if (za)
            zip_discard(za);
        return read_whole(em, path, source, f, 0);
    }
    int rc = em->lim->max_depth < 1
             ? em_loose_error(em, source, NULL, "limit", "archive, and --max-depth=0")
             : ex_archive(em, za, source, 1);
    zip_discard(za);
    return rc;
}

static int file_input(emitter *em, const char *path, const char *source, int regular)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return em_loose_error(em, source, NULL, "io", "cannot open: %s", strerror(errno));
    unsigned char magic[4];
    size_t n = 0;
    if (regular) {
        n = fread(magic, 1, sizeof magic, f);
        rewind(f);
    }
    int rc = (n == 4 && sniff(magic, n) == SNIFF_ZIP) ? zip_file(em, path, source, f)
                                                      : read_whole(em, path, source, f, !regular);
    fclose(f);
    return rc;
}

static int by_bytes(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int walk(emitter *em, const char *path, int level);

static int dir_input(emitter *em, const char *path, const char *source, int level)
{
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_bytes);
    if (n < 0)
        return em_loose_error(em, source, NULL, "io", "cannot read folder: %s", strerror(errno));
    int rc = EM_OK;
    size_t plen = strlen(path);
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (rc != EM_ABORT && strcmp(name, ".") && strcmp(name, "..")) {
            char *child = malloc(plen + strlen(name) + 2);
            if (!child) {
                rc = EM_ABORT;
            } else {
                sprintf(child, "%s%s%s", path, plen && path[plen - 1] == '/' ? "" : "/", name);
                int r = walk(em, child, level + 1);
                if (r == EM_ABORT)
                    rc = r;
                free(child);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Folders nest at most this deep: a link loop must end. */
enum { MAX_FOLDER_DEPTH = 64 };

static int walk(emitter *em, const char *path, int level)
{
    char *source = source_name(path);
    if (!source) {
        diag(em->prog, NULL, "out of memory");
        return EM_ABORT;
    }
    int rc;
    struct stat st, lst;
    /* inside a folder walk a link to a folder is not followed: a link loop
     * would read the same files over and over */
    int linked_dir = level > 0 && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) &&
                     stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    if (linked_dir) {
        rc = EM_OK;
    } else if (stat(path, &st) != 0) {
        rc = em_loose_error(em, source, NULL, "io", "cannot open: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        rc = level >= MAX_FOLDER_DEPTH
             ? em_loose_error(em, source, NULL, "limit", "folders nested more than %d deep",
                              MAX_FOLDER_DEPTH)
             : dir_input(em, path, source, level);
    } else if (!S_ISREG(st.st_mode) && level > 0) {
        rc = EM_OK;  /* sockets, fifos, devices met in a folder walk */
    } else {
        rc = file_input(em, path, source, S_ISREG(st.st_mode));
    }
    free(source);
    return rc == EM_ABORT ? rc : EM_OK;
}

int ex_path(emitter *em, const char *path)
{
    if (strcmp(path, "-") == 0) {
        int rc = read_whole(em, "-", "-", stdin, 1);
        return rc == EM_ABORT ? rc : EM_OK;
    }
    return walk(em, path, 0);
}
