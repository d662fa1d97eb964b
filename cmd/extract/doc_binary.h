/* The structures of a Word 97–2003 binary document (MS-DOC) that reading
 * its text needs: the FIB, the piece table that maps character positions
 * to bytes of the WordDocument stream, the paragraph properties (PAPX in
 * FKP pages, large ones in the Data stream) and the style sheet's heading
 * styles. read_doc.c turns these into records. */
#ifndef EXTRACT_DOC_BINARY_H
#define EXTRACT_DOC_BINARY_H

#include <stddef.h>
#include <stdint.h>

enum { DOC_OK = 0, DOC_NOT_NATIVE, DOC_ENCRYPTED, DOC_DAMAGED, DOC_MEMORY };
enum { DOC_MAX_CELLS = 64 }; /* Word's limit is 63 cells a row */
/* TC80 flags of a cell (MS-DOC 2.9.329) */
#define TC_MERGED 0x0002u   /* Word 97: merged into the cell on its left */
#define TC_VMERGE 0x0020u   /* in a vertical merge ... */
#define TC_VRESTART 0x0040u /* ... that starts here */

typedef struct {
    uint32_t cp0, cp1; /* character positions [cp0, cp1) */
    uint32_t fc;       /* byte offset of cp0 in WordDocument */
    int compressed;    /* 8-bit (CP1252) rather than UTF-16LE */
} doc_piece;

typedef struct {
    uint32_t fc0, fc1; /* stream bytes the run's paragraph ends cover */
    const unsigned char *grpprl;
    size_t len;        /* with the 2-byte istd in front */
} doc_papx;

typedef struct {
    unsigned char *wd, *tbl, *data; /* the streams (data may be NULL) */
    size_t wdlen, tbllen, datalen;
    uint32_t ccp_text;
    /* the page header and footer story: [hdd0, hdd0 + ccp_hdd), cut into
     * stories at hdd[i] (relative, nhdd of them, from PlcfHdd) */
    uint32_t hdd0, ccp_hdd;
    uint32_t *hdd;
    size_t nhdd;
    doc_piece *pieces;
    size_t npieces;
    doc_papx *papx;
    size_t npapx;
    unsigned char *heading; /* heading level (1-9) by style index, 0 body */
    size_t nstyles;
} doc_binary;

/* What a paragraph mark says about its paragraph. */
typedef struct {
    int in_table, ttp, level;
    /* table depth (1 a table, 2 a table nested in one of its cells …);
     * the mark ends a nested table's cell, or its row */
    int itap, inner_cell, inner_ttp;
    int has_def, ncells;             /* a row end's table definition */
    int16_t edge[DOC_MAX_CELLS + 1]; /* cell edges, twips */
    uint16_t tc[DOC_MAX_CELLS];      /* TC80 flags of each cell */
} doc_para;

/* DOC_OK, or why not (msg says in words): DOC_NOT_NATIVE for what this
 * reader leaves to a converter (Word 6/95 files), DOC_ENCRYPTED,
 * DOC_DAMAGED, DOC_MEMORY. max: the largest stream read. */
int doc_binary_open(doc_binary *b, const unsigned char *data, size_t len, size_t max,
                    char *msg, size_t msglen);
void doc_binary_close(doc_binary *b);

typedef struct {
    size_t piece;
    uint32_t cp, end;
} doc_cursor;

/* A cursor over the characters [from, to): 0..ccp_text is the main text. */
void doc_cursor_init(doc_cursor *c, uint32_t from, uint32_t to);
/* The next character: its code point, character position and byte offset
 * in WordDocument. 0 at the end. */
int doc_next(const doc_binary *b, doc_cursor *cur, uint32_t *c, long *cp, uint32_t *fc);

/* Whether header story i (0-based, from PlcfHdd) is a page footer rather
 * than a header; the first six are note separators, neither: -1. */
int doc_story_is_footer(size_t i);

/* The properties of the paragraph whose mark is at byte offset fc. */
void doc_props(const doc_binary *b, uint32_t fc, doc_para *p);

#endif
