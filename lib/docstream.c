#include "docstream.h"

#include "cli.h"
#include "linereader.h"
#include "record.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ds_stream {
    const ds_config *cfg;
    const char *file;
    size_t lineno;
    json_t *header;      /* current document, NULL outside one */
    int passthrough;     /* current document has a contract we do not know */
    size_t seen;         /* records read inside the current document */
    size_t emitted;      /* records written inside the current document */
    int failed;
    jline out;           /* the line records are written through, reused */
};

const char *ds_doc(const ds_stream *s) { return s->header ? rec_doc(s->header) : NULL; }
const char *ds_source(const ds_stream *s) { return s->header ? rec_str(s->header, "source") : NULL; }
const json_t *ds_header(const ds_stream *s) { return s->header; }
const char *ds_file(const ds_stream *s) { return s->file; }
size_t ds_lineno(const ds_stream *s) { return s->lineno; }
void ds_mark_failed(ds_stream *s) { s->failed = 1; }

int ds_emit_raw(ds_stream *s, const char *line, size_t len)
{
    if (s->header)
        s->emitted++;
    if (s->cfg->no_stream_output)
        return 0;
    return rec_write_raw(stdout, line, len);
}

int ds_emit(ds_stream *s, const json_t *rec)
{
    if (s->header)
        s->emitted++;
    if (s->cfg->no_stream_output)
        return s->cfg->sink ? s->cfg->sink(s->cfg->ctx, s, rec) : 0;
    return rec_write_buf(stdout, rec, &s->out);
}

static int verror(ds_stream *s, const char *code, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    char where[512];
    snprintf(where, sizeof where, "%s:%zu", s->file ? s->file : "-", s->lineno);
    diag(s->cfg->prog, where, "%s", msg);
    s->failed = 1;
    json_t *e = rec_error(ds_doc(s), ds_source(s), s->cfg->stage, code, msg);
    if (!e)
        return -1;
    int rc = ds_emit(s, e);
    json_decref(e);
    return rc;
}

int ds_error(ds_stream *s, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = verror(s, code, fmt, ap);
    va_end(ap);
    return rc;
}

/* Closes the current document: the stage's last word, then the trailer. */
static int close_doc(ds_stream *s, int truncated)
{
    int rc = 0;
    if (truncated)
        rc = ds_error(s, "truncated", "document %s ends without a complete trailer", ds_doc(s));
    if (!rc && !s->passthrough && s->cfg->on_end)
        rc = s->cfg->on_end(s->cfg->ctx, s, truncated);
    if (!rc) {
        json_t *t = rec_new("end", ds_doc(s));
        json_object_set_new(t, "records", json_integer((json_int_t)s->emitted));
        if (truncated)
            json_object_set_new(t, "truncated", json_true());
        json_decref(s->header);
        s->header = NULL;
        if (!s->cfg->no_stream_output)
            rc = rec_write_buf(stdout, t, &s->out);
        json_decref(t);
    } else {
        json_decref(s->header);
        s->header = NULL;
    }
    return rc;
}

static int open_doc(ds_stream *s, json_t *hdr)
{
    s->header = hdr;
    s->seen = s->emitted = 0;
    s->passthrough = 0;
    const char *contract = rec_str(hdr, "contract");
    int rc = 0;
    int no_doc = !rec_doc(hdr);
    if (no_doc) {
        /* a header we cannot key: keep it as a document all the same */
        json_object_set_new(hdr, "doc", json_string(""));
    }
    if (!contract || strcmp(contract, YJS_CONTRACT) != 0) {
        s->passthrough = 1;
    } else if (s->cfg->on_header) {
        rc = s->cfg->on_header(s->cfg->ctx, s, hdr);
    }
    if (!rc && !s->cfg->no_stream_output)
        rc = rec_write_buf(stdout, hdr, &s->out);
    if (!rc && no_doc)
        rc = ds_error(s, "bad_record", "document header has no string \"doc\"");
    if (!rc && s->passthrough)
        rc = ds_error(s, "contract", "document header has contract %s%s%s, expected %s",
                      contract ? "\"" : "", contract ? contract : "(none)", contract ? "\"" : "",
                      YJS_CONTRACT);
    return rc;
}

