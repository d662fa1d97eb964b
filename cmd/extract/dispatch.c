/* One buffer → the reader its bytes call for, or the archive walk. */
#include "extract.h"
#include "sha256.h"
#include "sniff.h"

#include <string.h>

/* "odt"/"ods" from the mimetype an OpenDocument package stores first. */
static const char *opendocument_kind(zip_t *za)
{
    zip_file_t *f = zip_fopen(za, "mimetype", 0);
    if (!f)
        return NULL;
    char m[64] = "";
    zip_int64_t n = zip_fread(f, m, sizeof m - 1);
    zip_fclose(f);
    if (n <= 0)
        return NULL;
    m[n] = '\0';
    if (strcmp(m, "application/vnd.oasis.opendocument.spreadsheet") == 0)
        return "ods";
    if (strcmp(m, "application/vnd.oasis.opendocument.text") == 0)
        return "odt";
    return NULL;
}

const char *ooxml_kind(zip_t *za)
{
    if (zip_name_locate(za, "word/document.xml", 0) >= 0)
        return "docx";
    if (zip_name_locate(za, "xl/workbook.xml", 0) >= 0)
        return "xlsx";
    if (zip_name_locate(za, "OFD.xml", 0) >= 0)
        return "ofd";
    return opendocument_kind(za);
}

typedef int (*reader_fn)(const unsigned char *, size_t, emitter *);

static int as_document(emitter *em, const char *source, const char *format,
                       reader_fn reader, const unsigned char *data, size_t len)
{
    int rc = em_begin(em, source, format, data, len);
    if (rc)
        return rc;
    rc = reader(data, len, em);
    if (rc == EM_ABORT)
        return rc;
    return em_end(em);
}

static int empty_reader(const unsigned char *data, size_t len, emitter *em)
{
    (void)data;
    (void)len;
    return em_error(em, "empty", "empty file: nothing to read");
}

static int zip_buffer(emitter *em, const char *source, const unsigned char *data, size_t len,
                      int depth)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!za) {
        char doc[65];
        int rc = EM_OK;
        if (sha256_hex(data, len, doc) == 0)
            rc = em_loose_error(em, source, doc, "zip_corrupt", "cannot open as a zip archive: %s",
                                zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return rc == EM_ABORT ? rc : EM_OK;
    }
    zip_error_fini(&ze);
    const char *kind = ooxml_kind(za);
    int rc;
    if (kind) {
        zip_discard(za);
        reader_fn r = strcmp(kind, "docx") == 0 ? read_docx
                      : strcmp(kind, "xlsx") == 0 ? read_xlsx
                      : strcmp(kind, "odt") == 0  ? read_odt
                      : strcmp(kind, "ofd") == 0  ? read_ofd
                                                  : read_ods;
        rc = as_document(em, source, kind, r, data, len);
    } else if (depth >= em->lim->max_depth) {
        char doc[65];
        zip_discard(za);
        rc = sha256_hex(data, len, doc) ? EM_OK
             : em_loose_error(em, source, doc, "limit",
                              "archive nested %d deep, more than --max-depth=%d", depth + 1,
                              em->lim->max_depth);
    } else {
        rc = ex_archive(em, za, source, depth + 1);
        zip_discard(za);
    }
    return rc == EM_ABORT ? rc : EM_OK;
}

int ex_buffer(emitter *em, const char *source, const unsigned char *data, size_t len, int depth)
{
    int rc;
    switch (sniff(data, len)) {
    case SNIFF_EMPTY:
        rc = as_document(em, source, "unknown", empty_reader, data, len);
        break;
    case SNIFF_ZIP:
        return zip_buffer(em, source, data, len, depth);
    case SNIFF_OLE2:
        rc = as_document(em, source, "unknown", read_legacy, data, len);
        break;
    case SNIFF_PDF:
        rc = as_document(em, source, "pdf", read_pdf, data, len);
        break;
    case SNIFF_HTML:
        rc = as_document(em, source, "html", read_html, data, len);
        break;
    case SNIFF_MHT:
        rc = as_document(em, source, "mht", read_mht, data, len);
        break;
    default:
        rc = as_document(em, source, "txt", read_txt, data, len);
        break;
    }
    return rc == EM_ABORT ? rc : EM_OK;
}
