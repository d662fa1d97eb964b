/* Writing facts. There are tens of thousands per batch, each repeating the
 * document's fields, so they are written straight into one reusable line
 * (lib/jsonline) with the document's fields written once per document,
 * rather than built as jansson objects and dumped: that halved tabulate's
 * time. The formula records, a handful per document, go through jansson. */
#include "tabulate.h"

#include "record.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fact_set_str(json_t *f, const char *key, const char *value)
{
    json_object_set_new(f, key, value ? json_string(value) : json_null());
}

jline *fw_begin(tab_doc *d, const char *kind)
{
    fwriter *w = &d->w;
    /* the fields every fact of the document repeats, written once */
    if (!w->prefix) {
        jl_begin(&w->j);
        jl_str(&w->j, "type", "fact");
        jl_str(&w->j, "doc", ds_doc(d->s));
        jl_str(&w->j, "source", ds_source(d->s));
        jl_str(&w->j, "entity", d->meta.entity);
        jl_str(&w->j, "year", d->meta.year);
        jl_str(&w->j, "stage", d->meta.stage);
        w->prefix = jl_mark(&w->j);
    }
    jl_rewind(&w->j, w->prefix);
    jl_str(&w->j, "kind", kind);
    return &w->j;
}

void fw_forget(tab_doc *d) { d->w.prefix = 0; }

int fw_emit(tab_doc *d)
{
    jline *j = &d->w.j;
    jl_end(j);
    if (jl_failed(j))
        return -1;
    d->nfacts++;
    return ds_emit_raw(d->s, j->s, j->len);
}
