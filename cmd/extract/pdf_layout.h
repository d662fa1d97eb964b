/* PDF → running text and table rows, rebuilt from poppler's glyph layout. */
#ifndef YJS_PDF_LAYOUT_H
#define YJS_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *text;
    int col;     /* 0-based column in the table's column grid */
    int colspan; /* >= 1 */
} pdf_cell;

typedef struct {
    void *ctx;
    /* running text, page 1-based, line 1-based within the page */
    int (*paragraph)(void *ctx, int page, int line, const char *text);
    /* table index within the document, 0-based; row 0-based within the table */
    int (*row)(void *ctx, int page, int table, int row, const pdf_cell *cells, int ncells);
} pdf_sink; /* callbacks return 0, or -1 to stop (write error) */

/* The page-level layout, for any source of positioned characters (PDF
 * through poppler, OFD): a character's box in points, y growing down the
 * page. */
typedef struct {
    double x1, y1, x2, y2;
} layout_box;

typedef struct page_layout page_layout;

/* NULL when out of memory. The sink outlives it. */
page_layout *layout_new(const pdf_sink *sink);
void layout_delete(page_layout *L);

/* Lays out page `page` (1-based; last: no page follows, so a paragraph
 * left open ends) from text, UTF-8 with one box per character (whitespace
 * included: it only separates), and hands its paragraphs and rows to the
 * sink. A paragraph may run on from the last page. 0 ok, -1 out of memory,
 * -2 a callback stopped, -3 more than max_chars characters. */
int layout_page(page_layout *L, int page, bool last, const char *text, const layout_box *boxes,
                size_t nboxes, int max_chars);

/* The characters laid out so far (0: no text layer anywhere). */
long layout_glyphs(const page_layout *L);

/* Safe defaults for pdf_extract's limits. */
#define PDF_MAX_PAGES_DEFAULT 2000
#define PDF_MAX_BYTES_DEFAULT ((size_t)256 * 1024 * 1024)
#define PDF_MAX_PAGE_CHARS_DEFAULT 200000 /* a dense A3 page holds ~20 000 */

typedef struct {
    int max_pages;    /* more pages than this → error "limit" */
    size_t max_bytes; /* larger input than this → error "limit" */
} pdf_limits;

/* 0 ok; -1 error with a machine code in code (e.g. "pdf_damaged", "pdf_no_text",
 * "pdf_encrypted", "limit", "not_pdf") and a message in msg; -2 a callback returned -1.
 * Uses the default limits. */
int pdf_extract(const unsigned char *data, size_t len, const pdf_sink *sink,
                char *code, size_t codelen, char *msg, size_t msglen);

/* Same with explicit limits (a field <= 0 means its default). */
int pdf_extract_limited(const unsigned char *data, size_t len, const pdf_sink *sink,
                        const pdf_limits *limits,
                        char *code, size_t codelen, char *msg, size_t msglen);

/* Same, and at most max_page_chars characters on one page (<= 0: default),
 * more → error "limit". */
int pdf_extract_full(const unsigned char *data, size_t len, const pdf_sink *sink,
                     const pdf_limits *limits, int max_page_chars,
                     char *code, size_t codelen, char *msg, size_t msglen);

#endif
