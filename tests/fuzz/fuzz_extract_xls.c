/* Fuzzes extract's Excel .xls reader: the compound file (ole2.c), the
 * BIFF8 records of the globals (shared strings over CONTINUE records,
 * formats, XF, sheets) and of each sheet (cells, rows, merges). A
 * workbook the reader would leave to a converter ends the run here. */
#define _GNU_SOURCE
#include "fuzz_extract.h"

static int read_xls_only(const unsigned char *data, size_t len, emitter *em)
{
    int not_native = 0;
    return read_xls(data, len, em, &not_native);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(read_xls_only, "xls", data, size);
    return 0;
}
