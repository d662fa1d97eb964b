/* Fuzzes lib/docstream (ds_run: the loop of every stream stage) with its
 * line reader and record parser, through a small stage that re-emits,
 * passes through and rejects records the way real stages do.
 *
 * The input is written to one or two memory files (memfd) that ds_run opens
 * by /proc/self/fd path, as it would open named inputs; stdout is pointed
 * at an open_memstream for the run, so the output can be checked:
 *  - the exit status is 0 or 1, and 1 exactly when something failed
 *    (an error record was written, or an input could not be opened);
 *  - every output line is a record rec_parse accepts;
 *  - documents in the output are well formed: a header, records, a trailer
 *    whose "records" is the number of records between them; never nested;
 *  - every document header read comes out, in order (no document is lost);
 *  - inside a document every record carries the document's id.
 *
 * Byte 0: bit 0 splits the input into two files, bit 1 adds a missing
 * file, bits 2-3 pick the line limit, bits 4-7 where the split falls. */
#define _GNU_SOURCE
#include "docstream.h"
#include "linereader.h"
#include "record.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* abort() with the line in the stack trace: libFuzzer closes stderr for
 * this harness (every bad record writes a diagnostic there). */
#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static int on_header(void *ctx, ds_stream *s, json_t *header)
{
    (void)s;
    (void)ctx;
    return json_object_set_new(header, "entity", json_string("fuzz")) ? -1 : 0;
}

static int on_record(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len)
{
    (void)ctx;
    const char *type = rec_type(rec);
    if (strcmp(type, "row") == 0)
        return ds_emit(s, rec);
    if (strcmp(type, "bad") == 0)
        return ds_error(s, "fuzz", "rejected record at line %zu of %s", ds_lineno(s), ds_file(s));
    if (strcmp(type, "drop") == 0)
        return 0;
    return ds_emit_raw(s, raw, len);
}

static int on_end(void *ctx, ds_stream *s, int truncated)
{
    (void)ctx;
    json_t *f = rec_new("fact", ds_doc(s));
    json_object_set_new(f, "truncated", json_boolean(truncated));
    int rc = ds_emit(s, f);
    json_decref(f);
    return rc;
}

/* The document headers ds_run will see in one input, reading it the way
 * the line reader does: lines over the limit (counting a final \r) are skipped. */
static size_t count_input_headers(const char *in, size_t n, size_t limit)
{
    size_t count = 0;
    const char *p = in, *end = in + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (len <= limit) {
            size_t l = len && p[len - 1] == '\r' ? len - 1 : len;
            char err[256];
            json_t *r = rec_parse(p, l, err, sizeof err);
            if (r && rec_is(r, "document"))
                count++;
            json_decref(r);
        }
        p += len + 1;
    }
    return count;
}

static int memfile(const char *data, size_t n, char *path, size_t pathlen)
{
    int fd = memfd_create("fuzz", 0);
    CHECK(fd >= 0);
    CHECK(n == 0 || write(fd, data, n) == (ssize_t)n);
    snprintf(path, pathlen, "/proc/self/fd/%d", fd);
    return fd;
}

static void check_output(const char *out, size_t n, int rc, int missing_file, size_t headers_in)
{
    int saw_error = 0, in_doc = 0;
    size_t headers_out = 0, between = 0;
    char doc[256] = "";
    int own = 0;  /* the document has our contract (others pass untouched) */
    const char *p = out, *end = out + n;
    CHECK(n == 0 || out[n - 1] == '\n');
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        CHECK(nl);
        char err[256];
        json_t *r = rec_parse(p, (size_t)(nl - p), err, sizeof err);
        CHECK(r);
        if (rec_is(r, "document")) {
            CHECK(!in_doc);
            CHECK(rec_doc(r));
            in_doc = 1;
            between = 0;
            headers_out++;
            snprintf(doc, sizeof doc, "%s", rec_doc(r));
            const char *contract = rec_str(r, "contract");
            own = contract && strcmp(contract, YJS_CONTRACT) == 0;
        } else if (rec_is(r, "end") && in_doc) {
            /* the loop writes its own trailer; input trailers are consumed */
            json_t *c = json_object_get(r, "records");
            CHECK(json_is_integer(c) && (size_t)json_integer_value(c) == between);
            in_doc = 0;
        } else {
            CHECK(!rec_is(r, "end"));
            /* a stage that follows keys records by doc: none may be misfiled */
            if (in_doc) {
                between++;
                if (own && strlen(doc) < sizeof doc - 1 && !rec_is(r, "error"))
                    CHECK(rec_doc(r) && strcmp(rec_doc(r), doc) == 0);
            }
            if (rec_is(r, "error") && rec_str(r, "stage") && strcmp(rec_str(r, "stage"), "fuzz") == 0)
                saw_error = 1;
        }
        json_decref(r);
        p = nl + 1;
    }
    CHECK(!in_doc);
    CHECK(headers_out == headers_in);
    CHECK(rc == 0 || rc == 1);
    CHECK((rc == 1) == (saw_error || missing_file));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned k = data[0];
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    static const size_t limits[] = {0, 8, 64, 1024};

    size_t split = (k & 1) ? n * (k >> 4) / 16 : n;
    char path1[64], path2[64];
    int fd1 = memfile(in, split, path1, sizeof path1);
    int fd2 = (k & 1) ? memfile(in + split, n - split, path2, sizeof path2) : -1;
    char *files[3];
    int nfiles = 0;
    files[nfiles++] = path1;
    if (k & 2)
        files[nfiles++] = "/nonexistent/fuzz-input";
    if (k & 1)
        files[nfiles++] = path2;

    ds_config cfg = {
        .prog = "fuzz", .stage = "fuzz", .max_line = limits[(k >> 2) & 3], .ctx = NULL,
        .on_header = on_header, .on_record = on_record, .on_end = on_end,
    };
    /* ds_run writes to stdout and closes it at the end: give it a stream
     * of its own, then read what it wrote */
    FILE *saved = stdout;
    char *out = NULL;
    size_t outlen = 0;
    stdout = open_memstream(&out, &outlen);
    CHECK(stdout);
    int rc = ds_run(&cfg, nfiles, files);
    stdout = saved;

    size_t limit = cfg.max_line ? cfg.max_line : LR_DEFAULT_MAX_LINE;
    size_t headers_in = count_input_headers(in, split, limit);
    if (k & 1)
        headers_in += count_input_headers(in + split, n - split, limit);
    check_output(out, outlen, rc, (k & 2) != 0, headers_in);
    free(out);
    close(fd1);
    if (fd2 >= 0)
        close(fd2);
    return 0;
}
