/* Command-line conventions shared by every yujuesuan stage. */
#ifndef YJS_CLI_H
#define YJS_CLI_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define YJS_VERSION "0.1.0"

/* Exit codes, documented in docs/records.md and every man page. */
enum {
    YJS_EXIT_OK = 0,       /* all good */
    YJS_EXIT_FAILED = 1,   /* finished, some documents or records failed */
    YJS_EXIT_USAGE = 2,    /* bad option or argument */
    YJS_EXIT_ABORTED = 3   /* output incomplete: I/O or write error */
};

/* Restores SIGPIPE (a service manager may ignore it, and then `| head`
 * would make us process the whole input and exit 0 with the output lost)
 * and gives stdout a large buffer, or line buffering on a terminal. */
void cli_init(void);

void cli_print_version(const char *prog);

/* `prog: message` and the --help hint on stderr; the caller exits 2. */
void cli_usage_error(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The hint that follows getopt's own complaint about an unknown option. */
void cli_try_help(const char *prog);

/* A limit given on the command line: a positive whole number, with an
 * optional K, M or G (binary) suffix, at most max. On a bad value prints
 * `prog: invalid OPT 'ARG'` and the --help hint, and returns -1 (exit 2). */
int cli_parse_limit(const char *prog, const char *opt, const char *arg,
                    unsigned long long max, unsigned long long *out);

/* The same for a size in memory: at most SIZE_MAX / 2. */
int cli_parse_size(const char *prog, const char *opt, const char *arg, size_t *out);

/* `prog: where: message` (or `prog: message` when where is NULL). */
void diag(const char *prog, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void vdiag(const char *prog, const char *where, const char *fmt, va_list ap);

/* Flushes and closes stdout, catching the last write error (ENOSPC,
 * /dev/full) that a plain exit would swallow. Returns 0 or YJS_EXIT_ABORTED. */
int cli_close_stdout(const char *prog);

#endif
