/* Regressions found by tests/fuzz/fuzz_decimal (reproducers in
 * tests/fuzz/crashes/): each of these once gave a wrong figure with a
 * success return, or refused a result that fits. */
#include "decimal.h"
#include "tap.h"

#include <stdint.h>

static const char *fmt(int rc, decimal d, char *buf)
{
    if (rc)
        return "OVERFLOW";
    dec_format(d, buf, 32);
    return buf;
}

static decimal parse(const char *s)
{
    decimal d = {0, 0};
    dec_parse(s, strlen(s), &d);
    return d;
}

int main(void)
{
    TAP_INIT("decimal-fuzz");
    char b[32];
    decimal r;

    /* the quotient was cast to int64 before the range check */
    int rc = dec_div(dec_from_int(1000000000000000000LL, 0), dec_from_int(1, 0), 9, &r);
    STR_EQ(fmt(rc, r, b), "OVERFLOW", "div whose quotient exceeds int64 reports overflow");
    rc = dec_mul(dec_from_int(9000000000000000000LL, 9), dec_from_int(9000000000000000000LL, 9), &r);
    STR_EQ(fmt(rc, r, b), "OVERFLOW", "mul whose product exceeds int64 reports overflow");

    /* rounded digit by digit, 0.00000000045 became 0.000000001 */
    rc = dec_mul(parse("0.05"), parse("0.000000009"), &r);
    STR_EQ(fmt(rc, r, b), "0.000000000", "mul rounds once, half away from zero");
    rc = dec_mul(parse("0.5"), parse("0.000000009"), &r);
    STR_EQ(fmt(rc, r, b), "0.000000005", "mul rounds 0.0000000045 to 0.000000005");
    rc = dec_mul(parse("-0.5"), parse("0.000000009"), &r);
    STR_EQ(fmt(rc, r, b), "-0.000000005", "mul rounds a negative half away from zero");

    /* 10000000000 at scale 9 does not fit, the difference does */
    rc = dec_sub(parse("2799999992.279999999"), parse("10000000000"), &r);
    STR_EQ(fmt(rc, r, b), "-7200000007.720000001", "sub works in 128 bits before the range check");
    rc = dec_add(parse("10000000000"), parse("-1000000000.000000001"), &r);
    STR_EQ(fmt(rc, r, b), "8999999999.999999999", "add works in 128 bits before the range check");

    /* INT64_MIN has no negation: no operation may produce it */
    rc = dec_add(dec_from_int(-INT64_MAX, 0), dec_from_int(-1, 0), &r);
    STR_EQ(fmt(rc, r, b), "OVERFLOW", "add never yields INT64_MIN");
    rc = dec_sub(dec_from_int(-INT64_MAX, 0), dec_from_int(1, 0), &r);
    STR_EQ(fmt(rc, r, b), "OVERFLOW", "sub never yields INT64_MIN");
    rc = dec_add(dec_from_int(INT64_MAX, 0), dec_from_int(-INT64_MAX, 0), &r);
    STR_EQ(fmt(rc, r, b), "0", "add at both ends of the range");
    return TAP_DONE();
}
