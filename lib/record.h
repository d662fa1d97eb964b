/* The record contract (docs/records.md) in code: one place that knows how
 * records are parsed, built and written. */
#ifndef YJS_RECORD_H
#define YJS_RECORD_H

#include "jsonline.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#define YJS_CONTRACT "yujuesuan/1"

/* Parses one stream line. Rejects duplicate keys, non-objects and objects
 * without a string "type"; the reason goes to err. */
json_t *rec_parse(const char *line, size_t len, char *err, size_t errlen);

const char *rec_type(const json_t *rec);
const char *rec_doc(const json_t *rec);
/* The string value of key, or NULL when missing or not a string. */
const char *rec_str(const json_t *rec, const char *key);
int rec_is(const json_t *rec, const char *type);

/* {"type":type,"doc":doc} ; doc NULL gives "doc":null. */
json_t *rec_new(const char *type, const char *doc);
json_t *rec_error(const char *doc, const char *source, const char *stage,
                  const char *code, const char *message);
/* Sets key to a string, or to null when value is NULL. */
int rec_set_str(json_t *rec, const char *key, const char *value);

/* Writes the record as one compact UTF-8 line. 0, or -1 on a write error. */
int rec_write(FILE *out, const json_t *rec);
/* The same through the caller's line buffer (lib/jsonline), reused from
 * record to record: no allocation once it has grown to the longest. */
int rec_write_buf(FILE *out, const json_t *rec, jline *buf);
int rec_write_raw(FILE *out, const char *line, size_t len);

#endif
