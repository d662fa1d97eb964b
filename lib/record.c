#include "record.h"

#include <string.h>

json_t *rec_parse(const char *line, size_t len, char *err, size_t errlen)
{
    json_error_t je;
    json_t *j = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        snprintf(err, errlen, "invalid JSON: %s (column %d)", je.text, je.column);
        return NULL;
    }
    if (!json_is_object(j)) {
        snprintf(err, errlen, "not a JSON object");
        json_decref(j);
        return NULL;
    }
    if (!json_is_string(json_object_get(j, "type"))) {
        snprintf(err, errlen, "record has no string \"type\"");
        json_decref(j);
        return NULL;
    }
    return j;
}

const char *rec_str(const json_t *rec, const char *key)
{
    return json_string_value(json_object_get(rec, key));
}

const char *rec_type(const json_t *rec) { return rec_str(rec, "type"); }
const char *rec_doc(const json_t *rec) { return rec_str(rec, "doc"); }

int rec_is(const json_t *rec, const char *type)
{
    const char *t = rec_type(rec);
    return t && strcmp(t, type) == 0;
}

int rec_set_str(json_t *rec, const char *key, const char *value)
{
    return json_object_set_new(rec, key, value ? json_string(value) : json_null());
}

json_t *rec_new(const char *type, const char *doc)
{
    json_t *r = json_object();
    if (!r)
        return NULL;
    json_object_set_new(r, "type", json_string(type));
    rec_set_str(r, "doc", doc);
    return r;
}

json_t *rec_error(const char *doc, const char *source, const char *stage,
                  const char *code, const char *message)
{
    json_t *r = rec_new("error", doc);
    if (!r)
        return NULL;
    rec_set_str(r, "source", source);
    rec_set_str(r, "stage", stage);
    rec_set_str(r, "code", code);
    /* a message may quote bytes from a broken document: never let that
     * make the record itself unwritable */
    json_t *m = json_string(message);
    if (!m)
        m = json_string("(message not valid UTF-8)");
    json_object_set_new(r, "message", m);
    return r;
}

int rec_write(FILE *out, const json_t *rec)
{
    jline j;
    jl_init(&j);
    int rc = rec_write_buf(out, rec, &j);
    jl_free(&j);
    return rc;
}

int rec_write_buf(FILE *out, const json_t *rec, jline *buf)
{
    jl_init_keep(buf);
    jl_json(buf, NULL, rec);
    return jl_write(buf, out);
}

int rec_write_raw(FILE *out, const char *line, size_t len)
{
    if (fwrite(line, 1, len, out) != len || putc('\n', out) == EOF)
        return -1;
    return 0;
}
