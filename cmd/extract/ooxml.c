#define _GNU_SOURCE /* memmem */
#include "ooxml.h"

#include "ziputil.h"

#include <stdlib.h>
#include <string.h>

zip_t *ooxml_open(emitter *em, const unsigned char *data, size_t len, int *rc)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!za) {
        if (src)
            zip_source_free(src);
        *rc = em_error(em, "zip_corrupt", "cannot open the package: %s", zip_error_strerror(&ze));
    }
    zip_error_fini(&ze);
    return za;
}

int ooxml_part(emitter *em, zip_t *za, const char *name, unsigned char **out, size_t *len, int *rc)
{
    zip_int64_t i = zip_name_locate(za, name, 0);
    if (i < 0)
        return 1;
    char msg[256];
    zr_status s = zip_read_capped(za, (zip_uint64_t)i, em->lim->max_member_bytes,
                                  em->lim->max_ratio, out, len, msg, sizeof msg);
    if (s == ZR_OK)
        return 0;
    *rc = em_error(em, zr_code(s), "%s: %s%s", name, msg,
                   s == ZR_TOO_BIG ? " (--max-member-bytes)" : "");
    return -1;
}

void ooxml_first_error(char *buf, size_t size, const xmlError *e)
{
    if (buf[0] || !e || !e->message)
        return;
    snprintf(buf, size, "line %d: %s", e->line, e->message);
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = '\0';
}

static void on_error(void *arg, xmlErrorPtr e)
{
    xml_in *x = arg;
    ooxml_first_error(x->err, sizeof x->err, e);
}

/* 1 when the prolog (before the root element) holds a DOCTYPE: refused
 * before libxml2 sees a single entity declaration. */
int ooxml_has_doctype(const unsigned char *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (d[i] != '<')
            continue;
        if (i + 1 < n && d[i + 1] == '?') {
            const unsigned char *e = memmem(d + i, n - i, "?>", 2);
            if (!e)
                return 0;
            i = (size_t)(e - d) + 1;
        } else if (i + 3 < n && memcmp(d + i, "<!--", 4) == 0) {
            const unsigned char *e = memmem(d + i, n - i, "-->", 3);
            if (!e)
                return 0;
            i = (size_t)(e - d) + 2;
        } else if (i + 9 <= n && memcmp(d + i, "<!DOCTYPE", 9) == 0) {
            return 1;
        } else {
            return 0;  /* the root element */
        }
    }
    return 0;
}

int xml_open(xml_in *x, emitter *em, const unsigned char *data, size_t len, const char *part)
{
    memset(x, 0, sizeof *x);
    x->em = em;
    x->part = part;
    if (len > (size_t)0x7fffffff) {
        x->rc = em_error(em, "limit", "%s: part too large for the XML reader", part);
        return -1;
    }
    if (ooxml_has_doctype(data, len)) {
        x->rc = em_error(em, "xml",
                         "%s: carries a DOCTYPE, which OOXML and OFD never have (entity attack?): refused",
                         part);
        return -1;
    }
    /* never XML_PARSE_NOENT (reads local files even with NONET), HUGE,
     * DTDLOAD, DTDATTR, DTDVALID or XINCLUDE */
    x->r = xmlReaderForMemory((const char *)data, (int)len, part, NULL,
                              XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
    if (!x->r) {
        x->rc = em_error(em, "xml", "%s: cannot start the XML reader", part);
        return -1;
    }
    xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
    return 0;
}

int xml_next(xml_in *x)
{
    int r;
    if (x->held) {
        x->held = 0;
        r = x->at_end ? 0 : 1;
    } else {
        r = xmlTextReaderRead(x->r);
    }
    if (r == 0)
        return 0;
    if (r < 0) {
        x->rc = em_error(x->em, "xml", "%s: malformed XML: %s", x->part,
                         x->err[0] ? x->err : "parse error");
        return -1;
    }
    int t = xmlTextReaderNodeType(x->r);
    if (t == XML_READER_TYPE_DOCUMENT_TYPE) {
        x->rc = em_error(x->em, "xml",
                         "%s: carries a DOCTYPE, which OOXML and OFD never have (entity attack?): refused",
                         x->part);
        return -1;
    }
    if (t == XML_READER_TYPE_ENTITY_REFERENCE || t == XML_READER_TYPE_ENTITY) {
        x->rc = em_error(x->em, "xml", "%s: entity reference: refused", x->part);
        return -1;
    }
    if (xmlTextReaderDepth(x->r) > x->em->lim->max_xml_depth) {
        x->rc = em_error(x->em, "limit", "%s: elements nested more than --max-xml-depth=%d",
                         x->part, x->em->lim->max_xml_depth);
        return -1;
    }
    return 1;
}

void xml_close(xml_in *x)
{
    if (x->r)
        xmlFreeTextReader(x->r);
    x->r = NULL;
}

int xml_type(xml_in *x) { return xmlTextReaderNodeType(x->r); }
int xml_start(xml_in *x) { return xml_type(x) == XML_READER_TYPE_ELEMENT; }
int xml_empty(xml_in *x) { return xmlTextReaderIsEmptyElement(x->r) == 1; }
int xml_end(xml_in *x)
{
    int t = xml_type(x);
    return t == XML_READER_TYPE_END_ELEMENT || (t == XML_READER_TYPE_ELEMENT && xml_empty(x));
}

const char *xml_local(xml_in *x)
{
    const xmlChar *s = xmlTextReaderConstLocalName(x->r);
    return s ? (const char *)s : "";
}

const char *xml_ns(xml_in *x)
{
    const xmlChar *s = xmlTextReaderConstNamespaceUri(x->r);
    return s ? (const char *)s : "";
}

char *xml_attr(xml_in *x, const char *ns, const char *local)
{
    xmlChar *v = ns ? xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)local, (const xmlChar *)ns)
                    : xmlTextReaderGetAttribute(x->r, (const xmlChar *)local);
    if (!v)
        return NULL;
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

long xml_wattr_long(xml_in *x, const char *local, long dflt)
{
    char *v = xml_wattr(x, local);
    if (!v)
        return dflt;
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v)
        n = dflt;
    free(v);
    return n;
}

int xml_skip(xml_in *x)
{
    if (xml_empty(x))
        return 0;
    int r = xmlTextReaderNext(x->r);
    if (r < 0) {
        x->rc = em_error(x->em, "xml", "%s: malformed XML: %s", x->part,
                         x->err[0] ? x->err : "parse error");
        return -1;
    }
    x->held = 1;
    x->at_end = r == 0;
    return 0;
}

int ns_w(const char *ns)
{
    return strcmp(ns, NS_W) == 0 || strcmp(ns, "http://purl.oclc.org/ooxml/wordprocessingml/main") == 0;
}

int ns_s(const char *ns)
{
    return strcmp(ns, NS_S) == 0 || strcmp(ns, "http://purl.oclc.org/ooxml/spreadsheetml/main") == 0;
}

int ns_r(const char *ns)
{
    return strcmp(ns, NS_R) == 0 ||
           strcmp(ns, "http://purl.oclc.org/ooxml/officeDocument/relationships") == 0;
}

char *xml_wattr(xml_in *x, const char *local)
{
    static const char *const spaces[] = {NS_W, NS_S, "http://purl.oclc.org/ooxml/wordprocessingml/main",
                                         "http://purl.oclc.org/ooxml/spreadsheetml/main", NULL};
    for (int i = 0; spaces[i]; i++) {
        char *v = xml_attr(x, spaces[i], local);
        if (v)
            return v;
    }
    return xml_attr(x, NULL, local);
}
