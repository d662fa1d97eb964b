#include "decimal.h"

#include <string.h>

static const int64_t POW10[] = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
    100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
    1000000000000LL, 10000000000000LL, 100000000000000LL,
    1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
    1000000000000000000LL};

/* Recognises one character at s; returns its byte length and sets *kind. */
enum { CH_OTHER, CH_DIGIT, CH_POINT, CH_COMMA, CH_MINUS, CH_PLUS, CH_SPACE, CH_DASH, CH_OPEN, CH_CLOSE };

static int classify(const unsigned char *s, size_t n, int *kind, int *digit)
{
    unsigned char c = s[0];
    if (c >= '0' && c <= '9') { *kind = CH_DIGIT; *digit = c - '0'; return 1; }
    switch (c) {
    case '.': *kind = CH_POINT; return 1;
    case ',': *kind = CH_COMMA; return 1;
    case '-': *kind = CH_MINUS; return 1;
    case '+': *kind = CH_PLUS; return 1;
    case '(': *kind = CH_OPEN; return 1;
    case ')': *kind = CH_CLOSE; return 1;
    case '/': *kind = CH_DASH; return 1;   /* a slash alone is a nil too */
    case ' ': case '\t': case '\r': case '\n': *kind = CH_SPACE; return 1;
    }
    if (n >= 2 && c == 0xC2 && s[1] == 0xA0) { *kind = CH_SPACE; return 2; }
    if (n >= 3 && c == 0xEF && s[1] == 0xBC) {          /* U+FF00..U+FF3F */
        unsigned char d = s[2];
        if (d >= 0x90 && d <= 0x99) { *kind = CH_DIGIT; *digit = d - 0x90; return 3; }
        if (d == 0x8E) { *kind = CH_POINT; return 3; }   /* ． */
        if (d == 0x8C) { *kind = CH_COMMA; return 3; }   /* ， */
        if (d == 0x8D) { *kind = CH_MINUS; return 3; }   /* － */
        if (d == 0x8B) { *kind = CH_PLUS; return 3; }    /* ＋ */
        if (d == 0x88) { *kind = CH_OPEN; return 3; }    /* （ */
        if (d == 0x89) { *kind = CH_CLOSE; return 3; }   /* ） */
        if (d == 0x8F) { *kind = CH_DASH; return 3; }    /* ／ */
    }
    if (n >= 3 && c == 0xE3 && s[1] == 0x80 && s[2] == 0x80) { *kind = CH_SPACE; return 3; }
    if (n >= 3 && c == 0xE2 && s[1] == 0x88 && s[2] == 0x92) { *kind = CH_MINUS; return 3; } /* − */
    if (n >= 3 && c == 0xE2 && s[1] == 0x80 && (s[2] == 0x94 || s[2] == 0x93)) { *kind = CH_DASH; return 3; } /* — – */
    *kind = CH_OTHER;
    return 1;
}

dec_status dec_parse(const char *str, size_t len, decimal *out)
{
    const unsigned char *s = (const unsigned char *)str;
    int kinds[64], digits[64];
    int nk = 0;
    /* tokenise, dropping spaces at both ends only */
    size_t i = 0;
    while (i < len) {
        int kind, digit = 0;
        int l = classify(s + i, len - i, &kind, &digit);
        if (kind == CH_OTHER)
            return DEC_INVALID;
        if (nk == 64)
            return DEC_OVERFLOW;
        kinds[nk] = kind;
        digits[nk] = digit;
        nk++;
        i += (size_t)l;
    }
    int a = 0, b = nk;
    while (a < b && kinds[a] == CH_SPACE) a++;
    while (b > a && kinds[b - 1] == CH_SPACE) b--;
    if (a == b)
        return DEC_EMPTY;
    /* a dash alone (or a run of dashes, or a slash) is the reports' way to
     * print "no figure" */
    int all_dash = 1;
    for (int k = a; k < b; k++)
        if (kinds[k] != CH_DASH && kinds[k] != CH_MINUS)
            all_dash = 0;
    if (all_dash && b - a <= 2)
        return DEC_NIL;

    int neg = 0, paren = 0;
    if (kinds[a] == CH_OPEN && kinds[b - 1] == CH_CLOSE) {
        paren = 1;
        a++;
        b--;
    }
    if (a < b && (kinds[a] == CH_MINUS || kinds[a] == CH_PLUS)) {
        neg = kinds[a] == CH_MINUS;
        a++;
    }
    if (paren && neg)
        return DEC_INVALID;
    neg |= paren;

    int64_t units = 0;
    int scale = 0, seen_point = 0, ndigits = 0;
    for (int k = a; k < b; k++) {
        switch (kinds[k]) {
        case CH_DIGIT:
            if (units > (INT64_MAX - digits[k]) / 10)
                return DEC_OVERFLOW;
            units = units * 10 + digits[k];
            ndigits++;
            if (seen_point && ++scale > DEC_MAX_SCALE)
                return DEC_OVERFLOW;
            break;
        case CH_POINT:
            /* .35 and .00: a spreadsheet format #,###.00 prints no zero
             * before the point */
            if (seen_point)
                return DEC_INVALID;
            seen_point = 1;
            break;
        case CH_COMMA:
            /* a thousands separator sits between digits of the integer part */
            if (seen_point || k == a || k + 1 >= b || kinds[k - 1] != CH_DIGIT || kinds[k + 1] != CH_DIGIT)
                return DEC_INVALID;
            break;
        default:
            return DEC_INVALID;
        }
    }
    if (ndigits == 0 || (seen_point && scale == 0))
        return DEC_INVALID;
    out->units = neg ? -units : units;
    out->scale = scale;
    return DEC_OK;
}

