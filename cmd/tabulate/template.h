/* The printed layout of the standard 决算 tables (2023 central template,
 * domain.md §1): the header path of each 栏次. Used to complete a header
 * that a conversion mangled (PDF text runs header cells together and drops
 * header rows), never to override a header that says something else. */
#ifndef TAB_TEMPLATE_H
#define TAB_TEMPLATE_H

/* The template path of column col_no of table id, or NULL. */
const char *template_path(const char *id, const char *col_no);
/* 1 when the computed leaf fits the template path: the same lowest label,
 * the label run together with others (`本年支出基本支出`), the start or end
 * of it (a wrapped cell cut over two rows), or none. */
int template_fits(const char *path, const char *leaf);
/* 1 when the printed header path, its segments joined, ends with the leaf of
 * the standard path and its last segment is no more than a part of that
 * leaf: a heading wrapped in two lines that a PDF's layout took for a group
 * and a cell under it (附属单位上缴 / 收入 for 附属单位上缴收入). */
int template_fits_joined(const char *path, const char *printed);
typedef struct {
    const char *col_no, *path;
} tcol_ref;

/* The columns of table id in 栏次 order, only those of side (收入/支出)
 * when given: their number (at most max, -1 when more). */
int template_columns(const char *id, const char *side, tcol_ref *out, int max);
/* The number of side-by-side blocks, their width in slots and the side of
 * each, for a standard table printed in blocks (公开06表), or 0. */
int template_blocks(const char *id, int *width, const char *const **sides);

#endif
