/* normalize-traditional-chinese: makes the text of paragraph and row
 * records Simplified and clean; passes every other record through. */
#include "cli.h"
#include "jsonpool.h"
#include "normalize.h"
#include "stage.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char PROG[] = "normalize-traditional-chinese";

static void usage(void)
{
    printf("Usage: %s [OPTION]... [FILE]...\n"
           "Rewrite the text of the paragraph and row records of a yujuesuan stream\n"
           "(one JSON object per line) as clean Simplified Chinese: OpenCC t2s with\n"
           "budget-vocabulary overrides, repair of mis-decoded (GBK-shifted) spans,\n"
           "removal of leftover tags and entities, an explicit width fold, spaces and\n"
           "punctuation made consistent, injected spam marked. Every other record\n"
           "passes through byte for byte. With no FILE, or when FILE is -, read\n"
           "standard input.\n\n"
           "      --no-t2s             do not convert Traditional to Simplified\n"
           "      --no-overrides       plain OpenCC t2s, without the budget overrides\n"
           "      --no-clean           keep markup, widths, spaces and punctuation\n"
           "      --no-repair          do not repair garbled spans\n"
           "      --no-spam            do not mark injected spam\n"
           "      --t2s-only           only convert (same as all four --no-* but t2s)\n"
           "      --plain              input is plain UTF-8 text, not records: each line\n"
           "                           is rewritten as a paragraph would be\n"
           "      --max-text BYTES     longest text field rewritten (default 1 MiB);\n"
           "                           a longer one is passed unchanged with an error\n"
           "      --max-repairs N      garbled spans tried per text field (default 16)\n"
           "      --max-line BYTES     longest input line accepted (default 64 MiB)\n"
           "      --help               display this help and exit\n"
           "      --version            output version information and exit\n\n"
           "A rewritten record gains \"normalized\":{\"t2s\":N,\"folded\":N,\"repaired\":N}\n"
           "(characters changed by each step), and where found \"spam\":true and\n"
           "\"garbled\":[...]; see %s(1).\n\n"
           "Exit status: 0 all good; 1 some records or documents were bad (their error\n"
           "records are in the stream); 2 usage error; 3 output incomplete (write error).\n",
           PROG, PROG);
}

int main(int argc, char **argv)
{
    cli_init();
    jpool_install();   /* before any jansson value exists */
    enum {
        OPT_NO_T2S = 256, OPT_NO_OVERRIDES, OPT_NO_CLEAN, OPT_NO_REPAIR, OPT_NO_SPAM, OPT_T2S_ONLY,
        OPT_PLAIN, OPT_MAX_TEXT, OPT_MAX_REPAIRS, OPT_MAX_LINE, OPT_HELP, OPT_VERSION
    };
    static const struct option opts[] = {
        {"no-t2s", no_argument, NULL, OPT_NO_T2S},
        {"no-overrides", no_argument, NULL, OPT_NO_OVERRIDES},
        {"no-clean", no_argument, NULL, OPT_NO_CLEAN},
        {"no-repair", no_argument, NULL, OPT_NO_REPAIR},
        {"no-spam", no_argument, NULL, OPT_NO_SPAM},
        {"t2s-only", no_argument, NULL, OPT_T2S_ONLY},
        {"plain", no_argument, NULL, OPT_PLAIN},
        {"max-text", required_argument, NULL, OPT_MAX_TEXT},
        {"max-repairs", required_argument, NULL, OPT_MAX_REPAIRS},
        {"max-line", required_argument, NULL, OPT_MAX_LINE},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0}};
    nt_options opt = {.steps = NT_STEP_ALL, .overrides = 1, .max_text = NT_DEFAULT_MAX_TEXT,
                      .max_repairs = NT_DEFAULT_MAX_REPAIRS};
    size_t max_line = 0;
    int plain = 0, c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case OPT_NO_T2S: opt.steps &= ~(unsigned)NT_STEP_T2S; break;
        case OPT_NO_OVERRIDES: opt.overrides = 0; break;
        case OPT_NO_CLEAN: opt.steps &= ~(unsigned)NT_STEP_CLEAN; break;
        case OPT_NO_REPAIR: opt.steps &= ~(unsigned)NT_STEP_REPAIR; break;
        case OPT_NO_SPAM: opt.steps &= ~(unsigned)NT_STEP_SPAM; break;
        case OPT_T2S_ONLY: opt.steps = NT_STEP_T2S; break;
        case OPT_PLAIN: plain = 1; break;
        case OPT_MAX_TEXT:
            if (cli_parse_size(PROG, "--max-text", optarg, &opt.max_text))
                return YJS_EXIT_USAGE;
            break;
        case OPT_MAX_REPAIRS:
            if (cli_parse_size(PROG, "--max-repairs", optarg, &opt.max_repairs))
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
    nt_ctx *ctx = nt_new(&opt);
    if (!ctx) {
        diag(PROG, NULL, "cannot build the conversion tables: out of memory");
        return YJS_EXIT_ABORTED;
    }
    int rc = plain ? run_plain(PROG, ctx, max_line, argc - optind, argv + optind)
                   : run_stream(PROG, ctx, max_line, argc - optind, argv + optind);
    nt_free(ctx);
    jpool_release();
    return rc;
}
