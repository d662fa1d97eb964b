/* One document as tabulate holds it between its header and its trailer:
 * the paragraphs and the table rows, cleaned, and what it has learned about
 * the report. Memory is one document. */
#ifndef TAB_TABULATE_H
#define TAB_TABULATE_H

#include "docmeta.h"
#include "docstream.h"
#include "jsonline.h"
#include "text.h"

#include <jansson.h>

typedef struct {
    long max_doc_records;   /* records of one document analysed */
    int max_columns;        /* grid columns of one row analysed */
    int max_paragraph_figures;
    int max_sentence_chars; /* the sentence field of a narrative fact, cut after */
} tab_limits;

typedef struct {
    int ordinal;     /* 0-based among the document's paragraphs */
    int seq;         /* 0-based among the document's records */
    int level;
    char *text;      /* cleaned (markers dropped, trimmed) */
} tpara;

typedef struct {
    int col, span, rowspan;
    int hidden;      /* in a column the workbook hides */
    char *text;      /* cleaned */
} tcell;

typedef struct {
    int table;       /* the record's table index (a grid may take in a
                      * table that runs on under a page's running head) */
    int row;         /* the record's row index */
    int line;        /* which of the printed rows packed in it, from 1 (0: it is one) */
    int hidden;      /* a row or sheet the workbook hides */
    int seq;
    tcell *cells;
    int n;
} trow;

typedef struct {
    int index;       /* the records' table index */
    int grid;        /* the reader resolved spans: cols are grid columns */
    trow *rows;
    int nrows, cap;
    int first_seq, last_seq;
    char *caption;   /* title of its last table, once read (for the next grid) */
    char *unit;      /* and that table's unit */
    char *sheet;     /* the worksheet it came from, or NULL */
    int parent;      /* the table index of the table it is nested in, or -1 */
    int lo, hi;      /* last record of the grid before, first of the grid after */
} tgrid;

typedef struct {
    jline j;
    size_t prefix;       /* jl_mark after the document's fields; 0: not yet */
} fwriter;

typedef struct {
    tab_limits lim;
    ds_stream *s;
    fwriter w;           /* the line of the fact being written, reused */
    tpara *paras;
    int npara, cpara;
    char **running;      /* page header and footer lines (docx): meta only */
    int nrunning, crunning;
    tgrid *grids;
    int ngrid, cgrid;
    int *slots;          /* open-addressing index: table index -> grid + 1 */
    int nslots;
    struct {
        const char *keyword;   /* 政府性基金, 国有资本经营, 三公 */
        int para;              /* the paragraph saying there is none, or -1 */
    } statements[8];
    int nstatements;
    /* sentences setting the unit of every table after them (单位均为万元):
     * the last found in paragraphs [0, unit_scanned), in order */
    struct {
        int seq;
        const char *unit;      /* static: 万元, 亿元, 元 */
    } unit_said[8];
    int nunit_said, unit_scanned;
    int seq;             /* records seen in this document */
    int too_large;       /* over max_doc_records: passed through, not analysed */
    int captions;        /* where tables' titles stand: 0 not yet seen, 1 above, 2 below */
    int clipped;         /* a row was wider than max_columns */
    docmeta meta;
    json_t *formulas;    /* formula records, written after the table facts */
    long nfacts;
} tab_doc;

/* stage.c: the ds_run configuration of the stage over d. */
ds_config tabulate_stage(tab_doc *d, const char *prog);

/* doc.c */
int doc_take(tab_doc *d, const json_t *rec);
/* Whether grid g is the first of its worksheet's. */
int doc_opens_sheet(const tab_doc *d, int g);
int doc_finish(tab_doc *d);
void doc_reset(tab_doc *d);

/* facts.c: one fact written as one line, keys in the order written.
 * fw_begin starts a fact with the common fields of the document and its
 * kind, and returns the line to write the rest into; fw_emit closes the
 * line and writes it into the stream (0, or -1 on a write error). */
jline *fw_begin(tab_doc *d, const char *kind);
int fw_emit(tab_doc *d);
/* Drops the common fields at the end of a document. */
void fw_forget(tab_doc *d);
/* For the jansson records (formulas). */
void fact_set_str(json_t *f, const char *key, const char *value);

/* tables.c: the facts of every table, the formulas under them. */
int tables_run(tab_doc *d);
/* narrative.c: the facts of the text. */
int narrative_run(tab_doc *d);

#endif
