/* Fuzzes extract's docx reader on WordprocessingML: the input, split at
 * "@@@@", is word/document.xml, word/styles.xml and word/footnotes.xml of
 * a package built here (stored, correct CRCs), so mutations reach the XML
 * reader rather than failing the zip layer. */
#define _GNU_SOURCE
#include "fuzz_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"word/document.xml", "word/styles.xml", "word/footnotes.xml"};
    fz_part parts[3];
    int n = fz_split(data, size, parts, 3);
    for (int i = 0; i < n; i++)
        parts[i].name = names[i];
    size_t len;
    unsigned char *zip = fz_zip(parts, n, &len);
    fz_extract(read_docx, "docx", zip, len);
    free(zip);
    return 0;
}
