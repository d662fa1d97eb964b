#define _GNU_SOURCE /* memmem */
#include "sniff.h"

#include <string.h>
#include <strings.h>

static int has_prefix(const unsigned char *d, size_t n, const char *p)
{
    size_t l = strlen(p);
    return n >= l && memcmp(d, p, l) == 0;
}

/* An HTML tag near the start, after a BOM, blanks and comments. */
static int looks_html(const unsigned char *d, size_t n)
{
    static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<table",
                                       "<meta", "<title", "<div", "<p>", "<p ", "<br", NULL};
    size_t lim = n < 1024 ? n : 1024;
    size_t i = has_prefix(d, n, "\xEF\xBB\xBF") ? 3 : 0;
    while (i < lim) {
        while (i < lim && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
            i++;
        if (i >= lim || d[i] != '<')
            return 0;
        for (int t = 0; tags[t]; t++) {
            size_t l = strlen(tags[t]);
            if (i + l <= n && strncasecmp((const char *)d + i, tags[t], l) == 0)
                return 1;
        }
        /* skip a comment, an XML declaration or a doctype of another kind */
        if (i + 4 <= n && memcmp(d + i, "<!--", 4) == 0) {
            const unsigned char *e = memmem(d + i, n - i, "-->", 3);
            if (!e)
                return 0;
            i = (size_t)(e - d) + 3;
        } else if (i + 2 <= n && (d[i + 1] == '?' || d[i + 1] == '!')) {
            const unsigned char *e = memchr(d + i, '>', n - i);
            if (!e)
                return 0;
            i = (size_t)(e - d) + 1;
        } else {
            return 0;
        }
    }
    return 0;
}

/* An HTML document in UTF-16 behind its BOM (Word's 网页 saved as
 * Unicode): its ASCII read off every other byte. */
static int looks_html_utf16(const unsigned char *d, size_t n)
{
    int le = has_prefix(d, n, "\xFF\xFE"), be = has_prefix(d, n, "\xFE\xFF");
    if (!le && !be)
        return 0;
    unsigned char ascii[1024];
    size_t m = 0;
    for (size_t i = 2; i + 1 < n && m < sizeof ascii; i += 2) {
        unsigned char lo = le ? d[i] : d[i + 1], hi = le ? d[i + 1] : d[i];
        ascii[m++] = hi == 0 && lo < 0x80 ? lo : '?';
    }
    return looks_html(ascii, m);
}

/* A MIME message of related parts (MHTML, Excel's and Word's 单个文件网页):
 * MIME headers first, a multipart/related type among them. */
static int looks_mht(const unsigned char *d, size_t n)
{
    size_t lim = n < 4096 ? n : 4096;
    if (!(lim >= 13 && (strncasecmp((const char *)d, "MIME-Version:", 13) == 0 ||
                        strncasecmp((const char *)d, "From:", 5) == 0 ||
                        strncasecmp((const char *)d, "Content-Type:", 13) == 0)))
        return 0;
    static const char type[] = "multipart/related";
    for (size_t i = 0; i + sizeof type - 1 <= lim; i++)
        if (strncasecmp((const char *)d + i, type, sizeof type - 1) == 0)
            return 1;
    return 0;
}

sniff_kind sniff(const unsigned char *data, size_t len)
{
    if (len == 0)
        return SNIFF_EMPTY;
    if (has_prefix(data, len, "PK\x03\x04") || has_prefix(data, len, "PK\x05\x06"))
        return SNIFF_ZIP;
    if (has_prefix(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return SNIFF_OLE2;
    if (memmem(data, len < 1024 ? len : 1024, "%PDF-", 5))
        return SNIFF_PDF;
    if (looks_html(data, len) || looks_html_utf16(data, len))
        return SNIFF_HTML;
    if (looks_mht(data, len))
        return SNIFF_MHT;
    return SNIFF_TEXT;
}
