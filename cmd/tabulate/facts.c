/* Writing facts. There are tens of thousands per batch, each repeating the
 * document's fields, so they are written straight into one reusable line
 * (keys in the contract's order, strings escaped as JSON requires) rather
 * than built as jansson objects and dumped: that halved tabulate's time.
 * The formula records, a handful per document, still go through jansson. */
#include "tabulate.h"

#include "record.h"
#include "text.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fact_set_str(json_t *f, const char *key, const char *value)
{
    json_object_set_new(f, key, value ? json_string(value) : json_null());
}

static void put_escaped(sbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sb_put(b, run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"': sb_puts(b, "\\\""); break;
        case '\\': sb_puts(b, "\\\\"); break;
        case '\n': sb_puts(b, "\\n"); break;
        case '\t': sb_puts(b, "\\t"); break;
        case '\r': sb_puts(b, "\\r"); break;
        case '\b': sb_puts(b, "\\b"); break;
        case '\f': sb_puts(b, "\\f"); break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            sb_puts(b, u);
        }
        }
    }
    sb_puts(b, run);
}

static void key(fwriter *w, const char *k)
{
    if (!w->first[w->depth])
        sb_putc(&w->b, ',');
    w->first[w->depth] = 0;
    sb_putc(&w->b, '"');
    sb_puts(&w->b, k);
    sb_puts(&w->b, "\":");
}

void fw_str(fwriter *w, const char *k, const char *value)
{
    key(w, k);
    size_t bad;
    /* a string that is not UTF-8 cannot be written as JSON: null, not garbage */
    if (!value || !utf8_valid(value, strlen(value), &bad)) {
        sb_puts(&w->b, "null");
        return;
    }
    sb_putc(&w->b, '"');
    put_escaped(&w->b, value);
    sb_putc(&w->b, '"');
}

void fw_int(fwriter *w, const char *k, long v)
{
    /* by hand: snprintf was a visible share of the time at this rate */
    char buf[24], *p = buf + sizeof buf;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    *--p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    key(w, k);
    sb_puts(&w->b, p);
}

void fw_null(fwriter *w, const char *k)
{
    key(w, k);
    sb_puts(&w->b, "null");
}

void fw_open(fwriter *w, const char *k)
{
    key(w, k);
    sb_putc(&w->b, '{');
    if (w->depth < 3)
        w->depth++;
    w->first[w->depth] = 1;
}

void fw_close(fwriter *w)
{
    sb_putc(&w->b, '}');
    if (w->depth > 0)
        w->depth--;
}

void fw_begin(fwriter *w, const tab_doc *d, const char *kind)
{
    /* the fields every fact of the document repeats, written once */
    if (!w->prefix) {
        w->b.len = 0;
        w->depth = 0;
        w->first[0] = 1;
        sb_putc(&w->b, '{');
        fw_str(w, "type", "fact");
        fw_str(w, "doc", ds_doc(d->s));
        fw_str(w, "source", ds_source(d->s));
        fw_str(w, "entity", d->meta.entity);
        fw_str(w, "year", d->meta.year);
        fw_str(w, "stage", d->meta.stage);
        w->prefix = tx_ndup(w->b.s, w->b.len);
    }
    w->b.len = 0;
    sb_puts(&w->b, w->prefix);
    w->depth = 0;
    w->first[0] = 0;
    fw_str(w, "kind", kind);
}

void fw_forget(fwriter *w)
{
    free(w->prefix);
    w->prefix = NULL;
}

int fw_emit(tab_doc *d, fwriter *w)
{
    while (w->depth > 0)
        fw_close(w);
    sb_putc(&w->b, '}');
    d->nfacts++;
    return ds_emit_raw(d->s, w->b.s, w->b.len);
}
