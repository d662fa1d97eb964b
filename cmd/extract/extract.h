/* From inputs to documents: paths, archives and per-format readers.
 * Everything here returns EM_OK, EM_FAIL or EM_ABORT (emit.h); only
 * EM_ABORT stops the run, a failure is already an error record. */
#ifndef EXTRACT_EXTRACT_H
#define EXTRACT_EXTRACT_H

#include "emit.h"

#include <stddef.h>
#include <zip.h>

/* A file, a folder (walked recursively in byte order) or "-" (stdin). */
int ex_path(emitter *em, const char *path);

/* Bytes found under source: a document, or an archive whose members are
 * documents. depth: how many archives hold it. */
int ex_buffer(emitter *em, const char *source, const unsigned char *data, size_t len, int depth);

/* The members of an open archive, in archive order. */
int ex_archive(emitter *em, zip_t *za, const char *source, int depth);

/* "docx", "xlsx", "odt", "ods", "ofd" or NULL: which document package an
 * archive is. */
const char *ooxml_kind(zip_t *za);

/* The per-format readers: the document is open in em (em_begin); they
 * write its records and leave em_end to the caller. The buffer forms are
 * what fuzz harnesses call. */
int read_txt(const unsigned char *data, size_t len, emitter *em);
int read_html(const unsigned char *data, size_t len, emitter *em);
/* MHTML: each text/html part read as a page, in order, into one document */
int read_mht(const unsigned char *data, size_t len, emitter *em);
int read_docx(const unsigned char *data, size_t len, emitter *em);
int read_xlsx(const unsigned char *data, size_t len, emitter *em);
int read_pdf(const unsigned char *data, size_t len, emitter *em);
/* OFD (GB/T 33190): its pages through the PDF layout */
int read_ofd(const unsigned char *data, size_t len, emitter *em);
/* Word 97–2003 .doc read directly; *not_native set (and nothing written)
 * for a file left to a converter (Word 6/95) */
int read_doc(const unsigned char *data, size_t len, emitter *em, int *not_native);
/* Excel 97–2003 .xls (BIFF8) read directly; *not_native set (and nothing
 * written) for a file left to a converter (BIFF5, FILEPASS) */
int read_xls(const unsigned char *data, size_t len, emitter *em, int *not_native);
/* .doc and .xls: read_doc / read_xls, else converted and read as what came out */
int read_legacy(const unsigned char *data, size_t len, emitter *em);
/* OpenDocument .odt/.ods: converted, then read as docx/xlsx */
int read_odt(const unsigned char *data, size_t len, emitter *em);
int read_ods(const unsigned char *data, size_t len, emitter *em);

#endif
