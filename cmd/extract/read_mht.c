/* MHTML (.mht/.mhtml): a web page and the files it links, in one MIME
 * message of related parts (RFC 2557) — what Excel and Word write for
 * 单个文件网页, one part per sheet. Each text/html part is decoded from its
 * transfer encoding and read as a page, in message order, into the one
 * document; the frameset's tab strip (tabstrip.htm) names the sheets and
 * is no table of the report. */
#define _GNU_SOURCE /* memmem */
#include "extract.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MHT_MAX_PARTS 4096 /* a workbook has a sheet or two per table */

/* The end of the header block that starts at p: past its blank line. */
static const char *headers_end(const char *p, const char *end)
{
    for (const char *q = p; q < end; q++)
        if (*q == '\n' && (q + 1 < end) && (q[1] == '\n' || (q[1] == '\r' && q + 2 < end && q[2] == '\n')))
            return q[1] == '\n' ? q + 2 : q + 3;
    return end;
}

/* The value of header name in [p, end) (unfolded, up to size - 1 bytes),
 * or "" when absent. */
static void header(const char *p, const char *end, const char *name, char *out, size_t size)
{
    size_t nl = strlen(name), n = 0;
    out[0] = '\0';
    for (const char *q = p; q < end; q++) {
        if ((q == p || q[-1] == '\n') && (size_t)(end - q) > nl && strncasecmp(q, name, nl) == 0 &&
            q[nl] == ':') {
            q += nl + 1;
            while (q < end && (*q == ' ' || *q == '\t'))
                q++;
            while (q < end && n + 1 < size) {
                if (*q == '\r' || *q == '\n') {
                    const char *r = q;
                    while (r < end && (*r == '\r' || *r == '\n'))
                        r++;
                    /* a folded line goes on; another header ends it */
                    if (r < end && (*r == ' ' || *r == '\t') && r - q <= 2) {
                        q = r;
                        continue;
                    }
                    break;
                }
                out[n++] = *q++;
            }
            out[n] = '\0';
            return;
        }
    }
}

/* The parameter param="value" (or unquoted) of a header value. */
static void parameter(const char *value, const char *param, char *out, size_t size)
{
    out[0] = '\0';
    size_t pl = strlen(param);
    for (const char *p = value; *p; p++) {
        if (strncasecmp(p, param, pl) != 0 || p[pl] != '=' ||
            (p != value && p[-1] != ';' && p[-1] != ' ' && p[-1] != '\t'))
            continue;
        p += pl + 1;
        char stop = *p == '"' ? '"' : ';';
        if (*p == '"')
            p++;
        size_t n = 0;
        while (*p && *p != stop && n + 1 < size && !(stop == ';' && (*p == ' ' || *p == '\t')))
            out[n++] = *p++;
        out[n] = '\0';
        return;
    }
}

/* Quoted-printable, decoded in place; returns the new length. */
static size_t unquote(unsigned char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '=') {
            s[o++] = s[i];
            continue;
        }
        if (i + 1 < n && s[i + 1] == '\n') { /* a soft line break */
            i += 1;
        } else if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
            i += 2;
        } else if (i + 2 < n && g_ascii_xdigit_value((gchar)s[i + 1]) >= 0 &&
                   g_ascii_xdigit_value((gchar)s[i + 2]) >= 0) {
            s[o++] = (unsigned char)(g_ascii_xdigit_value((gchar)s[i + 1]) * 16 +
                                     g_ascii_xdigit_value((gchar)s[i + 2]));
            i += 2;
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

/* Reads one part: its headers at p, its body up to end. */
static int read_part(const char *p, const char *end, emitter *em)
{
    const char *body = headers_end(p, end);
    char type[256], enc[64], loc[512];
    header(p, body, "Content-Type", type, sizeof type);
    header(p, body, "Content-Transfer-Encoding", enc, sizeof enc);
    header(p, body, "Content-Location", loc, sizeof loc);
    if (strncasecmp(type, "text/html", 9) != 0)
        return EM_OK; /* images, filelist.xml, styles */
    size_t ll = strlen(loc);
    if (ll >= 12 && strcasecmp(loc + ll - 12, "tabstrip.htm") == 0)
        return EM_OK;
    size_t n = (size_t)(end - body);
    unsigned char *buf = g_malloc(n + 1);
    memcpy(buf, body, n);
    if (strncasecmp(enc, "quoted-printable", 16) == 0) {
        n = unquote(buf, n);
    } else if (strncasecmp(enc, "base64", 6) == 0) {
        gint state = 0;
        guint save = 0;
        n = g_base64_decode_step((const gchar *)buf, n, buf, &state, &save);
    }
    int rc = read_html(buf, n, em);
    g_free(buf);
    return rc;
}

int read_mht(const unsigned char *data, size_t len, emitter *em)
{
    const char *s = (const char *)data, *end = s + len;
    const char *top = headers_end(s, end);
    char type[512], boundary[256];
    header(s, top, "Content-Type", type, sizeof type);
    parameter(type, "boundary", boundary, sizeof boundary);
    if (!boundary[0]) /* a single part: the page itself */
        return read_part(s, end, em);
    char delim[260];
    snprintf(delim, sizeof delim, "--%s", boundary);
    size_t dl = strlen(delim);
    const char *part = NULL;
    int parts = 0, rc = EM_OK, closed = 0;
    for (const char *q = top; q + dl <= end && rc != EM_ABORT;) {
        const char *hit = memmem(q, (size_t)(end - q), delim, dl);
        if (!hit)
            break;
        /* a delimiter starts a line */
        if (hit != s && hit[-1] != '\n') {
            q = hit + dl;
            continue;
        }
        if (part) {
            const char *e = hit;
            if (e > part && e[-1] == '\n') e--;
            if (e > part && e[-1] == '\r') e--;
            rc = read_part(part, e, em);
        }
        const char *after = hit + dl;
        if (after + 1 < end && after[0] == '-' && after[1] == '-') {
            closed = 1; /* the close delimiter */
            break;
        }
        if (++parts > MHT_MAX_PARTS) {
            rc = em_error(em, "limit", "more than %d parts in the MIME message", MHT_MAX_PARTS);
            break;
        }
        const char *nl = memchr(after, '\n', (size_t)(end - after));
        part = nl ? nl + 1 : end;
        q = part;
    }
    if (!parts)
        return em_error(em, "mht_damaged", "a MIME message without its parts (boundary %s)", boundary);
    /* cut short: the last part runs to the end */
    if (!closed && part && part < end && rc != EM_ABORT) {
        int r = read_part(part, end, em);
        if (r)
            rc = r;
    }
    return rc;
}