decimal dec_from_int(int64_t v, int scale)
{
    decimal d = {v, scale};
    return d;
}

/* Results stay within +-INT64_MAX: INT64_MIN has no negation, and
 * dec_neg/dec_abs/dec_sub must never overflow on a value we produced. */
static int fits(__int128 v) { return v <= INT64_MAX && v >= -(__int128)INT64_MAX; }

static int upscale(decimal a, int scale, int64_t *units)
{
    __int128 v = (__int128)a.units * POW10[scale - a.scale];
    if (!fits(v))
        return -1;
    *units = (int64_t)v;
    return 0;
}

int dec_add(decimal a, decimal b, decimal *out)
{
    int s = a.scale > b.scale ? a.scale : b.scale;
    /* in 128 bits: 2.8 - 10000000000 fits even though 10000000000.000000000 does not */
    __int128 r = (__int128)a.units * POW10[s - a.scale] + (__int128)b.units * POW10[s - b.scale];
    if (!fits(r))
        return -1;
    out->units = (int64_t)r;
    out->scale = s;
    return 0;
}

int dec_sub(decimal a, decimal b, decimal *out)
{
    if (b.units == INT64_MIN)
        return -1;
    return dec_add(a, dec_neg(b), out);
}

/* Returns the full 128-bit quotient: callers check the range themselves
 * (a cast to int64_t here once turned overflows into wrong figures). */
static __int128 round_div(__int128 num, __int128 den)
{
    /* half away from zero */
    int neg = (num < 0) != (den < 0);
    if (num < 0) num = -num;
    if (den < 0) den = -den;
    __int128 q = num / den, r = num % den;
    if (2 * r >= den)
        q++;
    return neg ? -q : q;
}

int dec_mul(decimal a, decimal b, decimal *out)
{
    int s = a.scale + b.scale;
    __int128 v = (__int128)a.units * b.units;
    if (s > DEC_MAX_SCALE) {
        /* one rounding: rounding digit by digit rounds 0.00000000045 up */
        v = round_div(v, POW10[s - DEC_MAX_SCALE]);
        s = DEC_MAX_SCALE;
    }
    if (!fits(v))
        return -1;
    out->units = (int64_t)v;
    out->scale = s;
    return 0;
}

int dec_div(decimal a, decimal b, int scale, decimal *out)
{
    if (b.units == 0 || scale < 0 || scale > DEC_MAX_SCALE)
        return -1;
    /* a/b = a.units*10^(scale - a.scale + b.scale) / b.units */
    int shift = scale - a.scale + b.scale;
    __int128 num = a.units, den = b.units;
    if (shift >= 0) {
        if (shift > 18)
            return -1;
        num *= POW10[shift];
    } else {
        if (-shift > 18)
            return -1;
        den *= POW10[-shift];
    }
    __int128 q = round_div(num, den);
    if (!fits(q))
        return -1;
    out->units = (int64_t)q;
    out->scale = scale;
    return 0;
}

int dec_rescale(decimal a, int scale, decimal *out)
{
    if (scale < 0 || scale > DEC_MAX_SCALE)
        return -1;
    if (scale >= a.scale) {
        int64_t u;
        if (upscale(a, scale, &u))
            return -1;
        out->units = u;
    } else {
        out->units = (int64_t)round_div(a.units, POW10[a.scale - scale]);
    }
    out->scale = scale;
    return 0;
}

int dec_cmp(decimal a, decimal b)
{
    int s = a.scale > b.scale ? a.scale : b.scale;
    __int128 x = (__int128)a.units * POW10[s - a.scale];
    __int128 y = (__int128)b.units * POW10[s - b.scale];
    return (x > y) - (x < y);
}

decimal dec_neg(decimal a)
{
    a.units = -a.units;
    return a;
}

decimal dec_abs(decimal a)
{
    return a.units < 0 ? dec_neg(a) : a;
}

int dec_is_zero(decimal a) { return a.units == 0; }

int dec_format(decimal a, char *buf, size_t size)
{
    char digits[32];
    uint64_t u = a.units < 0 ? (uint64_t)0 - (uint64_t)a.units : (uint64_t)a.units;
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (nd <= a.scale)
        digits[nd++] = '0';
    size_t need = (size_t)nd + (a.scale > 0) + (a.units < 0) + 1;
    if (need > size)
        return -1;
    size_t n = 0;
    if (a.units < 0)
        buf[n++] = '-';
    for (int i = nd - 1; i >= 0; i--) {
        buf[n++] = digits[i];
        if (i == a.scale && a.scale > 0)
            buf[n++] = '.';
    }
    buf[n] = '\0';
    return (int)n;
}
