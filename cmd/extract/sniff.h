/* What a document is, from its bytes (never from its name). */
#ifndef EXTRACT_SNIFF_H
#define EXTRACT_SNIFF_H

#include <stddef.h>

typedef enum {
    SNIFF_EMPTY,
    SNIFF_ZIP,     /* an archive, or OOXML: the caller looks inside */
    SNIFF_OLE2,    /* legacy .doc/.xls */
    SNIFF_PDF,
    SNIFF_HTML,
    SNIFF_MHT,     /* MHTML: a web page and its parts in one MIME message */
    SNIFF_TEXT     /* or binary garbage: the text reader decides */
} sniff_kind;

sniff_kind sniff(const unsigned char *data, size_t len);

#endif
