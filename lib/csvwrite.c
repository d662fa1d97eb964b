#include "csvwrite.h"

#include "decimal.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

int csv_needs_guard(const char *s, size_t n)
{
    if (n == 0 || !strchr("=+-@\t\r", s[0]) || s[0] == '\0')
        return 0;
    decimal d;
    return dec_parse(s, n, &d) != DEC_OK;
}

static int needs_quotes(const char *s, size_t n)
{
    /* libcsv's parser (and others) trim unquoted blanks at both ends: quote
     * them so a leading tab survives the round trip (found by fuzz_csvwrite) */
    if (n && (s[0] == ' ' || s[n - 1] == ' ' || s[0] == '\t' || s[n - 1] == '\t'))
        return 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            return 1;
    return 0;
}

int csv_put_field(FILE *out, const char *s, size_t n, int first, int guard)
{
    if (!first && putc(',', out) == EOF)
        return -1;
    if (guard && csv_needs_guard(s, n)) {
        /* the quote mark must sit inside the field, so write it through libcsv */
        char *tmp = malloc(n + 1);
        if (!tmp)
            return -1;
        tmp[0] = '\'';
        memcpy(tmp + 1, s, n);
        int rc = csv_fwrite(out, tmp, n + 1) == 0 ? 0 : -1;
        free(tmp);
        return rc;
    }
    if (needs_quotes(s, n))
        return csv_fwrite(out, s, n) == 0 ? 0 : -1;
    return fwrite(s, 1, n, out) == n ? 0 : -1;
}

int csv_end_record(FILE *out)
{
    return fputs("\r\n", out) == EOF ? -1 : 0;
}
