#include "factindex.h"

#include "label.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fi_init(factindex *fi, size_t max_facts)
{
    memset(fi, 0, sizeof *fi);
    fi->max_facts = max_facts;
    fi->idx = strmap_new();
    fi->paragraphs = json_array();
    return fi->idx && fi->paragraphs ? 0 : -1;
}

void fi_clear(factindex *fi)
{
    arena_clear(&fi->strings);
    for (size_t i = 0; i < fi->nformulas; i++)
        json_decref(fi->formulas[i]);
    fi->n = fi->nformulas = 0;
    fi->over_limit = 0;
    strmap_clear(fi->idx);
    json_array_clear(fi->paragraphs);
}

void fi_free(factindex *fi)
{
    fi_clear(fi);
    strmap_free(fi->idx);
    arena_free(&fi->strings);
    json_decref(fi->paragraphs);
    free(fi->facts);
    free(fi->formulas);
    memset(fi, 0, sizeof *fi);
}

/* The string field, copied into the document's arena; NULL when missing or empty. */
static const char *keep(factindex *fi, const json_t *rec, const char *key, int *nomem)
{
    const char *s = rec_str(rec, key);
    if (!s || !*s)
        return NULL;
    const char *c = arena_strdup(&fi->strings, s);
    if (!c)
        *nomem = 1;
    return c;
}

json_t *fact_locator(const fact *f)
{
    json_t *rec = json_loadb(f->raw, f->rawlen, 0, NULL);
    json_t *loc = json_incref(json_object_get(rec, "locator"));
    json_decref(rec);
    return loc;
}

/* 行次/栏次 as a plain number string, or "" when the locator has none. */
static void locator_number(const json_t *loc, const char *key, char *out, size_t size)
{
    const json_t *v = json_object_get(loc, key);
    out[0] = 0;
    if (json_is_integer(v)) {
        snprintf(out, size, "%lld", (long long)json_integer_value(v));
    } else if (json_is_string(v)) {
        char tmp[64];
        label_strip_spaces(json_string_value(v), tmp, sizeof tmp);
        if (label_is_code(tmp))
            str_copy(out, size, tmp);
    }
}

/* Strips a trailing % (a share printed with its sign) before parsing. */
static dec_status parse_value(const char *s, decimal *d)
{
    size_t len = strlen(s);
    if (len >= 1 && s[len - 1] == '%')
        len--;
    else if (len >= 3 && strcmp(s + len - 3, "％") == 0)
        len -= 3;
    return dec_parse(s, len, d);
}

/* Amounts are compared in 万元; 元 keeps its precision as 4 more decimals. */
static int to_wan(decimal printed, const char *unit, decimal *out)
{
    *out = printed;
    if (!unit || strcmp(unit, "万元") == 0)
        return 0;
    if (strcmp(unit, "元") == 0) {
        /* 1 元 = 0.0001 万元: the same digits, four more decimals */
        if (printed.scale + 4 > DEC_MAX_SCALE && dec_rescale(printed, DEC_MAX_SCALE - 4, out))
            return -1;
        out->scale += 4;
        return 0;
    }
    if (strcmp(unit, "亿元") == 0)
        return dec_mul(printed, dec_from_int(10000, 0), out);
    return 0;
}

static int index_key(factindex *fi, int id, const char *a, const char *b, const char *c, const char *d)
{
    char key[RC_KEY * 3];
    str_join(key, sizeof key, '\x1f', 4, a, b, c, d);
    return strmap_add(fi->idx, key, id);
}

void fi_rowkey(const fact *f, char *out, size_t size)
{
    if (f->line_no[0])
        snprintf(out, size, "L%s", f->line_no);
    else if (f->code)
        snprintf(out, size, "C%s", f->code);
    else if (f->label[0])
        snprintf(out, size, "I%s", f->label);
    else
        snprintf(out, size, "P%ld", f->loc_row);
}

void fi_colkey(const fact *f, char *out, size_t size)
{
    if (f->col_no[0])
        snprintf(out, size, "N%s", f->col_no);
    else if (f->column)
        snprintf(out, size, "H%s", f->column);
    else
        snprintf(out, size, "H");
}

