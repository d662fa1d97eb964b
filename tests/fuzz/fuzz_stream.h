/* What the stream harnesses share: checking that a buffer is a whole record
 * stream (docs/records.md), and running a ds_run stage over an in-memory
 * input with its output captured. Header-only: each harness is one program. */
#ifndef FUZZ_STREAM_H
#define FUZZ_STREAM_H

#include "docstream.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* abort() keeps the failing line in the stack trace; the stage harnesses
 * close stderr (every bad input writes a diagnostic there). */
#define FZ_CHECK(cond) do { if (!(cond)) abort(); } while (0)

/* Every line a record; documents header .. trailer, never nested, every
 * record inside a document of our contract carrying the document's id,
 * each trailer counting the records before it. Returns the number of
 * documents. */
static inline size_t fz_check_stream(const char *out, size_t n)
{
    int in_doc = 0, own = 0;
    size_t docs = 0, between = 0;
    char *doc = NULL;
    const char *p = out, *end = out + n;
    FZ_CHECK(n == 0 || out[n - 1] == '\n');
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        FZ_CHECK(nl);
        char err[256];
        json_t *r = rec_parse(p, (size_t)(nl - p), err, sizeof err);
        FZ_CHECK(r);
        if (rec_is(r, "document")) {
            FZ_CHECK(!in_doc && rec_doc(r));
            in_doc = 1;
            between = 0;
            docs++;
            free(doc);
            doc = strdup(rec_doc(r));
            /* a document with another contract is passed through untouched */
            const char *contract = rec_str(r, "contract");
            own = contract && strcmp(contract, YJS_CONTRACT) == 0;
        } else if (rec_is(r, "end")) {
            FZ_CHECK(in_doc && rec_doc(r) && strcmp(rec_doc(r), doc) == 0);
            json_t *c = json_object_get(r, "records");
            FZ_CHECK(json_is_integer(c) && (size_t)json_integer_value(c) == between);
            in_doc = 0;
        } else if (in_doc) {
            between++;
            FZ_CHECK(!own || (rec_doc(r) && strcmp(rec_doc(r), doc) == 0));
        }
        json_decref(r);
        p = nl + 1;
    }
    FZ_CHECK(!in_doc);
    free(doc);
    return docs;
}

/* Runs cfg over data as one input file (a memfd opened by path, as a named
 * input is). *out gets what the stage wrote (free it); returns the status. */
static inline int fz_run_ds(const ds_config *cfg, const unsigned char *data, size_t size,
                            char **out, size_t *outlen)
{
    int fd = memfd_create("fuzz", 0);
    FZ_CHECK(fd >= 0);
    FZ_CHECK(size == 0 || write(fd, data, size) == (ssize_t)size);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    char *files[] = {path};
    /* ds_run writes to stdout and closes it: give it a stream of its own */
    FILE *saved = stdout;
    *out = NULL;
    *outlen = 0;
    stdout = open_memstream(out, outlen);
    FZ_CHECK(stdout);
    int rc = ds_run(cfg, 1, files);
    stdout = saved;
    close(fd);
    return rc;
}

#endif
