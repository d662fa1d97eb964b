/* Fuzzes extract's Word .doc reader: the compound file (ole2.c), the FIB,
 * the piece table, the FKP pages and sprms (doc_binary.c) and the tables
 * built from them (read_doc.c). A Word 6/95 file the reader would leave to
 * a converter ends the run here. */
#define _GNU_SOURCE
#include "fuzz_extract.h"

static int read_doc_only(const unsigned char *data, size_t len, emitter *em)
{
    int not_native = 0;
    return read_doc(data, len, em, &not_native);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(read_doc_only, "doc", data, size);
    return 0;
}
