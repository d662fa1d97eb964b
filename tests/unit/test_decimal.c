#include "decimal.h"
#include "tap.h"

static const char *fmt(decimal d, char *buf) { dec_format(d, buf, 32); return buf; }

static const char *parse_fmt(const char *s, char *buf)
{
    decimal d;
    dec_status st = dec_parse(s, strlen(s), &d);
    if (st == DEC_NIL) return "NIL";
    if (st == DEC_EMPTY) return "EMPTY";
    if (st == DEC_INVALID) return "INVALID";
    if (st == DEC_OVERFLOW) return "OVERFLOW";
    return fmt(d, buf);
}

int main(void)
{
    TAP_INIT("decimal");
    char b[32], c[32];
    static const char *cases[][2] = {
        {"1,382.64", "1382.64"}, {"-2.99", "-2.99"}, {"0.00", "0.00"}, {"22.28", "22.28"},
        {"１２３．４５", "123.45"}, {"１，３８２．６４", "1382.64"}, {"  442.86 ", "442.86"},
        {"\xc2\xa0" "5", "5"}, {"\xe3\x80\x80" "7.10\xe3\x80\x80", "7.10"}, {"(1,234.00)", "-1234.00"},
        {"+5", "5"}, {"\xe2\x88\x92" "3.5", "-3.5"}, {"－0.01", "-0.01"}, {"676699.49", "676699.49"},
        {"0", "0"}, {"-0.00", "0.00"}, {"-", "NIL"}, {"—", "NIL"}, {"——", "NIL"}, {"–", "NIL"},
        {"－", "NIL"}, {"--", "NIL"}, {"/", "NIL"}, {"／", "NIL"}, {"1/2", "INVALID"}, {"", "EMPTY"}, {"   ", "EMPTY"}, {"abc", "INVALID"},
        {"1.2.3", "INVALID"}, {"1,2.3,4", "INVALID"}, {",5", "INVALID"}, {"5,", "INVALID"},
        {".5", "0.5"}, {".00", "0.00"}, {"-.35", "-0.35"}, {"1,234.00", "1234.00"}, {".", "INVALID"},
        {"-.", "INVALID"}, {"..5", "INVALID"}, {".5.", "INVALID"}, {",.5", "INVALID"}, {"5.", "INVALID"}, {"12%", "INVALID"}, {"1 2", "INVALID"},
        {"99999999999999999999", "OVERFLOW"}, {"1.0000000001", "OVERFLOW"}, {"-(5)", "INVALID"},
        {"---", "INVALID"}, {"万元", "INVALID"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        STR_EQ(parse_fmt(cases[i][0], b), cases[i][1], "parse \"%s\"", cases[i][0]);

    decimal x, y, r;
    dec_parse("442.86", 6, &x);
    dec_parse("0.1", 3, &y);
    OK(dec_add(x, y, &r) == 0, "add succeeds");
    STR_EQ(fmt(r, b), "442.96", "add keeps the larger scale");
    dec_sub(y, x, &r);
    STR_EQ(fmt(r, b), "-442.76", "sub goes negative");
    OK(dec_cmp(dec_from_int(100, 2), dec_from_int(1, 0)) == 0, "1.00 equals 1");
    OK(dec_cmp(dec_from_int(-1, 2), dec_from_int(0, 0)) < 0, "-0.01 < 0");
    OK(dec_cmp(x, y) > 0, "442.86 > 0.1");
    dec_rescale(dec_from_int(12345, 3), 2, &r);
    STR_EQ(fmt(r, b), "12.35", "rescale rounds half away from zero");
    dec_rescale(dec_from_int(-12345, 3), 2, &r);
    STR_EQ(fmt(r, b), "-12.35", "rescale rounds negative half away from zero");
    dec_rescale(dec_from_int(5, 1), 3, &r);
    STR_EQ(fmt(r, b), "0.500", "rescale up pads zeros");
    OK(dec_div(dec_from_int(27485, 2), dec_from_int(44286, 2), 4, &r) == 0 && r.units == 6206, "274.85/442.86 = 0.6206");
    OK(dec_div(x, dec_from_int(0, 0), 2, &r) == -1, "division by zero refused");
    dec_mul(dec_from_int(6212, 2), dec_from_int(44286, 2), &r);
    STR_EQ(fmt(r, b), "27510.4632", "mul adds scales");
    OK(dec_add(dec_from_int(INT64_MAX, 0), dec_from_int(1, 0), &r) == -1, "add overflow detected");
    OK(dec_rescale(dec_from_int(INT64_MAX / 10, 0), 5, &r) == -1, "rescale overflow detected");
    STR_EQ(fmt(dec_from_int(5, 2), c), "0.05", "format 0.05");
    STR_EQ(fmt(dec_from_int(-5, 3), c), "-0.005", "format -0.005");
    STR_EQ(fmt(dec_from_int(INT64_MIN, 0), c), "-9223372036854775808", "format INT64_MIN");
    OK(dec_format(dec_from_int(123456, 2), c, 5) == -1, "format refuses a short buffer");
    OK(dec_is_zero(dec_from_int(0, 2)) && !dec_is_zero(dec_from_int(1, 2)), "is_zero");
    STR_EQ(fmt(dec_abs(dec_from_int(-7, 1)), c), "0.7", "abs");
    return TAP_DONE();
}
