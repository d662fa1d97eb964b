/* Fuzzes the stream reader below every stage: lib/linereader on an
 * in-memory stream (fmemopen), then rec_parse on every line it returns.
 *
 * Invariants checked:
 *  - every line is NUL-terminated, has no '\n', and is never longer than
 *    the limit; an over-long line is reported, not returned;
 *  - the line count equals the number of '\n' (plus one for a final line
 *    without one), and the lines returned plus the skipped ones account
 *    for every input byte;
 *  - a record rec_parse accepts is an object with a string "type", and
 *    writing it with rec_write and parsing it again gives an equal record;
 *  - rec_write (lib/jsonline) writes the very bytes json_dumps writes.
 *
 * Byte 0 picks the line limit (small limits reach the too-long path). */
#include "linereader.h"
#include "record.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what, size_t line)
{
    fprintf(stderr, "linereader invariant broken: %s (line %zu)\n", what, line);
    abort();
}

static void check_record(const char *line, size_t len, size_t lineno)
{
    char err[256];
    json_t *rec = rec_parse(line, len, err, sizeof err);
    if (!rec) {
        if (!memchr(err, '\0', sizeof err))
            die("error message not terminated", lineno);
        return;
    }
    if (!json_is_object(rec) || !rec_type(rec))
        die("accepted a record without a string type", lineno);
    char *buf = NULL;
    size_t blen = 0;
    FILE *out = open_memstream(&buf, &blen);
    if (!out)
        abort();
    if (rec_write(out, rec) != 0)
        die("rec_write failed on a parsed record", lineno);
    fclose(out);
    if (blen == 0 || buf[blen - 1] != '\n' || memchr(buf, '\n', blen - 1))
        die("rec_write did not write exactly one line", lineno);
    char *ref = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    if (!ref || strlen(ref) != blen - 1 || memcmp(ref, buf, blen - 1) != 0)
        die("rec_write differs from json_dumps", lineno);
    free(ref);
    json_t *again = rec_parse(buf, blen - 1, err, sizeof err);
    if (!again || !json_equal(rec, again))
        die("written record does not parse back equal", lineno);
    json_decref(again);
    json_decref(rec);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const size_t limits[] = {0, 1, 2, 7, 16, 64, 255, 4096};
    size_t max_line = limits[data[0] & 7];
    const char *in = (const char *)data + 1;
    size_t n = size - 1;

    /* fmemopen needs a buffer it may hold on to; a zero size is EINVAL */
    char *copy = malloc(n + 1);
    if (!copy)
        abort();
    memcpy(copy, in, n);
    FILE *f = n ? fmemopen(copy, n, "rb") : fopen("/dev/null", "rb");
    if (!f)
        abort();
    line_reader *r = lr_from_stream(f, "fuzz", max_line);
    if (!r)
        abort();
    size_t limit = max_line ? max_line : LR_DEFAULT_MAX_LINE;

    size_t newlines = 0;
    for (size_t i = 0; i < n; i++)
        newlines += in[i] == '\n';
    size_t expected_lines = newlines + (n && in[n - 1] != '\n');

    size_t lines = 0, pos = 0;
    for (;;) {
        const char *line;
        size_t len;
        lr_status st = lr_next(r, &line, &len);
        if (st == LR_EOF)
            break;
        if (st == LR_ERROR)
            die("read error on a memory stream", lines);
        lines++;
        if (lr_lineno(r) != lines)
            die("line number", lines);
        /* where this input line ends */
        const char *nl = memchr(in + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - in) : n;
        size_t raw = end - pos;
        if (st == LR_TOO_LONG) {
            if (raw <= limit)
                die("a line within the limit was reported too long", lines);
        } else {
            if (len > limit || line[len] != '\0' || memchr(line, '\n', len))
                die("line shape", lines);
            /* the line is the input bytes, less one \r before the \n */
            size_t want = raw && in[end - 1] == '\r' ? raw - 1 : raw;
            if (raw > limit)
                die("a line over the limit was returned", lines);
            if (len != want || memcmp(line, in + pos, len) != 0)
                die("line content", lines);
            check_record(line, len, lines);
        }
        pos = nl ? end + 1 : end;
    }
    if (lines != expected_lines || pos != n)
        die("lines do not account for the input", lines);
    if (lr_next(r, &(const char *){0}, &(size_t){0}) != LR_EOF)
        die("reading past the end", lines);
    lr_close(r);
    fclose(f);
    free(copy);
    return 0;
}
