/* Fuzzes the reconcile stage whole (fact index, table, cross-table and
 * narrative checks) as main.c runs it, over a record stream: the output
 * must be a whole stream and the status 0 or 1. */
#define _GNU_SOURCE
#include "fuzz_stream.h"
#include "stage.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reconciler r;
    FZ_CHECK(reconciler_init(&r, "reconcile", 20000, size && (data[0] & 1)) == 0);
    ds_config cfg = {.prog = "reconcile", .stage = "reconcile", .ctx = &r,
                     .on_header = rc_on_header, .on_record = rc_on_record, .on_end = rc_on_end};
    char *out;
    size_t len;
    int rc = fz_run_ds(&cfg, data, size, &out, &len);
    reconciler_free(&r);
    FZ_CHECK(rc == 0 || rc == 1);
    fz_check_stream(out, len);
    free(out);
    return 0;
}