static int index_fact(factindex *fi, int id)
{
    fact *f = &fi->facts[id];
    if (index_key(fi, id, "k", f->kind ? f->kind : "", NULL, NULL))
        return -1;
    if (!f->tkey[0])
        return 0;
    if (fi_table(fi, f->tkey).n == 0) {
        if (index_key(fi, id, "tables", NULL, NULL, NULL))
            return -1;
        if (f->table && !fi_table_key(fi, f->table) && index_key(fi, id, "n", f->table, NULL, NULL))
            return -1;
    }
    if (index_key(fi, id, "t", f->tkey, NULL, NULL))
        return -1;
    char rows[4][RC_KEY], cols[2][RC_KEY];
    int nr = 0, nc = 0;
    if (f->line_no[0])
        snprintf(rows[nr++], RC_KEY, "L%s", f->line_no);
    if (f->code)
        snprintf(rows[nr++], RC_KEY, "C%s", f->code);
    if (f->label[0])
        snprintf(rows[nr++], RC_KEY, "I%s", f->label);
    /* the physical row: labels repeat in non-standard tables */
    if (f->loc_row >= 0)
        snprintf(rows[nr++], RC_KEY, "P%ld", f->loc_row);
    else if (nr == 0)
        fi_rowkey(f, rows[nr++], RC_KEY);
    if (f->col_no[0])
        snprintf(cols[nc++], RC_KEY, "N%s", f->col_no);
    if (f->column || nc == 0)
        snprintf(cols[nc++], RC_KEY, "H%s", f->column ? f->column : "");
    for (int r = 0; r < nr; r++)
        if (index_key(fi, id, "r", f->tkey, rows[r], NULL))
            return -1;
    for (int c = 0; c < nc; c++)
        if (index_key(fi, id, "c", f->tkey, cols[c], NULL))
            return -1;
    /* cells by every row key, but only by the preferred column key (栏次
     * when printed), and by the column name in the physical row */
    for (int r = 0; r < nr; r++)
        if (index_key(fi, id, "x", f->tkey, rows[r], cols[0]))
            return -1;
    if (nc > 1 && f->loc_row >= 0 && index_key(fi, id, "x", f->tkey, rows[nr - 1], cols[1]))
        return -1;
    return 0;
}

fi_status fi_add_fact(factindex *fi, const json_t *rec, const char *raw, size_t len)
{
    if (fi->max_facts && fi->n >= fi->max_facts) {
        fi->over_limit = 1;
        return FI_LIMIT;
    }
    fact f;
    memset(&f, 0, sizeof f);
    const json_t *v = json_object_get(rec, "value");
    if (json_is_string(v)) {
        if (parse_value(json_string_value(v), &f.printed) != DEC_OK)
            return FI_BAD_VALUE;
        f.has_value = 1;
    } else if (!json_is_null(v) && v) {
        return FI_BAD_VALUE;
    }
    int nomem = 0;
    f.raw = arena_strndup(&fi->strings, raw, len);
    f.rawlen = len;
    f.value_text = keep(fi, rec, "value", &nomem);
    f.table = keep(fi, rec, "table", &nomem);
    f.form = keep(fi, rec, "form", &nomem);
    f.item = keep(fi, rec, "item", &nomem);
    f.column = keep(fi, rec, "column", &nomem);
    f.header_path = keep(fi, rec, "header_path", &nomem);
    f.unit = keep(fi, rec, "unit", &nomem);
    f.kind = keep(fi, rec, "kind", &nomem);
    f.measure = keep(fi, rec, "measure", &nomem);
    f.subject = keep(fi, rec, "subject", &nomem);
    f.heading = keep(fi, rec, "heading", &nomem);
    f.section = keep(fi, rec, "section", &nomem);
    f.sentence = keep(fi, rec, "sentence", &nomem);
    f.table_id = keep(fi, rec, "table_id", &nomem);
    f.side = keep(fi, rec, "side", &nomem);
    f.basis = keep(fi, rec, "basis", &nomem);
    f.direction = keep(fi, rec, "direction", &nomem);
    f.base = keep(fi, rec, "base", &nomem);
    f.base_year = keep(fi, rec, "base_year", &nomem);
    f.codes = keep(fi, rec, "code", &nomem);
    f.code = f.codes && label_is_code(f.codes) ? f.codes : NULL;
    if (f.kind && strcmp(f.kind, "meta") == 0) {
        f.meta_entity = keep(fi, rec, "entity", &nomem);
        f.meta_year = keep(fi, rec, "year", &nomem);
        f.meta_stage = keep(fi, rec, "stage", &nomem);
    }
    if (nomem || !f.raw)
        return FI_NOMEM;
    if (f.has_value && to_wan(f.printed, f.measure && strcmp(f.measure, "amount") != 0 ? NULL : f.unit, &f.value))
        return FI_BAD_VALUE;
    const json_t *loc = json_object_get(rec, "locator");
    locator_number(loc, "line_no", f.line_no, sizeof f.line_no);
    locator_number(loc, "col_no", f.col_no, sizeof f.col_no);
    const json_t *lr = json_object_get(loc, "row");
    f.loc_row = json_is_integer(lr) ? (long)json_integer_value(lr) : -1;
    if (f.item)
        label_norm(f.item, f.label, sizeof f.label);
    const json_t *lp = json_object_get(loc, "paragraph");
    f.paragraph = json_is_integer(lp) ? (long)json_integer_value(lp) : -1;
    const json_t *lt = json_object_get(loc, "table");
    if (f.kind && strcmp(f.kind, "narrative") != 0 && strcmp(f.kind, "meta") != 0) {
        if (json_is_integer(lt))
            snprintf(f.tkey, sizeof f.tkey, "#%lld", (long long)json_integer_value(lt));
        else if (f.table)
            str_copy(f.tkey, sizeof f.tkey, f.table);
    }
    if (fi->n == fi->cap) {
        size_t cap = fi->cap ? fi->cap * 2 : 256;
        fact *nf = realloc(fi->facts, cap * sizeof *nf);
        if (!nf)
            return FI_NOMEM;
        fi->facts = nf;
        fi->cap = cap;
    }
    fi->facts[fi->n] = f;
    if (index_fact(fi, (int)fi->n))
        return FI_NOMEM;
    fi->n++;
    return FI_OK;
}

