#include "stage.h"

#include "cli.h"
#include "docstream.h"
#include "linereader.h"
#include "record.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    nt_ctx *ctx;
    /* the counts of the record being rewritten */
    size_t t2s, folded, repaired;
    int spam;
    json_t *garbled;     /* array, or NULL while empty */
} stage;

static int report_failure(ds_stream *s, const char *type, int rc, const nt_result *res)
{
    if (rc == NT_INVALID)
        return ds_error(s, "invalid_utf8",
                        "text of a %s record is not valid UTF-8 (or holds NUL) at byte %zu; "
                        "record passed unchanged", type, res->bad_at);
    if (rc == NT_TOO_LONG)
        return ds_error(s, "text_too_long",
                        "text of a %s record is longer than --max-text; record passed unchanged", type);
    return ds_error(s, "out_of_memory", "out of memory rewriting a %s record; record passed unchanged", type);
}

static void note_garbled(stage *st, const nt_result *res, const json_t *col)
{
    for (size_t i = 0; i < res->ngarbled; i++) {
        const nt_garbled *g = &res->garbled[i];
        json_t *o = json_object();
        if (col)
            json_object_set(o, "col", (json_t *)col);
        json_object_set_new(o, "at", g->at_known ? json_integer((json_int_t)g->at) : json_null());
        json_object_set_new(o, "original", json_string(g->original));
        json_object_set_new(o, "guess", g->guess ? json_string(g->guess) : json_null());
        json_object_set_new(o, "confident", json_boolean(g->confident));
        if (!st->garbled)
            st->garbled = json_array();
        json_array_append_new(st->garbled, o);
    }
}

/* Rewrites the string at key of obj. 1 when it changed, 0 when not, or
 * a negative NT_* code (obj untouched). */
static int rewrite(stage *st, json_t *obj, const char *key, int cell, const json_t *col, nt_result *res)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        return 0;
    const char *in = json_string_value(v);
    size_t len = json_string_length(v);
    int rc = normalize_text(st->ctx, in, len, cell, res);
    if (rc != NT_OK)
        return rc;
    st->t2s += res->t2s;
    st->folded += res->folded;
    st->repaired += res->repaired;
    st->spam |= res->spam;
    note_garbled(st, res, col);
    if (res->len == len && memcmp(res->text, in, len) == 0)
        return 0;
    json_t *nv = json_stringn(res->text, res->len);
    if (!nv)
        return NT_NOMEM;
    json_object_set_new(obj, key, nv);
    return 1;
}

static int on_record(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len)
{
    stage *st = ctx;
    int is_para = rec_is(rec, "paragraph"), is_row = !is_para && rec_is(rec, "row");
    if (!is_para && !is_row)
        return ds_emit_raw(s, raw, len);
    st->t2s = st->folded = st->repaired = 0;
    st->spam = 0;
    st->garbled = NULL;
    nt_result res;
    int changed = 0, rc = 0;
    /* rewritten in place: a record that fails half way is passed as it
     * came, from raw, and the loop frees the half-done one */
    if (is_para) {
        rc = rewrite(st, rec, "text", 0, NULL, &res);
        changed = rc > 0;
    } else {
        json_t *cells = json_object_get(rec, "cells");
        size_t i;
        json_t *cell;
        json_array_foreach(cells, i, cell) {
            if (!json_is_object(cell))
                continue;
            rc = rewrite(st, cell, "text", 1, json_object_get(cell, "col"), &res);
            if (rc < 0)
                break;
            changed |= rc > 0;
        }
    }
    if (rc < 0) {
        json_decref(st->garbled);
        if (report_failure(s, is_para ? "paragraph" : "row", rc, &res))
            return -1;
        return ds_emit_raw(s, raw, len);
    }
    int marks = (st->spam && !json_is_true(json_object_get(rec, "spam"))) ||
                (st->garbled && !json_object_get(rec, "garbled"));
    if (!changed && !marks) {
        json_decref(st->garbled);
        return ds_emit_raw(s, raw, len);
    }
    if (changed) {
        json_t *n = json_object();
        json_object_set_new(n, "t2s", json_integer((json_int_t)st->t2s));
        json_object_set_new(n, "folded", json_integer((json_int_t)st->folded));
        json_object_set_new(n, "repaired", json_integer((json_int_t)st->repaired));
        json_object_set_new(rec, "normalized", n);
    }
    if (st->spam)
        json_object_set_new(rec, "spam", json_true());
    if (st->garbled && !json_object_get(rec, "garbled"))
        json_object_set_new(rec, "garbled", st->garbled);
    else
        json_decref(st->garbled);
    return ds_emit(s, rec);
}

int run_stream(const char *prog, nt_ctx *ctx, size_t max_line, int nfiles, char *const files[])
{
    stage st = {.ctx = ctx};
    ds_config cfg = {.prog = prog, .stage = "normalize", .max_line = max_line, .ctx = &st,
                     .on_record = on_record};
    return ds_run(&cfg, nfiles, files);
}

static int plain_file(const char *prog, nt_ctx *ctx, line_reader *r, const char *name, int *failed)
{
    const char *line;
    size_t len;
    lr_status st;
    while ((st = lr_next(r, &line, &len)) == LR_LINE) {
        nt_result res;
        int rc = normalize_text(ctx, line, len, 0, &res);
        if (rc != NT_OK) {
            char where[512];
            snprintf(where, sizeof where, "%s:%zu", name, lr_lineno(r));
            diag(prog, where, "%s; line passed unchanged",
                 rc == NT_INVALID ? "not valid UTF-8" : rc == NT_TOO_LONG ? "longer than --max-text" : "out of memory");
            *failed = 1;
        }
        if (fwrite(res.text, 1, res.len, stdout) != res.len || putchar('\n') == EOF)
            return -1;
    }
    if (st == LR_TOO_LONG) {
        diag(prog, name, "line %zu longer than --max-line, skipped", lr_lineno(r) + 1);
        *failed = 1;
        return plain_file(prog, ctx, r, name, failed);
    }
    if (st == LR_ERROR) {
        diag(prog, name, "read error: %s", strerror(errno));
        *failed = 1;
    }
    return 0;
}

int run_plain(const char *prog, nt_ctx *ctx, size_t max_line, int nfiles, char *const files[])
{
    char *stdin_only[] = {"-"};
    if (nfiles == 0) {
        files = stdin_only;
        nfiles = 1;
    }
    int failed = 0;
    for (int i = 0; i < nfiles; i++) {
        line_reader *r = lr_open(files[i], max_line);
        if (!r) {
            diag(prog, files[i], "%s", strerror(errno));
            failed = 1;
            continue;
        }
        int rc = plain_file(prog, ctx, r, files[i], &failed);
        lr_close(r);
        if (rc) {
            diag(prog, NULL, "write error: %s", strerror(errno ? errno : EIO));
            fclose(stdout);
            return YJS_EXIT_ABORTED;
        }
    }
    int rc = cli_close_stdout(prog);
    if (rc)
        return rc;
    return failed ? YJS_EXIT_FAILED : YJS_EXIT_OK;
}
