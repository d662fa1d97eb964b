/* Fuzzes extract from the bytes of a file: sniffing, the zip walk (member
 * names in GBK/Big5/UTF-8, nesting, caps), and every reader behind them,
 * through ex_buffer. Whatever the bytes, the output is a whole stream. */
#define _GNU_SOURCE
#include "fuzz_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(NULL, NULL, data, size);
    return 0;
}
