/* Regressions found by tests/fuzz/fuzz_csvwrite (reproducers in
 * tests/fuzz/crashes/). */
#include "csvwrite.h"
#include "tap.h"

#include <stdlib.h>

static char *field(const char *s, int guard)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    csv_put_field(f, s, strlen(s), 1, guard);
    fclose(f);
    return buf;
}

int main(void)
{
    TAP_INIT("csvwrite-fuzz");
    char *s;
    /* unquoted, a parser that trims blanks (libcsv's default) lost the tab */
    STR_EQ(s = field("\tTAB", 0), "\"\tTAB\"", "a leading tab is quoted");
    free(s);
    STR_EQ(s = field("TAB\t", 0), "\"TAB\t\"", "a trailing tab is quoted");
    free(s);
    STR_EQ(s = field("a\tb", 0), "a\tb", "an inner tab needs no quotes");
    free(s);
    STR_EQ(s = field("\t=1", 1), "\"'\t=1\"", "a guarded leading tab is quoted after the mark");
    free(s);
    return TAP_DONE();
}
