/* The stream handlers of the tabulate stage, shared by main and the fuzz
 * harness so that both run the very same stage. */
#include "tabulate.h"

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
    /* a document cut short is damaged: no conclusions from it */
    int rc = truncated ? 0 : doc_finish(d);
    doc_reset(d);
    return rc;
}

ds_config tabulate_stage(tab_doc *d, const char *prog)
{
    ds_config cfg = {.prog = prog, .stage = "tabulate", .ctx = d,
                     .on_header = on_header, .on_record = on_record, .on_end = on_end};
    return cfg;
}
