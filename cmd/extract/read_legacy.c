/* Legacy .doc/.xls and OpenDocument .odt/.ods: a Word 97 .doc and an
 * Excel 97 .xls are read directly (read_doc.c, read_xls.c); the rest is
 * converted by an outside converter (legacy.c), then read as what came out. The header keeps the
 * original's bytes, hash and format. */
#include "extract.h"

#include "legacy.h"

#include <stdlib.h>
#include <string.h>

static int convert_and_read(const unsigned char *data, size_t len, const char *kind, emitter *em)
{
    unsigned char *out = NULL;
    size_t outlen = 0;
    const char *outfmt = NULL;
    char msg[512] = "";
    int r = legacy_convert(data, len, kind, &out, &outlen, &outfmt, msg, sizeof msg);
    if (r == -1)
        return em_error(em, "converter_missing", "%s", msg[0] ? msg : "no converter installed");
    if (r != 0 || !out)
        return em_error(em, "convert_failed", "%s", msg[0] ? msg : "conversion failed");
    int rc;
    if (outfmt && strcmp(outfmt, "docx") == 0)
        rc = read_docx(out, outlen, em);
    else if (outfmt && strcmp(outfmt, "xlsx") == 0)
        rc = read_xlsx(out, outlen, em);
    else
        rc = read_txt(out, outlen, em);
    free(out);
    return rc;
}


int read_legacy(const unsigned char *data, size_t len, emitter *em)
{
    const char *kind = legacy_kind(data, len);
    if (!kind)
        return em_error(em, "unknown_format",
                        "an OLE2 compound file that is neither a Word .doc nor an Excel .xls "
                        "(a password-protected docx/xlsx is stored this way)");
    em_set_format(em, kind);
    int not_native = 0;
    int rc = strcmp(kind, "doc") == 0 ? read_doc(data, len, em, &not_native)
                                      : read_xls(data, len, em, &not_native);
    if (!not_native)
        return rc;
    return convert_and_read(data, len, kind, em);
}

int read_odt(const unsigned char *data, size_t len, emitter *em)
{
    return convert_and_read(data, len, "odt", em);
}

int read_ods(const unsigned char *data, size_t len, emitter *em)
{
    return convert_and_read(data, len, "ods", em);
}
