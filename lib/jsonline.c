#include "jsonline.h"

#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int grow_slow(jline *j, size_t more)
{
    if (j->failed)
        return -1;
    size_t cap = j->cap ? j->cap : 256;
    while (cap < j->len + more) {
        if (cap > ((size_t)-1) / 2) {
            j->failed = 1;
            return -1;
        }
        cap *= 2;
    }
    char *s = realloc(j->s, cap);
    if (!s) {
        j->failed = 1;
        return -1;
    }
    j->s = s;
    j->cap = cap;
    return 0;
}

/* Room for more bytes; the check inline, the growing out of line (a record
 * writes some fifty small pieces). After a failure writes go on into the
 * buffer there is, and jl_write refuses the line. */
static inline int grow(jline *j, size_t more)
{
    return j->len + more <= j->cap ? 0 : grow_slow(j, more);
}

static void put(jline *j, const char *s, size_t n)
{
    if (grow(j, n))
        return;
    memcpy(j->s + j->len, s, n);
    j->len += n;
}

static void putc1(jline *j, char c)
{
    if (grow(j, 1))
        return;
    j->s[j->len++] = c;
}

/* The separator and key that come before a value at the current level. */
static int put_string(jline *j, const char *s, size_t n);

/* The separator and key that come before a value at the current level.
 * Keys are escaped like strings: jl_json writes back keys read from the
 * stream, which may hold a quote or a control character. */
static void member(jline *j, const char *key)
{
    if (j->depth == 0)
        return;
    int d = j->depth - 1;
    if (!j->first[d])
        putc1(j, ',');
    j->first[d] = 0;
    if (j->closer[d] == '}') {
        if (!key)
            key = "";
        size_t n = 0;
        int plain = 1;   /* the program's own keys: printable ASCII */
        for (; key[n]; n++)
            if ((unsigned char)key[n] < 0x20 || (unsigned char)key[n] >= 0x80 || key[n] == '"' ||
                key[n] == '\\')
                plain = 0;
        if (plain) {
            putc1(j, '"');
            put(j, key, n);
            put(j, "\":", 2);
            return;
        }
        if (put_string(j, key, n) != 0)   /* not UTF-8: only a program bug gets here */
            j->failed = 1;
        putc1(j, ':');
    }
}

void jl_init(jline *j)
{
    j->s = NULL;
    j->len = j->cap = 0;
    j->failed = 0;
    j->depth = 0;
}

void jl_init_keep(jline *j)
{
    j->len = 0;
    j->failed = 0;
    j->depth = 0;
}

void jl_begin(jline *j)
{
    j->len = 0;
    j->failed = 0;
    j->depth = 0;
    jl_open_object(j, NULL);
}

void jl_free(jline *j)
{
    free(j->s);
    j->s = NULL;
    j->len = j->cap = 0;
}

/* Length of the valid UTF-8 sequence at u (n > 0 bytes, u[0] >= 0x80), or
 * 0. The two- and three-byte forms (all of CJK) are checked here, inline:
 * this loop runs over every string of every record. */
static size_t seq_len(const unsigned char *u, size_t n)
{
    unsigned char c = u[0];
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (u[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && u[1] < 0xA0) || (c == 0xED && u[1] > 0x9F))
            return 0;   /* overlong, or a surrogate */
        return 3;
    }
    uint32_t cp;
    int l = utf8_decode(u, n, &cp);
    return l > 0 ? (size_t)l : 0;
}

/* Writes s as a JSON string with the escapes json_dumps writes: the short
 * forms, \u00XX for the other controls, nothing else (not '/', not DEL, not
 * non-ASCII). -1, with nothing kept, when s is not valid UTF-8. */
