/* Fuzzes the tabulate stage whole (document model, tables, narrative,
 * formulas) as main.c runs it, over a record stream: the output must be a
 * whole stream and the status 0 or 1. */
#define _GNU_SOURCE
#include "fuzz_stream.h"
#include "tabulate.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tab_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.lim.max_doc_records = 2000;
    doc.lim.max_columns = 64;
    doc.lim.max_paragraph_figures = 50;
    ds_config cfg = tabulate_stage(&doc, "tabulate");
    char *out;
    size_t len;
    int rc = fz_run_ds(&cfg, data, size, &out, &len);
    doc_reset(&doc);
    /* the fact line buffer outlives documents and tabulate has no call to
     * release it (main exits with it reachable): free it here */
    jl_free(&doc.w.j);
    FZ_CHECK(rc == 0 || rc == 1);
    fz_check_stream(out, len);
    free(out);
    return 0;
}
