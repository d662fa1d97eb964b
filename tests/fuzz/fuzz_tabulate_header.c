/* Fuzzes tabulate's table-header analysis. Input: byte 0 holds the flags
 * (grid, has_label, header rows 1-4, values hint 0-3), the rest is rows
 * (lines) of cells (tab-separated). Invariants: every block lies inside the
 * width and blocks do not overlap; every column has a path and a leaf. */
#define _GNU_SOURCE
#include "fuzz_stream.h"
#include "header.h"
#include "utf8.h"

#include <stdint.h>

enum { MAX_ROWS = 8, MAX_CELLS = 64 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = data[0];
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    if (!utf8_valid(in, n, &(size_t){0}) || memchr(in, 0, n))
        return 0;
    char *text = strndup(in, n);
    FZ_CHECK(text);
    hrow rows[MAX_ROWS];
    char *cells[MAX_ROWS][MAX_CELLS];
    int nrows = 0, width = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line && nrows < MAX_ROWS;
         line = strtok_r(NULL, "\n", &save)) {
        int k = 0;
        char *p = line;
        for (;;) {
            char *tab = strchr(p, '\t');
            if (tab)
                *tab = '\0';
            if (k < MAX_CELLS)
                cells[nrows][k++] = p;
            if (!tab)
                break;
            p = tab + 1;
        }
        rows[nrows].cells = cells[nrows];
        rows[nrows].n = k;
        if (k > width)
            width = k;
        nrows++;
    }
    int grid = flags & 1;
    if (grid) {
        /* resolved grids give every row the full width */
        for (int r = 0; r < nrows; r++)
            for (int c = rows[r].n; c < width; c++)
                cells[r][c] = "";
        for (int r = 0; r < nrows; r++)
            rows[r].n = width;
    }
    for (int r = 0; r < nrows; r++) {
        (void)hdr_is_colno_row(&rows[r]);
        for (int c = 0; c < rows[r].n; c++)
            (void)hdr_is_stub(rows[r].cells[c]);
    }
    int nheader = 1 + ((flags >> 2) & 3);
    if (nheader > nrows)
        nheader = nrows;
    hmodel m;
    memset(&m, 0, sizeof m);
    if (nheader > 0 && hdr_analyse(rows, nheader, width, grid, (flags >> 1) & 1, (flags >> 4) & 3, &m) == 0) {
        int prev_end = 0;
        for (int b = 0; b < m.nblocks; b++) {
            const hblock *bl = &m.blocks[b];
            FZ_CHECK(bl->start >= 0 && bl->start <= bl->end && bl->end <= m.width);
            FZ_CHECK(bl->start >= prev_end);
            prev_end = bl->end;
            FZ_CHECK(bl->ncols >= 0);
            for (int c = 0; c < bl->ncols; c++)
                FZ_CHECK(bl->cols[c].path && bl->cols[c].leaf);
        }
        hdr_free(&m);
    }
    free(text);
    return 0;
}
