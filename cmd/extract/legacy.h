/* Legacy Office files (.doc/.xls, OLE2 compound files) → OOXML or text via a
 * converter found at run time. */
#ifndef YJS_LEGACY_H
#define YJS_LEGACY_H

#include <stddef.h>

/* "doc", "xls" or NULL: which legacy Office file an OLE2 compound file is
 * (decided from the directory entry names: WordDocument vs Workbook/Book). */
const char *legacy_kind(const unsigned char *data, size_t len);

/* Converts a legacy "doc"/"xls" or an OpenDocument "odt"/"ods" file with a
 * converter found at run time: LibreOffice headless
 * (`soffice --headless --convert-to docx|xlsx`, private temp profile and temp
 * dir, with a timeout); fallback `catdoc -w` for .doc text → "txt".
 * 0 ok (*out malloc'd, *outfmt "docx"/"xlsx"/"txt");
 * -1 no converter installed (msg names the Debian package to install);
 * -2 conversion failed (msg says why). */
int legacy_convert(const unsigned char *data, size_t len, const char *kind,
                   unsigned char **out, size_t *outlen, const char **outfmt,
                   char *msg, size_t msglen);

/* Same with limits: timeout_s for the converter (<= 0: 120 s) and max_out
 * bytes of output (0: 256 MiB); -2 when either is exceeded. */
int legacy_convert_limited(const unsigned char *data, size_t len, const char *kind,
                           int timeout_s, size_t max_out,
                           unsigned char **out, size_t *outlen, const char **outfmt,
                           char *msg, size_t msglen);

#endif
