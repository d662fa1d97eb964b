#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

enum { STDOUT_BUFFER = 1 << 20 };

void cli_init(void)
{
    signal(SIGPIPE, SIG_DFL);
    if (isatty(STDOUT_FILENO))
        setvbuf(stdout, NULL, _IOLBF, 0);
    else
        setvbuf(stdout, NULL, _IOFBF, STDOUT_BUFFER);
}

void cli_print_version(const char *prog)
{
    printf("%s (yujuesuan) %s\n", prog, YJS_VERSION);
}

void vdiag(const char *prog, const char *where, const char *fmt, va_list ap)
{
    fflush(stdout);
    if (where)
        fprintf(stderr, "%s: %s: ", prog, where);
    else
        fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void diag(const char *prog, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(prog, where, fmt, ap);
    va_end(ap);
}

void cli_usage_error(const char *prog, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(prog, NULL, fmt, ap);
    va_end(ap);
    cli_try_help(prog);
}

void cli_try_help(const char *prog)
{
    fprintf(stderr, "Try '%s --help' for more information.\n", prog);
}

int cli_close_stdout(const char *prog)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int err = errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    if (failed) {
        diag(prog, NULL, "write error: %s", strerror(err ? err : EIO));
        return YJS_EXIT_ABORTED;
    }
    return 0;
}

int cli_parse_limit(const char *prog, const char *opt, const char *arg,
                    unsigned long long max, unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    unsigned long long mul = 1;
    int ok = !errno && end != arg && arg[0] >= '0' && arg[0] <= '9';
    if (ok && *end) {
        switch (*end++) {
        case 'K': case 'k': mul = 1ULL << 10; break;
        case 'M': case 'm': mul = 1ULL << 20; break;
        case 'G': case 'g': mul = 1ULL << 30; break;
        default: ok = 0;
        }
    }
    if (!ok || *end || v == 0 || v > max / mul) {
        cli_usage_error(prog, "invalid %s '%s'", opt, arg);
        return -1;
    }
    *out = v * mul;
    return 0;
}

int cli_parse_size(const char *prog, const char *opt, const char *arg, size_t *out)
{
    unsigned long long v;
    if (cli_parse_limit(prog, opt, arg, SIZE_MAX / 2, &v))
        return -1;
    *out = (size_t)v;
    return 0;
}
