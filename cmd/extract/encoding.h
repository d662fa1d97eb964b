/* Text encodings of Chinese reports: BOM, a declared label (HTML meta),
 * then detection (UTF-8, GB18030, Big5), and transcoding to UTF-8 with
 * iconv. GB2312/GBK labels are read as GB18030, their superset: a page
 * labelled gb2312 routinely holds GBK-only characters. */
#ifndef EXTRACT_ENCODING_H
#define EXTRACT_ENCODING_H

#include "text.h"

#include <stddef.h>

/* Our name ("utf-8", "gb18030", "big5", "utf-16le", "utf-16be") for a
 * charset label, or NULL when we do not read that charset. */
const char *enc_from_label(const char *label, size_t len);

/* Decodes data to UTF-8 into out, strictly: 0 ok, -1 invalid input for enc
 * (out then undefined), -2 out of memory. */
int enc_decode_strict(const unsigned char *data, size_t len, const char *enc, tbuf *out);

typedef struct {
    const char *encoding;  /* our name, as the document header reports it */
    size_t skipped;        /* bytes of a BOM left out */
    long bad;              /* bytes that decoded in no encoding (U+FFFD) */
    const char *how;       /* "bom", "label", "detected", "fallback" */
} enc_result;

/* Decodes a text document to UTF-8. label: the document's own charset
 * declaration or NULL. Returns 0, or -1 out of memory. */
int enc_decode_text(const unsigned char *data, size_t len, const char *label,
                    tbuf *out, enc_result *res);

/* For short strings (zip member names): "utf-8" when valid UTF-8 whose every
 * non-ASCII sequence is 3-4 bytes long (CJK in UTF-8, where GBK pairs look
 * like 2-byte sequences), else "gb18030", else "big5" when they decode
 * strictly, else NULL. */
const char *enc_guess_name(const unsigned char *s, size_t len);

#endif
