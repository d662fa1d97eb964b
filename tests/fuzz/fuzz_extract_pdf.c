/* Fuzzes extract's PDF reader: poppler's parse (not instrumented: the
 * coverage is the layout code) and the rebuilding of lines, paragraphs and
 * table rows from glyph positions. */
#define _GNU_SOURCE
#include "fuzz_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(read_pdf, "pdf", data, size);
    return 0;
}
