#include "cli.h"
#include "tap.h"

#include <stdio.h>

static int limit(const char *arg, unsigned long long max, unsigned long long *v)
{
    /* usage errors go to stderr; keep the TAP stream clean */
    FILE *saved = stderr;
    stderr = fopen("/dev/null", "w");
    int rc = cli_parse_limit("t", "--max", arg, max, v);
    fclose(stderr);
    stderr = saved;
    return rc;
}

int main(void)
{
    TAP_INIT("cli");
    unsigned long long v = 0;
    OK(limit("42", 100, &v) == 0 && v == 42, "plain number");
    OK(limit("64K", 1ULL << 20, &v) == 0 && v == 65536, "K suffix");
    OK(limit("2m", 1ULL << 30, &v) == 0 && v == 2ULL << 20, "m suffix");
    OK(limit("1G", 1ULL << 40, &v) == 0 && v == 1ULL << 30, "G suffix");
    OK(limit("0", 100, &v) == -1, "zero refused");
    OK(limit("-5", 100, &v) == -1, "negative refused");
    OK(limit("+5", 100, &v) == -1, "sign refused");
    OK(limit("101", 100, &v) == -1, "above max refused");
    OK(limit("2K", 2047, &v) == -1, "above max after the suffix refused");
    OK(limit("5X", 100, &v) == -1, "unknown suffix refused");
    OK(limit("5KK", 1ULL << 30, &v) == -1, "trailing text refused");
    OK(limit("", 100, &v) == -1, "empty refused");
    OK(limit("99999999999999999999999", ~0ULL, &v) == -1, "overflow refused");
    OK(limit("17179869184G", ~0ULL, &v) == -1, "overflow through the suffix refused");
    return TAP_DONE();
}
