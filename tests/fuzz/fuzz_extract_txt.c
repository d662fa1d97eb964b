/* Fuzzes extract's text reader: encoding detection (UTF-8, GB18030, Big5,
 * UTF-16) and the two text-table conventions (a cell per tab-led line, a
 * row per tab-separated line). */
#define _GNU_SOURCE
#include "fuzz_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(read_txt, "txt", data, size);
    return 0;
}
