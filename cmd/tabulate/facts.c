#include "tabulate.h"

#include "record.h"

void fact_set_str(json_t *f, const char *key, const char *value)
{
    json_object_set_new(f, key, value ? json_string(value) : json_null());
}

json_t *fact_new(const tab_doc *d, const char *kind)
{
    json_t *f = rec_new("fact", ds_doc(d->s));
    fact_set_str(f, "source", ds_source(d->s));
    fact_set_str(f, "entity", d->meta.entity);
    fact_set_str(f, "year", d->meta.year);
    fact_set_str(f, "stage", d->meta.stage);
    fact_set_str(f, "kind", kind);
    return f;
}

int fact_emit(tab_doc *d, json_t *rec)
{
    int rc = ds_emit(d->s, rec);
    if (rec_is(rec, "fact"))
        d->nfacts++;
    json_decref(rec);
    return rc;
}