int fi_add_formula(factindex *fi, json_t *rec)
{
    if (fi->nformulas == fi->capf) {
        size_t cap = fi->capf ? fi->capf * 2 : 16;
        json_t **nf = realloc(fi->formulas, cap * sizeof *nf);
        if (!nf)
            return -1;
        fi->formulas = nf;
        fi->capf = cap;
    }
    fi->formulas[fi->nformulas++] = json_incref(rec);
    return 0;
}

int fi_add_paragraph(factindex *fi, long ordinal, const char *text)
{
    return json_array_append_new(fi->paragraphs, json_pack("{s:I,s:s}", "p", (json_int_t)ordinal, "text", text));
}

static idlist lookup(const factindex *fi, const char *a, const char *b, const char *c, const char *d)
{
    char key[RC_KEY * 3];
    str_join(key, sizeof key, '\x1f', 4, a, b, c, d);
    return strmap_get(fi->idx, key);
}

const char *fi_table_key(const factindex *fi, const char *name)
{
    idlist l = lookup(fi, "n", name, NULL, NULL);
    return l.n ? fi->facts[l.ids[0]].tkey : NULL;
}

idlist fi_table(const factindex *fi, const char *tkey) { return lookup(fi, "t", tkey, NULL, NULL); }
idlist fi_row(const factindex *fi, const char *tkey, const char *rowkey) { return lookup(fi, "r", tkey, rowkey, NULL); }
idlist fi_col(const factindex *fi, const char *tkey, const char *colkey) { return lookup(fi, "c", tkey, colkey, NULL); }
idlist fi_kind(const factindex *fi, const char *kind) { return lookup(fi, "k", kind, NULL, NULL); }
idlist fi_tables(const factindex *fi) { return lookup(fi, "tables", "", NULL, NULL); }

const char *fi_std_table(const factindex *fi, const char *tid)
{
    idlist tables = fi_tables(fi);
    for (size_t i = 0; i < tables.n; i++) {
        const fact *f = &fi->facts[tables.ids[i]];
        if (f->table_id && strcmp(f->table_id, tid) == 0 && f->kind && strcmp(f->kind, "table") == 0)
            return f->tkey;
    }
    return NULL;
}

const fact *fi_cell(const factindex *fi, const char *tkey, const char *rowkey, const char *colkey)
{
    idlist l = lookup(fi, "x", tkey, rowkey, colkey);
    return l.n ? &fi->facts[l.ids[0]] : NULL;
}
