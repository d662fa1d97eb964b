/* emit-csv: facts, findings, documents and errors of a yujuesuan stream as
 * CSV that Excel opens and a database loads. */
#include "cli.h"
#include "jsonline.h"
#include "jsonpool.h"
#include "csvwrite.h"
#include "docstream.h"
#include "record.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char PROG[] = "emit-csv";

enum table_kind { T_FACT, T_FINDING, T_DOCUMENT, T_ERROR, T_COUNT };

static const char *const TABLE_NAME[T_COUNT] = {"fact", "finding", "document", "error"};
static const char *const FILE_NAME[T_COUNT] = {"facts.csv", "findings.csv", "documents.csv", "errors.csv"};

/* The first columns are the contract of the CSV (docs/records.md); the
 * ones after them carry the rest of the record. */
static const char *const FACT_COLS[] = {
    "doc_id", "source", "entity", "year", "stage", "table", "form", "item", "code", "column",
    "value", "unit", "locator", "header_path", "kind", "measure", "subject", "heading", "sentence", NULL};
static const char *const FINDING_COLS[] = {
    "doc_id", "source", "entity", "year", "rule", "severity", "message", "expected", "actual",
    "difference", "locator", "formula", NULL};
static const char *const DOCUMENT_COLS[] = {
    "doc_id", "source", "format", "encoding", "bytes", "sha256", "entity", "year", "stage",
    "records", "facts", "findings", "errors", "truncated", NULL};
static const char *const ERROR_COLS[] = {"doc_id", "source", "stage", "code", "message", NULL};
static const char *const *const COLS[T_COUNT] = {FACT_COLS, FINDING_COLS, DOCUMENT_COLS, ERROR_COLS};

typedef struct {
    FILE *out[T_COUNT];        /* NULL: this table is not written */
    char *tmp_path[T_COUNT];   /* --dir: where it is written until complete */
    int guard;
    /* the current document, for the document row and to fill in context */
    json_t *context;           /* source, entity, year, stage */
    long records, facts, findings, errors;
} emitter;

/* The text of one cell: strings as they are, numbers as JSON prints them,
 * objects and arrays as compact JSON, null and missing as empty. */
static int put_value(emitter *em, FILE *out, const json_t *v, int first)
{
    if (!v || json_is_null(v))
        return csv_put_field(out, "", 0, first, 0);
    if (json_is_string(v))
        return csv_put_field(out, json_string_value(v), json_string_length(v), first, em->guard);
    jline j;
    jl_init(&j);
    jl_json(&j, NULL, v);
    jl_end(&j);
    int rc = jl_failed(&j) ? -1 : csv_put_field(out, j.s, j.len, first, 0);
    jl_free(&j);
    return rc;
}

static int put_header(FILE *out, const char *const *cols)
{
    for (int i = 0; cols[i]; i++)
        if (csv_put_field(out, cols[i], strlen(cols[i]), i == 0, 0))
            return -1;
    return csv_end_record(out);
}

/* Looks a column up in the record, then in the document's context. */
static const json_t *column_value(const emitter *em, const json_t *rec, const char *col)
{
    const char *key = strcmp(col, "doc_id") == 0 ? "doc" : col;
    const json_t *v = json_object_get(rec, key);
    if (strcmp(col, "locator") == 0 && !v)
        v = json_object_get(rec, "locators");
    if ((!v || json_is_null(v)) && em->context)
        v = json_object_get(em->context, key);
    return v;
}

static int put_row(emitter *em, enum table_kind t, const json_t *rec)
{
    FILE *out = em->out[t];
    if (!out)
        return 0;
    const char *const *cols = COLS[t];
    for (int i = 0; cols[i]; i++)
        if (put_value(em, out, column_value(em, rec, cols[i]), i == 0))
            return -1;
    return csv_end_record(out);
}

/* Remembers what a later row of the same document may lack. */
static void learn_context(emitter *em, const json_t *rec)
{
    static const char *const keys[] = {"entity", "year", "stage", NULL};
    for (int i = 0; keys[i]; i++) {
        const json_t *v = json_object_get(rec, keys[i]);
        if (json_is_string(v) && json_string_length(v) &&
            !json_is_string(json_object_get(em->context, keys[i])))
            json_object_set(em->context, keys[i], (json_t *)v);
    }
}

