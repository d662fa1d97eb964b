/* Fuzzes extract's HTML reader: charset from BOM, meta or detection,
 * broken markup, rowspan/colspan grids, nested tables. */
#define _GNU_SOURCE
#include "fuzz_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(read_html, "html", data, size);
    return 0;
}
