/* The loop every stream stage runs: read records, group them by document
 * (header .. trailer), hand them to the stage, pass through what the stage
 * does not own, recount each document and write its trailer, and report
 * documents that arrive cut short. Memory is one line plus whatever the
 * stage keeps for the current document. */
#ifndef YJS_DOCSTREAM_H
#define YJS_DOCSTREAM_H

#include <jansson.h>
#include <stddef.h>

typedef struct ds_stream ds_stream;

typedef struct {
    const char *prog;          /* for stderr diagnostics */
    const char *stage;         /* the "stage" of error records */
    size_t max_line;           /* 0: LR_DEFAULT_MAX_LINE */
    int no_stream_output;      /* the stage writes something else than the stream */
    void *ctx;
    /* With no_stream_output: receives what would have been written, the
     * loop's own error records included. */
    int (*sink)(void *ctx, ds_stream *s, const json_t *rec);
    /* All optional; return 0, or -1 when a write failed (the run aborts). */
    /* May modify the header, which is written after the call. */
    int (*on_header)(void *ctx, ds_stream *s, json_t *header);
    /* A record inside a document (not header or trailer); NULL passes it through. */
    int (*on_record)(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len);
    /* End of the current document, before its trailer is written. */
    int (*on_end)(void *ctx, ds_stream *s, int truncated);
    /* A record outside any document; NULL passes it through. */
    int (*on_loose)(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len);
    /* After the last input. */
    int (*on_finish)(void *ctx, ds_stream *s);
} ds_config;

/* Runs over the files ("-" is stdin; none means stdin). Returns the exit code. */
int ds_run(const ds_config *cfg, int nfiles, char *const files[]);

/* For the handlers. Emitted records inside a document are counted for its trailer. */
int ds_emit(ds_stream *s, const json_t *rec);
int ds_emit_raw(ds_stream *s, const char *line, size_t len);
/* An error record for the current document (or a loose one), also on stderr;
 * the run's exit status becomes 1. Returns -1 on a write error. */
int ds_error(ds_stream *s, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ds_mark_failed(ds_stream *s);

const char *ds_doc(const ds_stream *s);        /* NULL outside a document */
const char *ds_source(const ds_stream *s);
const json_t *ds_header(const ds_stream *s);   /* NULL outside a document */
const char *ds_file(const ds_stream *s);       /* input file name */
size_t ds_lineno(const ds_stream *s);          /* input line number */

#endif
