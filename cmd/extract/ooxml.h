/* What the docx and xlsx readers share: parts read from the package with
 * capped sizes, and a streaming XML reader that is safe on hostile input
 * (no entity substitution, no DTD loading, no network; a DOCTYPE, which
 * OOXML and OFD never have, is refused; element depth capped). OFD reads its
 * parts through the same. */
#ifndef EXTRACT_OOXML_H
#define EXTRACT_OOXML_H

#include "emit.h"

#include <libxml/xmlreader.h>
#include <zip.h>

/* Opens the package in memory. NULL after writing an error record (*rc). */
zip_t *ooxml_open(emitter *em, const unsigned char *data, size_t len, int *rc);

/* Reads a part (name without a leading '/'): 0 ok, 1 absent, -1 error
 * record written (*rc the EM_* result). *out is NUL-terminated. */
int ooxml_part(emitter *em, zip_t *za, const char *name, unsigned char **out, size_t *len, int *rc);
/* The first libxml2 error of a part into buf ("line N: message", trailing
 * blanks trimmed); later ones leave it as it is. */
void ooxml_first_error(char *buf, size_t size, const xmlError *e);

/* 1 when the prolog (before the root element) holds a DOCTYPE. */
int ooxml_has_doctype(const unsigned char *data, size_t len);

typedef struct {
    xmlTextReaderPtr r;
    emitter *em;
    const char *part;
    int rc;           /* after an error: EM_FAIL or EM_ABORT */
    int held;         /* xml_skip moved to a node not yet returned */
    int at_end;
    char err[256];    /* first parser error */
} xml_in;

int xml_open(xml_in *x, emitter *em, const unsigned char *data, size_t len, const char *part);
/* 1 a node, 0 the end, -1 an error record was written (x->rc). */
int xml_next(xml_in *x);
void xml_close(xml_in *x);

/* The current node. */
int xml_type(xml_in *x);
int xml_start(xml_in *x);   /* an element start (possibly empty) */
int xml_end(xml_in *x);     /* an element end, or the start of an empty one */
int xml_empty(xml_in *x);
const char *xml_local(xml_in *x);
const char *xml_ns(xml_in *x);
/* An attribute by namespace URI and local name (NULL ns: no namespace);
 * malloc'd, NULL when absent. */
char *xml_attr(xml_in *x, const char *ns, const char *local);
/* A WordprocessingML/SpreadsheetML attribute: w:val and the like are
 * namespaced in transitional and strict files, plain in some writers. */
char *xml_wattr(xml_in *x, const char *local);
/* Skips the current element's subtree; the next xml_next returns the node
 * after it. -1 error (x->rc). */
int xml_skip(xml_in *x);

/* Namespaces, transitional and strict. */
int ns_w(const char *ns);   /* WordprocessingML main */
int ns_s(const char *ns);   /* SpreadsheetML main */
int ns_r(const char *ns);   /* relationships (in attributes) */
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_S "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* An integer value of xml_wattr, or dflt. */
long xml_wattr_long(xml_in *x, const char *local, long dflt);

#endif
