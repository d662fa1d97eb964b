#include "label.h"

#include <stdarg.h>
#include <string.h>

/* Byte length of a space at s (ASCII, no-break, ideographic), else 0. */
static size_t space_len(const unsigned char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

void label_strip_spaces(const char *s, char *out, size_t size)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        size_t sl = space_len(p);
        if (sl) {
            p += sl;
            continue;
        }
        /* whole characters only: never cut a UTF-8 sequence in half */
        size_t cl = seq_len(*p);
        if (o + cl >= size)
            break;
        for (size_t i = 0; i < cl && *p; i++)
            out[o++] = (char)*p++;
    }
    out[o] = 0;
}

static const char *const NUMERALS[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};

static size_t numeral_len(const char *s)
{
    for (int i = 0; NUMERALS[i]; i++)
        if (strncmp(s, NUMERALS[i], strlen(NUMERALS[i])) == 0)
            return strlen(NUMERALS[i]);
    return 0;
}

/* Length of the list numbering at the start of s, 0 when there is none. */
static size_t numbering_len(const char *s)
{
    size_t n = 0, k;
    const char *open = NULL;
    if (strncmp(s, "（", 3) == 0)
        open = "）", n = 3;
    else if (*s == '(')
        open = ")", n = 1;
    size_t start = n;
    if ((k = numeral_len(s + n)) != 0) {
        while ((k = numeral_len(s + n)) != 0)
            n += k;
    } else {
        while (s[n] >= '0' && s[n] <= '9')
            n++;
    }
    if (n == start)
        return 0;
    if (open) {
        size_t ol = strlen(open);
        return strncmp(s + n, open, ol) == 0 ? n + ol : 0;
    }
    if (strncmp(s + n, "、", 3) == 0 || strncmp(s + n, "．", 3) == 0)
        return n + 3;
    if (s[n] == '.')
        return n + 1;
    return 0;
}

void label_norm(const char *s, char *out, size_t size)
{
    char tmp[512];
    label_strip_spaces(s, tmp, sizeof tmp);
    const char *p = tmp;
    size_t k;
    while ((k = numbering_len(p)) != 0)
        p += k;
    if (strncmp(p, "其中：", 9) == 0)
        p += 9;
    else if (strncmp(p, "其中:", 7) == 0)
        p += 7;
    size_t len = strlen(p);
    if (len >= size)
        len = size - 1;
    memcpy(out, p, len);
    out[len] = 0;
}

int label_is_code(const char *s)
{
    if (!s || !*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

void str_copy(char *dst, size_t size, const char *src)
{
    size_t len = src ? strlen(src) : 0;
    if (len >= size) {
        len = size - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    if (len)
        memcpy(dst, src, len);
    dst[len] = 0;
}

void str_join(char *dst, size_t size, char sep, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    size_t o = 0;
    dst[0] = 0;
    for (int i = 0; i < n; i++) {
        const char *s = va_arg(ap, const char *);
        if (i > 0 && o + 1 < size)
            dst[o++] = sep;
        str_copy(dst + o, size - o, s);
        o += strlen(dst + o);
    }
    dst[o < size ? o : size - 1] = 0;
    va_end(ap);
}
