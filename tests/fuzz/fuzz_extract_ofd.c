/* Fuzzes extract's OFD reader: the input, split at "@@@@", is the first
 * page's Content.xml and Document.xml of a package built here (stored,
 * correct CRCs) with a fixed OFD.xml, so mutations reach the XML reading
 * and the text placement (DeltaX "g" runs, CTM, Boundary, PhysicalBox) and
 * then the layout, rather than failing the zip layer. */
#define _GNU_SOURCE
#include "fuzz_extract.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char ofd[] =
        "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
    static const char document[] =
        "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:CommonData><ofd:PageArea>"
        "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
        "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/>"
        "<ofd:Page ID=\"2\" BaseLoc=\"/Doc_0/Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>";
    fz_part parts[3];
    int n = fz_split(data, size, parts, 2);
    parts[0].name = "Doc_0/Pages/Page_0/Content.xml";
    if (n < 2) {
        parts[1].data = (const unsigned char *)document;
        parts[1].len = sizeof document - 1;
    }
    parts[1].name = "Doc_0/Document.xml";
    parts[2].name = "OFD.xml";
    parts[2].data = (const unsigned char *)ofd;
    parts[2].len = sizeof ofd - 1;
    size_t len;
    unsigned char *zip = fz_zip(parts, 3, &len);
    fz_extract(read_ofd, "ofd", zip, len);
    free(zip);
    return 0;
}
