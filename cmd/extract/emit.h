/* The writing side of extract: one document at a time, its header written
 * lazily (a reader learns the text encoding before its first record), every
 * record counted for the trailer, error records inside or outside a
 * document as docs/records.md says.
 *
 * Every em_* call that writes returns EM_OK, EM_FAIL (the document failed:
 * an error record was written, stop reading it) or EM_ABORT (stdout cannot
 * be written: the run must stop). Readers pass any non-zero result up. */
#ifndef EXTRACT_EMIT_H
#define EXTRACT_EMIT_H

#include "xlimits.h"

#include "jsonline.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

enum { EM_OK = 0, EM_FAIL = 1, EM_ABORT = -1 };

typedef struct emitter {
    FILE *out;
    jline line;             /* records are written through it, reused */
    const char *prog;
    const ex_limits *lim;
    int failed;             /* some document or input failed: exit 1 */
    int aborted;            /* a write failed: exit 3 */
    /* the current document */
    int open;               /* between em_begin and em_end */
    int header_written;
    int doc_failed;
    char doc[65];
    char *source;
    const char *format;
    const char *encoding;   /* NULL: binary format */
    size_t bytes;
    long records;
    int next_table;         /* tables get indexes in reading order */
} emitter;

void em_init(emitter *em, FILE *out, const char *prog, const ex_limits *lim);
/* Releases what the emitter holds between documents. */
void em_free(emitter *em);

/* Starts a document over its bytes (hashed here). */
int em_begin(emitter *em, const char *source, const char *format,
             const unsigned char *data, size_t len);
/* Both before the first record of the document. */
void em_set_format(emitter *em, const char *format);
void em_set_encoding(emitter *em, const char *encoding);
/* Writes the trailer (and the header if nothing else was written). */
int em_end(emitter *em);

/* A paragraph; text need not be valid UTF-8 nor trimmed (it is cleaned
 * here) and an empty text writes nothing. loc is stolen. */
int em_paragraph(emitter *em, const char *text, size_t len, int level, json_t *loc);

/* Rows: cells is an array built with em_cell, stolen with loc and extra
 * (optional fields put before "cells": sheet, page, hidden, ref, parent). */
int em_new_table(emitter *em);
json_t *em_cells(void);
int em_cell(json_t *cells, int col, const char *text, size_t len, int colspan, int rowspan);
int em_row(emitter *em, int table, int row, json_t *extra, json_t *cells, json_t *loc);
/* A row typed as a line of text, its cells separated by tabs: the cell
 * after the k-th tab is column k (loc stolen). */
int em_tab_row(emitter *em, int table, int row, const char *s, size_t n, json_t *loc);
/* The same in two steps, for readers that hold a table's rows until its
 * row spans are known: build (NULL out of memory; arguments stolen) ... */
json_t *em_row_new(emitter *em, int table, int row, json_t *extra, json_t *cells, json_t *loc);
/* ... and write a record built so (stolen). Checks --max-cells. */
int em_put(emitter *em, json_t *rec);

/* An error record inside the current document (its header written first),
 * marking it failed; returns EM_FAIL, or EM_ABORT on a write error. */
int em_error(emitter *em, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An error record outside any document. doc NULL: the sha256 of source. */
int em_loose_error(emitter *em, const char *source, const char *doc,
                   const char *code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* loc helpers */
json_t *loc_line(long line);

#endif
