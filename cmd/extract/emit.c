#include "emit.h"

#include "cli.h"
#include "record.h"
#include "sha256.h"
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void em_init(emitter *em, FILE *out, const char *prog, const ex_limits *lim)
{
    memset(em, 0, sizeof *em);
    em->out = out;
    em->prog = prog;
    em->lim = lim;
}

void em_free(emitter *em)
{
    free(em->source);
    em->source = NULL;
    jl_free(&em->line);
}

static int write_rec(emitter *em, json_t *rec)
{
    if (!rec) {
        diag(em->prog, em->source, "out of memory");
        em->aborted = 1;
        return EM_ABORT;
    }
    int rc = rec_write_buf(em->out, rec, &em->line);
    json_decref(rec);
    if (rc) {
        em->aborted = 1;
        return EM_ABORT;
    }
    return EM_OK;
}

int em_begin(emitter *em, const char *source, const char *format,
             const unsigned char *data, size_t len)
{
    free(em->source);
    em->source = strdup(source);
    if (!em->source || sha256_hex(data, len, em->doc)) {
        diag(em->prog, source, "out of memory");
        em->aborted = 1;
        return EM_ABORT;
    }
    em->open = 1;
    em->header_written = 0;
    em->doc_failed = 0;
    em->format = format;
    em->encoding = NULL;
    em->bytes = len;
    em->records = 0;
    em->next_table = 0;
    return EM_OK;
}

void em_set_format(emitter *em, const char *format) { em->format = format; }
void em_set_encoding(emitter *em, const char *encoding) { em->encoding = encoding; }

static int write_header(emitter *em)
{
    if (em->header_written)
        return EM_OK;
    em->header_written = 1;
    json_t *h = rec_new("document", NULL);
    if (h) {
        json_object_del(h, "doc");
        rec_set_str(h, "contract", YJS_CONTRACT);
        rec_set_str(h, "doc", em->doc);
        /* a source is UTF-8 or \xNN-escaped by the time it gets here */
        rec_set_str(h, "source", em->source);
        rec_set_str(h, "format", em->format);
        rec_set_str(h, "encoding", em->encoding);
        json_object_set_new(h, "bytes", json_integer((json_int_t)em->bytes));
        rec_set_str(h, "sha256", em->doc);
    }
    return write_rec(em, h);
}

/* Writes a content record of the open document. */
static int write_content(emitter *em, json_t *rec)
{
    int rc = write_header(em);
    if (rc) {
        json_decref(rec);
        return rc;
    }
    em->records++;
    return write_rec(em, rec);
}

int em_end(emitter *em)
{
    if (!em->open)
        return EM_OK;
    int rc = write_header(em);
    em->open = 0;
    if (rc)
        return rc;
    json_t *t = rec_new("end", em->doc);
    if (t)
        json_object_set_new(t, "records", json_integer(em->records));
    return write_rec(em, t);
}

json_t *loc_line(long line)
{
    json_t *l = json_object();
    if (l)
        json_object_set_new(l, "line", json_integer(line));
    return l;
}

int em_paragraph(emitter *em, const char *text, size_t len, int level, json_t *loc)
{
    tbuf b = {0};
    if (text_clean(text, len, &b) < 0) {
        json_decref(loc);
        return write_rec(em, NULL);
    }
    if (b.len == 0) {
        tb_free(&b);
        json_decref(loc);
        return EM_OK;
    }
    json_t *p = rec_new("paragraph", em->doc);
    if (p) {
        json_object_set_new(p, "text", json_stringn(b.s, b.len));
        json_object_set_new(p, "level", json_integer(level));
        json_object_set_new(p, "loc", loc ? loc : json_object());
    } else {
        json_decref(loc);
    }
    tb_free(&b);
    return write_content(em, p);
}

int em_new_table(emitter *em) { return em->next_table++; }

json_t *em_cells(void) { return json_array(); }

