/* Fuzzes lib/decimal against an exact 128-bit reference: a wrong figure is
 * worse than a crash here, because reconcile would report a slip that is not
 * in the report (or miss one that is). The input is two amounts separated by
 * '|'; with no '|' it is split in the middle.
 *
 * Invariants checked:
 *  - a parsed amount has 0 <= scale <= DEC_MAX_SCALE and |units| <= INT64_MAX;
 *  - dec_format(parse(x)) re-parses to the same units and scale;
 *  - add, sub, mul, div, rescale either return -1 or give exactly the value
 *    the reference computes (one rounding, half away from zero), and return
 *    -1 only when the reference does not fit in int64;
 *  - dec_cmp agrees with the reference ordering. */
#include "decimal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef __int128 i128;

static void fail(const char *what, decimal a, decimal b)
{
    fprintf(stderr, "decimal invariant broken: %s (a=%lld/10^%d b=%lld/10^%d)\n", what,
            (long long)a.units, a.scale, (long long)b.units, b.scale);
    abort();
}

static i128 pow10_128(int n)
{
    i128 p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

/* num/den rounded half away from zero, as the library documents. */
static i128 ref_round_div(i128 num, i128 den)
{
    int neg = (num < 0) != (den < 0);
    if (num < 0) num = -num;
    if (den < 0) den = -den;
    i128 q = num / den, r = num % den;
    if (r >= den - r)
        q++;
    return neg ? -q : q;
}

/* The library's range: INT64_MIN is excluded so that negation never overflows. */
static int fits(i128 v) { return v <= INT64_MAX && v >= -(i128)INT64_MAX; }

static void check_result(const char *what, int rc, decimal got, i128 want_units, int want_scale,
                         int want_fits, decimal a, decimal b)
{
    if (rc == 0) {
        if (!want_fits)
            fail(what, a, b); /* silent overflow */
        if (got.units != (int64_t)want_units || got.scale != want_scale)
            fail(what, a, b);
    } else if (want_fits) {
        fail(what, a, b); /* refused a result that fits */
    }
}

static void check_one(const char *s, size_t n, decimal *out, int *ok)
{
    decimal d;
    *ok = 0;
    if (dec_parse(s, n, &d) != DEC_OK)
        return;
    if (d.scale < 0 || d.scale > DEC_MAX_SCALE || d.units == INT64_MIN)
        fail("parse range", d, d);
    char buf[32];
    int len = dec_format(d, buf, sizeof buf);
    if (len < 0 || (size_t)len != strlen(buf))
        fail("format length", d, d);
    decimal e;
    if (dec_parse(buf, (size_t)len, &e) != DEC_OK || e.units != d.units || e.scale != d.scale)
        fail("format/parse round trip", d, e);
    /* a buffer one byte too small must be refused, never overrun */
    char small[32];
    if (dec_format(d, small, (size_t)len) != -1)
        fail("format into a short buffer", d, d);
    *out = d;
    *ok = 1;
}

static void check_pair(decimal a, decimal b)
{
    decimal r = {0, 0};
    int s = a.scale > b.scale ? a.scale : b.scale;
    i128 x = (i128)a.units * pow10_128(s - a.scale);
    i128 y = (i128)b.units * pow10_128(s - b.scale);

    int rc = dec_add(a, b, &r);
    check_result("add", rc, r, x + y, s, fits(x + y), a, b);
    rc = dec_sub(a, b, &r);
    check_result("sub", rc, r, x - y, s, fits(x - y), a, b);

    int c = dec_cmp(a, b);
    if ((c < 0) != (x < y) || (c > 0) != (x > y))
        fail("cmp", a, b);

    /* one rounding from the exact product down to DEC_MAX_SCALE */
    int ms = a.scale + b.scale;
    i128 p = (i128)a.units * b.units;
    if (ms > DEC_MAX_SCALE) {
        p = ref_round_div(p, pow10_128(ms - DEC_MAX_SCALE));
        ms = DEC_MAX_SCALE;
    }
    rc = dec_mul(a, b, &r);
    check_result("mul", rc, r, p, ms, fits(p), a, b);

    for (int scale = 0; scale <= DEC_MAX_SCALE; scale += 3) {
        rc = dec_div(a, b, scale, &r);
        if (b.units == 0) {
            if (rc != -1)
                fail("div by zero", a, b);
            continue;
        }
        int shift = scale - a.scale + b.scale;
        i128 num = a.units, den = b.units;
        if (shift >= 0)
            num *= pow10_128(shift);
        else
            den *= pow10_128(-shift);
        i128 q = ref_round_div(num, den);
        check_result("div", rc, r, q, scale, fits(q), a, b);
    }

    for (int scale = 0; scale <= DEC_MAX_SCALE; scale++) {
        rc = dec_rescale(a, scale, &r);
        i128 want = scale >= a.scale ? (i128)a.units * pow10_128(scale - a.scale)
                                     : ref_round_div(a.units, pow10_128(a.scale - scale));
        check_result("rescale", rc, r, want, scale, fits(want), a, b);
    }

    decimal na = dec_neg(a), aa = dec_abs(a);
    if (na.units != -a.units || aa.units < 0 || dec_is_zero(a) != (a.units == 0))
        fail("neg/abs", a, b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *bar = memchr(s, '|', size);
    size_t n1 = bar ? (size_t)(bar - s) : size / 2;
    size_t off2 = bar ? n1 + 1 : n1;
    decimal a, b;
    int oka, okb;
    check_one(s, n1, &a, &oka);
    check_one(s + off2, size - off2, &b, &okb);
    if (oka && okb) {
        check_pair(a, b);
        check_pair(b, a);
    }
    return 0;
}