static int take(emitter *em, const json_t *rec)
{
    const char *type = rec_type(rec);
    if (!type)
        return 0;
    if (strcmp(type, "fact") == 0) {
        em->facts++;
        learn_context(em, rec);
        return put_row(em, T_FACT, rec);
    }
    if (strcmp(type, "finding") == 0) {
        em->findings++;
        return put_row(em, T_FINDING, rec);
    }
    if (strcmp(type, "error") == 0) {
        em->errors++;
        return put_row(em, T_ERROR, rec);
    }
    return 0;
}

static int on_header(void *ctx, ds_stream *s, json_t *header)
{
    (void)s;
    emitter *em = ctx;
    json_decref(em->context);
    em->context = json_object();
    json_object_set(em->context, "source", json_object_get(header, "source"));
    learn_context(em, header);
    em->records = em->facts = em->findings = em->errors = 0;
    return 0;
}

static int on_record(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len)
{
    (void)s, (void)raw, (void)len;
    emitter *em = ctx;
    em->records++;
    return take(em, rec);
}

static int on_loose(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len)
{
    (void)s, (void)raw, (void)len;
    return take(ctx, rec);
}

/* Records the loop itself writes (truncation, bad lines) land here. */
static int sink(void *ctx, ds_stream *s, const json_t *rec)
{
    emitter *em = ctx;
    if (ds_doc(s))
        em->records++;
    return take(em, rec);
}

static int on_end(void *ctx, ds_stream *s, int truncated)
{
    emitter *em = ctx;
    const json_t *h = ds_header(s);
    json_t *row = json_deep_copy(h);
    json_object_update(row, em->context);
    json_object_set_new(row, "records", json_integer(em->records));
    json_object_set_new(row, "facts", json_integer(em->facts));
    json_object_set_new(row, "findings", json_integer(em->findings));
    json_object_set_new(row, "errors", json_integer(em->errors));
    json_object_set_new(row, "truncated", json_string(truncated ? "true" : "false"));
    int rc = put_row(em, T_DOCUMENT, row);
    json_decref(row);
    json_decref(em->context);
    em->context = NULL;
    return rc;
}

/* Closes every table; with --dir, renames them into place only when all of
 * them were written whole, so a loader never sees a half set. */
static int finish_files(emitter *em, const char *dir)
{
    for (int t = 0; t < T_COUNT; t++) {
        FILE *f = em->out[t];
        if (!f)
            continue;
        em->out[t] = NULL;
        int failed = fflush(f) != 0 || ferror(f);
        if (!failed && dir && fsync(fileno(f)) != 0)
            failed = 1;
        if (fclose(f) != 0)
            failed = 1;
        if (failed) {
            diag(PROG, dir ? em->tmp_path[t] : "stdout", "write error: %s", strerror(errno ? errno : EIO));
            return -1;
        }
    }
    if (!dir)
        return 0;
    for (int t = 0; t < T_COUNT; t++) {
        char final[4096];
        snprintf(final, sizeof final, "%s/%s", dir, FILE_NAME[t]);
        if (rename(em->tmp_path[t], final) != 0) {
            diag(PROG, final, "cannot rename into place: %s", strerror(errno));
            return -1;
        }
        free(em->tmp_path[t]);
        em->tmp_path[t] = NULL;
    }
    /* the renames are durable only once the directory is synced */
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    return 0;
}

static void discard_temp_files(emitter *em)
{
    for (int t = 0; t < T_COUNT; t++) {
        if (em->out[t] && em->tmp_path[t])
            fclose(em->out[t]);
        if (em->tmp_path[t]) {
            unlink(em->tmp_path[t]);
            free(em->tmp_path[t]);
        }
    }
}

static void usage(void)
{
    printf("Usage: %s --type TYPE [OPTION]... [FILE]...\n"
           "  or:  %s --dir DIR [OPTION]... [FILE]...\n"
           "Write the facts, findings, documents or errors of a yujuesuan record\n"
           "stream (one JSON object per line) as CSV (RFC 4180, UTF-8, CRLF).\n"
           "With no FILE, or when FILE is -, read standard input.\n\n"
           "  -t, --type TYPE          write one table to standard output:\n"
           "                           fact, finding, document or error\n"
           "  -d, --dir DIR            write facts.csv, findings.csv, documents.csv and\n"
           "                           errors.csv into DIR, each renamed into place\n"
           "                           only when complete\n"
           "      --bom                begin each file with a UTF-8 byte order mark\n"
           "                           (Excel on Windows needs it to show Chinese)\n"
           "      --no-formula-guard   do not prefix ' to text cells that a spreadsheet\n"
           "                           would run as a formula (= + - @ TAB CR)\n"
           "      --no-header          do not write the header line\n"
           "      --max-line BYTES     longest input line accepted (default 64 MiB)\n"
           "      --help               display this help and exit\n"
           "      --version            output version information and exit\n\n"
           "Exit status: 0 all good; 1 some records or documents were bad (truncated\n"
           "documents, invalid lines); 2 usage error; 3 output incomplete (write error).\n",
           PROG, PROG);
}

