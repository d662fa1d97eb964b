/* Writing one record as one compact JSON line, fast.
 *
 * Every stage writes far more records than it reads fields of: extract a
 * row per table line, tabulate a fact per figure. Building a jansson tree
 * and dumping it cost 40% of extract's time and half of tabulate's, most of
 * it allocation and the dump callback. A jline is a reusable buffer that a
 * record is written straight into, keys in the order given, strings
 * escaped exactly as json_dumps(JSON_COMPACT) escapes them, so a record
 * written either way is the same bytes. Parsing stays with jansson.
 *
 * Keys are the program's own ASCII literals and are not escaped. A string
 * value that is not valid UTF-8 is written as null: a record is never
 * invalid JSON. Memory failure is sticky: jl_failed() says so at the end. */
#ifndef YJS_JSONLINE_H
#define YJS_JSONLINE_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

/* jansson parses at most 2048 levels: whatever it read can be written back */
#define JL_MAX_DEPTH 2049

typedef struct {
    char *s;
    size_t len, cap;
    int failed;
    int depth;                       /* open objects and arrays */
    char closer[JL_MAX_DEPTH];       /* '}' or ']' for each open level */
    unsigned char first[JL_MAX_DEPTH];
} jline;

/* An empty writer (or zero the struct); jl_free releases its buffer. */
void jl_init(jline *j);
/* Empties the buffer, keeping its memory, for a value written with jl_json
 * at the top level. */
void jl_init_keep(jline *j);
/* Empties the buffer and opens the record's object. */
void jl_begin(jline *j);
void jl_free(jline *j);

/* In an object key names the member; in an array key is ignored (NULL). */
void jl_str(jline *j, const char *key, const char *s);            /* NULL: null */
void jl_strn(jline *j, const char *key, const char *s, size_t n);
void jl_int(jline *j, const char *key, long long v);
void jl_bool(jline *j, const char *key, int v);
void jl_null(jline *j, const char *key);
void jl_open_object(jline *j, const char *key);
void jl_open_array(jline *j, const char *key);
void jl_close(jline *j);
/* A jansson value, as json_dumps(JSON_COMPACT | JSON_REAL_PRECISION(17))
 * writes it (members in insertion order). NULL writes null. */
void jl_json(jline *j, const char *key, const json_t *v);
/* The members of obj, into the object open at this level. */
void jl_members(jline *j, const json_t *obj);

/* Closes every open level. The line is j->s, j->len bytes, no newline,
 * NUL-terminated. */
void jl_end(jline *j);
int jl_failed(const jline *j);
/* jl_end, then the line and a newline to out. 0, or -1 on a write or
 * memory failure. */
int jl_write(jline *j, FILE *out);

/* Records that share their first members (every fact of a document
 * repeats the document's fields): write them once, take a mark at the top
 * level, and rewind to it for each record. */
size_t jl_mark(const jline *j);
void jl_rewind(jline *j, size_t mark);

#endif