static int handle_record(ds_stream *s, json_t *rec, const char *line, size_t len)
{
    const char *type = rec_type(rec);
    if (strcmp(type, "document") == 0) {
        int rc = 0;
        if (s->header)
            rc = close_doc(s, 1);
        if (!rc)
            rc = open_doc(s, rec);
        else
            json_decref(rec);
        return rc;
    }
    if (strcmp(type, "end") == 0) {
        int rc;
        if (!s->header) {
            rc = ds_error(s, "stray_trailer", "trailer for document %s without its header",
                          rec_doc(rec) ? rec_doc(rec) : "(none)");
        } else {
            const char *d = rec_doc(rec);
            json_t *n = json_object_get(rec, "records");
            int ok = d && strcmp(d, ds_doc(s)) == 0 && json_is_integer(n) &&
                     (size_t)json_integer_value(n) == s->seen &&
                     !json_is_true(json_object_get(rec, "truncated"));
            rc = close_doc(s, !ok);
        }
        json_decref(rec);
        return rc;
    }
    int rc;
    if (s->header) {
        s->seen++;
        const char *d = rec_doc(rec);
        if (!s->passthrough && (!d || strcmp(d, ds_doc(s)) != 0)) {
            /* filed under either id it would land in the wrong document:
             * the error record takes its place, as for a line that is not JSON */
            if (d)
                rc = ds_error(s, "bad_record", "record of document %s inside document %s", d, ds_doc(s));
            else
                rc = ds_error(s, "bad_record", "record has no string \"doc\"");
        } else if (s->passthrough || !s->cfg->on_record)
            rc = ds_emit_raw(s, line, len);
        else
            rc = s->cfg->on_record(s->cfg->ctx, s, rec, line, len);
    } else {
        if (s->cfg->on_loose)
            rc = s->cfg->on_loose(s->cfg->ctx, s, rec, line, len);
        else
            rc = ds_emit_raw(s, line, len);
    }
    json_decref(rec);
    return rc;
}

static int run_file(ds_stream *s, line_reader *r)
{
    const char *line;
    size_t len;
    for (;;) {
        lr_status st = lr_next(r, &line, &len);
        s->lineno = lr_lineno(r);
        if (st == LR_EOF)
            return 0;
        if (st == LR_ERROR) {
            diag(s->cfg->prog, s->file, "read error: %s", strerror(errno));
            return -2;
        }
        if (st == LR_TOO_LONG) {
            if (s->header)
                s->seen++;
            if (ds_error(s, "line_too_long", "line longer than the limit, skipped"))
                return -1;
            continue;
        }
        /* blank lines are not records (JSON Lines); skip them quietly */
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len)
            continue;
        char err[256];
        json_t *rec = rec_parse(line, len, err, sizeof err);
        if (!rec) {
            if (s->header)
                s->seen++;
            if (ds_error(s, "bad_record", "%s", err))
                return -1;
            continue;
        }
        if (handle_record(s, rec, line, len))
            return -1;
    }
}

int ds_run(const ds_config *cfg, int nfiles, char *const files[])
{
    ds_stream s = {.cfg = cfg};
    char *stdin_only[] = {"-"};
    if (nfiles == 0) {
        files = stdin_only;
        nfiles = 1;
    }
    int aborted = 0;
    for (int i = 0; i < nfiles && !aborted; i++) {
        line_reader *r = lr_open(files[i], cfg->max_line);
        if (!r) {
            diag(cfg->prog, files[i], "%s", strerror(errno));
            s.failed = 1;
            continue;
        }
        s.file = files[i];
        s.lineno = 0;
        int rc = run_file(&s, r);
        if (rc == -1)
            aborted = 1;
        else if (rc == -2)
            s.failed = 1;
        lr_close(r);
    }
    /* a document still open at the end of all input was cut short */
    if (!aborted && s.header && close_doc(&s, 1))
        aborted = 1;
    if (!aborted && cfg->on_finish && cfg->on_finish(cfg->ctx, &s))
        aborted = 1;
    json_decref(s.header);
    jl_free(&s.out);
    if (aborted) {
        diag(cfg->prog, NULL, "write error: %s", strerror(errno ? errno : EIO));
        if (!cfg->no_stream_output)
            fclose(stdout);
        return YJS_EXIT_ABORTED;
    }
    int rc = cfg->no_stream_output ? 0 : cli_close_stdout(cfg->prog);
    if (rc)
        return rc;
    return s.failed ? YJS_EXIT_FAILED : YJS_EXIT_OK;
}
