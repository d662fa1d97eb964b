/* reconcile: check every sum, share and restatement a budget or final
 * accounts report promises, and write each break as a finding. */
#include "cli.h"
#include "jsonpool.h"
#include "rules.h"
#include "stage.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char PROG[] = "reconcile";

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]...\n"
           "Check the facts and formulas of a yujuesuan record stream (from tabulate):\n"
           "sums within tables, figures repeated across tables, and the narrative\n"
           "against the tables. Every record passes through; each document gets its\n"
           "finding records and a check_summary record before its trailer.\n"
           "With no FILE, or when FILE is -, read standard input.\n\n"
           "      --list-rules         print the catalogue of checks and exit\n"
           "      --explain            print every check with its operands and verdict\n"
           "                           on standard error\n"
           "      --max-facts N        most facts kept for one document (default 1000000);\n"
           "                           a larger document gets an error and no checks\n"
           "      --max-line BYTES     longest input line accepted (default 64 MiB)\n"
           "      --help               display this help and exit\n"
           "      --version            output version information and exit\n\n"
           "Exit status: 0 all good (findings are data, not failures); 1 some records\n"
           "or documents were bad (error records in the stream); 2 usage error;\n"
           "3 output incomplete (write error).\n",
           PROG);
}

int main(int argc, char **argv)
{
    cli_init();
    jpool_install();   /* before any jansson value exists */
    enum { OPT_LIST = 256, OPT_EXPLAIN, OPT_MAX_FACTS, OPT_MAX_LINE, OPT_HELP, OPT_VERSION };
    static const struct option opts[] = {
        {"list-rules", no_argument, NULL, OPT_LIST},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"max-facts", required_argument, NULL, OPT_MAX_FACTS},
        {"max-line", required_argument, NULL, OPT_MAX_LINE},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0}};
    int explain = 0, list = 0, c;
    size_t max_facts = 1000000, max_line = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case OPT_LIST: list = 1; break;
        case OPT_EXPLAIN: explain = 1; break;
        case OPT_MAX_FACTS:
            if (cli_parse_size(PROG, "--max-facts", optarg, &max_facts))
                return YJS_EXIT_USAGE;
            break;
        case OPT_MAX_LINE:
            if (cli_parse_size(PROG, "--max-line", optarg, &max_line))
                return YJS_EXIT_USAGE;
            break;
        case OPT_HELP: usage(); return cli_close_stdout(PROG);
        case OPT_VERSION: cli_print_version(PROG); return cli_close_stdout(PROG);
        default:
            cli_try_help(PROG);
            return YJS_EXIT_USAGE;
        }
    }
    if (list) {
        if (rules_list(stdout)) {
            diag(PROG, "stdout", "write error: %s", strerror(errno ? errno : EIO));
            return YJS_EXIT_ABORTED;
        }
        return cli_close_stdout(PROG);
    }
    reconciler r;
    if (reconciler_init(&r, PROG, max_facts, explain)) {
        diag(PROG, NULL, "out of memory");
        return YJS_EXIT_ABORTED;
    }
    ds_config cfg = {
        .prog = PROG, .stage = "reconcile", .max_line = max_line, .ctx = &r,
        .on_header = rc_on_header, .on_record = rc_on_record, .on_end = rc_on_end};
    /* ds_run flushes and closes stdout and folds a write error into rc */
    int rc = ds_run(&cfg, argc - optind, argv + optind);
    reconciler_free(&r);
    jpool_release();
    return rc;
}
