/* extract's spreadsheet number formats: digits rounded as text, never as
 * binary floating point; dates from serials. */
#include "numfmt.h"
#include "tap.h"

#include <string.h>

static const char *render(tbuf *b, const char *value, const char *code)
{
    return numfmt_render(value, code, 0, b) == 0 ? tb_str(b) : NULL;
}

#define check(value, code, want) do { \
        tbuf b_ = {0}; \
        STR_EQ(render(&b_, value, code), want, "%s as %s", value, (code) ? (const char *)(code) : "General"); \
        tb_free(&b_); \
    } while (0)

int main(void)
{
    TAP_INIT("numfmt");
    check("442.86", "0.00", "442.86");
    check("0", "0.00", "0.00");
    check("22.279999999999998", "0.00", "22.28");
    check("22.279999999999998", NULL, "22.28");
    check("1382.64", "#,##0.00", "1,382.64");
    check("1234567.005", "#,##0.00", "1,234,567.01");
    check("-2.99", "0.00", "-2.99");
    check("-0.001", "0.00", "0.00");
    check("0.9995", "0.00", "1.00");
    check("99.995", "0.00", "100.00");
    check("0.5", "0", "1");
    check("2.5", "0", "3");
    check("-2.5", "#,##0", "-3");
    check("0.9226", "0.00%", "92.26%");
    check("0.5", "0%", "50%");
    check("4.4286E2", "0.00", "442.86");
    check("1E-3", NULL, "0.001");
    check("12", NULL, "12");
    check("0.1", NULL, "0.1");
    check("123456789012345678", NULL, "123456789012346000");
    check("1.5", "#,##0.00;(#,##0.00)", "1.50");
    check("-1.5", "#,##0.00;(#,##0.00)", "(1.50)");
    check("0", "0.00;-0.00;\"-\"", "-");
    check("0", "#,##0.00;-#,##0.00;", "");     /* an empty third section hides zeros */
    check("-1234.5", "#,##0.00;-#,##0.00;", "-1,234.50");
    check("5", ";;;", "");                      /* all hidden */
    check("4290502", "0!.0000", "429.0502");    /* 元 shown as 万元 */
    check("5", "0!.0000", "0.0005");
    check("12345678", "#,##0!.0000", "1,234.5678");
    check("-4290502", "0!.0000", "-429.0502");
    check("4290502", "0\\.0000", "429.0502");
    check("1234", "0\"-\"00", "12-34");
    check("3.14159", "0.0#", "3.14");
    check("3.1", "0.0#", "3.1");
    check("7", "0\"万元\"", "7万元");
    check("12345", "0.00E+00", "1.23E+04");
    check("45611", "yyyy/m/d", "2024/11/15");
    check("45611", "yyyy\"年\"m\"月\"d\"日\"", "2024年11月15日");
    check("45611.5", "yyyy-mm-dd hh:mm:ss", "2024-11-15 12:00:00");
    check("45611", "m\"月\"d\"日\"", "11月15日");
    check("45611", "dddd", "Friday");
    check("abc", "0.00", "abc");
    OK(numfmt_is_date("yyyy/m/d") && !numfmt_is_date("#,##0.00") && !numfmt_is_date("[Red]0.00") &&
           numfmt_is_date("[h]:mm:ss") && !numfmt_is_date("General"),
       "date formats are told from number formats");
    return TAP_DONE();
}