int em_cell(json_t *cells, int col, const char *text, size_t len, int colspan, int rowspan)
{
    tbuf b = {0};
    if (!cells || text_clean(text, len, &b) < 0)
        return -1;
    json_t *c = json_object();
    if (!c) {
        tb_free(&b);
        return -1;
    }
    /* _nocheck: the keys are ours and text_clean's output is valid UTF-8;
     * jansson would check both again for each of ~2 000 cells a report */
    json_object_set_new_nocheck(c, "col", json_integer(col));
    json_object_set_new_nocheck(c, "text", json_stringn_nocheck(b.s ? b.s : "", b.len));
    json_object_set_new_nocheck(c, "colspan", json_integer(colspan < 1 ? 1 : colspan));
    json_object_set_new_nocheck(c, "rowspan", json_integer(rowspan < 1 ? 1 : rowspan));
    tb_free(&b);
    return json_array_append_new(cells, c);
}

int em_tab_row(emitter *em, int table, int row, const char *s, size_t n, json_t *loc)
{
    json_t *cells = em_cells();
    for (size_t i = 0, col = 0;; col++) {
        const char *tab = memchr(s + i, '\t', n - i);
        size_t e = tab ? (size_t)(tab - s) : n;
        if (em_cell(cells, (int)col, s + i, e - i, 1, 1)) {
            json_decref(cells);
            json_decref(loc);
            return EM_ABORT;
        }
        if (!tab)
            break;
        i = e + 1;
    }
    return em_row(em, table, row, NULL, cells, loc);
}

json_t *em_row_new(emitter *em, int table, int row, json_t *extra, json_t *cells, json_t *loc)
{
    json_t *r = cells ? rec_new("row", em->doc) : NULL;
    if (r) {
        json_object_set_new(r, "table", json_integer(table));
        json_object_set_new(r, "row", json_integer(row));
        if (extra)
            json_object_update(r, extra);
        json_object_set_new(r, "cells", cells);
        json_object_set_new(r, "loc", loc ? loc : json_object());
    } else {
        json_decref(cells);
        json_decref(loc);
    }
    json_decref(extra);
    return r;
}

int em_put(emitter *em, json_t *rec)
{
    if (!rec)
        return write_rec(em, NULL);
    const json_t *cells = json_object_get(rec, "cells");
    if (json_is_array(cells) && (long)json_array_size(cells) > em->lim->max_cells) {
        long n = (long)json_array_size(cells);
        json_int_t t = json_integer_value(json_object_get(rec, "table"));
        json_int_t r = json_integer_value(json_object_get(rec, "row"));
        json_decref(rec);
        return em_error(em, "limit", "table %lld row %lld has %ld cells, more than --max-cells=%ld",
                        (long long)t, (long long)r, n, em->lim->max_cells);
    }
    return write_content(em, rec);
}

int em_row(emitter *em, int table, int row, json_t *extra, json_t *cells, json_t *loc)
{
    return em_put(em, em_row_new(em, table, row, extra, cells, loc));
}

static json_t *error_rec(emitter *em, const char *doc, const char *source,
                         const char *code, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    diag(em->prog, source, "%s", msg);
    /* the message may quote undecodable bytes: keep it printable */
    tbuf b = {0};
    const char *m = msg;
    if (text_clean(msg, strlen(msg), &b) >= 0 && b.s)
        m = b.s;
    json_t *r = rec_error(doc, source, "extract", code, m);
    tb_free(&b);
    return r;
}

int em_error(emitter *em, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *r = error_rec(em, em->doc, em->source, code, fmt, ap);
    va_end(ap);
    em->failed = 1;
    em->doc_failed = 1;
    int rc = write_content(em, r);
    return rc ? rc : EM_FAIL;
}

int em_loose_error(emitter *em, const char *source, const char *doc,
                   const char *code, const char *fmt, ...)
{
    char hash[65];
    int named = 0;
    if (!doc) {
        if (sha256_hex(source, strlen(source), hash))
            return write_rec(em, NULL);
        doc = hash;
        named = 1;
    }
    va_list ap;
    va_start(ap, fmt);
    json_t *r = error_rec(em, doc, source, code, fmt, ap);
    va_end(ap);
    if (r && named) {
        /* docs/records.md: the record says when its id is not a content hash */
        const char *m = json_string_value(json_object_get(r, "message"));
        size_t n = m ? strlen(m) : 0;
        char *note = malloc(n + 64);
        if (note) {
            snprintf(note, n + 64, "%s (doc: the sha256 of the source name)", m ? m : "");
            json_object_set_new(r, "message", json_string(note));
            free(note);
        }
    }
    em->failed = 1;
    int rc = write_rec(em, r);
    return rc ? rc : EM_FAIL;
}
