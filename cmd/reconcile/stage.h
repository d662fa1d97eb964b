/* The reconcile stage as ds_run handlers: pass every record through, keep
 * one document's facts and formulas, and at the document's end write its
 * findings and a check_summary before the trailer. */
#ifndef RC_STAGE_H
#define RC_STAGE_H

#include "docstream.h"
#include "factindex.h"

typedef struct {
    const char *prog;
    int explain;
    factindex fi;
    json_t *header;          /* the current document's header (a reference) */
    int bad_facts;
    int limit_reported;
    long paragraphs;         /* paragraph records seen in this document */      /* the too_many_facts error is written once */           /* facts of this document that could not be read */
} reconciler;

int reconciler_init(reconciler *r, const char *prog, size_t max_facts, int explain);
void reconciler_free(reconciler *r);

int rc_on_header(void *ctx, ds_stream *s, json_t *header);
int rc_on_record(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len);
int rc_on_end(void *ctx, ds_stream *s, int truncated);

#endif
