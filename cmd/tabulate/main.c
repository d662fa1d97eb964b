/* tabulate: the figures of each report, tables and text, as facts with
 * their meaning (table, row, column, unit), and the formulas printed under
 * the tables, for reconcile to check. */
#include "cli.h"
#include "jsonpool.h"
#include "docstream.h"
#include "tabulate.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char PROG[] = "tabulate";

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]...\n"
           "Read a normalized yujuesuan stream (one JSON record per line) and add,\n"
           "before each document's trailer, its facts: one meta fact (entity, year,\n"
           "stage), one fact per figure of its tables with table, item, code, column\n"
           "and unit, empty-table facts, the formulas printed under the tables, and\n"
           "the figures of its narrative (amounts, shares, changes, rates, execution\n"
           "rates, counts). Every record read is passed through unchanged.\n"
           "With no FILE, or when FILE is -, read standard input.\n\n"
           "      --max-doc-records N        records of one document analysed; a larger\n"
           "                                 document is passed through without facts\n"
           "                                 and an error record (default 200000)\n"
           "      --max-columns N            grid columns of a row analysed; cells\n"
           "                                 further right are ignored with an error\n"
           "                                 record (default 256)\n"
           "      --max-paragraph-figures N  figures taken from one paragraph (default 200)\n"
           "      --max-sentence-chars N     the sentence a narrative fact carries is cut\n"
           "                                 after N characters, marked … (default 2000)\n"
           "      --max-line BYTES           longest input line accepted (default 64 MiB)\n"
           "      --help                     display this help and exit\n"
           "      --version                  output version information and exit\n\n"
           "Records written: fact (kinds meta, table, empty_table, narrative) and\n"
           "formula; see tabulate(1) and docs/facts.md.\n\n"
           "Exit status: 0 all good; 1 some records or documents were bad (error records\n"
           "in the stream); 2 usage error; 3 output incomplete (write error).\n",
           PROG);
}

static int parse_count(const char *opt, const char *arg, long max, long *out)
{
    unsigned long long v;
    if (cli_parse_limit(PROG, opt, arg, (unsigned long long)max, &v))
        return -1;
    *out = (long)v;
    return 0;
}

int main(int argc, char **argv)
{
    cli_init();
    jpool_install();   /* before any jansson value exists */
    enum { OPT_MAX_DOC = 256, OPT_MAX_COLS, OPT_MAX_FIG, OPT_MAX_SENT, OPT_MAX_LINE, OPT_HELP,
           OPT_VERSION };
    static const struct option opts[] = {
        {"max-doc-records", required_argument, NULL, OPT_MAX_DOC},
        {"max-columns", required_argument, NULL, OPT_MAX_COLS},
        {"max-paragraph-figures", required_argument, NULL, OPT_MAX_FIG},
        {"max-sentence-chars", required_argument, NULL, OPT_MAX_SENT},
        {"max-line", required_argument, NULL, OPT_MAX_LINE},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0}};
    tab_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.lim.max_doc_records = 200000;
    doc.lim.max_columns = 256;
    doc.lim.max_paragraph_figures = 200;
    doc.lim.max_sentence_chars = 2000;
    size_t max_line = 0;
    int c;
    long v;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case OPT_MAX_DOC:
            if (parse_count("--max-doc-records", optarg, 1000000000L, &v))
                return YJS_EXIT_USAGE;
            doc.lim.max_doc_records = v;
            break;
        case OPT_MAX_COLS:
            if (parse_count("--max-columns", optarg, 100000L, &v))
                return YJS_EXIT_USAGE;
            doc.lim.max_columns = (int)v;
            break;
        case OPT_MAX_FIG:
            if (parse_count("--max-paragraph-figures", optarg, 1000000L, &v))
                return YJS_EXIT_USAGE;
            doc.lim.max_paragraph_figures = (int)v;
            break;
        case OPT_MAX_SENT:
            if (parse_count("--max-sentence-chars", optarg, 1000000000L, &v))
                return YJS_EXIT_USAGE;
            doc.lim.max_sentence_chars = (int)v;
            break;
        case OPT_MAX_LINE:
            if (parse_count("--max-line", optarg, 1L << 40, &v))
                return YJS_EXIT_USAGE;
            max_line = (size_t)v;
            break;
        case OPT_HELP: usage(); return cli_close_stdout(PROG);
        case OPT_VERSION: cli_print_version(PROG); return cli_close_stdout(PROG);
        default:
            cli_try_help(PROG);
            return YJS_EXIT_USAGE;
        }
    }
    ds_config cfg = tabulate_stage(&doc, PROG);
    cfg.max_line = max_line;
    /* ds_run closes standard output and reports its last write error */
    int rc = ds_run(&cfg, argc - optind, argv + optind);
    doc_reset(&doc);
    jl_free(&doc.w.j);
    jpool_release();
    return rc;
}