int main(int argc, char **argv)
{
    cli_init();
    jpool_install();   /* before any jansson value exists */
    enum { OPT_BOM = 256, OPT_NO_GUARD, OPT_NO_HEADER, OPT_MAX_LINE, OPT_HELP, OPT_VERSION };
    static const struct option opts[] = {
        {"type", required_argument, NULL, 't'},
        {"dir", required_argument, NULL, 'd'},
        {"bom", no_argument, NULL, OPT_BOM},
        {"no-formula-guard", no_argument, NULL, OPT_NO_GUARD},
        {"no-header", no_argument, NULL, OPT_NO_HEADER},
        {"max-line", required_argument, NULL, OPT_MAX_LINE},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0}};
    const char *type = NULL, *dir = NULL;
    int bom = 0, header = 1, c;
    size_t max_line = 0;
    emitter em = {.guard = 1};
    while ((c = getopt_long(argc, argv, "t:d:", opts, NULL)) != -1) {
        switch (c) {
        case 't': type = optarg; break;
        case 'd': dir = optarg; break;
        case OPT_BOM: bom = 1; break;
        case OPT_NO_GUARD: em.guard = 0; break;
        case OPT_NO_HEADER: header = 0; break;
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
    if (!type == !dir) {
        cli_usage_error(PROG, "give exactly one of --type or --dir");
        return YJS_EXIT_USAGE;
    }
    if (type) {
        int t;
        for (t = 0; t < T_COUNT; t++)
            if (strcmp(type, TABLE_NAME[t]) == 0)
                break;
        if (t == T_COUNT) {
            cli_usage_error(PROG, "unknown --type '%s' (fact, finding, document or error)", type);
            return YJS_EXIT_USAGE;
        }
        em.out[t] = stdout;
    } else {
        for (int t = 0; t < T_COUNT; t++) {
            size_t n = strlen(dir) + strlen(FILE_NAME[t]) + 16;
            em.tmp_path[t] = malloc(n);
            snprintf(em.tmp_path[t], n, "%s/.%s.XXXXXX", dir, FILE_NAME[t]);
            int fd = mkstemp(em.tmp_path[t]);
            if (fd < 0 || fchmod(fd, 0644) != 0 || !(em.out[t] = fdopen(fd, "w"))) {
                diag(PROG, dir, "cannot create output file: %s", strerror(errno));
                free(em.tmp_path[t]);
                em.tmp_path[t] = NULL;
                discard_temp_files(&em);
                return YJS_EXIT_ABORTED;
            }
            setvbuf(em.out[t], NULL, _IOFBF, 1 << 16);
        }
    }
    int write_failed = 0;
    for (int t = 0; t < T_COUNT && !write_failed; t++) {
        if (!em.out[t])
            continue;
        if (bom && fputs("\xEF\xBB\xBF", em.out[t]) == EOF)
            write_failed = 1;
        if (header && put_header(em.out[t], COLS[t]))
            write_failed = 1;
    }
    int rc = YJS_EXIT_ABORTED;
    if (!write_failed) {
        ds_config cfg = {
            .prog = PROG, .stage = "emit-csv", .max_line = max_line, .no_stream_output = 1,
            .ctx = &em, .sink = sink, .on_header = on_header, .on_record = on_record,
            .on_end = on_end, .on_loose = on_loose};
        rc = ds_run(&cfg, argc - optind, argv + optind);
    } else {
        diag(PROG, NULL, "write error: %s", strerror(errno ? errno : EIO));
    }
    json_decref(em.context);
    if (rc == YJS_EXIT_ABORTED) {
        if (dir)
            discard_temp_files(&em);
        else
            fclose(stdout);
    } else if (finish_files(&em, dir) != 0) {
        rc = YJS_EXIT_ABORTED;
        discard_temp_files(&em);
    }
    jpool_release();
    return rc;
}
