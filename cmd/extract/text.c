#include "text.h"

#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tb_add(tbuf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s)
            return -1;
        b->s = s;
        b->cap = cap;
    }
    if (n)
        memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

int tb_addc(tbuf *b, char c) { return tb_add(b, &c, 1); }
int tb_adds(tbuf *b, const char *s) { return tb_add(b, s, strlen(s)); }

void tb_clear(tbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void tb_free(tbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

const char *tb_str(tbuf *b)
{
    if (!b->s && tb_add(b, "", 0))
        return "";
    return b->s;
}

static int is_blank_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x3000 || cp == 0xA0 ||
           cp == 0xFEFF || cp == 0x200B;
}

long text_clean(const char *s, size_t n, tbuf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    long bad = 0;
    size_t keep_end = 0;    /* out->len after the last non-blank code point */
    int started = 0;
    tb_clear(out);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode(u + i, n - i, &cp);
        const char *p = s + i;
        char rep[4];
        if (l == 0) {
            bad++;
            cp = 0xFFFD;
            l = utf8_encode(cp, rep);
            p = rep;
            i++;
        } else {
            i += (size_t)l;
        }
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F)
            continue;
        if (is_blank_cp(cp)) {
            if (!started)
                continue;
        } else {
            started = 1;
        }
        if (tb_add(out, p, (size_t)l))
            return -1;
        if (!is_blank_cp(cp))
            keep_end = out->len;
    }
    out->len = keep_end;
    if (out->s)
        out->s[out->len] = '\0';
    return bad;
}

int text_blank(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode(u + i, n - i, &cp);
        if (l == 0)
            return 0;
        if (!is_blank_cp(cp) && cp != '\r')
            return 0;
        i += (size_t)l;
    }
    return 1;
}

int text_escape(const char *s, size_t n, tbuf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    tb_clear(out);
    if (tb_add(out, "", 0))
        return -1;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode(u + i, n - i, &cp);
        if (l == 0 || cp == 0) {
            char esc[5];
            snprintf(esc, sizeof esc, "\\x%02X", u[i]);
            if (tb_add(out, esc, 4))
                return -1;
            i++;
            continue;
        }
        if (tb_add(out, s + i, (size_t)l))
            return -1;
        i += (size_t)l;
    }
    return 0;
}
