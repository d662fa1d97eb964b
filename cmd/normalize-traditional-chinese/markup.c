#include "markup.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Tags that end a line of text become a space; the others vanish. */
static const char *const BLOCK_TAGS[] = {
    "address", "article", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl",
    "dt", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
    "thead", "title", "tr", "ul", NULL};
static const char *const INLINE_TAGS[] = {
    "a", "abbr", "b", "big", "code", "col", "colgroup", "del", "em", "font", "i", "img",
    "input", "ins", "label", "link", "meta", "nobr", "o:p", "s", "small", "span", "strike",
    "strong", "sub", "sup", "tt", "u", "wbr", "st1:chsdate", "v:shape", NULL};

static int in_list(const char *const *list, const char *name, size_t n)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], name, n) == 0)
            return 1;
    return 0;
}

/* 0: not a known tag name; 1: inline; 2: block. */
static int tag_kind(const char *name, size_t n)
{
    if (in_list(BLOCK_TAGS, name, n))
        return 2;
    if (in_list(INLINE_TAGS, name, n))
        return 1;
    return 0;
}

static size_t name_len(const char *s, size_t n)
{
    size_t k = 0;
    if (k < n && isalpha((unsigned char)s[k]))
        k++;
    else
        return 0;
    while (k < n && (isalnum((unsigned char)s[k]) || s[k] == ':'))
        k++;
    return k;
}

/* Length of a well-formed tag at s ('<' first), or 0; *kind as tag_kind. */
static size_t tag_at(const char *s, size_t n, int *kind)
{
    size_t k = 1;
    if (k < n && s[k] == '/')
        k++;
    size_t nl = name_len(s + k, n - k);
    if (!nl || !(*kind = tag_kind(s + k, nl)))
        return 0;
    k += nl;
    if (k < n && s[k] == '>')
        return k + 1;
    if (k + 1 < n && s[k] == '/' && s[k + 1] == '>')
        return k + 2;
    if (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r')) {
        for (; k < n; k++) {
            if (s[k] == '>')
                return k + 1;
            if (s[k] == '<')
                return 0;
        }
    }
    return 0;
}

/* An orphan closing tag whose '<' was lost (`安全/span>`): only names of
 * two letters or more, so that 1/b> or km/h> stay text. */
static size_t orphan_close_at(const char *s, size_t n)
{
    size_t nl = name_len(s + 1, n - 1);
    if (nl < 2 || 1 + nl >= n || s[1 + nl] != '>' || !tag_kind(s + 1, nl))
        return 0;
    return nl + 2;
}

static size_t comment_at(const char *s, size_t n)
{
    if (n < 7 || memcmp(s, "<!--", 4) != 0)
        return 0;
    for (size_t k = 4; k + 2 < n; k++)
        if (memcmp(s + k, "-->", 3) == 0)
            return k + 3;
    return 0;
}

static size_t bookmark_at(const char *s, size_t n)
{
    static const char B[] = "[bookmark: ";
    if (n < sizeof B || memcmp(s, B, sizeof B - 1) != 0)
        return 0;
    for (size_t k = sizeof B - 1; k < n && k < 200; k++) {
        if (s[k] == ']')
            return k + 1;
        if (s[k] == '[' || s[k] == '\n')
            return 0;
    }
    return 0;
}

static const struct {
    const char *name;
    uint32_t cp;
} ENTITIES[] = {
    {"nbsp", 0xA0}, {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''},
    {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009}, {"middot", 0xB7},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"times", 0xD7},
    {"divide", 0xF7}, {"plusmn", 0xB1}, {"le", 0x2264}, {"ge", 0x2265}, {"yen", 0xA5},
    {"copy", 0xA9}, {"reg", 0xAE}, {"deg", 0xB0}, {"permil", 0x2030}, {"shy", 0xAD},
    {"zwsp", 0x200B}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"bull", 0x2022}, {"sup2", 0xB2},
    {NULL, 0}};