static int put_string(jline *j, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    size_t start = j->len, run = 0, i = 0;
    if (grow(j, n + 2))
        return 0;
    putc1(j, '"');
    while (i < n) {
        unsigned char c = u[i];
        if (c >= 0x80) {
            size_t l = seq_len(u + i, n - i);
            if (!l) {
                j->len = start;
                return -1;
            }
            i += l;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        put(j, s + run, i - run);
        run = ++i;
        switch (c) {
        case '"': put(j, "\\\"", 2); break;
        case '\\': put(j, "\\\\", 2); break;
        case '\n': put(j, "\\n", 2); break;
        case '\t': put(j, "\\t", 2); break;
        case '\r': put(j, "\\r", 2); break;
        case '\b': put(j, "\\b", 2); break;
        case '\f': put(j, "\\f", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(j, esc, sizeof esc);
        }
        }
    }
    put(j, s + run, n - run);
    putc1(j, '"');
    return 0;
}

void jl_strn(jline *j, const char *key, const char *s, size_t n)
{
    size_t before = j->len;
    int d = j->depth - 1;
    unsigned char first = d >= 0 ? j->first[d] : 0;
    if (s) {
        member(j, key);
        if (put_string(j, s, n) == 0)
            return;
        /* not UTF-8: take the member back and write null */
        j->len = before;
        if (d >= 0)
            j->first[d] = first;
    }
    jl_null(j, key);
}

void jl_str(jline *j, const char *key, const char *s)
{
    jl_strn(j, key, s, s ? strlen(s) : 0);
}

void jl_int(jline *j, const char *key, long long v)
{
    /* by hand: snprintf was a visible share of the time at this rate */
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    member(j, key);
    put(j, p, (size_t)(buf + sizeof buf - p));
}

void jl_bool(jline *j, const char *key, int v)
{
    member(j, key);
    if (v)
        put(j, "true", 4);
    else
        put(j, "false", 5);
}

void jl_null(jline *j, const char *key)
{
    member(j, key);
    put(j, "null", 4);
}

static void open_level(jline *j, const char *key, char open, char close)
{
    member(j, key);
    putc1(j, open);
    if (j->depth >= JL_MAX_DEPTH) {
        j->failed = 1;
        return;
    }
    j->closer[j->depth] = close;
    j->first[j->depth] = 1;
    j->depth++;
}

void jl_open_object(jline *j, const char *key) { open_level(j, key, '{', '}'); }
void jl_open_array(jline *j, const char *key) { open_level(j, key, '[', ']'); }

void jl_close(jline *j)
{
    if (j->depth == 0)
        return;
    j->depth--;
    putc1(j, j->closer[j->depth]);
}

/* As jansson's dtostr: %.17g, ".0" on what would read back as an integer,
 * no '+' or leading zeros in the exponent. */
static void put_real(jline *j, double v)
{
    char buf[40];
    int n = snprintf(buf, sizeof buf, "%.17g", v);
    if (n < 0 || (size_t)n >= sizeof buf - 3) {
        put(j, "null", 4);
        return;
    }
    char *comma = strchr(buf, ',');   /* a locale's decimal comma */
    if (comma)
        *comma = '.';
    if (strspn(buf, "0123456789-") == (size_t)n) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(buf, 'e');
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(buf + n - end) + 1);
            n -= (int)(end - start);
        }
    }
    put(j, buf, (size_t)n);
}

static void value(jline *j, const char *key, const json_t *v, int depth)
{
    if (!v) {
        jl_null(j, key);
        return;
    }
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        if (depth >= JL_MAX_DEPTH - 1) {
            j->failed = 1;
            return;
        }
        jl_open_object(j, key);
        {
            const char *k;
            const json_t *m;
            json_object_foreach((json_t *)v, k, m)
                value(j, k, m, depth + 1);
        }
        jl_close(j);
        break;
    case JSON_ARRAY:
        if (depth >= JL_MAX_DEPTH - 1) {
            j->failed = 1;
            return;
        }
        jl_open_array(j, key);
        for (size_t i = 0; i < json_array_size(v); i++)
            value(j, NULL, json_array_get(v, i), depth + 1);
        jl_close(j);
        break;
    case JSON_STRING:
        jl_strn(j, key, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER:
        jl_int(j, key, (long long)json_integer_value(v));
        break;
    case JSON_REAL:
        member(j, key);
        put_real(j, json_real_value(v));
        break;
    case JSON_TRUE:
        jl_bool(j, key, 1);
        break;
    case JSON_FALSE:
        jl_bool(j, key, 0);
        break;
    case JSON_NULL:
        jl_null(j, key);
        break;
    }
}

void jl_json(jline *j, const char *key, const json_t *v) { value(j, key, v, j->depth); }

void jl_members(jline *j, const json_t *obj)
{
    const char *k;
    const json_t *m;
    if (json_is_object(obj))
        json_object_foreach((json_t *)obj, k, m)
            value(j, k, m, j->depth);
}

void jl_end(jline *j)
{
    while (j->depth > 0)
        jl_close(j);
    if (grow(j, 1) == 0)
        j->s[j->len] = '\0';   /* not counted: the line is also a C string */
}

int jl_failed(const jline *j) { return j->failed; }

int jl_write(jline *j, FILE *out)
{
    jl_end(j);
    if (j->failed)
        return -1;
    j->s[j->len] = '\n';   /* jl_end made room for it */
    int rc = fwrite(j->s, 1, j->len + 1, out) == j->len + 1 ? 0 : -1;
    j->s[j->len] = '\0';
    return rc;
}

size_t jl_mark(const jline *j) { return j->len; }

void jl_rewind(jline *j, size_t mark)
{
    if (mark > j->len || mark == 0) {
        jl_begin(j);
        return;
    }
    j->len = mark;
    j->depth = 1;
    j->closer[0] = '}';
    j->first[0] = mark <= 1;
}
