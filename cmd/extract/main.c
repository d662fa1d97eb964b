/* extract: report files, folders and archives → the yujuesuan record
 * stream (docs/records.md). main() alone lives here, so that fuzz
 * harnesses can link every other file of this folder. */
#include "cli.h"
#include "jsonpool.h"
#include "extract.h"

#include <errno.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char PROG[] = "extract";

static void usage(void)
{
    printf("Usage: %s [OPTION]... FILE|DIR|-...\n"
           "Reads report documents (docx, xlsx, html, mht, txt, pdf, ofd, odt, ods, legacy\n"
           "doc/xls), zip archives of them (nested), and folders of them, and writes the\n"
           "yujuesuan record stream:\n"
           "per document a header, its paragraphs and table rows, and a trailer.\n"
           "Folders are walked recursively in byte order; - (or no argument) reads stdin.\n"
           "\n"
           "Limits (a limit hit is an error record for that document; sizes take K, M, G):\n"
           "      --max-file-bytes=N     a file or stdin read as a document (default 256M)\n"
           "      --max-member-bytes=N   decompressed bytes of one archive member (default 64M)\n"
           "      --max-archive-bytes=N  decompressed bytes of one archive (default 512M)\n"
           "      --max-entries=N        entries in one archive (default 10000)\n"
           "      --max-ratio=N          compression ratio of a member over 1 MiB (default 200)\n"
           "      --max-depth=N          archives nested in archives (default 3)\n"
           "      --max-xml-depth=N      element nesting in XML and HTML (default 128)\n"
           "      --max-line=N           bytes in one line of a text file (default 1M)\n"
           "      --max-cells=N          cells in one table row (default 16384)\n"
           "      --max-pages=N          pages of one PDF or OFD (default 2000)\n"
           "  -h, --help                 this help\n"
           "      --version              version\n"
           "\n"
           "Exit status: 0 all read, 1 some inputs failed (error records in the stream),\n"
           "2 usage error, 3 output incomplete (write error). See extract(1).\n",
           PROG);
}

enum {
    OPT_VERSION = 256, OPT_FILE_BYTES, OPT_MEMBER_BYTES, OPT_ARCHIVE_BYTES, OPT_ENTRIES,
    OPT_RATIO, OPT_DEPTH, OPT_XML_DEPTH, OPT_LINE, OPT_CELLS, OPT_PAGES
};

int main(int argc, char **argv)
{
    cli_init();
    jpool_install();   /* before any jansson value exists */
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"max-file-bytes", required_argument, NULL, OPT_FILE_BYTES},
        {"max-member-bytes", required_argument, NULL, OPT_MEMBER_BYTES},
        {"max-archive-bytes", required_argument, NULL, OPT_ARCHIVE_BYTES},
        {"max-entries", required_argument, NULL, OPT_ENTRIES},
        {"max-ratio", required_argument, NULL, OPT_RATIO},
        {"max-depth", required_argument, NULL, OPT_DEPTH},
        {"max-xml-depth", required_argument, NULL, OPT_XML_DEPTH},
        {"max-line", required_argument, NULL, OPT_LINE},
        {"max-cells", required_argument, NULL, OPT_CELLS},
        {"max-pages", required_argument, NULL, OPT_PAGES},
        {NULL, 0, NULL, 0},
    };
    ex_limits lim = ex_limits_default();
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        uint64_t v = 0;
        const uint64_t size_max = SIZE_MAX / 2, int_max = 1000000000;
        if (c == 'h') {
            usage();
            return cli_close_stdout(PROG);
        }
        if (c == OPT_VERSION) {
            cli_print_version(PROG);
            return cli_close_stdout(PROG);
        }
        if (c == '?') {
            cli_try_help(PROG);
            return YJS_EXIT_USAGE;
        }
        int is_size = c == OPT_FILE_BYTES || c == OPT_MEMBER_BYTES || c == OPT_ARCHIVE_BYTES ||
                      c == OPT_LINE;
        /* --max-depth=0 is meaningful: no archive is opened */
        const char *arg = optarg;
        if (c == OPT_DEPTH && strcmp(arg, "0") == 0) {
            lim.max_depth = 0;
            continue;
        }
        char name[64];
        snprintf(name, sizeof name, "--%s", opts[c - OPT_VERSION + 1].name);
        unsigned long long parsed;
        if (cli_parse_limit(PROG, name, arg, is_size ? size_max : int_max, &parsed))
            return YJS_EXIT_USAGE;
        v = parsed;
        switch (c) {
        case OPT_FILE_BYTES: lim.max_file_bytes = (size_t)v; break;
        case OPT_MEMBER_BYTES: lim.max_member_bytes = (size_t)v; break;
        case OPT_ARCHIVE_BYTES: lim.max_archive_bytes = (size_t)v; break;
        case OPT_ENTRIES: lim.max_entries = (long)v; break;
        case OPT_RATIO: lim.max_ratio = (long)v; break;
        case OPT_DEPTH: lim.max_depth = (int)v; break;
        case OPT_XML_DEPTH: lim.max_xml_depth = (int)v; break;
        case OPT_LINE: lim.max_line = (size_t)v; break;
        case OPT_CELLS: lim.max_cells = (long)v; break;
        case OPT_PAGES: lim.max_pages = (int)v; break;
        }
    }

    xmlInitParser();
    emitter em;
    em_init(&em, stdout, PROG, &lim);
    if (optind == argc) {
        ex_path(&em, "-");
    } else {
        for (int i = optind; i < argc && !em.aborted; i++)
            ex_path(&em, argv[i]);
    }
    em_free(&em);
    xmlCleanupParser();
    jpool_release();
    int rc = cli_close_stdout(PROG);
    if (em.aborted || rc)
        return YJS_EXIT_ABORTED;
    return em.failed ? YJS_EXIT_FAILED : YJS_EXIT_OK;
}
