#include "stage.h"

#include "budget_table.h"
#include "check.h"
#include "cross_table.h"
#include "narrative.h"
#include "other_table.h"
#include "record.h"
#include "structure.h"
#include "within_table.h"

#include <string.h>

int reconciler_init(reconciler *r, const char *prog, size_t max_facts, int explain)
{
    memset(r, 0, sizeof *r);
    r->prog = prog;
    r->explain = explain;
    return fi_init(&r->fi, max_facts);
}

void reconciler_free(reconciler *r)
{
    fi_free(&r->fi);
    json_decref(r->header);
    r->header = NULL;
}

int rc_on_header(void *ctx, ds_stream *s, json_t *header)
{
    (void)s;
    reconciler *r = ctx;
    fi_clear(&r->fi);
    json_decref(r->header);
    r->header = json_incref(header);
    r->bad_facts = 0;
    r->limit_reported = 0;
    r->paragraphs = 0;
    return 0;
}

int rc_on_record(void *ctx, ds_stream *s, json_t *rec, const char *raw, size_t len)
{
    reconciler *r = ctx;
    /* every record goes on unchanged; facts and formulas are also kept */
    if (ds_emit_raw(s, raw, len))
        return -1;
    if (rec_is(rec, "paragraph")) {
        const char *text = rec_str(rec, "text");
        long p = r->paragraphs++;
        if (text && structure_wants(text) && fi_add_paragraph(&r->fi, p, text))
            return ds_error(s, "memory", "out of memory");
        return 0;
    }
    if (rec_is(rec, "formula"))
        return fi_add_formula(&r->fi, rec) ? ds_error(s, "memory", "out of memory") : 0;
    if (!rec_is(rec, "fact"))
        return 0;
    switch (fi_add_fact(&r->fi, rec, raw, len)) {
    case FI_OK:
        return 0;
    case FI_BAD_VALUE: {
        r->bad_facts++;
        const json_t *v = json_object_get(rec, "value");
        return ds_error(s, "bad_fact", "line %zu: fact value %s%s%s is not an amount; the fact is left out of the checks",
                        ds_lineno(s), json_is_string(v) ? "\"" : "",
                        json_is_string(v) ? json_string_value(v) : "(not a string)", json_is_string(v) ? "\"" : "");
    }
    case FI_LIMIT:
        if (!r->limit_reported) {
            r->limit_reported = 1;
            return ds_error(s, "too_many_facts",
                            "document has more than %zu facts (--max-facts); no checks are run on it",
                            r->fi.max_facts);
        }
        return 0;
    case FI_NOMEM:
    default:
        return ds_error(s, "memory", "out of memory indexing facts");
    }
}

static json_t *tally_json(const tally *t)
{
    return json_pack("{s:I,s:I,s:I,s:I}", "ran", (json_int_t)t->ran, "passed", (json_int_t)t->passed,
                     "failed", (json_int_t)t->failed, "not_run", (json_int_t)t->not_run);
}

static int write_summary(checker *c)
{
    tally all = {0, 0, 0, 0};
    json_t *by = json_object();
    for (int f = 0; f < FAM_COUNT; f++) {
        all.ran += c->by[f].ran;
        all.passed += c->by[f].passed;
        all.failed += c->by[f].failed;
        all.not_run += c->by[f].not_run;
        json_object_set_new(by, family_name(f), tally_json(&c->by[f]));
    }
    json_t *rec = rec_new("check_summary", c->doc);
    rec_set_str(rec, "source", c->source);
    json_object_set_new(rec, "ran", json_integer(all.ran));
    json_object_set_new(rec, "passed", json_integer(all.passed));
    json_object_set_new(rec, "failed", json_integer(all.failed));
    json_object_set_new(rec, "not_run", json_integer(all.not_run));
    json_object_set_new(rec, "by_kind", by);
    json_object_set_new(rec, "findings", json_pack("{s:I,s:I,s:I}", "info", (json_int_t)c->severity[V_INFO],
                                                   "warning", (json_int_t)c->severity[V_WARN],
                                                   "error", (json_int_t)c->severity[V_ERROR]));
    int rc = ds_emit(c->s, rec);
    json_decref(rec);
    return rc;
}

/* entity/year from the header (tabulate adds them) or the meta fact. */
static const char *doc_field(const reconciler *r, const char *key)
{
    const char *v = rec_str(r->header, key);
    if (v)
        return v;
    idlist m = fi_kind(&r->fi, "meta");
    if (!m.n)
        return NULL;
    const fact *f = &r->fi.facts[m.ids[0]];
    return strcmp(key, "entity") == 0 ? f->meta_entity : strcmp(key, "year") == 0 ? f->meta_year : f->meta_stage;
}

int rc_on_end(void *ctx, ds_stream *s, int truncated)
{
    reconciler *r = ctx;
    /* a damaged document proves nothing: no findings, no summary */
    if (truncated || r->fi.over_limit) {
        fi_clear(&r->fi);
        return 0;
    }
    checker c;
    memset(&c, 0, sizeof c);
    c.s = s;
    c.fi = &r->fi;
    c.prog = r->prog;
    c.doc = ds_doc(s);
    c.source = ds_source(s);
    c.entity = doc_field(r, "entity");
    c.year = doc_field(r, "year");
    c.stage = doc_field(r, "stage");
    c.explain = r->explain;
    if (r->fi.n > 0) {
        check_within_tables(&c);
        check_other_tables(&c);
        check_budget_tables(&c);
        check_cross_tables(&c);
        check_narrative(&c);
        check_structure(&c, c.stage);
    }
    int rc = c.write_error ? -1 : write_summary(&c);
    fi_clear(&r->fi);
    return rc;
}
