/* Fuzzes the tabulate stage whole (document model, tables, narrative,
 * formulas) as main.c runs it, over a record stream: the output must be a
 * whole stream and the status 0 or 1. */
#define _GNU_SOURCE
#include "fuzz_stream.h"
#include "tabulate.h"

#include <stdint.h>

/* The handlers of cmd/tabulate/main.c (static there). */
static int on_header(void *ctx, ds_stream *s, json_t *header)
{
    (void)header;
    tab_doc *d = ctx;
    doc_reset(d);
    d->s = s;
    return 0;
}

static int on_record(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len)
{
    tab_doc *d = ctx;
    d->s = s;
    if (ds_emit_raw(s, raw, len))
        return -1;
    return doc_take(d, rec);
}

static int on_end(void *ctx, ds_stream *s, int truncated)
{
    tab_doc *d = ctx;
    d->s = s;
    int rc = truncated ? 0 : doc_finish(d);
    doc_reset(d);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tab_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.lim.max_doc_records = 2000;
    doc.lim.max_columns = 64;
    doc.lim.max_paragraph_figures = 50;
    ds_config cfg = {.prog = "tabulate", .stage = "tabulate", .ctx = &doc,
                     .on_header = on_header, .on_record = on_record, .on_end = on_end};
    char *out;
    size_t len;
    int rc = fz_run_ds(&cfg, data, size, &out, &len);
    doc_reset(&doc);
    /* the fact line buffer outlives documents and tabulate has no call to
     * release it (main exits with it reachable): free it here */
    free(doc.w.b.s);
    free(doc.w.prefix);
    FZ_CHECK(rc == 0 || rc == 1);
    fz_check_stream(out, len);
    free(out);
    return 0;
}
