/* Fuzzes lib/csvwrite: whatever the cell text, the CSV written must parse
 * back with libcsv's own parser (default options, as a loader would use it)
 * to exactly the same fields, with the formula guard's quote mark as the
 * only difference, and only on cells csv_needs_guard() flags.
 *
 * Input: byte 0 bit 0 turns the guard on; the rest is records separated by
 * 0x1E, fields by 0x1F. Each record starts with a fixed field so that an
 * all-empty record cannot vanish as a blank line (CSV cannot tell those
 * apart, and emit-csv never writes one). */
#include "csvwrite.h"

#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char **want;      /* expected fields, row after row */
    size_t *want_len;
    size_t nwant, next;     /* fields expected / fields seen */
    size_t rows_want, rows;
    size_t fields_in_row;
    const size_t *row_fields;
} expect;

static void die(const char *what, size_t at)
{
    fprintf(stderr, "csvwrite invariant broken: %s (field %zu)\n", what, at);
    abort();
}

static void on_field(void *s, size_t len, void *ctx)
{
    expect *e = ctx;
    if (e->next >= e->nwant)
        die("more fields than written", e->next);
    if (len != e->want_len[e->next] || (len && memcmp(s, e->want[e->next], len) != 0))
        die("field differs after re-parsing", e->next);
    e->next++;
    e->fields_in_row++;
}

static void on_row(int c, void *ctx)
{
    (void)c;
    expect *e = ctx;
    if (e->rows >= e->rows_want || e->fields_in_row != e->row_fields[e->rows])
        die("row boundary differs after re-parsing", e->next);
    e->rows++;
    e->fields_in_row = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int guard = data[0] & 1;
    const char *in = (const char *)data + 1;
    size_t n = size - 1;

    /* at most n+1 fields plus one fixed field per record */
    size_t cap = 2 * (n + 1) + 2;
    const char **want = calloc(cap, sizeof *want);
    size_t *want_len = calloc(cap, sizeof *want_len);
    size_t *row_fields = calloc(n + 2, sizeof *row_fields);
    char *guarded = malloc(2 * (n + 1));   /* room for the guarded copies */
    size_t gpos = 0;
    char *buf = NULL;
    size_t blen = 0;
    FILE *out = open_memstream(&buf, &blen);
    if (!want || !want_len || !row_fields || !guarded || !out)
        abort();

    size_t nwant = 0, rows = 0, i = 0;
    for (;;) {
        /* one record */
        if (csv_put_field(out, "r", 1, 1, guard))
            abort();
        want[nwant] = "r";
        want_len[nwant++] = 1;
        row_fields[rows] = 1;
        for (;;) {
            size_t j = i;
            while (j < n && in[j] != 0x1E && in[j] != 0x1F)
                j++;
            if (csv_put_field(out, in + i, j - i, 0, guard))
                abort();
            if (guard && csv_needs_guard(in + i, j - i)) {
                guarded[gpos] = '\'';
                memcpy(guarded + gpos + 1, in + i, j - i);
                want[nwant] = guarded + gpos;
                want_len[nwant++] = j - i + 1;
                gpos += j - i + 1;
            } else {
                want[nwant] = in + i;
                want_len[nwant++] = j - i;
            }
            row_fields[rows]++;
            i = j;
            if (i < n && in[i] == 0x1F) {
                i++;
                continue;
            }
            break;
        }
        if (csv_end_record(out))
            abort();
        rows++;
        if (i < n && in[i] == 0x1E) {
            i++;
            continue;
        }
        break;
    }
    if (fclose(out))
        abort();

    expect e = {want, want_len, nwant, 0, rows, 0, 0, row_fields};
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        abort();
    if (csv_parse(&p, buf, blen, on_field, on_row, &e) != blen)
        die(csv_strerror(csv_error(&p)), e.next);
    if (csv_fini(&p, on_field, on_row, &e) != 0)
        die(csv_strerror(csv_error(&p)), e.next);
    if (e.next != nwant || e.rows != rows)
        die("fewer fields than written", e.next);
    csv_free(&p);

    free(buf);
    free(want);
    free(want_len);
    free(row_fields);
    free(guarded);
    return 0;
}
