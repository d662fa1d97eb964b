/* Fuzzes extract's xlsx reader on SpreadsheetML: the input, split at
 * "@@@@", is xl/workbook.xml, xl/_rels/workbook.xml.rels,
 * xl/worksheets/sheet1.xml, xl/sharedStrings.xml and xl/styles.xml of a
 * package built here (stored, correct CRCs). */
#define _GNU_SOURCE
#include "fuzz_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                        "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                        "xl/styles.xml"};
    fz_part parts[5];
    int n = fz_split(data, size, parts, 5);
    for (int i = 0; i < n; i++)
        parts[i].name = names[i];
    size_t len;
    unsigned char *zip = fz_zip(parts, n, &len);
    fz_extract(read_xlsx, "xlsx", zip, len);
    free(zip);
    return 0;
}