/* Length of a well-formed entity at s ('&' first), or 0; *cp its value. */
static size_t entity_at(const char *s, size_t n, uint32_t *cp)
{
    size_t k = 1;
    if (k < n && s[k] == '#') {
        k++;
        int hex = k < n && (s[k] == 'x' || s[k] == 'X');
        if (hex)
            k++;
        uint32_t v = 0;
        size_t d = 0;
        for (; k < n && d < 8; k++, d++) {
            int c = (unsigned char)s[k];
            int x;
            if (c >= '0' && c <= '9')
                x = c - '0';
            else if (hex && isxdigit(c))
                x = (tolower(c) - 'a') + 10;
            else
                break;
            v = v * (hex ? 16 : 10) + (uint32_t)x;
            if (v > 0x10FFFF)
                return 0;
        }
        if (!d || k >= n || s[k] != ';' || v == 0 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return k + 1;
    }
    size_t nl = 0;
    while (k + nl < n && nl < 8 && isalnum((unsigned char)s[k + nl]))
        nl++;
    if (!nl || k + nl >= n || s[k + nl] != ';')
        return 0;
    for (int i = 0; ENTITIES[i].name; i++)
        if (strlen(ENTITIES[i].name) == nl && memcmp(ENTITIES[i].name, s + k, nl) == 0) {
            *cp = ENTITIES[i].cp;
            return k + nl + 1;
        }
    return 0;
}

/* Decoding &lt;span> or &amp;nbsp; would make new markup that a second
 * run removes: such entities stay, so that twice gives what once gave.
 * Only those: &lt; before anything else is decoded. */
static int would_make_markup(uint32_t cp, const char *rest, size_t n)
{
    char buf[256];
    if (cp != '<' && cp != '&' && cp != '[' && cp != '/')
        return 0;
    /* what follows as a later round would see it: &gt; &lt; decoded */
    size_t k = 0;
    buf[k++] = (char)cp;
    for (size_t i = 0; i < n && k < sizeof buf; i++) {
        if (n - i >= 4 && (memcmp(rest + i, "&gt;", 4) == 0 || memcmp(rest + i, "&lt;", 4) == 0)) {
            buf[k++] = rest[i + 1] == 'g' ? '>' : '<';
            i += 3;
        } else {
            buf[k++] = rest[i];
        }
    }
    int kind;
    uint32_t v;
    switch (cp) {
    case '<': return comment_at(buf, k) || tag_at(buf, k, &kind);
    case '&': return entity_at(buf, k, &v) != 0;
    case '[': return bookmark_at(buf, k) != 0;
    default: return orphan_close_at(buf, k) != 0;
    }
}

size_t strip_markup(const char *in, size_t len, sbuf *out, int *removed)
{
    *removed = 0;
    size_t i = 0, start = 0, changed = 0;
    int kind;
    uint32_t cp;
    while (i < len) {
        char c = in[i];
        size_t m = 0;
        const char *repl = "";
        if (c == '<') {
            if ((m = comment_at(in + i, len - i)) == 0 && (m = tag_at(in + i, len - i, &kind)) != 0)
                repl = kind == 2 ? " " : "";
        } else if (c == '/' && (i == 0 || in[i - 1] != '<')) {
            m = orphan_close_at(in + i, len - i);
        } else if (c == '[') {
            m = bookmark_at(in + i, len - i);
        } else if (c == '&') {
            m = entity_at(in + i, len - i, &cp);
            if (m && would_make_markup(cp, in + i + m, len - i - m))
                m = 0;
            if (m) {
                sb_put(out, in + start, i - start);
                sb_put_cp(out, cp);
                changed++;
                /* a decoded mark can close markup begun before it
                 * (/span&gt;): the caller looks again */
                if (cp == '<' || cp == '>' || cp == '&' || cp == ';' || cp == '[' || cp == ']' || cp == '/')
                    *removed = 1;
                i += m;
                start = i;
                continue;
            }
        }
        if (m) {
            sb_put(out, in + start, i - start);
            sb_put(out, repl, strlen(repl));
            changed += m;
            *removed = 1;
            i += m;
            start = i;
        } else {
            i++;
        }
    }
    sb_put(out, in + start, len - start);
    return changed;
}

int markup_possible(const char *in, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        if (c == '<' || c == '&' || c == '[' || c == '/')
            return 1;
    }
    return 0;
}
