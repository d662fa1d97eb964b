/* PDF → paragraphs and table rows.
 *
 * Poppler (through poppler-glib, in process) gives every character of a page
 * with its bounding box. We do not trust poppler's reading order or its
 * spaces: budget tables drawn by Word/LibreOffice come out with wrapped cells
 * interleaved with the numbers of the neighbouring cells, and with a space at
 * every font switch (`2023 年度`). Instead, per page:
 *
 *   glyphs → lines (same vertical centre) → chunks (runs of glyphs separated
 *   by less than half a glyph height) → table regions (runs of lines with two
 *   or more chunks, plus the short lines wedged between them) → rows (a line
 *   with a figure is an anchor; a text-only line belongs to its nearest
 *   neighbour when that is closer than a row pitch: a cell that wraps is
 *   typeset at half a row from the anchor when centred, one line pitch when
 *   top-aligned, both closer than the next row) → columns (x intervals of the
 *   anchor lines' chunks, widest first; a chunk over several columns spans
 *   them).
 *
 * Everything else becomes paragraphs; lines of one paragraph that wrap at the
 * right margin are joined back. Memory: one page of glyphs at a time. */
#include "pdf_layout.h"
#include "pdf_fold.h"
#include "signature.h"

#include <poppler.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------- small helpers ---------- */

typedef struct {
    double x1, y1, x2, y2;
    uint32_t cp;
    int off, len; /* UTF-8 bytes in the page text */
} glyph;

typedef struct {
    int g0, ng;     /* glyphs (indices into the x-sorted order) */
    double y1, y2, h, yc;
    double x1, x2;
    int c0, nc;     /* chunks */
    bool anchor;    /* holds a figure: the row's reference line */
    bool caption;   /* "部门：… 金额单位：万元": said of a table, never in it */
    bool carried;   /* from the previous page: a table that runs on */
    bool footer;    /* a page number under everything else */
    int page, no;   /* 1-based page and line number on that page */
    int region;     /* -1: running text */
} line;

typedef struct {
    int line;
    int g0, ng;
    double x1, x2;
    /* its own glyphs' top and bottom: a line gathers cells whose tops lie
     * up to 0.4 glyph heights apart (headings centred in cells of two and
     * three lines), so the line's are not each cell's */
    double y1, y2;
    int text;       /* offset in the page's string pool */
    bool numeric;
    bool near;      /* touches no column: put in the nearest (assign_columns) */
    int col, colspan;
    int band;       /* header band (header_bands), 0 elsewhere */
    bool group;     /* a header cell over the cells of the band below */
    bool tail;      /* the last line of a group wrapped in its cell (header_bands) */
    bool glued;     /* the rest of a figure wrapped in its cell: no space before it */
} chunk;

typedef struct {
    char *p;
    size_t len, cap;
} strbuf;

static bool sb_add(strbuf *s, const char *p, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        size_t c = s->cap ? s->cap : 256;
        while (c < s->len + n + 1)
            c *= 2;
        char *q = realloc(s->p, c);
        if (!q)
            return false;
        s->p = q;
        s->cap = c;
    }
    memcpy(s->p + s->len, p, n);
    s->len += n;
    s->p[s->len] = '\0';
    return true;
}

static bool sb_str(strbuf *s, const char *p) { return sb_add(s, p, strlen(p)); }

/* Ideographs, CJK and full-width punctuation, and the quotes, dashes and
 * ellipsis that Chinese text uses: the layout's spaces next to these are
 * artefacts of font switches, not words. */
static bool is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x2010 && c <= 0x2027) ||
           c == 0x00B7;
}

static bool is_space(uint32_t c)
{
    return c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0xFEFF;
}


static bool is_dash_cp(uint32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0xFF0D;
}

/* A nil printed as a dash (-, —, ——, －) or as a slash (/, ／: some
 * reports mark a cell that cannot hold a figure so). */
static bool is_nil_mark(const char *s)
{
    if (strcmp(s, "/") == 0 || strcmp(s, "／") == 0)
        return true;
    int n = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p), n++)
        if (!is_dash_cp(g_utf8_get_char(p)))
            return false;
    return n >= 1 && n <= 2;
}

/* c's ASCII form where it is a full-width one (１，６４０．７０ typed in
 * full-width digits), else c. */
static uint32_t half_width(uint32_t c) { return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c; }

/* A figure, a line number or a classification code: what makes a line a row.
 * A code in full-width brackets (（2080505）) is the end of a name wrapped
 * in its cell, 机关事业单位基本养老保险缴费支出 / （2080505）: text. */
static bool is_numeric(const char *s)
{
    if (g_str_has_prefix(s, "（") && g_str_has_suffix(s, "）")) {
        /* (three to seven digits: a column's number in brackets, （1）, is
         * still a number) */
        const char *p = s + strlen("（"), *e = s + strlen(s) - strlen("）");
        long n = e - p;
        while (p < e && g_ascii_isdigit(*p))
            p++;
        if (p == e && n >= 3 && n <= 7)
            return false;
    }
    bool digit = false;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        uint32_t c = half_width(g_utf8_get_char(p)); /* (１２．３ as 12.3) */
        if (c >= '0' && c <= '9')
            digit = true;
        else if ((c == 0xA5 || c == 0xFFE5) && !digit)
            continue; /* a currency format's ¥ before the figure (¥636.51) */
        else if (c >= 128 || !strchr(".,-+%()", (int)c))
            return false;
    }
    return digit;
}

static int cmp_double(double a, double b) { return (a > b) - (a < b); }

typedef int (*idx_cmp)(int a, int b, const void *ctx);

/* Stable merge sort of indices with a context: qsort_r is not C11. */
static void sort_idx(int *v, int n, idx_cmp cmp, const void *ctx, int *scratch)
{
    if (n < 2)
        return;
    if (n <= 12) {
        for (int i = 1; i < n; i++) {
            int x = v[i], j = i;
            while (j > 0 && cmp(v[j - 1], x, ctx) > 0) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return;
    }
    int h = n / 2;
    sort_idx(v, h, cmp, ctx, scratch);
    sort_idx(v + h, n - h, cmp, ctx, scratch);
    int i = 0, j = h, k = 0;
    while (i < h && j < n)
        scratch[k++] = cmp(v[i], v[j], ctx) <= 0 ? v[i++] : v[j++];
    while (i < h)
        scratch[k++] = v[i++];
    while (j < n)
        scratch[k++] = v[j++];
    memcpy(v, scratch, (size_t)n * sizeof *v);
}

static int glyph_by_centre(int a, int b, const void *ctx)
{
    const glyph *g = ctx;
    return cmp_double(g[a].y1 + g[a].y2, g[b].y1 + g[b].y2);
}

static int glyph_by_x(int a, int b, const void *ctx)
{
    const glyph *g = ctx;
    return cmp_double(g[a].x1, g[b].x1);
}

/* ---------- page state ---------- */

/* An x where a chunk starts or ends, or where a glued figure might end and
 * the next cell start (kind), on line `line`. */
typedef struct {
    double x;
    int line;
    int kind;
} edge;

/* What a column of the table is, for the groups over it (colkind). */
enum { KIND_AMOUNTS = 1, KIND_STUB = 2 };

typedef struct page_layout {
    glyph *g;
    int ng, capg;
    int *order, *scratch; /* glyph indices: line by line, each line left to right */
    int capo;
    bool *cut;            /* per position in order: a chunk starts there */
    int capcut;
    edge *edges;          /* chunk edges of the page, for find_cuts */
    int capedges;
    line *ln;
    int nl, capl;
    chunk *ck;
    int nc, capc;
    /* chunk texts, NUL-separated: as the layout reads them (pool, a 繁體
     * page's keyword characters folded to Simplified) and as printed
     * (orig, what is written), at the same offsets */
    strbuf pool, orig;
    strbuf folded;        /* the page's text, folded */
    strbuf cell;          /* cell texts of the row being built */
    strbuf para;          /* the paragraph being joined */
    double (*col)[2];     /* column x intervals of the current table */
    int ncol, capcol;
    double *reach;        /* per column: its widest one-column chunk */
    double *reach_x2;     /* per column: the right edge of its text */
    int capreach_x2;
    double (*ext)[2];     /* per column: its cell as its text shows it */
    double (*hdr)[2];     /* per column: its lowest header cell's extent */
    int capext, caphdr;
    /* what header_bands learns of the table before it chooses groups */
    unsigned char *colkind; /* per column: KIND_AMOUNTS, KIND_STUB */
    int capcolkind;
    bool foot_set;        /* the header's cells are set at the foot of their bands */
    double head_foot;     /* the bottom of the header's lowest text */
    int capreach;
    int *tmp, *tmp2;      /* per-region scratch: chunk or line indices */
    int captmp, captmp2;
    pdf_cell *cells;      /* the row handed to the sink */
    int *cellcol, *cellspan, *celltext;
    int capcells;
    const pdf_sink *sink;
    int table;            /* next table index in the document */
    /* a table at the foot of a page, held to be continued by the next one */
    line *cl;
    int cnl, capcl;
    chunk *cc;
    int cnc, capcc;
    strbuf ctext, cotext; /* their texts, as read and as printed */
    /* the paragraph being joined, which may run on to the next page */
    int para_page, para_line;
    bool last_full;       /* its last line ran to the right margin */
    double last_h, last_yc;
    long glyphs;          /* laid out so far, on every page */
} layout;

static void layout_free(layout *L)
{
    free(L->g);
    free(L->cut);
    free(L->edges);
    free(L->order);
    free(L->scratch);
    free(L->ln);
    free(L->ck);
    free(L->pool.p);
    free(L->orig.p);
    free(L->folded.p);
    free(L->cell.p);
    free(L->para.p);
    free(L->col);
    free(L->reach);
    free(L->reach_x2);
    free(L->ext);
    free(L->hdr);
    free(L->colkind);
    free(L->tmp);
    free(L->tmp2);
    free(L->cells);
    free(L->cellcol);
    free(L->cellspan);
    free(L->celltext);
    free(L->cl);
    free(L->cc);
    free(L->ctext.p);
    free(L->cotext.p);
}

static bool grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return true;
    int n = *cap ? *cap : 64;
    while (n < need) {
        if (n > (1 << 26))
            return false;
        n *= 2;
    }
    void *q = realloc(*p, (size_t)n * size);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

/* Collects the visible characters of the page with their boxes; whitespace is
 * dropped here and decided again from the gaps. */
static void upright(layout *L);
static void drop_slanted(layout *L);

/* 0 ok, -1 out of memory, -3 more than max characters on the page. */
static int collect_glyphs(layout *L, const char *text, const layout_box *r, size_t nr, int max)
{
    L->ng = 0;
    const char *p = text;
    for (size_t i = 0; i < nr && *p; i++) {
        const char *next = g_utf8_next_char(p);
        uint32_t c = g_utf8_get_char(p);
        if (!is_space(c) && c != 0xFFFD) {
            if (L->ng >= max)
                return -3;
            if (!grow((void **)&L->g, &L->capg, L->ng + 1, sizeof *L->g))
                return -1;
            glyph *g = &L->g[L->ng++];
            g->x1 = r[i].x1 < r[i].x2 ? r[i].x1 : r[i].x2;
            g->x2 = r[i].x1 < r[i].x2 ? r[i].x2 : r[i].x1;
            g->y1 = r[i].y1 < r[i].y2 ? r[i].y1 : r[i].y2;
            g->y2 = r[i].y1 < r[i].y2 ? r[i].y2 : r[i].y1;
            g->cp = c;
            g->off = (int)(p - text);
            g->len = (int)(next - p);
        }
        p = next;
    }
    upright(L);
    drop_slanted(L);
    for (int i = 0; i < L->ng; i++)
        if (L->g[i].y2 - L->g[i].y1 < 0.5) /* thresholds scale with the height */
            L->g[i].y2 = L->g[i].y1 + 0.5;
    return 0;
}

static double absd(double v) { return v < 0 ? -v : v; }

/* Text set sideways (a landscape table turned onto a portrait page) comes
 * with its characters stacked vertically, each next one below (or above) the
 * last: turn the boxes upright so that lines run left to right again. The
 * majority of neighbouring characters decides, for the whole page. */
static void upright(layout *L)
{
    int horiz = 0, down = 0, up = 0;
    for (int i = 1; i < L->ng; i++) {
        const glyph *a = &L->g[i - 1], *b = &L->g[i];
        if (b->off != a->off + a->len) /* neighbours in poppler's text only */
            continue;
        double dx = (b->x1 + b->x2 - a->x1 - a->x2) / 2, dy = (b->y1 + b->y2 - a->y1 - a->y2) / 2;
        if (absd(dx) >= absd(dy))
            horiz++;
        else if (dy > 0)
            down++;
        else
            up++;
    }
    if (down + up < 8 || (down <= 2 * horiz && up <= 2 * horiz))
        return;
    bool reads_down = down >= up;
    for (int i = 0; i < L->ng; i++) {
        glyph *g = &L->g[i];
        double x1 = g->x1, x2 = g->x2, y1 = g->y1, y2 = g->y2;
        if (reads_down) { /* turned clockwise: its lines advance leftwards */
            g->x1 = y1;
            g->x2 = y2;
            g->y1 = -x2;
            g->y2 = -x1;
        } else {
            g->x1 = -y2;
            g->x2 = -y1;
            g->y1 = x1;
            g->y2 = x2;
        }
    }
}

/* A watermark set diagonally across the page (仅供公开查阅 over the
 * tables) is no text of the report. poppler gives each character the
 * upright box around it: an ideograph, square when set level, comes in a
 * box much wider than tall when set at a slant. Those are left out. */
static void drop_slanted(layout *L)
{
    int w = 0;
    for (int i = 0; i < L->ng; i++) {
        const glyph *g = &L->g[i];
        if (is_cjk(g->cp) && g->x2 - g->x1 > 1.6 * (g->y2 - g->y1))
            continue;
        L->g[w++] = L->g[i];
    }
    L->ng = w;
}

static int glyph_by_index(int a, int b, const void *ctx)
{
    (void)ctx;
    return a < b ? -1 : a > b;
}

/* Text drawn over other text on its line (a spreadsheet's title running
 * over the cell of the 预算公开表6 beside it) interleaves when sorted by x:
 * where two glyphs next in x overlap by more than 0.3 h (other than the same
 * glyph drawn twice for bold), the line's glyphs [i, j) of order are put
 * back in drawing order, each run of it (a run ends where the next glyph
 * starts left of the last one's end) kept whole, the runs by their first
 * glyph's x. */
static void untangle_runs(layout *L, int i, int j, double h)
{
    bool tangled = false;
    for (int k = i + 1; k < j && !tangled; k++) {
        const glyph *p = &L->g[L->order[k - 1]], *q = &L->g[L->order[k]];
        tangled = q->x1 < p->x2 - 0.3 * h && q->cp != p->cp;
    }
    if (!tangled)
        return;
    int *o = L->order + i, n = j - i;
    sort_idx(o, n, glyph_by_index, NULL, L->scratch);
    /* runs by their first glyph's x: insertion sort of run starts */
    int *start = L->scratch, nr = 0;
    for (int k = 0; k < n; k++)
        if (k == 0 || L->g[o[k]].x1 < L->g[o[k - 1]].x2 - 0.3 * h)
            start[nr++] = k;
    int *copy = malloc((size_t)n * sizeof *copy), *rank = malloc((size_t)nr * sizeof *rank);
    if (!copy || !rank) {
        free(copy);
        free(rank);
        return; /* left in drawing order: still one line */
    }
    memcpy(copy, o, (size_t)n * sizeof *o);
    for (int r = 0; r < nr; r++) {
        int at = r;
        while (at > 0 && L->g[copy[start[rank[at - 1]]]].x1 > L->g[copy[start[r]]].x1) {
            rank[at] = rank[at - 1];
            at--;
        }
        rank[at] = r;
    }
    int w = 0;
    for (int r = 0; r < nr; r++) {
        int a = start[rank[r]], b = rank[r] + 1 < nr ? start[rank[r] + 1] : n;
        for (int k = a; k < b; k++)
            o[w++] = copy[k];
    }
    free(copy);
    free(rank);
}

/* Glyphs whose vertical centres are within 0.4 glyph heights of the line's
 * first glyph share a line (CJK and Latin fonts sit a little apart). */
static bool make_lines(layout *L, int page)
{
    L->nl = 0;
    if (!grow((void **)&L->order, &L->capo, L->ng, sizeof *L->order))
        return false;
    int *s = realloc(L->scratch, (size_t)(L->capo > 0 ? L->capo : 1) * sizeof *s);
    if (!s)
        return false;
    L->scratch = s;
    for (int i = 0; i < L->ng; i++)
        L->order[i] = i;
    sort_idx(L->order, L->ng, glyph_by_centre, L->g, L->scratch);
    int i = 0;
    while (i < L->ng) {
        const glyph *f = &L->g[L->order[i]];
        double yc = (f->y1 + f->y2) / 2, h = f->y2 - f->y1;
        int j = i + 1;
        while (j < L->ng) {
            const glyph *q = &L->g[L->order[j]];
            double qh = q->y2 - q->y1;
            if ((q->y1 + q->y2) / 2 - yc > 0.4 * (qh < h ? qh : h))
                break;
            j++;
        }
        sort_idx(L->order + i, j - i, glyph_by_x, L->g, L->scratch);
        untangle_runs(L, i, j, h);
        if (!grow((void **)&L->ln, &L->capl, L->nl + 1, sizeof *L->ln))
            return false;
        line *l = &L->ln[L->nl++];
        memset(l, 0, sizeof *l);
        l->g0 = i;
        l->ng = j - i;
        l->region = -1;
        l->page = page;
        l->no = L->nl;
        l->y1 = 1e300;
        l->x1 = 1e300;
        l->y2 = l->x2 = -1e300;
        double hs = 0;
        for (int k = i; k < j; k++) {
            const glyph *q = &L->g[L->order[k]];
            if (q->y1 < l->y1) l->y1 = q->y1;
            if (q->y2 > l->y2) l->y2 = q->y2;
            if (q->x1 < l->x1) l->x1 = q->x1;
            if (q->x2 > l->x2) l->x2 = q->x2;
            hs += q->y2 - q->y1;
        }
        l->h = hs / (j - i);
        l->yc = (l->y1 + l->y2) / 2;
        i = j;
    }
    return true;
}

/* Glyph boxes are the font's ascent plus descent, which a PDF may not
 * give: LibreOffice writes 0 for both, and poppler then boxes every glyph
 * 1.3 em high, whatever the font. Noto CJK sets its lines 1.45 em apart, so
 * a glyph's box stays clear of the box of the glyph set under it (the
 * layout's thresholds were set so); a font set at 1.0 em a line (SimSun, AR
 * PL UMing) has each box reach into the line under it, and a header's bands
 * or a wrapped cell's lines then read as one. Where glyphs set one under
 * another (in lines that overlap in x, at least eight such pairs of lines)
 * stand closer than their boxes are high, every box is made 0.9 of that
 * pitch high about its centre, as Noto's are, and the lines made again. */
static int cmp_dbl(const void *a, const void *b);

/* Whether some glyph of line b stands under one of line a (x-sorted). */
static bool glyph_under(const layout *L, const line *a, const line *b)
{
    const int *oa = L->order + a->g0, *ob = L->order + b->g0;
    for (int i = 0, j = 0; i < a->ng && j < b->ng;) {
        const glyph *p = &L->g[oa[i]], *q = &L->g[ob[j]];
        double w = p->x2 - p->x1 < q->x2 - q->x1 ? p->x2 - p->x1 : q->x2 - q->x1;
        double lap = (p->x2 < q->x2 ? p->x2 : q->x2) - (p->x1 > q->x1 ? p->x1 : q->x1);
        if (w > 0 && lap >= 0.5 * w)
            return true;
        if (p->x2 < q->x2)
            i++;
        else
            j++;
    }
    return false;
}

static bool boxes_under_pitch(layout *L, int page)
{
    int n = 0;
    double *gap = malloc((size_t)(L->nl > 0 ? L->nl : 1) * sizeof *gap);
    if (!gap)
        return false;
    for (int i = 0; i < L->nl; i++) {
        const line *a = &L->ln[i];
        for (int j = i + 1; j < L->nl; j++) {
            const line *b = &L->ln[j];
            double h = a->h < b->h ? a->h : b->h, d = b->yc - a->yc;
            if (h <= 0 || d >= 1.2 * h)
                break;
            if (absd(a->h - b->h) <= 0.1 * h && glyph_under(L, a, b)) {
                gap[n++] = d / h;
                break;
            }
        }
    }
    double pitch = 0;
    if (n >= 8) {
        qsort(gap, (size_t)n, sizeof *gap, cmp_dbl);
        pitch = gap[n / 2];
    }
    free(gap);
    if (pitch <= 0 || pitch >= 0.95)
        return true;
    double scale = 0.9 * pitch;
    for (int i = 0; i < L->ng; i++) {
        glyph *g = &L->g[i];
        double c = (g->y1 + g->y2) / 2, half = (g->y2 - g->y1) / 2 * scale;
        g->y1 = c - half;
        g->y2 = c + half;
    }
    return make_lines(L, page);
}

/* The column name of a run of one or two capital letters (A 0 … Z 25,
 * AA 26 …), -1 for anything else. */
static int column_name(const layout *L, const int *o, int n)
{
    int v = -1;
    for (int k = 0; k < n; k++) {
        uint32_t c = L->g[o[k]].cp;
        if (c < 'A' || c > 'Z' || k > 1)
            return -1;
        v = (v + 1) * 26 + (int)(c - 'A');
    }
    return v;
}

/* Whether line l is a spreadsheet's column headings: three or more runs
 * of capital letters set apart, naming columns in order (A B C …, or K L M
 * on a page printed over then down). */
static bool column_letters(const layout *L, const line *l)
{
    const int *o = L->order + l->g0;
    int runs = 0, last = -1;
    for (int k = 0; k < l->ng;) {
        int e = k + 1;
        while (e < l->ng && L->g[o[e]].x1 - L->g[o[e - 1]].x2 < 0.3 * l->h)
            e++;
        int v = column_name(L, o + k, e - k);
        if (v < 0 || (runs && v != last + 1))
            return false;
        last = v;
        runs++;
        k = e;
    }
    return runs >= 3;
}

/* The length in glyphs of the row number leading line l, left of column
 * letter x (its centre and value in *mid and *value): digits, apart from
 * what follows. 0 when there is none. */
static int row_number(const layout *L, const line *l, double x, double *mid, long *value)
{
    const int *o = L->order + l->g0;
    int k = 0;
    long v = 0;
    while (k < l->ng && k < 7 && L->g[o[k]].cp >= '0' && L->g[o[k]].cp <= '9' &&
           (k == 0 || L->g[o[k]].x1 - L->g[o[k - 1]].x2 < 0.3 * l->h))
        v = v * 10 + (long)(L->g[o[k++]].cp - '0');
    if (k == 0 || L->g[o[k - 1]].x2 >= x ||
        (k < l->ng && L->g[o[k]].x1 - L->g[o[k - 1]].x2 < 0.3 * l->h))
        return 0;
    *mid = (L->g[o[0]].x1 + L->g[o[k - 1]].x2) / 2;
    *value = v;
    return k;
}

/* A spreadsheet printed with its row and column headings (the print
 * option 行号列标 of Calc and Excel) frames every page: the column letters
 * A B C … in a line over the sheet, the row numbers 1 2 3 … in a column
 * left of it. Neither is text of the report. Where a line of column
 * letters heads the page it is left out, and so are the numbers leading
 * the lines under it left of the first letter, centred on one axis, rising
 * line by line (a row wrapped over lines has its number on one of them; a
 * code leading a line is set left in column A, off that axis). The lines
 * are made again without them. */
static bool drop_sheet_headings(layout *L, int page)
{
    int top = -1;
    for (int i = 0; i < L->nl && top < 0; i++)
        if (column_letters(L, &L->ln[i]))
            top = i;
    if (top < 0)
        return true;
    const line *band = &L->ln[top];
    /* the axis most numbers are centred on: the densest 2 pt of their middles */
    double x = L->g[L->order[band->g0]].x1, best_mid = 0, m;
    long v;
    int best = 0, n = 0;
    double *mids = malloc((size_t)(L->nl > 0 ? L->nl : 1) * sizeof *mids);
    if (!mids)
        return false;
    for (int i = top + 1; i < L->nl; i++)
        if (row_number(L, &L->ln[i], x, &m, &v))
            mids[n++] = m;
    qsort(mids, (size_t)n, sizeof *mids, cmp_dbl);
    for (int i = 0, j = 0; i < n; i++) {
        while (j < n && mids[j] - mids[i] <= 2.0)
            j++;
        if (j - i > best) {
            best = j - i;
            best_mid = mids[i] + 1.0;
        }
    }
    free(mids);
    long prev = -1;
    bool rising = best >= 2;
    for (int i = top + 1; i < L->nl && rising; i++)
        if (row_number(L, &L->ln[i], x, &m, &v) && absd(m - best_mid) <= 1.0) {
            rising = v > prev;
            prev = v;
        }
    for (int k = 0; k < band->ng; k++)
        L->g[L->order[band->g0 + k]].cp = 0;
    for (int i = top + 1; i < L->nl && rising; i++) {
        const line *l = &L->ln[i];
        int len = row_number(L, l, x, &m, &v);
        for (int k = 0; k < len && absd(m - best_mid) <= 1.0; k++)
            L->g[L->order[l->g0 + k]].cp = 0;
    }
    int w = 0;
    for (int i = 0; i < L->ng; i++)
        if (L->g[i].cp)
            L->g[w++] = L->g[i];
    L->ng = w;
    return make_lines(L, page);
}

/* The space the text needs between two glyphs of one chunk: none next to
 * CJK (the layout's font-switch gaps), a space between Latin words, and a
 * space between CJK characters only where a real one was typed. */
static bool needs_space(uint32_t a, uint32_t b, double gap, double h)
{
    bool ca = is_cjk(a), cb = is_cjk(b);
    if (ca != cb)
        return false;
    return gap > (ca ? 0.3 : 0.15) * h;
}

/* Adds n bytes to the chunk texts: f as the layout reads them, o as
 * printed (the same length). */
static bool pool_add(layout *L, const char *f, const char *o, size_t n)
{
    return sb_add(&L->pool, f, n) && sb_add(&L->orig, o, n);
}

/* The Simplified form of a 繁體 keyword character, or c. */
static uint32_t fold_cp(uint32_t c)
{
    size_t lo = 0, hi = sizeof PDF_FOLD / sizeof PDF_FOLD[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (PDF_FOLD[mid][0] == c)
            return PDF_FOLD[mid][1];
        if (PDF_FOLD[mid][0] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return c;
}

/* The page's text with its 繁體 keyword characters folded, into out: byte
 * for byte the same length (each pair is three UTF-8 bytes for three), so
 * the glyphs' offsets hold in both. */
static bool fold_page(strbuf *out, const char *text)
{
    size_t n = strlen(text);
    out->len = 0;
    if (!sb_add(out, text, n))
        return false;
    for (char *p = out->p; *p;) {
        const char *next = g_utf8_next_char(p);
        if (next - p == 3) {
            uint32_t c = g_utf8_get_char(p), f = fold_cp(c);
            if (f != c)
                g_unichar_to_utf8(f, p);
        }
        p = (char *)next;
    }
    return true;
}

static bool add_chunk(layout *L, int li, int g0, int ng)
{
    if (!grow((void **)&L->ck, &L->capc, L->nc + 1, sizeof *L->ck))
        return false;
    chunk *c = &L->ck[L->nc++];
    memset(c, 0, sizeof *c);
    c->line = li;
    c->g0 = g0;
    c->ng = ng;
    c->text = (int)L->pool.len;
    c->x1 = c->y1 = 1e300;
    c->x2 = c->y2 = -1e300;
    return true;
}

static bool starts_with(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

static bool ends_with(const char *s, const char *p)
{
    size_t n = strlen(s), m = strlen(p);
    return n >= m && strcmp(s + n - m, p) == 0;
}

/* Whether t is a table's title: it ends in 表 (or 表）), is longer than a
 * header cell, and names money (2024年…部门收入总表 beside 表二). */
static bool is_title_chunk(const char *t)
{
    size_t n = strlen(t);
    const char *end = t + n;
    if (n >= strlen("表）") && strcmp(end - strlen("表）"), "表）") == 0)
        end -= strlen("）");
    else if (n >= strlen("表)") && strcmp(end - strlen("表)"), "表)") == 0)
        end -= 1;
    if ((size_t)(end - t) < strlen("表") || strncmp(end - strlen("表"), "表", strlen("表")) != 0)
        return false;
    return g_utf8_strlen(t, -1) >= 7 &&
           (strstr(t, "收") || strstr(t, "支") || strstr(t, "算") || strstr(t, "经费"));
}

/* Whether t is a bare table number: 表3, 表 3-1, 附表2, 公开09表,
 * 预算公开表6, 预算公开06表. */
static bool is_table_number(const char *t)
{
    const char *p = t;
    if (starts_with(p, "预算"))
        p += strlen("预算");
    bool open = starts_with(p, "公开");
    if (open)
        p += strlen("公开");
    if (starts_with(p, "附表"))
        p += strlen("附表");
    else if (starts_with(p, "表"))
        p += strlen("表");
    else if (!open)
        return false;
    while (*p == ' ')
        p++;
    int d = 0;
    while ((*p >= '0' && *p <= '9') || (d > 0 && *p == '-'))
        p++, d++;
    if (open && starts_with(p, "表"))
        p += strlen("表");
    return d > 0 && *p == '\0';
}

/* The line above a budget table that names the department and the unit,
 * or the table's title. */
static bool is_caption_chunk(const char *t)
{
    return is_title_chunk(t) || is_signature_text(t) || starts_with(t, "部门：") || starts_with(t, "编制部门：") ||
           starts_with(t, "编制部门:") || starts_with(t, "填报单位：") || starts_with(t, "部门名称：") || starts_with(t, "注：") || starts_with(t, "注:") || starts_with(t, "部门:") || starts_with(t, "单位：") ||
           starts_with(t, "单位:") || starts_with(t, "编制单位") || strstr(t, "金额单位") ||
           strstr(t, "单位：万元") || strstr(t, "单位:万元") || strstr(t, "单位：元") ||
           strstr(t, "单位:元");
}

/* ---------- standard headings ---------- */

/* Whether t is one of the words of list (NULL-terminated). */
static bool in_list(const char *t, const char *const *list)
{
    for (int s = 0; list[s]; s++)
        if (strcmp(t, list[s]) == 0)
            return true;
    return false;
}

/* The headings of the code and the name columns, and the other stub
 * headings. */
static const char *const CODE_NAME_HEADS[] = {"科目编码", "科目代码", "功能分类科目编码", "科目名称",
                                              "编码", "名称", NULL};
static const char *const OTHER_STUB_HEADS[] = {"项目", "类", "款", "项", "行次", "栏次", NULL};

/* The standard value columns whose heading no group and head under it
 * spell together (unlike 本年支出 / 合计): wrapped in two lines, they are
 * one cell. */
static const char *const LONE_VALUE_HEADS[] = {
    "上级补助收入", "附属单位上缴收入", "一般公共预算拨款收入", "政府性基金预算拨款收入",
    "国有资本经营预算拨款收入", "财政专户管理资金收入", "事业单位经营收入", "上缴上级支出",
    "对附属单位补助支出", "事业单位经营支出", "因公出国（境）费", "公务用车购置费", "公务用车运行费",
    "公务用车运行维护费", "公务接待费", "年初结转和结余", "年末结转和结余", NULL};

/* ---------- glued cells ---------- */

/* EDGE_SPACED_START: a figure a typed space after text (…收入 3);
 * EDGE_SPACED_CJK: an ideograph a typed space after an ideograph */
enum { EDGE_START, EDGE_FIG_END, EDGE_GLUE_START, EDGE_GLUE_END, EDGE_SPACED_START,
       EDGE_SPACED_CJK };

static int cmp_edge(const void *a, const void *b)
{
    const edge *p = a, *q = b;
    int c = cmp_double(p->x, q->x);
    return c ? c : (p->kind > q->kind) - (p->kind < q->kind);
}

static bool is_figure_cp(uint32_t c)
{
    c = half_width(c);
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+' || c == '%';
}

/* A nil printed as a dash (`-`, `—`, `——`) stands where an amount would,
 * right-aligned like one: `- 31007` is a nil glued to the next cell's code. */
static bool nil_run(const layout *L, int a, int b)
{
    if (b - a < 1 || b - a > 2)
        return false;
    for (int m = a; m < b; m++)
        if (!is_dash_cp(L->g[L->order[m]].cp))
            return false;
    return true;
}

/* A nil mark of glyphs [a, b): a dash or two, or a slash. */
static bool nil_mark_run(const layout *L, int a, int b)
{
    uint32_t c = b - a == 1 ? L->g[L->order[a]].cp : 0;
    return c == '/' || c == 0xFF0F || nil_run(L, a, b);
}

/* Whether the glyphs at positions [a, b) of the order read as a figure;
 * *decimal tells an amount (442.86, 1,382, or a nil dash) from a year or a
 * code. */
static bool figure_run(const layout *L, int a, int b, bool *decimal)
{
    bool digit = false;
    *decimal = nil_run(L, a, b);
    if (*decimal)
        return true;
    for (int m = a; m < b; m++) {
        uint32_t c = L->g[L->order[m]].cp;
        if (m == a && (c == 0xA5 || c == 0xFFE5) && m + 1 < b)
            continue; /* a currency format's ¥ before the figure */
        if (!is_figure_cp(c))
            return false;
        c = half_width(c);
        digit |= c >= '0' && c <= '9';
        if ((c == '.' || c == ',') && m + 1 < b) {
            uint32_t n = half_width(L->g[L->order[m + 1]].cp);
            *decimal |= n >= '0' && n <= '9';
        }
    }
    return digit;
}

/* Whether the glyphs [a, b) are a classification code: 3, 5 or 7 digits. */
static bool code_run(const layout *L, int a, int b)
{
    if (b - a != 3 && b - a != 5 && b - a != 7)
        return false;
    for (int m = a; m < b; m++)
        if (L->g[L->order[m]].cp < '0' || L->g[L->order[m]].cp > '9')
            return false;
    return true;
}

/* The first of the edges e[0..n) (in order of x) at x - tol or right of it. */
static int edges_from(const edge *e, int n, double x, double tol)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (e[mid].x < x - tol)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* How many edges of the given kinds (bit set), on lines other than line,
 * lie within tol of x; counting stops at 2. */
static int edges_near(const edge *e, int n, double x, double tol, int line, unsigned kinds)
{
    int lo = edges_from(e, n, x, tol);
    int found = 0;
    for (int k = lo; k < n && e[k].x <= x + tol && found < 2; k++)
        if (e[k].line != line && (kinds >> e[k].kind & 1u))
            found++;
    return found;
}

static bool add_edge(layout *L, int *n, double x, int line, int kind)
{
    if (!grow((void **)&L->edges, &L->capedges, *n + 1, sizeof *L->edges))
        return false;
    L->edges[(*n)++] = (edge){x, line, kind};
    return true;
}

/* Whether the glyph at order position m is the fake-bold double of the
 * glyph before it (the same glyph drawn twice at a small offset). */
static bool fake_bold(const layout *L, const line *l, int m)
{
    const glyph *p = &L->g[L->order[m - 1]], *q = &L->g[L->order[m]];
    return q->cp == p->cp && q->x1 - p->x1 < 0.15 * l->h;
}

/* Whether the gap between the glyphs at order positions p and m of line l
 * is about what a typed space between ideographs leaves (0.2-0.4 h): Writer
 * tables with thin cell padding leave no more between two header cells
 * that fill their columns (一般公共预算 政府性基金预), nor a table set
 * without borders between a long label and its 行次 (`…财政拨款收入 3`). */
static bool spaced_cjk(const layout *L, const line *l, int p, int m)
{
    const glyph *a = &L->g[L->order[p]], *q = &L->g[L->order[m]];
    double gap = q->x1 - a->x2;
    if (!is_cjk(a->cp) || gap > 0.4 * l->h)
        return false;
    /* a font switch between text and digits leaves 0.15 h (2023年度) */
    if (q->cp >= '0' && q->cp <= '9')
        return gap > 0.17 * l->h;
    return gap > 0.2 * l->h && is_cjk(q->cp);
}

/* Whether the gap between two ideographs at order positions p and m of
 * line l is thinner than a typed space but wider than type ever sets them
 * (0.1-0.2 h): a cell's padding, or letter-spacing (部 门支出 总表). */
static bool thin_cjk_gap(const layout *L, const line *l, int p, int m)
{
    const glyph *a = &L->g[L->order[p]], *q = &L->g[L->order[m]];
    double gap = q->x1 - a->x2;
    return is_cjk(a->cp) && is_cjk(q->cp) && gap > 0.1 * l->h && gap <= 0.2 * l->h;
}

static bool same_size(const line *a, const line *b)
{
    return a->h < 1.15 * b->h && b->h < 1.15 * a->h;
}

/* Whether a line near line li (within 1.3 glyph heights, in its size)
 * has a cell gap (over 0.4 h) that holds the gap [x1, x2] of line li, with
 * text under both sides of it: the wrapped header cells of a band printed
 * in lockstep (附属单位上缴 事业单位经营 over 收入 | 收入). A typed space
 * (项 目) has no neighbour cut at its very place. left is where the text
 * before the gap starts. */
/* The lines whose centres lie within span glyph heights of line li's:
 * [*lo, *hi] (lines are in order of their centres). */
static void lines_near(const layout *L, int li, double span, int *lo, int *hi)
{
    const line *l = &L->ln[li];
    *lo = *hi = li;
    while (*lo > 0 && l->yc - L->ln[*lo - 1].yc <= span * l->h)
        (*lo)--;
    while (*hi + 1 < L->nl && L->ln[*hi + 1].yc - l->yc <= span * l->h)
        (*hi)++;
}

static bool split_nearby(const layout *L, int li, double left, double x1, double x2)
{
    const line *l = &L->ln[li];
    int lo, hi;
    lines_near(L, li, 1.3, &lo, &hi);
    for (int o = lo; o <= hi; o++) {
        const line *n = &L->ln[o];
        if (o == li || !same_size(l, n))
            continue;
        for (int m = n->g0 + 1; m < n->g0 + n->ng; m++) {
            const glyph *a = &L->g[L->order[m - 1]], *q = &L->g[L->order[m]];
            if (q->x1 - a->x2 > 0.4 * n->h && a->x2 <= x1 && q->x1 >= x2 && a->x2 > left &&
                q->x1 < x2 + (x1 - left))
                return true;
        }
    }
    return false;
}

/* Whether a line near line li (within five glyph heights, in its size)
 * holds a piece of text set apart by cell gaps (over 0.4 h) from x1 to x2:
 * the text before a typed-space gap fills a narrow column the lines of
 * other wrapped cells fill too (附属 / 单位 事业单位 / 上缴 经营收入 / 收入). */
static bool piece_nearby(const layout *L, int li, double x1, double x2)
{
    const line *l = &L->ln[li];
    double tol = 0.05 * l->h;
    int lo, hi;
    lines_near(L, li, 5, &lo, &hi);
    for (int o = lo; o <= hi; o++) {
        const line *n = &L->ln[o];
        if (o == li || !same_size(l, n))
            continue;
        int end = n->g0 + n->ng;
        for (int m = n->g0; m < end; m++) {
            const glyph *q = &L->g[L->order[m]];
            if (absd(q->x1 - x1) > tol ||
                (m > n->g0 && q->x1 - L->g[L->order[m - 1]].x2 <= 0.4 * n->h))
                continue;
            int k = m;
            while (k + 1 < end && L->g[L->order[k + 1]].x1 - L->g[L->order[k]].x2 <= 0.4 * n->h)
                k++;
            if (absd(L->g[L->order[k]].x2 - x2) <= tol)
                return true;
        }
    }
    return false;
}

/* The right edge of the figure that starts at order position m of line l
 * (its digits, points and commas, no wider gap than a font switch); -1e300
 * when text follows it closer than a typed space: a year (2023年度), not
 * a cell of its own. */
static double run_end(const layout *L, const line *l, int m)
{
    const glyph *q = &L->g[L->order[m]];
    for (int k = m + 1; k < l->g0 + l->ng; k++) {
        const glyph *n = &L->g[L->order[k]];
        if (!is_figure_cp(n->cp) || n->x1 - q->x2 > 0.1 * l->h)
            return n->x1 - q->x2 > 0.2 * l->h ? q->x2 : -1e300;
        q = n;
    }
    return q->x2;
}

/* The right edge of the text that starts at order position m of line l,
 * up to the next gap wider than a font switch (a typed space or a cell
 * gap): a heading set right ends where its column's figures end, so the
 * text a space before it is another cell's (科目名称 本年收入合计). */
static double text_end(const layout *L, const line *l, int m)
{
    const glyph *q = &L->g[L->order[m]];
    for (int k = m + 1; k < l->g0 + l->ng; k++) {
        const glyph *n = &L->g[L->order[k]];
        if (n->x1 - q->x2 > 0.15 * l->h)
            break;
        q = n;
    }
    return q->x2;
}

/* Whether t is a numeral of a list marker (一 … 十 of 十九、). */
static bool is_cjk_numeral(uint32_t c)
{
    static const uint32_t N[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B,
                                 0x4E5D, 0x5341}; /* 一二三四五六七八九十 */
    for (size_t i = 0; i < sizeof N / sizeof N[0]; i++)
        if (c == N[i])
            return true;
    return false;
}

/* Whether the glyphs [a, m) are a whole amount (0, 16,859,537) and the
 * glyphs from m a list marker (八、, 十九、): a figure in whole 元 ruled
 * against the next cell's numbered label without padding
 * (`0八、社会保障和就业支出`), which text never prints so. */
static bool whole_then_item(const layout *L, int a, int m)
{
    const glyph *g = L->g;
    for (int k = a; k < m; k++) {
        uint32_t c = g[L->order[k]].cp;
        if (!((c >= '0' && c <= '9') || (c == ',' && k > a)))
            return false;
    }
    int k = m;
    while (k < L->ng && k < m + 3 && is_cjk_numeral(g[L->order[k]].cp))
        k++;
    return k > m && k < L->ng && g[L->order[k]].cp == 0x3001; /* 、 */
}

/* Whether the digits [a, m) and the ideograph m are part of a date: a
 * year (2023 年, set apart in justified text), a month or a day. */
static bool date_part(const layout *L, int a, int m)
{
    uint32_t q = L->g[L->order[m]].cp, d0 = L->g[L->order[a]].cp, d1 = L->g[L->order[a + 1 < m ? a + 1 : a]].cp;
    if (q == 0x5E74 /* 年 */)
        return m - a == 4 && ((d0 == '1' && d1 == '9') || (d0 == '2' && d1 == '0'));
    return (q == 0x6708 /* 月 */ || q == 0x65E5 /* 日 */) && m - a <= 2;
}

/* Whether the glyphs [a, m) are an amount with two decimals (12,841.66)
 * and glyph m an ideograph other than a unit's: a figure ruled against the
 * next cell's label without padding (`12,841.66一、一般公共服务支出`), which
 * text never prints so (`12.5万元`). */
static bool amount_then_text(const layout *L, int a, int m)
{
    if (m - a < 1 || m >= L->ng)
        return false;
    if (whole_then_item(L, a, m))
        return true;
    if (m - a < 4)
        return false;
    uint32_t n = L->g[L->order[m]].cp;
    if (!is_cjk(n) || n == 0x4E07 || n == 0x5143 || n == 0x4EBF || n == 0x5343 || n == 0x767E)
        return false; /* 万 元 亿 千 百 */
    const glyph *g = L->g;
    uint32_t d1 = half_width(g[L->order[m - 1]].cp), d2 = half_width(g[L->order[m - 2]].cp),
             p = half_width(g[L->order[m - 3]].cp);
    return d1 >= '0' && d1 <= '9' && d2 >= '0' && d2 <= '9' && p == '.';
}

/* Where chunks start (L->cut). A gap wider than 0.4 glyph heights always
 * cuts. A spreadsheet printed without cell padding (LibreOffice Calc) puts
 * a right-aligned figure 0.15 h from the text of the next cell
 * (`442.86一、一般公共服务支出`), the gap of a font switch: there a figure
 * followed by a gap is cut only where the alignment of other lines shows a
 * column edge — chunks of other lines start at the same x, or (for an
 * amount) other figures end there too, glued or not. A year or a code
 * before text (`2023年度`) needs chunks starting there. The same for a
 * figure glued to the code of the next column (`235.26 302`). Two
 * ideographs a typed space apart are cut on the same evidence: text that
 * ends where a column's figures end fills its cell. */
/* Whether text ending at x1 and the text after a typed space ending at
 * x2 both end where a figure of another line ends: two headings set right
 * in adjacent columns (合计 （境）费 over 36.88 0.00), which a one-row
 * table (三公) shows once only. */
static bool ends_on_figures(const layout *L, int ne, int li, double x1, double x2)
{
    double tol = 0.05 * L->ln[li].h;
    unsigned ends = 1u << EDGE_FIG_END | 1u << EDGE_GLUE_END;
    return edges_near(L->edges, ne, x1, tol, li, ends) >= 1 &&
           edges_near(L->edges, ne, x2, tol, li, ends) >= 1;
}

/* Whether a line next to line li (a line pitch away, in its size) has a
 * typed space between ideographs ending at x too: the wrapped heads of
 * narrow columns set left in lockstep with thin padding (政府性基金 国有资本经
 * over 预算拨款收 营预算拨款), where no cell gap shows the column. */
static bool spaced_in_step(const layout *L, int ne, int li, double x)
{
    const line *l = &L->ln[li];
    double tol = 0.05 * l->h;
    for (int k = edges_from(L->edges, ne, x, tol); k < ne && L->edges[k].x <= x + tol; k++) {
        const edge *e = &L->edges[k];
        if (e->kind != EDGE_SPACED_CJK || e->line == li || e->line >= L->nl)
            continue;
        const line *o = &L->ln[e->line];
        if (same_size(l, o) && absd(o->yc - l->yc) <= 1.3 * l->h)
            return true;
    }
    return false;
}

/* Appends the glyphs [from, to] of the order to word (size n), as their
 * page text; false when they do not fit. */
static bool glyph_text(const layout *L, const char *pagetext, int from, int to, char *word,
                       size_t n)
{
    size_t len = strlen(word);
    for (int m = from; m <= to; m++) {
        const glyph *q = &L->g[L->order[m]];
        if (len + (size_t)q->len >= n)
            return false;
        memcpy(word + len, pagetext + q->off, (size_t)q->len);
        len += (size_t)q->len;
        word[len] = '\0';
    }
    return true;
}

/* Whether the text of line li from order position piece to prev, with the
 * text set as it is on the line under it (starting, centred or ending where
 * it does, up to a typed space), spells a standard value heading: the first
 * line of a head wrapped in a narrow column with thin padding, whose
 * neighbour after a space or less is another cell (事业单位经 其他收入 over
 * 营收入; 公务用车运公务接待费 over 行维护费). */
static bool wrap_spells(const layout *L, const char *pagetext, int li, int piece, int prev)
{
    const line *l = &L->ln[li];
    double x1 = L->g[L->order[piece]].x1, x2 = L->g[L->order[prev]].x2, tol = 0.05 * l->h;
    char first[96] = "";
    if (!glyph_text(L, pagetext, piece, prev, first, sizeof first))
        return false;
    /* (the lines under it within a pitch: cells of other heights between) */
    for (int o = li + 1; o < L->nl && L->ln[o].yc - l->yc <= 1.3 * l->h; o++) {
        const line *n = &L->ln[o];
        if (!same_size(l, n))
            continue;
        int end = n->g0 + n->ng;
        for (int m = n->g0; m < end; m++) {
            if (m > n->g0 && L->g[L->order[m]].x1 - L->g[L->order[m - 1]].x2 <= 0.3 * n->h)
                continue;
            int k = m;
            while (k + 1 < end && L->g[L->order[k + 1]].x1 - L->g[L->order[k]].x2 <= 0.3 * n->h)
                k++;
            double u1 = L->g[L->order[m]].x1, u2 = L->g[L->order[k]].x2;
            if (absd(u1 - x1) > tol && absd(u2 - x2) > tol &&
                absd((u1 + u2) / 2 - (x1 + x2) / 2) > 0.2 * l->h)
                continue;
            char word[96];
            memcpy(word, first, sizeof word);
            if (glyph_text(L, pagetext, m, k, word, sizeof word) &&
                (in_list(word, LONE_VALUE_HEADS) || in_list(word, CODE_NAME_HEADS)))
                return true;
        }
    }
    return false;
}

/* Whether the dash at piece and the one at m, a typed space apart, end
 * to end alone, are one nil printed `— —`. */
static bool spaced_nil(const layout *L, const line *l, int piece, int m)
{
    int end = l->g0 + l->ng;
    if (m - piece != 1 || !is_dash_cp(L->g[L->order[piece]].cp) || !is_dash_cp(L->g[L->order[m]].cp) ||
        L->g[L->order[m]].x1 - L->g[L->order[piece]].x2 > 0.3 * l->h)
        return false;
    /* (nothing glued on either side but the next cell's label, set a thin
     * padding after: — — 九、卫生健康支出) */
    return (piece == l->g0 || L->g[L->order[piece]].x1 - L->g[L->order[piece - 1]].x2 > 0.4 * l->h) &&
           (m + 1 == end || L->g[L->order[m + 1]].x1 - L->g[L->order[m]].x2 > 0.4 * l->h ||
            is_cjk(L->g[L->order[m + 1]].cp));
}

/* Whether glyph m, a space after the glyphs [piece, m), goes on with a
 * figure printed with a space for its thousands separator (3 349.42, typed
 * so in a Word table, or a no-break space): one to three digits from the
 * piece's start, then three digits and the decimal point, the run's end or
 * a wide gap. */
static bool spaced_thousands(const layout *L, const line *l, int piece, int m)
{
    int end = l->g0 + l->ng, lead = piece;
    double gap = L->g[L->order[m]].x1 - L->g[L->order[m - 1]].x2;
    if (gap < 0.1 * l->h || gap > 0.4 * l->h || m + 3 > end)
        return false;
    if (L->g[L->order[lead]].cp == '-')
        lead++;
    if (m - lead < 1 || m - lead > 3)
        return false;
    for (int k = lead; k < m + 3; k++)
        if (L->g[L->order[k]].cp < '0' || L->g[L->order[k]].cp > '9')
            return false;
    return m + 3 == end || L->g[L->order[m + 3]].cp == '.' ||
           L->g[L->order[m + 3]].x1 - L->g[L->order[m + 2]].x2 > 0.4 * l->h;
}

static bool find_cuts(layout *L, const char *pagetext)
{
    if (!grow((void **)&L->cut, &L->capcut, L->ng > 0 ? L->ng : 1, sizeof *L->cut))
        return false;
    memset(L->cut, 0, (size_t)L->ng * sizeof *L->cut);
    int ne = 0;
    bool glued = false;
    for (int li = 0; li < L->nl; li++) {
        const line *l = &L->ln[li];
        int end = l->g0 + l->ng, piece = l->g0, prev = l->g0;
        bool dec;
        if (l->ng > 0 && !add_edge(L, &ne, L->g[L->order[l->g0]].x1, li, EDGE_START))
            return false;
        for (int m = l->g0 + 1; m <= end; m++) {
            if (m < end && fake_bold(L, l, m))
                continue;
            double gap = m < end ? L->g[L->order[m]].x1 - L->g[L->order[prev]].x2 : 1e300;
            /* (or a run of text drawn over the last, untangle_runs) */
            if (m < end && (spaced_nil(L, l, piece, m) || spaced_thousands(L, l, piece, m))) {
                ; /* one nil, `— —`; one figure, `3 349.42` */
            } else if (gap > 0.4 * l->h || gap < -0.3 * l->h) {
                if (figure_run(L, piece, m, &dec) &&
                    !add_edge(L, &ne, L->g[L->order[prev]].x2, li, EDGE_FIG_END))
                    return false;
                if (m < end) {
                    L->cut[m] = true;
                    if (!add_edge(L, &ne, L->g[L->order[m]].x1, li, EDGE_START))
                        return false;
                }
                piece = m;
            } else if (gap > 0.15 * l->h && figure_run(L, piece, m, &dec) && dec &&
                       (is_figure_cp(L->g[L->order[m]].cp) || is_dash_cp(L->g[L->order[m]].cp))) {
                /* two amounts a space apart are two cells, however narrow
                 * (33.82 - under 合计 | 因公出国（境）费 of a one-row 三公
                 * table, where no other line shows the column edge) */
                L->cut[m] = true;
                if (!add_edge(L, &ne, L->g[L->order[prev]].x2, li, EDGE_FIG_END) ||
                    !add_edge(L, &ne, L->g[L->order[m]].x1, li, EDGE_START))
                    return false;
                piece = m;
            } else if ((gap > 0.1 * l->h || amount_then_text(L, piece, m)) &&
                       figure_run(L, piece, m, &dec)) {
                glued = true;
                if (!add_edge(L, &ne, L->g[L->order[prev]].x2, li, EDGE_GLUE_END) ||
                    !add_edge(L, &ne, L->g[L->order[m]].x1, li, EDGE_GLUE_START))
                    return false;
            } else if (m < end && gap > 0.1 * l->h && is_cjk(L->g[L->order[m]].cp) &&
                       nil_mark_run(L, piece, m)) {
                glued = true; /* weighed below: a nil glued to the next cell's label */
            } else if (m < end && spaced_cjk(L, l, prev, m)) {
                glued = true;
                if (!add_edge(L, &ne, L->g[L->order[m]].x1, li,
                              is_cjk(L->g[L->order[m]].cp) ? EDGE_SPACED_CJK : EDGE_SPACED_START))
                    return false;
            } else if (m < end && thin_cjk_gap(L, l, prev, m)) {
                glued = true; /* weighed below (heads_on_figures) */
            }
            prev = m;
        }
    }
    if (!glued)
        return true;
    /* a table held from the last page shows its columns too (the 总计 row
     * alone at the top of a page) */
    for (int i = 0; i < L->cnl; i++)
        for (int k = 0; k < L->cl[i].nc; k++) {
            const chunk *c = &L->cc[L->cl[i].c0 + k];
            if (!add_edge(L, &ne, c->x1, L->nl + i, EDGE_START) ||
                (c->numeric && !add_edge(L, &ne, c->x2, L->nl + i, EDGE_FIG_END)))
                return false;
        }
    qsort(L->edges, (size_t)ne, sizeof *L->edges, cmp_edge);
    for (int li = 0; li < L->nl; li++) {
        const line *l = &L->ln[li];
        int end = l->g0 + l->ng, piece = l->g0, prev = l->g0;
        double tol = 0.05 * l->h;
        for (int m = l->g0 + 1; m < end; m++) {
            if (fake_bold(L, l, m))
                continue;
            const glyph *a = &L->g[L->order[prev]], *q = &L->g[L->order[m]];
            double gap = q->x1 - a->x2;
            bool dec;
            if (L->cut[m]) {
                piece = m;
            } else if (spaced_nil(L, l, piece, m) || spaced_thousands(L, l, piece, m)) {
                ; /* one nil, `— —`; one figure, `3 349.42` */
            } else if (gap > 0.1 * l->h && is_cjk(q->cp) && nil_mark_run(L, piece, m) &&
                       edges_near(L->edges, ne, q->x1, tol, li, 1u << EDGE_START) >= 2) {
                /* a nil set right in its column, a cell padding before the
                 * next column's label, which starts where other labels do
                 * (/ 二、外交支出) */
                L->cut[m] = true;
                piece = m;
            } else if (spaced_cjk(L, l, prev, m)) {
                /* header cells that fill their columns, printed with thin
                 * padding: the text ends where the column's figures end,
                 * or the next starts where other cells start; a figure
                 * after text (a 行次) where other lines have figures or
                 * spaced figures, unless text runs on from it (表七 2023年度) */
                bool digit = !is_cjk(q->cp);
                double fig_end = digit ? run_end(L, l, m) : 0;
                if (digit && fig_end <= -1e300)
                    ;
                else if (edges_near(L->edges, ne, a->x2, tol, li,
                                    1u << EDGE_FIG_END | 1u << EDGE_GLUE_END) >= 2 ||
                    /* (a head filling its cell ends a point short of its
                     * figures, the next head filling its own ending at
                     * its figures too: 管理资金 事业收入 over 0.00 0.00) */
                    (!digit &&
                     edges_near(L->edges, ne, a->x2 + 0.06 * l->h, 0.06 * l->h, li,
                                1u << EDGE_FIG_END) >= 2 &&
                     edges_near(L->edges, ne, text_end(L, l, m) + 0.06 * l->h, 0.06 * l->h, li,
                                1u << EDGE_FIG_END) >= 2) ||
                    edges_near(L->edges, ne, q->x1, tol, li, 1u << EDGE_START) >= 2 ||
                    (digit &&
                     (edges_near(L->edges, ne, q->x1, tol, li, 1u << EDGE_SPACED_START) >= 2 ||
                      edges_near(L->edges, ne, fig_end, tol, li,
                                 1u << EDGE_FIG_END | 1u << EDGE_GLUE_END) >= 2)) ||
                    split_nearby(L, li, L->g[L->order[piece]].x1, a->x2, q->x1) ||
                    (!digit && piece_nearby(L, li, L->g[L->order[piece]].x1, a->x2)) ||
                    (!digit && edges_near(L->edges, ne, text_end(L, l, m), tol, li,
                                          1u << EDGE_FIG_END | 1u << EDGE_GLUE_END) >= 2) ||
                    (!digit && ends_on_figures(L, ne, li, a->x2, text_end(L, l, m))) ||
                    (!digit && spaced_in_step(L, ne, li, q->x1)) ||
                    (!digit && wrap_spells(L, pagetext, li, piece, prev))) {
                    L->cut[m] = true;
                    piece = m;
                }
            } else if (thin_cjk_gap(L, l, prev, m) &&
                       edges_near(L->edges, ne, a->x2, tol, li,
                                  1u << EDGE_FIG_END | 1u << EDGE_GLUE_END) >= 2 &&
                       ends_on_figures(L, ne, li, a->x2, text_end(L, l, m))) {
                /* two heads that fill their cells, a cell padding apart,
                 * each ending where its column's figures end (本年收入合计
                 * 财政拨款收入 over 1,933.02 1,930.29, Calc) */
                L->cut[m] = true;
                piece = m;
            } else if ((gap > 0.1 * l->h || amount_then_text(L, piece, m)) &&
                       figure_run(L, piece, m, &dec)) {
                /* (a classification code glued to its name, where another
                 * line's name starts: 31002办公设备购置 under 310 资本性支出) */
                int need = is_cjk(q->cp) && code_run(L, piece, m) ? 1 : 2;
                bool starts = edges_near(L->edges, ne, q->x1, tol, li, 1u << EDGE_START) >= need;
                /* the run ends where a column's figures end; the text after
                 * starts where other text glued to figures starts */
                bool ends_col = edges_near(L->edges, ne, a->x2, tol, li,
                                           1u << EDGE_FIG_END | 1u << EDGE_GLUE_END) >= 2;
                bool glued_start = edges_near(L->edges, ne, q->x1, tol, li, 1u << EDGE_GLUE_START) >= 2;
                bool aligned = (dec || whole_then_item(L, piece, m)) && (ends_col || glued_start);
                /* a whole amount in General format (0, 1200) glued to the
                 * next cell's label, both on the columns' edges (0结余分配
                 * beside 0八、…) */
                bool whole = !dec && gap > 0.1 * l->h && is_cjk(q->cp) && !code_run(L, piece, m) &&
                             !date_part(L, piece, m) && ends_col && glued_start;
                if (starts || aligned || whole) {
                    L->cut[m] = true;
                    piece = m;
                }
            }
            prev = m;
        }
    }
    return true;
}

/* The two-character headings set letter-spaced across their cell
 * (收　　入, 项　　目): their characters come out as chunks of their own. */
static bool spaced_word(const char *a, const char *b)
{
    static const char *const words[] = {"收入", "支出", "项目", "合计", "总计", "科目", "金额",
                                        "小计", "栏次", "行次", "名称"};
    size_t la = strlen(a);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strncmp(words[i], a, la) == 0 && strcmp(words[i] + la, b) == 0)
            return true;
    return false;
}

/* Joins, on line l (its chunks the last ones made), two neighbouring
 * one-character chunks that spell a spaced-out heading and lie less than
 * four glyph heights apart. */
static bool join_spaced_words(layout *L, line *l)
{
    for (int k = 0; k + 1 < l->nc; k++) {
        chunk *p = &L->ck[l->c0 + k], *q = &L->ck[l->c0 + k + 1];
        const char *a = L->pool.p + p->text, *b = L->pool.p + q->text;
        if (g_utf8_strlen(a, -1) != 1 || g_utf8_strlen(b, -1) != 1 || !is_cjk(g_utf8_get_char(a)) ||
            q->x1 - p->x2 > 4 * l->h || !spaced_word(a, b))
            continue;
        size_t la = strlen(a), lb = strlen(b);
        int off = (int)L->pool.len;
        /* a and b live in the pool, which sb_add may move */
        char w[16], wo[16];
        memcpy(w, a, la);
        memcpy(w + la, b, lb + 1);
        memcpy(wo, L->orig.p + p->text, la);
        memcpy(wo + la, L->orig.p + q->text, lb + 1);
        if (!pool_add(L, w, wo, la + lb + 1))
            return false;
        p->text = off;
        p->x2 = q->x2;
        if (q->y1 < p->y1) p->y1 = q->y1;
        if (q->y2 > p->y2) p->y2 = q->y2;
        p->ng += q->ng;
        memmove(q, q + 1, (size_t)(L->nc - (l->c0 + k + 2)) * sizeof *q);
        L->nc--;
        l->nc--;
    }
    return true;
}

/* Splits every line into chunks at gaps wider than 0.4 glyph heights: two
 * cells of a table are at least their paddings apart (0.45 h measured on
 * LibreOffice tables), while a font switch inside a cell leaves 0.15 h and a
 * typed space between ideographs 0.35 h. */
static bool make_chunks(layout *L, const char *pagetext)
{
    if (!find_cuts(L, pagetext))
        return false;
    L->nc = 0;
    L->pool.len = 0;
    L->orig.len = 0;
    if (!pool_add(L, "", "", 0) || !fold_page(&L->folded, pagetext))
        return false;
    const char *ftext = L->folded.p;
    for (int li = 0; li < L->nl; li++) {
        line *l = &L->ln[li];
        l->c0 = L->nc;
        double split = 0.4 * l->h;
        int k = l->g0, end = l->g0 + l->ng;
        while (k < end) {
            if (!add_chunk(L, li, k, 0))
                return false;
            chunk *c = &L->ck[L->nc - 1];
            const glyph *prev = NULL;
            int m = k;
            for (; m < end; m++) {
                const glyph *q = &L->g[L->order[m]];
                if (prev) {
                    double gap = q->x1 - prev->x2;
                    if (gap > split || L->cut[m])
                        break;
                    /* fake bold: the same glyph drawn twice at a small offset */
                    if (q->cp == prev->cp && q->x1 - prev->x1 < 0.15 * l->h)
                        continue;
                    if (needs_space(prev->cp, q->cp, gap, l->h) && !pool_add(L, " ", " ", 1))
                        return false;
                }
                if (!pool_add(L, ftext + q->off, pagetext + q->off, (size_t)q->len))
                    return false;
                if (q->x1 < c->x1) c->x1 = q->x1;
                if (q->x2 > c->x2) c->x2 = q->x2;
                if (q->y1 < c->y1) c->y1 = q->y1;
                if (q->y2 > c->y2) c->y2 = q->y2;
                prev = q;
            }
            c->ng = m - k;
            if (!pool_add(L, "\0", "\0", 1)) /* keeps the NUL: texts are packed */
                return false;
            c->numeric = is_numeric(L->pool.p + c->text);
            if (is_caption_chunk(L->pool.p + c->text))
                l->caption = true;
            /* a row of nils printed as dashes is a row of figures too */
            if (c->numeric || is_nil_mark(L->pool.p + c->text))
                l->anchor = true;
            k = m;
        }
        l->nc = L->nc - l->c0;
        /* the department beside the table's number (梓湄县石楠乡人民政府 …
         * 表2, over the title), or the number alone: a running head, said
         * of the next table */
        if (l->nc == 1 && is_table_number(L->pool.p + L->ck[l->c0].text))
            l->caption = true;
        if (l->nc == 2) {
            const chunk *c = &L->ck[l->c0];
            const char *t0 = L->pool.p + c[0].text, *t1 = L->pool.p + c[1].text;
            if ((is_table_number(t0) && !c[1].numeric) || (is_table_number(t1) && !c[0].numeric))
                l->caption = true;
        }
        if (!join_spaced_words(L, l))
            return false;
    }
    return true;
}

static const char *chunk_text(const layout *L, const chunk *c) { return L->pool.p + c->text; }
/* The chunk's text as printed: what is written out. */
static const char *chunk_out(const layout *L, const chunk *c) { return L->orig.p + c->text; }

/* A figure, line number or code, or a nil dash: what a column of figures holds. */
static bool is_figure_chunk(const layout *L, const chunk *c)
{
    return c->numeric || is_nil_mark(chunk_text(L, c));
}
static bool is_colno_line(const layout *L, const line *l);
static size_t marker_len(const char *t);
static bool is_total_label(const char *t);

/* ---------- table regions ---------- */

static double overlap(double a1, double a2, double b1, double b2)
{
    return (a2 < b2 ? a2 : b2) - (a1 > b1 ? a1 : b1);
}

/* Whether chunk c overlaps column j's x interval. */
static bool in_column(const layout *L, const chunk *c, int j)
{
    return overlap(c->x1, c->x2, L->col[j][0], L->col[j][1]) > 0;
}

/* Whether chunk c's columns include column j. */
static bool covers(const chunk *c, int j)
{
    return c->col <= j && c->col + c->colspan > j;
}

/* The column, among the first n, whose right end is the last at or before
 * x; -1 when there is none. */
static int column_before(const layout *L, double x, int n)
{
    int l = -1;
    for (int j = 0; j < n; j++)
        if (L->col[j][1] <= x && (l < 0 || L->col[j][1] > L->col[l][1]))
            l = j;
    return l;
}


static double chunk_w(const chunk *c) { return c->x2 - c->x1; }

/* Whether the single chunk of line i lies under exactly one chunk of the
 * nearest multi-chunk line, and under no two chunks of the multi-chunk
 * lines within four lines: the next line of a wrapped cell does, a note or
 * a title under the table does not (本单位…故本表为空表 under 合计 | 0.00
 * reaches under 类 | 款 | 项 of the header). */
static bool fits_one_cell(const layout *L, int i)
{
    const line *l = &L->ln[i];
    if (l->nc != 1)
        return false;
    const chunk *c = &L->ck[l->c0];
    int nearest = -1;
    for (int d = 1; d <= 4; d++)
        for (int s = -1; s <= 1; s += 2) {
            int j = i + s * d;
            if (j < 0 || j >= L->nl || L->ln[j].nc < 2)
                continue;
            int hits = 0;
            for (int k = 0; k < L->ln[j].nc; k++) {
                const chunk *o = &L->ck[L->ln[j].c0 + k];
                hits += overlap(c->x1, c->x2, o->x1, o->x2) > 0;
            }
            if (hits > 1 || (nearest < 0 && hits == 0))
                return false;
            if (nearest < 0)
                nearest = j;
        }
    return nearest >= 0;
}

/* Whether a table line on side s (-1 above, 1 below) of line i, within six
 * glyph heights, has a figure ending where chunk c ends. */
static bool figure_ends_at(const layout *L, int i, int s, const chunk *c)
{
    const line *l = &L->ln[i];
    for (int j = i + s; j >= 0 && j < L->nl && absd(L->ln[j].yc - l->yc) <= 6 * l->h; j += s) {
        if (L->ln[j].region != 0)
            continue;
        for (int k = 0; k < L->ln[j].nc; k++) {
            const chunk *o = &L->ck[L->ln[j].c0 + k];
            if (is_figure_chunk(L, o) && absd(o->x2 - c->x2) <= 0.3 * l->h)
                return true;
        }
    }
    return false;
}

/* Whether line i is a lone figure in a column of figures of the table
 * lines above and below it: a row whose label wraps over lines of their
 * own in tall rows (（一）一般公 / 951.25 / 共预算拨款). */
static bool lone_figure(const layout *L, int i)
{
    const line *l = &L->ln[i];
    if (l->nc != 1)
        return false;
    const chunk *c = &L->ck[l->c0];
    return is_figure_chunk(L, c) && figure_ends_at(L, i, -1, c) && figure_ends_at(L, i, 1, c);
}

/* Whether the table lines right above line i hold a row of figures: i is
 * below the header. */
static bool rows_above(const layout *L, int i)
{
    for (int j = i - 1; j >= 0 && L->ln[j].region == 0; j--)
        if (L->ln[j].anchor)
            return true;
    return false;
}

/* Whether line i, a single chunk, lies under one cell of the table lines
 * within four lines of it and under no two: a cell's text of its own
 * wherever the nearest lines have their cells. */
static bool under_one_cell(const layout *L, int i)
{
    const line *l = &L->ln[i];
    if (l->nc != 1)
        return false;
    const chunk *c = &L->ck[l->c0];
    bool found = false;
    for (int j = i - 4; j <= i + 4; j++) {
        if (j < 0 || j >= L->nl || j == i || L->ln[j].region != 0)
            continue;
        int hits = 0;
        for (int k = 0; k < L->ln[j].nc; k++) {
            const chunk *o = &L->ck[L->ln[j].c0 + k];
            hits += overlap(c->x1, c->x2, o->x1, o->x2) > 0;
        }
        if (hits > 1)
            return false;
        found |= hits == 1;
    }
    return found;
}

/* Whether line i, a single line wedged between two table lines at row
 * spacing and in their size, is a header cell spanning several columns of
 * a header band (决算数 over 合计 | 一般公共预算 | …, between 收入 | 支出 and
 * 项目 | 行次 | …): it lies under no single cell, yet it is table. A title or
 * a paragraph between two tables is set apart by size, spacing or the
 * 部门/单位 line. */
static bool header_band(const layout *L, int i, double dp, double dn)
{
    const line *l = &L->ln[i];
    if (i == 0 || i + 1 >= L->nl)
        return false;
    const line *p = &L->ln[i - 1], *n = &L->ln[i + 1];
    return p->region == 0 && n->region == 0 && dp <= 2.5 * l->h && dn <= 2.5 * l->h &&
           same_size(l, p) && same_size(l, n);
}

/* A header word: short, no figure, no 表 (公开02表 and 表二 stand above
 * tables too, outside them); longer, the name of an amount (a group over
 * its parts: 公务用车购置及运行费, 一般公共预算财政拨款), which a
 * department's name or a note never ends as. */
static bool is_heading_word(const char *t)
{
    glong n = g_utf8_strlen(t, -1);
    if (n > 12 || strstr(t, "表") || strstr(t, "：") || strstr(t, ":"))
        return false;
    for (const char *p = t; *p; p++)
        if (*p >= '0' && *p <= '9')
            return false;
    if (n <= 6)
        return *t != '\0';
    static const char *const ends[] = {"费", "拨款", "收入", "支出", "结余", "决算数", "预算数", "名称", NULL};
    for (int k = 0; ends[k]; k++)
        if (ends_with(t, ends[k]))
            return true;
    return false;
}

static bool is_total_label(const char *t)
{
    return strcmp(t, "合计") == 0 || strcmp(t, "合 计") == 0 || strcmp(t, "总计") == 0 ||
           strcmp(t, "总 计") == 0;
}

/* Whether t is a code segment alone: two or three digits (08, 208). */
static bool is_code_segment(const char *t)
{
    size_t n = strlen(t);
    for (size_t k = 0; k < n; k++)
        if (!g_ascii_isdigit(t[k]))
            return false;
    return n == 2 || n == 3;
}

/* Marks the lines that belong to tables: runs of lines with two or more
 * chunks, widened by the short lines that sit within them (the second line
 * of a wrapped cell, a header word on its own line). A run needs two
 * multi-chunk lines to be a table. Returns the number of regions. */
static int find_regions(layout *L)
{
    int n = L->nl;
    if (n == 0)
        return 0;
    double left = 1e300, right = -1e300;
    for (int i = 0; i < n; i++) {
        if (L->ln[i].x1 < left) left = L->ln[i].x1;
        if (L->ln[i].x2 > right) right = L->ln[i].x2;
        L->ln[i].region = L->ln[i].carried || (L->ln[i].nc >= 2 && !L->ln[i].caption) ? 0 : -1;
    }
    double width = right - left;
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < n; i++) {
            line *l = &L->ln[i];
            if (l->region == 0 || l->caption)
                continue;
            bool pin = i > 0 && L->ln[i - 1].region == 0;
            bool nin = i + 1 < n && L->ln[i + 1].region == 0;
            double dp = i > 0 ? l->yc - L->ln[i - 1].yc : 1e300;
            double dn = i + 1 < n ? L->ln[i + 1].yc - l->yc : 1e300;
            /* short, or starting inside the table (a later column's cell
             * running on): not a paragraph under the table */
            bool narrow = l->x2 - l->x1 <= 0.5 * width || l->x1 > left + 2 * l->h;
            bool close = (pin && dp <= 0.75 * l->h) || (nin && dn <= 0.75 * l->h);
            bool near = (pin && dp <= 1.6 * l->h) || (nin && dn <= 1.6 * l->h);
            /* a statement under the table (本表为空表) in the text's
             * size, larger than the table's: not one of its cells */
            const line *t = pin ? &L->ln[i - 1] : nin ? &L->ln[i + 1] : l;
            bool cell_size = l->h <= 1.3 * t->h;
            /* the 合计 row of an empty table, its cells blank, under the
             * header and over the statement 本表为空表 */
            bool total = pin && dp <= 2.5 * l->h && cell_size && l->nc == 1 &&
                         is_total_label(chunk_text(L, &L->ck[l->c0]));
            /* a heading over the stub columns, alone on the table's first
             * line (项目 over 功能分类科目编码 | 科目名称) */
            /* (or 2.5 glyph heights over a line of two heads or more:
             * a group over heads set at the foot of a tall band, or over
             * groups: 本年收入 over 财政拨款收入 | 单位资金) */
            bool heading = (!pin || dp > 1.6 * l->h) && nin &&
                           (dn <= 1.6 * l->h || (dn <= 2.5 * l->h && L->ln[i + 1].nc >= 2 &&
                                                 !L->ln[i + 1].anchor)) &&
                           same_size(l, &L->ln[i + 1]) && l->nc == 1 &&
                           is_heading_word(chunk_text(L, &L->ck[l->c0]));
            /* the tail of a wrapped label cut off by a page break, under
             * the header repeated on the next page, in tall rows */
            bool wedged = pin && nin && dp <= 4 * l->h && dn <= 4 * l->h &&
                          same_size(l, &L->ln[i - 1]) && same_size(l, &L->ln[i + 1]) &&
                          rows_above(L, i);
            /* a code alone on its line, its cell merged down its group:
             * between lines of the table, or at the top of a page the
             * table runs on to */
            bool code = l->nc == 1 && is_code_segment(chunk_text(L, &L->ck[l->c0])) &&
                        nin && dn <= 4 * l->h && ((pin && dp <= 4 * l->h) || (i > 0 && L->ln[i - 1].carried));
            /* a sentence set a line's pitch or more under a row of figures
             * (本表为空表。 under an empty table's 栏次 row) is said of the
             * table: only a cell's lines wrapped single-spaced reach into it
             * so, and in a table of text the row above has no figure */
            bool sentence = l->nc == 1 && ends_with(chunk_text(L, &L->ck[l->c0]), "。") && !close &&
                            pin && L->ln[i - 1].anchor;
            if (sentence)
                continue;
            if (close || total || heading || code || (narrow && near && cell_size && fits_one_cell(L, i)) ||
                (cell_size && lone_figure(L, i)) ||
                (wedged && narrow && cell_size && under_one_cell(L, i)) ||
                (narrow && header_band(L, i, dp, dn))) {
                l->region = 0;
                changed = true;
            }
        }
    }
    /* number the runs; runs with fewer than two multi-chunk lines are text */
    int nreg = 0;
    for (int i = 0; i < n;) {
        if (L->ln[i].region < 0) {
            i++;
            continue;
        }
        int j = i, multi = 0, heads = 0, total = 0;
        while (j < n && L->ln[j].region >= 0) {
            multi += L->ln[j].nc >= 2;
            heads += L->ln[j].nc >= 3;
            total += L->ln[j].nc == 1 && is_total_label(chunk_text(L, &L->ck[L->ln[j].c0]));
            j++;
        }
        /* or an empty table: a header line of three cells or more over its
         * blank 合计 row, a heading over it or not (科目编码 over 类 | 款 | 项) */
        bool table = multi >= 2 || (multi == 1 && heads == 1 && total == 1 &&
                                    (j - i == 2 || (j - i == 3 && L->ln[i].nc == 1 &&
                                                    L->ln[i + 1].nc >= 3)));
        for (int k = i; k < j; k++)
            L->ln[k].region = table ? nreg + 1 : -1;
        if (table)
            nreg++;
        i = j;
    }
    return nreg;
}

/* ---------- rows: lines grouped around their anchors ---------- */

static int cmp_dbl(const void *a, const void *b)
{
    return cmp_double(*(const double *)a, *(const double *)b);
}

/* How close a text-only line must be to join a neighbour's row: under
 * three quarters of the usual row pitch (the median gap between consecutive
 * anchor lines; lines whose only number is a code beside text are left out
 * where others are left: the halves of a code wrapped round its row,
 * 20805 / row / 01, are half a pitch apart). A table with fewer than two
 * anchors (a table of text) has no such pitch; there the lines of one cell
 * are the commonest gap, and rows
 * are further apart by their paddings: 1.25 times the median gap, and no
 * more than single line spacing (1.3 glyph heights; a row pitch with the
 * thinnest padding measured is 1.38). */
static const char *lone_number(const layout *L, int i);

static double join_limit(const layout *L, int a, int b)
{
    double d[64];
    int nd = 0;
    for (int codes = 0; codes < 2 && nd == 0; codes++)
        for (int i = a, prev = -1; i < b; i++) {
            if (!L->ln[i].anchor)
                continue;
            if (!codes && lone_number(L, i)) {
                prev = -1; /* nor is the gap across one */
                continue;
            }
            if (prev >= 0 && nd < 64)
                d[nd++] = L->ln[i].yc - L->ln[prev].yc;
            prev = i;
        }
    if (nd > 0) {
        qsort(d, (size_t)nd, sizeof *d, cmp_dbl);
        return 0.75 * d[nd / 2];
    }
    nd = 0;
    double hs = 0;
    for (int i = a; i < b; i++)
        hs += L->ln[i].h;
    for (int i = a + 1; i < b && nd < 64; i++)
        d[nd++] = L->ln[i].yc - L->ln[i - 1].yc;
    if (nd == 0)
        return 0;
    qsort(d, (size_t)nd, sizeof *d, cmp_dbl);
    double lim = 1.25 * d[nd / 2], single = 1.3 * hs / (b - a);
    return lim < single ? lim : single;
}

/* Whether lines up and down (one above the other) can be lines of the same
 * cells: wherever both hold a cell of one column, the upper one must fill
 * the column (within a glyph of its widest cell), for text wraps only at the
 * cell's edge. Rows set a line apart with no padding (a spreadsheet, where
 * every row of 财政拨款收支总表 without a figure is text only) are told from a
 * wrapped cell by that alone. */
static bool continues(const layout *L, int up, int down)
{
    const line *u = &L->ln[up], *d = &L->ln[down];
    /* a cell runs on as text, never as a new numbered item (十四、… then
     * 十五、… in rows without figures set a line apart) */
    for (int m = 0; m < d->nc; m++) {
        const chunk *e = &L->ck[d->c0 + m];
        if (marker_len(chunk_text(L, e)) == 0)
            continue;
        for (int k = 0; k < u->nc; k++)
            if (L->ck[u->c0 + k].col == e->col)
                return false;
    }
    for (int k = 0; k < u->nc; k++) {
        const chunk *c = &L->ck[u->c0 + k];
        /* filled: as wide as the column's widest text, or, indented, as
         * far right as any (机关事业单 / 位基本养老保险缴费支出 under an
         * indent) */
        if (c->colspan != 1 || chunk_w(c) >= L->reach[c->col] - u->h ||
            (!c->numeric && c->x2 >= L->reach_x2[c->col] - u->h))
            continue;
        for (int m = 0; m < d->nc; m++) {
            const chunk *e = &L->ck[d->c0 + m];
            if (e->colspan == 1 && e->col == c->col)
                return false;
        }
    }
    return true;
}

static bool column_reach(layout *L, int a, int b)
{
    if (!grow((void **)&L->reach, &L->capreach, L->ncol > 0 ? L->ncol : 1, sizeof *L->reach) ||
        !grow((void **)&L->reach_x2, &L->capreach_x2, L->ncol > 0 ? L->ncol : 1,
              sizeof *L->reach_x2))
        return false;
    for (int j = 0; j < L->ncol; j++) {
        L->reach[j] = 0;
        L->reach_x2[j] = -1e300;
    }
    for (int i = a; i < b; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (c->colspan != 1)
                continue;
            if (chunk_w(c) > L->reach[c->col])
                L->reach[c->col] = chunk_w(c);
            if (!c->numeric && c->x2 > L->reach_x2[c->col])
                L->reach_x2[c->col] = c->x2;
        }
    return true;
}

/* Whether header line i (text only) is the next line of the cells of
 * line j: single-spaced from it, and every cell of i has a cell of j in its
 * column, the upper one filling it (continues). Tables printed with little
 * padding set header cells in lockstep, every line of a band a line apart
 * (政府性 | 国有资 / 基金预 | 本经营 / 算财政 | 预算财 / 拨款 | 政拨款):
 * no row pitch tells them, but no cell of a band is alone in its column,
 * and the lines of one cell lie over each other (a header over a column
 * it does not touch, 收入 placed on its nearest column, is no such line). */
static bool stacked(const layout *L, int i, int j)
{
    const line *l = &L->ln[i], *o = &L->ln[j];
    if (l->nc == 0 || absd(l->yc - o->yc) > 1.6 * l->h || !same_size(l, o) ||
        is_colno_line(L, l) || is_colno_line(L, o))
        return false;
    int paired = 0;
    for (int k = 0; k < l->nc; k++) {
        const chunk *c = &L->ck[l->c0 + k];
        bool partner = false, taken = false;
        for (int m = 0; m < o->nc && !partner; m++) {
            const chunk *e = &L->ck[o->c0 + m];
            double w = chunk_w(c) < chunk_w(e) ? chunk_w(c) : chunk_w(e);
            taken |= e->col <= c->col && c->col < e->col + e->colspan;
            partner = e->colspan == 1 && e->col == c->col &&
                      overlap(c->x1, c->x2, e->x1, e->x2) >= 0.5 * w &&
                      absd(c->y1 + c->y2 - e->y1 - e->y2) <= 2.6 * l->h;
        }
        if (c->colspan != 1 || (!partner && taken))
            return false;
        paired += partner;
    }
    return paired > 0 && continues(L, i < j ? i : j, i < j ? j : i);
}


/* Whether lines i and j hold one-column cells in a same column. */
static bool shares_column(const layout *L, int i, int j)
{
    const line *u = &L->ln[i], *d = &L->ln[j];
    for (int k = 0; k < u->nc; k++) {
        const chunk *c = &L->ck[u->c0 + k];
        for (int m = 0; m < d->nc && c->colspan == 1; m++) {
            const chunk *e = &L->ck[d->c0 + m];
            if (e->colspan == 1 && e->col == c->col)
                return true;
        }
    }
    return false;
}

/* Whether every cell of line i starts at least half a glyph right of the
 * cell in its column on line j: a first line indented over its wrapped
 * continuation. */
static bool indented_over(const layout *L, int i, int j)
{
    const line *l = &L->ln[i], *o = &L->ln[j];
    int n = 0;
    for (int k = 0; k < l->nc; k++) {
        const chunk *c = &L->ck[l->c0 + k];
        const chunk *under = NULL;
        for (int m = 0; m < o->nc && !under; m++)
            if (L->ck[o->c0 + m].col == c->col)
                under = &L->ck[o->c0 + m];
        if (!under || c->x1 < under->x1 + 0.5 * l->h)
            return false;
        n++;
    }
    return n > 0;
}

/* Whether a line above line i, within 1.45 glyph heights, holds a
 * one-column cell in a column of line i. */
static bool wraps_above(const layout *L, int a, int i)
{
    for (int j = i - 1; j >= a && L->ln[i].yc - L->ln[j].yc <= 1.45 * L->ln[i].h; j--)
        if (shares_column(L, j, i))
            return true;
    return false;
}

static bool class_only(const layout *L, const line *l);
static bool code_wrapped_round(const layout *L, int i, int b);

/* Whether line i holds nothing but a two-digit code: a 款 segment, its
 * cell merged down its group (08 between 国有土地使用权出让收 / 入安排的支出
 * and its 项), not the foot of a code wrapped round its row (20805 / row /
 * 05). */
static bool kuan_only(const layout *L, int i)
{
    const line *l = &L->ln[i];
    const char *t = l->nc == 1 ? chunk_text(L, &L->ck[l->c0]) : "";
    return strlen(t) == 2 && is_code_segment(t) && !(i >= 2 && code_wrapped_round(L, i - 2, L->nl));
}

/* Whether line i holds nothing but a code of a 款 or 项 (five or seven
 * digits): the first line of a cell holding the code and, under it, the
 * name (2080505 / 机关事业单位基本养老保险缴费支出 in one 科目编码及名称
 * cell), not a row of its own. */
static bool code_over_name(const layout *L, int i)
{
    const char *t = L->ln[i].nc == 1 ? lone_number(L, i) : NULL;
    return t && (strlen(t) == 5 || strlen(t) == 7);
}

/* A line of the body holding a lone 类 code (class_only), 款 code
 * (kuan_only) or whole code over its name (code_over_name). */
static bool weak_anchor(const layout *L, int i)
{
    return L->ln[i].anchor && (class_only(L, &L->ln[i]) || kuan_only(L, i) || code_over_name(L, i));
}

/* Whether line l's only figure is a lone three-digit code: the 类 of a
 * cell merged down its group, printed once at the group's middle, on
 * whatever line is there (208 beside the first line of a wrapped label).
 * It is no row of its own. */
static bool class_only(const layout *L, const line *l)
{
    int codes = 0;
    for (int k = 0; k < l->nc; k++) {
        const char *t = chunk_text(L, &L->ck[l->c0 + k]);
        if (!L->ck[l->c0 + k].numeric)
            continue;
        if (strlen(t) != 3 || !is_code_segment(t) || codes++)
            return false;
    }
    return codes == 1;
}

/* The digits-only text of line i's first chunk when the others are text
 * (a code beside a label's line, or alone), or NULL. */
static const char *lone_number(const layout *L, int i)
{
    const line *l = &L->ln[i];
    if (l->nc < 1)
        return NULL;
    for (int k = 1; k < l->nc; k++)
        if (is_figure_chunk(L, &L->ck[l->c0 + k]))
            return NULL;
    const char *t = chunk_text(L, &L->ck[l->c0]);
    for (const char *p = t; *p; p++)
        if (!g_ascii_isdigit(*p))
            return NULL;
    return *t ? t : NULL;
}

/* Whether line i starts with the head of a code (20113, or 2080 where the
 * column is narrower still), alone or beside a label's first line, whose
 * rest (01; 505) starts line i + 2 at the same x, with the row's figures
 * between: a 5- or 7-digit code wrapped in a narrow column, centred on
 * its row. */
static bool code_wrapped_round(const layout *L, int i, int b)
{
    if (i + 2 >= b)
        return false;
    const char *top = lone_number(L, i), *foot = lone_number(L, i + 2);
    size_t nt = top ? strlen(top) : 0, nf = foot ? strlen(foot) : 0;
    /* 20113 / 01, or wrapped at any digit: 2080 / 505, 2080 / 5 */
    if (nt < 3 || nt > 5 || nf < 1 || (nt + nf != 5 && nt + nf != 7) || !L->ln[i + 1].anchor)
        return false;
    const chunk *t = &L->ck[L->ln[i].c0], *f = &L->ck[L->ln[i + 2].c0];
    const line *row = &L->ln[i + 1];
    /* (a row with a code of its own is not the one wrapped round: 102 ends
     * the code above it, not one round 221 住房保障支出) */
    return absd(t->x1 - f->x1) <= 0.2 * L->ln[i].h &&
           !(row->nc > 0 && absd(L->ck[row->c0].x1 - t->x1) <= 0.2 * row->h);
}

/* Whether the digits of figure pieces top and foot, read one after the
 * other, make one amount: 1,253.3 then 7, 1,710. then 56, 1,977 then .82;
 * commas only between groups of three, at most four decimals. */
static bool one_amount(const char *top, const char *foot)
{
    /* (read as ASCII: full-width forms, １，６４ then ０．７０, alike) */
    char s[96];
    size_t n = 0;
    for (int half = 0; half < 2; half++)
        for (const char *q = half ? foot : top; *q; q = g_utf8_next_char(q)) {
            uint32_t c = half_width(g_utf8_get_char(q));
            if (c >= 0x80 || n + 1 >= sizeof s || (half && c == '-'))
                return false;
            s[n++] = (char)c;
        }
    s[n] = '\0';
    const char *p = s + (*s == '-');
    int lead = 0, groups = 0, decimals = -1;
    for (; *p && *p != '.'; p++) {
        if (*p == ',') {
            if ((groups == 0 ? lead < 1 || lead > 3 : lead != 3))
                return false;
            groups++;
            lead = 0;
        } else if (g_ascii_isdigit(*p)) {
            lead++;
        } else {
            return false;
        }
    }
    if (lead == 0 || (groups > 0 && lead != 3))
        return false;
    if (*p == '.')
        for (decimals = 0, p++; *p; p++, decimals++)
            if (!g_ascii_isdigit(*p))
                return false;
    return decimals != 0 && decimals <= 4;
}

/* Whether lines k - 1 and k + 1 are the halves of cells of line k's row,
 * each wrapped once in its cell, the row's other cells centred on it:
 * Writer prints a figure too wide for its column on two lines
 * (5,962.2 / 3) with a label wrapped beside it (政府办公厅（室）及 / 相关机构事务),
 * line k midway between, a line apart, none of its cells in their
 * columns. Both halves hold the same columns, the upper one filling them
 * (continues), and the pieces of a figure make one amount. */
static bool wrapped_round(const layout *L, int a, int b, int k)
{
    if (k - 1 < a || k + 1 >= b)
        return false;
    const line *u = &L->ln[k - 1], *m = &L->ln[k], *d = &L->ln[k + 1];
    double pitch = d->yc - u->yc, h = m->h;
    if (u->page != m->page || d->page != m->page || u->nc == 0 || u->nc != d->nc ||
        pitch < 0.9 * h || pitch > 1.45 * h ||
        absd(m->yc - (u->yc + d->yc) / 2) > 0.15 * pitch || is_colno_line(L, u) ||
        is_colno_line(L, d) || !continues(L, k - 1, k + 1))
        return false;
    bool figure = false;
    for (int i = 0; i < u->nc; i++) {
        const chunk *t = &L->ck[u->c0 + i], *f = &L->ck[d->c0 + i];
        if (t->colspan != 1 || f->colspan != 1 || t->col != f->col)
            return false;
        for (int o = 0; o < m->nc; o++)
            if (L->ck[m->c0 + o].col == t->col)
                return false;
        if (t->numeric != f->numeric ||
            (t->numeric && !one_amount(chunk_text(L, t), chunk_text(L, f))))
            return false;
        figure |= t->numeric;
    }
    return figure;
}

/* The line of [a, b) next to line from (step -1 up, +1 down) that holds a
 * one-column chunk in column j, or -1; stops at an anchor line other than
 * a code beside text (03 政府办公厅（室）及相, the code set at the top of
 * its cell, the figures in the middle of theirs). */
static int next_in_column(const layout *L, int a, int b, int from, int step, int j)
{
    for (int i = from + step; i >= a && i < b; i += step) {
        if (L->ln[i].anchor && !(L->ln[i].nc >= 2 && lone_number(L, i)))
            return -1;
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (c->colspan == 1 && c->col == j)
                return i;
        }
    }
    return -1;
}

/* Whether the line next to line i (dir -1: above, 1: below) has text in
 * column j closer than 0.9 glyph heights: text of two cells overlapping,
 * one of them taller than its row. */
static bool crowds(const layout *L, int a, int b, int i, int dir, int j)
{
    int n = i + dir;
    if (n < a || n >= b || absd(L->ln[n].yc - L->ln[i].yc) >= 0.9 * L->ln[i].h)
        return false;
    for (int k = 0; k < L->ln[n].nc; k++)
        if (L->ck[L->ln[n].c0 + k].colspan == 1 && L->ck[L->ln[n].c0 + k].col == j)
            return true;
    return false;
}

/* Whether anchor line k is the middle of a cell centred on its row: in
 * some column where k has no text, text lines as many above k as below,
 * none an anchor, at one line pitch across k too (二、政府 / 性基金预 /
 * [2 682,490.49] / 算财政拨 / 款), or, where k has text, text lines at one
 * pitch above and below it; each running on from the one above
 * (continues). Those lines and all between are k's row, top to bottom. */
static bool cell_round(const layout *L, int a, int b, int k, int *top, int *bottom)
{
    for (int j = 0; j < L->ncol; j++) {
        bool own = false;
        for (int m = 0; m < L->ln[k].nc && !own; m++)
            own = L->ck[L->ln[k].c0 + m].col == j;
        int up = next_in_column(L, a, b, k, -1, j);
        int down = up < 0 ? -1 : next_in_column(L, a, b, k, 1, j);
        if (down < 0)
            continue;
        double h = L->ln[k].h, pitch = L->ln[down].yc - L->ln[up].yc;
        if (own) {
            /* an odd number of lines, the middle one k's own: text lines
             * at one pitch above and below it, neither a row (其他政府办公厅（
             * / 2010399 室）及相关机构事务支 27.06 … / 出, a cell taller than
             * its row, drawn past the row's edges into the rows beside) */
            pitch = L->ln[k].yc - L->ln[up].yc;
            if (L->ln[up].anchor || L->ln[down].anchor || pitch < 0.9 * h || pitch > 1.45 * h ||
                absd(L->ln[down].yc - L->ln[k].yc - pitch) > 0.15 * pitch ||
                !continues(L, up, k) || !continues(L, k, down) ||
                /* drawn past the row's edges: closer to the cells above and
                 * below in the column than lines ever are (a cell centred
                 * on a row tall enough for it is grouped by nearness) */
                !crowds(L, a, b, up, -1, j) || !crowds(L, a, b, down, 1, j))
                continue;
        } else if (pitch < 0.9 * h || pitch > 1.45 * h || !continues(L, up, down) ||
                   absd(L->ln[k].yc - (L->ln[up].yc + L->ln[down].yc) / 2) > 0.15 * pitch) {
            continue;
        }
        /* as many lines on: the cell's middle is k */
        int t = up, d = down;
        for (;;) {
            int t2 = next_in_column(L, a, b, t, -1, j), d2 = next_in_column(L, a, b, d, 1, j);
            if (t2 < 0 || d2 < 0 || absd(L->ln[t].yc - L->ln[t2].yc - pitch) > 0.15 * pitch ||
                absd(L->ln[d2].yc - L->ln[d].yc - pitch) > 0.15 * pitch || !continues(L, t2, t) ||
                !continues(L, d, d2))
                break;
            t = t2;
            d = d2;
        }
        *top = t;
        *bottom = d;
        return true;
    }
    return false;
}

/* Whether every chunk of line i has text above it in its column, on a
 * line of the body from body on, the last such line filling the column
 * (continues), and none is a cell of the header [a, body) (repeated on
 * the next page). */
static bool runs_on(const layout *L, int a, int body, int i)
{
    const line *l = &L->ln[i];
    for (int k = 0; k < l->nc; k++) {
        const chunk *c = &L->ck[l->c0 + k];
        for (int o = a; o < body; o++)
            for (int m = 0; m < L->ln[o].nc; m++)
                if (strcmp(chunk_text(L, &L->ck[L->ln[o].c0 + m]), chunk_text(L, c)) == 0)
                    return false;
        int up = c->colspan == 1 ? next_in_column(L, body, i, i, -1, c->col) : -1;
        if (up < 0) { /* or on the row's anchor line itself */
            for (int o = i - 1; o >= body && up < 0; o--) {
                for (int m = 0; m < L->ln[o].nc && up < 0; m++)
                    if (L->ck[L->ln[o].c0 + m].col == c->col && !L->ck[L->ln[o].c0 + m].numeric)
                        up = o;
                if (L->ln[o].anchor)
                    break;
            }
        }
        if (up < 0 || !continues(L, up, i))
            return false;
    }
    return l->nc > 0;
}

/* Whether some chunk of lines [r, i] overlaps chunk e's columns; *text
 * says whether one of those is text. */
static bool row_holds(const layout *L, int r, int i, const chunk *e, bool *text)
{
    bool shared = false;
    *text = false;
    for (int o = r; o <= i; o++)
        for (int k = 0; k < L->ln[o].nc; k++) {
            const chunk *c = &L->ck[L->ln[o].c0 + k];
            if (c->col < e->col + e->colspan && e->col < c->col + c->colspan) {
                shared = true;
                *text = *text || !is_figure_chunk(L, c);
            }
        }
    return shared;
}

/* Whether the figures of line i + 1 are the rest of the row line i ends
 * (its lines from r on), set a line lower in their cells: a cell typed as
 * an empty paragraph and then the figure prints it on the cell's second
 * line, beside cells typed without one. The row has a label; line i + 1
 * holds figures only in the columns the row leaves empty, and text only
 * running on from the row's, nearer line i than the line after it. */
static bool staggered(const layout *L, int r, int i, int b)
{
    if (i + 1 >= b)
        return false;
    const line *u = &L->ln[i], *d = &L->ln[i + 1];
    if (!u->anchor || !d->anchor || u->page != d->page || weak_anchor(L, i) ||
        weak_anchor(L, i + 1) || is_colno_line(L, u) || is_colno_line(L, d))
        return false;
    double gap = d->yc - u->yc, h = u->h > d->h ? u->h : d->h;
    if (gap >= 1.45 * h || (i + 2 < b && L->ln[i + 2].page == d->page &&
                            L->ln[i + 2].yc - d->yc < gap + 0.1 * h))
        return false;
    bool label = false;
    for (int o = r; o <= i; o++)
        for (int k = 0; k < L->ln[o].nc; k++) {
            const chunk *c = &L->ck[L->ln[o].c0 + k];
            label = label || !is_figure_chunk(L, c);
        }
    int figures = 0;
    for (int m = 0; m < d->nc; m++) {
        const chunk *e = &L->ck[d->c0 + m];
        bool figure = is_figure_chunk(L, e), text;
        bool shared = row_holds(L, r, i, e, &text);
        /* (text runs on from the row's, typed as two paragraphs or
         * wrapped, never as a new numbered item) */
        if (figure ? shared : !text || marker_len(chunk_text(L, e)) > 0)
            return false;
        figures += figure;
    }
    return label && figures > 0;
}

/* group[i - a] = first line of line i's row. A text-only line joins its
 * nearer neighbour when that is closer than join_limit and than 1.45 glyph
 * heights (lines of one cell are 1.1-1.35 apart, rows
 * with padding 1.4-1.5) and their cells can be one (continues);
 * links go only to adjacent lines, so every row is a run of lines. */
static bool group_rows(layout *L, int a, int b, int *link, int *group)
{
    if (!column_reach(L, a, b))
        return false;
    double limit = join_limit(L, a, b);
    int body = a; /* the header is the lines above the first anchor */
    while (body < b && !L->ln[body].anchor)
        body++;
    /* a lone 类 code joins the nearer line; text lines look past it */
    for (int i = a; i < b; i++) {
        link[i - a] = i;
        if (code_wrapped_round(L, i, b)) {
            link[i - a] = i + 1;      /* 20113 / row / 01: one cell */
            continue;
        }
        if (i - 2 >= a && code_wrapped_round(L, i - 2, b)) {
            link[i - a] = i - 1;
            continue;
        }
        if (!weak_anchor(L, i))
            continue;
        double dp = i > a ? L->ln[i].yc - L->ln[i - 1].yc : 1e300;
        double dn = i + 1 < b ? L->ln[i + 1].yc - L->ln[i].yc : 1e300;
        if (dp < 1e300 || dn < 1e300)
            link[i - a] = dp <= dn ? i - 1 : i + 1;
    }
    for (int i = a; i < b; i++) {
        if (L->ln[i].anchor)
            continue;
        int up = i - 1, down = i + 1;
        if (up > a && weak_anchor(L, up))
            up--;
        if (down + 1 < b && weak_anchor(L, down))
            down++;
        double dp = up >= a ? L->ln[i].yc - L->ln[up].yc : 1e300;
        double dn = down < b ? L->ln[down].yc - L->ln[i].yc : 1e300;
        int to;
        double lo = dp < dn ? dp : dn;
        if (dp - dn > 0.15 * lo || dn - dp > 0.15 * lo)
            to = dp < dn ? up : down;
        else if (up >= a && down < b && L->ln[down].anchor && !L->ln[up].anchor &&
                 !is_colno_line(L, &L->ln[down]) && shares_column(L, i, down) &&
                 (!wraps_above(L, a, i) || indented_over(L, i, down)) && continues(L, i, down))
            /* about as far from a text line above as from a row below, and
             * in none of the columns of the lines just above: the top line
             * of a cell centred on that row, whose neighbour above is the
             * top line of a taller cell beside it (一、社会保 / 一、一般公共预 /
             * 1 2540.29 障和就业支 40), or a cell's first line, indented
             * further than the line under it (机关事业 / 单位基本养老 /
             * 保险缴费支出); a header cell's last line (拨款 under
             * 一般公共预算财政, with 合计 between) stays up, and so does a
             * line in none of the row's columns (类 款 项 over an empty
             * table's 合计 row) */
            to = down;
        else /* about as far from both: the line above (a top-aligned cell
              * runs down from its row's first line) */
            to = up >= a ? up : down;
        double d = to == up ? dp : dn;
        double h = L->ln[i].h;
        /* the 合计 row of an empty table is a row of its own, not a piece
         * of the 栏次 row above it */
        if (to >= a && to < b && L->ln[i].nc == 1 &&
            (is_colno_line(L, &L->ln[to]) || (body == b && i == b - 1)) &&
            is_total_label(chunk_text(L, &L->ck[L->ln[i].c0])))
            continue;   /* (or the last line under a table with no figures) */
        if (body == b && to == b - 1 && L->ln[to].nc == 1 &&
            is_total_label(chunk_text(L, &L->ck[L->ln[to].c0])))
            continue;   /* nor does the line above join it */
        int step = to < i ? i - 1 : i + 1; /* the line next to i on the way */
        if (to >= a && to < b && d < limit && d < 1.45 * h &&
            continues(L, to < i ? to : i, to < i ? i : to)) {
            link[i - a] = step;
            if (step != to)
                link[step - a] = to; /* the 类 code between joins them */
        } else if (i < body && to >= a && to < b && stacked(L, i, to))
            link[i - a] = to;
        else if (i < body && 2 * i - to >= a && 2 * i - to < b && stacked(L, i, 2 * i - to))
            link[i - a] = 2 * i - to;
    }
    for (int i = body, r = body; i + 1 < b; i++) {
        if (!(link[i - a] == i - 1 || (i > a && link[i - 1 - a] == i)))
            r = i; /* the first line of line i's row */
        if (link[i + 1 - a] == i + 1 && staggered(L, r, i, b))
            link[i + 1 - a] = i;
    }
    /* the tail of a row cut by a page break, at the top of the next page
     * with no header repeated: text running on from the cells of the row
     * before the break (年初财政 / 拨款结转 | break | 和结余) */
    for (int i = body + 1; i < b; i++)
        if (L->ln[i - 1].page != L->ln[i].page && !L->ln[i].anchor &&
            continues(L, i - 1, i) && runs_on(L, a, body, i))
            link[i - a] = i - 1;
    for (int k = body; k < b; k++) {
        int top, bottom;
        if (L->ln[k].anchor && !weak_anchor(L, k) && cell_round(L, a, b, k, &top, &bottom)) {
            for (int i = top; i < k; i++)
                link[i - a] = i + 1;
            for (int i = k + 1; i <= bottom; i++)
                link[i - a] = i - 1;
        }
    }
    for (int k = body; k < b; k++) {
        if (L->ln[k].anchor && wrapped_round(L, a, b, k)) {
            link[k - 1 - a] = k;
            link[k + 1 - a] = k;
            for (int i = 0; i < L->ln[k + 1].nc; i++)
                L->ck[L->ln[k + 1].c0 + i].glued = L->ck[L->ln[k + 1].c0 + i].numeric;
        }
    }
    int cur = a;
    for (int i = a; i < b; i++) {
        if (i == a || !(link[i - a] == i - 1 || link[i - 1 - a] == i))
            cur = i;
        group[i - a] = cur;
    }
    return true;
}

/* ---------- columns ---------- */

static int chunk_by_line_desc(int a, int b, const void *ctx)
{
    const chunk *c = ctx;
    return (c[b].line > c[a].line) - (c[b].line < c[a].line);
}

static int chunk_by_width_desc(int a, int b, const void *ctx)
{
    const chunk *c = ctx;
    return cmp_double(chunk_w(&c[b]), chunk_w(&c[a]));
}

static int cmp_interval(const void *a, const void *b)
{
    const double *p = a, *q = b;
    return cmp_double(p[0], q[0]);
}


/* Puts chunk c on the columns being made: a new column where it touches
 * none, the one it touches widened, nothing when it touches several (a
 * span). 1 placed, 0 left for later (defer, and it overlaps its one column
 * by less than half its width), -1 out of memory. */
static int place_chunk(layout *L, const chunk *c, bool defer)
{
    int hit = -1, hits = 0;
    for (int j = 0; j < L->ncol; j++)
        if (in_column(L, c, j)) {
            hit = j;
            hits++;
        }
    if (hits == 0) {
        if (!grow((void **)&L->col, &L->capcol, L->ncol + 1, sizeof *L->col))
            return -1;
        L->col[L->ncol][0] = c->x1;
        L->col[L->ncol][1] = c->x2;
        L->ncol++;
    } else if (hits == 1) {
        if (defer && overlap(c->x1, c->x2, L->col[hit][0], L->col[hit][1]) < 0.5 * chunk_w(c))
            return 0;
        if (c->x1 < L->col[hit][0]) L->col[hit][0] = c->x1;
        if (c->x2 > L->col[hit][1]) L->col[hit][1] = c->x2;
    }
    return 1;
}

/* Whether line i of [a, b) is a line of header cells: text only, with
 * three or more cells, or a line of a cell wrapped in lockstep with such a
 * line, within 1.3 glyph heights of it (附属单位 / 上缴收入 above and below
 * 事业收入 | 其他收入). */
static bool header_line(const layout *L, int a, int b, int i)
{
    const line *l = &L->ln[i];
    if (l->anchor || l->nc == 0)
        return false;
    if (l->nc >= 3)
        return true;
    for (int j = i - 1; j <= i + 1; j += 2) {
        if (j < a || j >= b)
            continue;
        const line *o = &L->ln[j];
        if (!o->anchor && o->nc >= 3 && absd(o->yc - l->yc) <= 1.3 * l->h && same_size(l, o))
            return true;
    }
    return false;
}

static bool wrapped_piece(const layout *L, int a, int b, const chunk *c);
static bool touches_column(const layout *L, const chunk *c);
static bool heads_figures(const layout *L, const chunk *c, int n);
/* How a header cell below g lines up with it (aligned_under). */
enum { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_BOTH };
static int aligned_under(const layout *L, int z, const chunk *g, int how, double tol);

/* Whether the header of [a, b) is set at its cells' left edges: two
 * header chunks or more start the same distance (under a glyph height, to
 * a tenth of one) after the end of the column to their left, each after a
 * different one — the cell padding twice (a spreadsheet's text cells).
 * *dist, when given, gets that distance. */
static bool heads_left_set(const layout *L, int a, int b, double *dist)
{
    double d[64];
    int from[64], n = 0;
    for (int i = a; i < b && !L->ln[i].anchor; i++)
        for (int k = 0; k < L->ln[i].nc && n < 64; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            int l = column_before(L, c->x1, L->ncol);
            if (l >= 0 && c->x1 - L->col[l][1] < L->ln[i].h) {
                d[n] = c->x1 - L->col[l][1];
                from[n++] = l;
            }
        }
    for (int p = 0; p < n; p++) {
        int same = 0;
        unsigned long seen = 0;
        for (int q = 0; q < n; q++)
            if (absd(d[q] - d[p]) <= 0.1 * L->ln[a].h && from[q] < 64 && !(seen >> from[q] & 1ul)) {
                seen |= 1ul << from[q];
                same++;
            }
        if (same >= 2) {
            if (dist)
                *dist = d[p];
            return true;
        }
    }
    return false;
}

/* Whether header chunk c, touching no column, is the heading of the
 * nearest column of figures right of it (among the first shown): a column
 * no header chunk touches, whose cell — the figures set to its right edge,
 * c centred in it — starts no further left than the column before it ends
 * (公用经费 centred over a wide cell, 1.6 h before its right-aligned
 * figures). */
static bool heads_bare_column(const layout *L, int a, int b, const chunk *c, int shown,
                              bool left_set)
{
    int j = -1;
    for (int e = 0; e < shown; e++)
        if (L->col[e][0] >= c->x2 && (j < 0 || L->col[e][0] < L->col[j][0]))
            j = e;
    if (j < 0)
        return false;
    for (int i = a; i < b; i++)
        if (header_line(L, a, b, i))
            for (int k = 0; k < L->ln[i].nc; k++) {
                const chunk *o = &L->ck[L->ln[i].c0 + k];
                /* (or ends right before it, between c and it: its head) */
                if (in_column(L, o, j) ||
                    (left_set && o != c && o->x1 >= c->x2 && o->x2 <= L->col[j][0] &&
                     L->col[j][0] - o->x2 < 1.5 * L->ln[i].h))
                    return false;
            }
    int l = column_before(L, c->x1, shown);
    double left = c->x1 + c->x2 - L->col[j][1], before = l >= 0 ? L->col[l][1] : -1e300;
    /* set at its cell's left edge, right after the column before: the cell
     * runs on to the figures */
    if (left_set && c->x1 - before <= 1.5 * L->ln[c->line].h)
        return true;
    return left >= before - 0.5 * L->ln[c->line].h;
}

/* Whether header chunk c stands over another head of a header line of
 * two heads or more below it (within 2.5 glyph heights, above the first
 * row) that reaches out past it: a group centred over the heads under it (支出 over
 * 合计 | 一般公共预算 | …, falling in the gap between two columns), which
 * makes no column of its own. The next line of c's own wrapped cell lies
 * within c's extent and does not count; nor does a row's label wrapped
 * over its figures (社会保障和就业支 / 出). */
static bool over_a_head(const layout *L, int a, int b, const chunk *c)
{
    const line *l = &L->ln[c->line];
    for (int i = a; i < b && !L->ln[i].anchor; i++) {
        const line *o = &L->ln[i];
        if (o->yc <= l->yc || o->yc - l->yc > 2.5 * l->h || o->nc < 2 || !header_line(L, a, b, i))
            continue;
        for (int k = 0; k < o->nc; k++) {
            const chunk *d = &L->ck[o->c0 + k];
            if (overlap(d->x1, d->x2, c->x1, c->x2) > 0 &&
                (d->x1 < c->x1 - 0.5 * l->h || d->x2 > c->x2 + 0.5 * l->h))
                return true;
        }
    }
    return false;
}

/* Columns no figure shows (every cell nil: 政府性基金预算财政拨款 and
 * 国有资本经营预算财政拨款, last of a 财政拨款收支总表; the middle columns
 * of a 收入总表 where only 一般公共预算 and 其他收入 have money) from a header
 * line (header_line): a cell of it that touches no column is one.
 * Wider header cells first. One that ends less than 1.5 glyph heights
 * before a column of figures is that column's header, centred over its
 * right-aligned figures (决算数 over 7.87), and makes none; nor does the heading of a
 * column no heading touches (heads_bare_column). */
static bool header_columns(layout *L, int a, int b)
{
    int n = 0;
    for (int i = a; i < b; i++)
        if (header_line(L, a, b, i))
            for (int k = 0; k < L->ln[i].nc; k++)
                L->tmp[n++] = L->ln[i].c0 + k;
    sort_idx(L->tmp, n, chunk_by_width_desc, L->ck, L->tmp2);
    int shown = L->ncol; /* the columns figures show */
    bool left_set = heads_left_set(L, a, b, NULL);
    for (int k = 0; k < n; k++) {
        const chunk *c = &L->ck[L->tmp[k]];
        bool free_x = !touches_column(L, c) && !heads_figures(L, c, shown) &&
                      !heads_bare_column(L, a, b, c, shown, left_set);
        /* the next line of a wrapped heading is no column of its own
         * (附属单位上缴收 / 入 over a right-aligned —), nor is a heading
         * left-aligned over the cells under it (基本支出 over 小计 | …) */
        if (free_x && !wrapped_piece(L, a, b, c) && aligned_under(L, b, c, ALIGN_LEFT, 0.2) < 0 &&
            !over_a_head(L, a, b, c) && place_chunk(L, c, false) < 0)
            return false;
    }
    return true;
}

/* Whether line l is a row of column numbers without its 栏次 label: its
 * figures are 1, 2, 3, … in order. */
static bool numbers_columns(const layout *L, const line *l)
{
    int next = 1;
    for (int k = 0; k < l->nc; k++) {
        const chunk *c = &L->ck[l->c0 + k];
        if (!c->numeric)
            continue;
        char *end;
        long v = strtol(chunk_text(L, c), &end, 10);
        if (*end || v != next)
            return false;
        next++;
    }
    return next > 2;
}

/* Whether chunk c ends less than 1.5 glyph heights before one of the first
 * n columns: a heading centred in its cell over a figure set to the cell's
 * right edge (小计 over 15.7), not a column of its own. */
static bool heads_figures(const layout *L, const chunk *c, int n)
{
    double h = L->ln[c->line].h;
    for (int j = 0; j < n; j++)
        if (L->col[j][0] >= c->x2 && L->col[j][0] - c->x2 < 1.5 * h)
            return true;
    return false;
}

static bool touches_column(const layout *L, const chunk *c)
{
    for (int j = 0; j < L->ncol; j++)
        if (in_column(L, c, j))
            return true;
    return false;
}

/* Whether c is the only chunk of its line under w: a group heading has
 * the cells it spans under it side by side (公务用车购置 | 公务用车运行 under
 * 公务用车购置及运行维护费, the first centred under it by chance). */
static bool alone_under(const layout *L, const chunk *c, const chunk *w)
{
    const line *l = &L->ln[c->line];
    for (int k = 0; k < l->nc; k++) {
        const chunk *o = &L->ck[l->c0 + k];
        if (o != c && overlap(o->x1, o->x2, w->x1, w->x2) > 0)
            return false;
    }
    return true;
}

/* Whether chunk c lies within the x extent of a chunk as wide or wider,
 * centred or started alike, on a line just above its own (within 1.5
 * glyph heights): the next line of the same wrapped cell. */
static bool wrapped_piece(const layout *L, int a, int b, const chunk *c)
{
    const line *l = &L->ln[c->line];
    for (int i = a; i < b; i++) {
        const line *o = &L->ln[i];
        if (o->yc >= l->yc || o->anchor || l->yc - o->yc > 1.5 * l->h)
            continue;
        for (int k = 0; k < o->nc; k++) {
            const chunk *w = &L->ck[o->c0 + k];
            /* centred or left-aligned alike (a group heading above is
             * wider too, but centred elsewhere) */
            bool aligned = absd((w->x1 + w->x2) / 2 - (c->x1 + c->x2) / 2) <= 0.3 * l->h ||
                           absd(w->x1 - c->x1) <= 0.3 * l->h;
            if (chunk_w(w) >= chunk_w(c) && w->x1 <= c->x1 + 0.1 * l->h &&
                w->x2 >= c->x2 - 0.1 * l->h && aligned && alone_under(L, c, w))
                return true;
        }
    }
    return false;
}

/* Whether line l is a row of column numbers, labelled 栏次 or not. */
static bool colno_row(const layout *L, const line *l)
{
    return is_colno_line(L, l) || numbers_columns(L, l);
}

/* Whether column j holds a figure of a row (not a number of the 栏次 row);
 * with decimals, an amount (a figure with decimals or thousands, a zero
 * printed 0, or a nil dash), not a code. */
static bool figure_column(const layout *L, int a, int b, int j, bool decimals)
{
    for (int i = a; i < b; i++) {
        const line *l = &L->ln[i];
        if (!l->anchor || colno_row(L, l))
            continue;
        for (int k = 0; k < l->nc; k++) {
            const chunk *c = &L->ck[l->c0 + k];
            const char *t = chunk_text(L, c);
            bool amount = strchr(t, '.') || strchr(t, ',') || strcmp(t, "0") == 0;
            if (((c->numeric && (!decimals || amount)) || is_nil_mark(t)) &&
                in_column(L, c, j))
                return true;
        }
    }
    return false;
}

/* The 栏次 numbers set at their cells' left edges (text left-aligned, as a
 * spreadsheet sets it) or centred in wide cells stand in the gap before
 * their right-aligned figures, and made columns of their own (with the
 * headings over them). When every number of the 栏次 row stands alone
 * before a column of figures, each a different one, the number's column
 * is the left part of that column's cell: the two are joined. */
static void pair_colno_columns(layout *L, int a, int b)
{
    int ci = -1;
    for (int i = a; i < b && ci < 0; i++)
        if (L->ln[i].anchor && colno_row(L, &L->ln[i]))
            ci = i;
    if (ci < 0 || L->ncol < 2 || L->ncol > 64)
        return;
    const line *cl = &L->ln[ci];
    int into[64], nums = 0;
    bool fig[64];
    for (int j = 0; j < L->ncol; j++) {
        into[j] = -1;
        fig[j] = figure_column(L, a, b, j, false);
    }
    for (int k = 0; k < cl->nc; k++) {
        const chunk *c = &L->ck[cl->c0 + k];
        if (!c->numeric)
            continue;
        nums++;
        int g = -1;
        for (int j = 0; j < L->ncol && g < 0; j++)
            if (in_column(L, c, j))
                g = j;
        if (g < 0)
            return;
        if (fig[g])
            continue; /* over its figures already */
        if (g + 1 >= L->ncol || !fig[g + 1])
            return;   /* a blank column's number, or not a cell's edge */
        for (int j = 0; j < L->ncol; j++)
            if (into[j] == g + 1)
                return; /* two numbers before one column */
        into[g] = g + 1;
    }
    int moved = 0;
    for (int j = 0; j < L->ncol; j++)
        moved += into[j] >= 0;
    if (moved < 2 || nums < 2)
        return;
    int m = 0;
    for (int j = 0; j < L->ncol; j++) {
        if (into[j] >= 0) {
            L->col[j + 1][0] = L->col[j][0];
            continue;
        }
        L->col[m][0] = L->col[j][0];
        L->col[m][1] = L->col[j][1];
        m++;
    }
    L->ncol = m;
}

/* Whether a chunk of the lines [a, b) lies in column j: of the header (the
 * lines above the first row of figures) or of the body. */
static bool column_has(const layout *L, int a, int b, int j, bool header)
{
    int body = a;
    while (body < b && !L->ln[body].anchor)
        body++;
    for (int i = header ? a : body; i < (header ? body : b); i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (in_column(L, c, j))
                return true;
        }
    return false;
}

/* Whether t heads a side of a two-sided table (收入, 支出, spaced or not)
 * or a block of 基本支出明细表 (人员经费, 公用经费): groups over stub
 * columns too. */
static bool is_side_head(const char *t)
{
    char w[16];
    size_t n = 0;
    for (const char *p = t; *p && n + 4 < sizeof w; p = g_utf8_next_char(p))
        if (!is_space(g_utf8_get_char(p))) {
            size_t l = (size_t)(g_utf8_next_char(p) - p);
            memcpy(w + n, p, l);
            n += l;
        }
    w[n] = '\0';
    return strcmp(w, "收入") == 0 || strcmp(w, "支出") == 0 || strcmp(w, "人员经费") == 0 ||
           strcmp(w, "公用经费") == 0;
}

/* Whether t heads the code or the name column (科目编码, 科目名称). */
static bool is_stub_heading(const char *t) { return in_list(t, CODE_NAME_HEADS); }

/* Whether a header chunk in column j is a stub heading (项目, 科目名称, …). */
static bool stub_head_in(const layout *L, int a, int b, int j)
{
    for (int i = a; i < b && !L->ln[i].anchor; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (in_column(L, c, j) &&
                (is_stub_heading(chunk_text(L, c)) || in_list(chunk_text(L, c), OTHER_STUB_HEADS))) {
                return true;
            }
        }
    return false;
}

/* Whether a header chunk of the lines [a, b) lies in column j no higher
 * than the highest in column g: a side head over both (支　出, set over
 * the figures of 合计) is no heading of j's own. */
static bool headed_as_low(const layout *L, int a, int b, int j, int g)
{
    double top = 1e300;
    for (int i = a; i < b && !L->ln[i].anchor; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (in_column(L, c, g) && c->y1 < top)
                top = c->y1;
        }
    for (int i = a; i < b && !L->ln[i].anchor; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (in_column(L, c, j) && c->y2 > top + 0.1 * L->ln[i].h)
                return true;
        }
    return false;
}

/* Whether a header chunk of the lines [a, z) in column j heads a stub
 * column by name (科目名称, 科目编码, 项目, 行次): not 类 | 款 | 项, whose
 * words end many a wrapped heading (一般公共预 / 算财政拨 / 款). */
static bool stub_column(const layout *L, int a, int z, int j)
{
    for (int i = a; i < z && !L->ln[i].anchor; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            const char *t = chunk_text(L, c);
            if (in_column(L, c, j) &&
                (is_stub_heading(t) || strcmp(t, "项目") == 0 || strcmp(t, "行次") == 0))
                return true;
        }
    return false;
}

/* A column only the header has (its heading set away from its figures:
 * left in a wide cell with wide padding) right before a column of amounts
 * no heading touches is that column's heading: the two are joined. A
 * column of blank cells keeps its own: the next column has its heading;
 * so does a stub heading (科目名称 centred over short labels). */
static void pair_head_columns(layout *L, int a, int b)
{
    for (int g = 0; g + 1 < L->ncol; g++) {
        if (column_has(L, a, b, g, false) || !column_has(L, a, b, g, true) ||
            stub_head_in(L, a, b, g) || !figure_column(L, a, b, g + 1, true) ||
            headed_as_low(L, a, b, g + 1, g))
            continue;
        L->col[g + 1][0] = L->col[g][0];
        memmove(L->col + g, L->col + g + 1, (size_t)(L->ncol - g - 1) * sizeof *L->col);
        L->ncol--;
    }
}

/* Column x intervals from the chunks of the anchor lines (the data rows;
 * headers would bridge columns), widest first so a column is born from a
 * full-width cell and narrow figures join it; a chunk that touches two
 * columns already made is a span and shapes nothing. */
/* Whether t ends in 合计 or 总计: a total's label (人员经费合计). */
static bool ends_total(const char *t)
{
    size_t n = strlen(t), k = strlen("合计");
    return n >= k && (strcmp(t + n - k, "合计") == 0 || strcmp(t + n - k, "总计") == 0);
}

/* Whether chunk c, touching one column and leaning out of it into the gap
 * before or after, is centred (within a glyph height) over that column and
 * its neighbour on that side: a label merged across both. */
static bool centred_over_two(const layout *L, const chunk *c)
{
    int hit = -1;
    for (int j = 0; j < L->ncol; j++)
        if (in_column(L, c, j)) {
            if (hit >= 0)
                return false;
            hit = j;
        }
    if (hit < 0 || !ends_total(chunk_text(L, c)))
        return false;
    double mid = (c->x1 + c->x2) / 2, h = L->ln[c->line].h;
    for (int j = 0; j < L->ncol; j++) {
        bool left = c->x1 < L->col[hit][0] && L->col[j][1] <= c->x1 && L->col[j][1] <= L->col[hit][0];
        bool right = c->x2 > L->col[hit][1] && L->col[j][0] >= c->x2 && L->col[j][0] >= L->col[hit][1];
        if (!left && !right)
            continue;
        double lo = left ? L->col[j][0] : L->col[hit][0], hi = left ? L->col[hit][1] : L->col[j][1];
        bool between = true; /* no column between them */
        for (int o = 0; o < L->ncol && between; o++)
            between = o == j || o == hit ||
                      !(L->col[o][0] >= (left ? L->col[j][1] : L->col[hit][1]) &&
                        L->col[o][1] <= (left ? L->col[hit][0] : L->col[j][0]));
        if (between && absd((lo + hi) / 2 - mid) <= h)
            return true;
    }
    return false;
}

static bool is_colno_label(const char *t);

/* Whether no heading lies in or just before (heads_figures) any column of
 * figures of [a, b): over one row of figures, heads set left in wide cells
 * and figures set right leave every head alone in the gap before its
 * figures; pair_head_columns may then join them. Where one figure has its
 * head, a lone head is a column of blank cells (因公出国（境）费 over -). */
static bool figures_unheaded(const layout *L, int a, int b)
{
    for (int j = 0; j < L->ncol; j++) {
        if (!figure_column(L, a, b, j, false))
            continue;
        for (int i = a; i < b; i++) {
            if (L->ln[i].anchor)
                continue;
            for (int k = 0; k < L->ln[i].nc; k++) {
                const chunk *c = &L->ck[L->ln[i].c0 + k];
                if (in_column(L, c, j) || (c->x2 <= L->col[j][0] &&
                                           L->col[j][0] - c->x2 < 1.5 * L->ln[i].h))
                    return false;
            }
        }
    }
    return true;
}

/* Whether the numbers of 栏次 line i pair one to one, in order, with the
 * figures of line row, each number starting after its figure starts and
 * ending before the next figure starts: figures set left in their cells,
 * the numbers centred (no column of blank cells among them). */
static bool numbers_after_figures(const layout *L, int i, int row)
{
    const line *n = &L->ln[i], *f = &L->ln[row];
    if (n->nc != f->nc || n->nc < 2)
        return false;
    for (int k = 0; k < n->nc; k++) {
        const chunk *num = &L->ck[n->c0 + k], *fig = &L->ck[f->c0 + k];
        if (!num->numeric || !fig->numeric || num->x1 < fig->x1 ||
            (k + 1 < f->nc && num->x2 > L->ck[f->c0 + k + 1].x1))
            return false;
    }
    return true;
}

static bool find_columns(layout *L, int a, int b)
{
    int anchors = 0;
    for (int i = a; i < b; i++)
        anchors += L->ln[i].anchor;
    int n = 0;
    int total = L->ln[b - 1].c0 + L->ln[b - 1].nc - L->ln[a].c0;
    if (!grow((void **)&L->tmp, &L->captmp, total, sizeof *L->tmp) ||
        !grow((void **)&L->tmp2, &L->captmp2, total, sizeof *L->tmp2))
        return false;
    L->ncol = 0;
    /* a table of one row (三公: one line of figures under a header of
     * several bands) takes its columns from that row: the header's spans
     * would make columns of their own */
    int data = 0, row = -1; /* lines of figures, the 栏次 row aside */
    for (int i = a; i < b; i++)
        if (L->ln[i].anchor && !colno_row(L, &L->ln[i])) {
            data++;
            row = i;
        }
    bool one_row = data == 1;
    for (int k = 0; one_row && k < L->ln[row].nc; k++)
        if (place_chunk(L, &L->ck[L->ln[row].c0 + k], false) < 0)
            return false;
    /* and its 栏次 numbers, one per column, show the columns whose cells
     * are blank (the number centred over nothing) */
    for (int i = a; i < b && one_row; i++) {
        if (i == row || !L->ln[i].anchor || !colno_row(L, &L->ln[i]))
            continue;
        /* (figures set left in their cells, each number centred in its
         * own, between its figure's start and the next one's) */
        if (numbers_after_figures(L, i, row))
            continue;
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (c->numeric && !touches_column(L, c) && place_chunk(L, c, false) < 0)
                return false;
        }
    }
    for (int i = a; i < b; i++) {
        /* under one row of figures, the 栏次 numbers centred over them
         * fall to the nearest (assign_columns) */
        if (one_row && L->ln[i].anchor && i != row)
            continue;
        if (anchors < 2 || L->ln[i].anchor)
            for (int k = 0; k < L->ln[i].nc; k++)
                L->tmp[n++] = L->ln[i].c0 + k;
    }
    /* over one row of figures, the headings from the lowest line up: a
     * group heading (公务用车购置及运行费) then spans the columns of the
     * cells under it, blank or not, instead of making one of its own */
    sort_idx(L->tmp, n, one_row ? chunk_by_line_desc : chunk_by_width_desc, L->ck, L->tmp2);
    /* a chunk that leans half out of the one column it touches waits for
     * the columns of the narrower chunks: 人员经费合计, written from the
     * code column over the name column, would otherwise swallow the codes */
    int deferred = 0;
    for (int k = 0; k < n; k++) {
        const chunk *c = &L->ck[L->tmp[k]];
        /* over one row of figures, the second line of a wrapped heading
         * is no column of its own (因公出国（境） / 费, the first line over
         * a right-aligned -, the second over nothing): a heading touching
         * no figure is a column whose cells are blank */
        if (one_row && c->line != row &&
            (wrapped_piece(L, a, b, c) || touches_column(L, c) || heads_figures(L, c, L->ncol)))
            continue; /* and a heading over a figure leaves its column as the figures made it */
        /* so does a total's label, which a merged cell may centre over
         * several columns (人员经费合计 over the codes and the names), and
         * the 栏次 label, which makes no column of its own */
        const char *t = chunk_text(L, c);
        int rc = (ends_total(t) || is_colno_label(t)) && !one_row ? 0 : place_chunk(L, c, true);
        if (rc < 0)
            return false;
        if (rc == 0)
            L->tmp[deferred++] = L->tmp[k];
    }
    /* over one row of figures, a heading that leans out of the one column
     * it touches is a group over several (2023年预算数 over six columns):
     * it does not widen that column; nor does a total's label centred over
     * that column and the next */
    for (int k = 0; k < deferred && !one_row; k++) {
        const chunk *c = &L->ck[L->tmp[k]];
        bool lone_colno = is_colno_label(chunk_text(L, c));
        for (int j = 0; j < L->ncol && lone_colno; j++)
            lone_colno = !in_column(L, c, j);
        if (!lone_colno && !centred_over_two(L, c) && place_chunk(L, c, false) < 0)
            return false;
    }
    if (anchors >= 2 && !header_columns(L, a, b))
        return false;
    qsort(L->col, (size_t)L->ncol, sizeof *L->col, cmp_interval);
    int m = 0;
    for (int j = 0; j < L->ncol; j++) {
        if (m > 0 && L->col[j][0] < L->col[m - 1][1]) {
            if (L->col[j][1] > L->col[m - 1][1])
                L->col[m - 1][1] = L->col[j][1];
        } else {
            L->col[m][0] = L->col[j][0];
            L->col[m][1] = L->col[j][1];
            m++;
        }
    }
    L->ncol = m;
    pair_colno_columns(L, a, b);
    if (!one_row || figures_unheaded(L, a, b))
        pair_head_columns(L, a, b);
    return true;
}

/* Whether the text of column j in the rows of [a, b) is set left: no
 * figure or nil, and all its chunks but a total's label or two start at the
 * column's left end (within 0.1 glyph heights). */
static bool starts_flush(const layout *L, int a, int b, int j)
{
    int flush = 0, other = 0;
    for (int i = a; i < b; i++) {
        if (!L->ln[i].anchor)
            continue;
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (!in_column(L, c, j))
                continue;
            if (c->numeric || is_nil_mark(chunk_text(L, c)))
                return false;
            if (absd(c->x1 - L->col[j][0]) <= 0.1 * L->ln[i].h)
                flush++;
            else
                other++;
        }
    }
    return flush >= 2 && other <= 2 && other * 5 <= flush;
}

/* How far right the body text of column j reaches: the text chunks under
 * the first figures of the region [a, b) that reach into column j and no
 * other (the header's groups do not tell a cell's width). */
static double text_reach(const layout *L, int a, int b, int j)
{
    double x = -1e300;
    while (a < b && !L->ln[a].anchor)
        a++;
    for (int i = a; i < b; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            bool other = false;
            for (int e = 0; e < L->ncol && !other; e++)
                other = e != j && overlap(c->x1, c->x2, L->col[e][0], L->col[e][1]) > 1.0;
            if (!c->numeric && !other && c->x2 > x &&
                overlap(c->x1, c->x2, L->col[j][0], L->col[j][1]) > 1.0)
                x = c->x2;
        }
    return x;
}

/* The column of chunk c, touching none: the nearest one, or when c stands
 * in the gap before a column of figures, that one. Figures are set to the
 * right of their cells, so the cell right of the previous column's figures
 * is theirs, and a heading there is theirs whether set at the cell's left
 * edge (a spreadsheet's text: 附属单位上 / 缴收入 4 points after the 0.00
 * of the column before) or centred in it. */
static int right_of_gap(const layout *L, int a, int b, const chunk *c, int near, bool left_set)
{
    if (!left_set) {
        /* nor is a cell that ends before a column of text set left the
         * cell of that column: it is set right in the one before (项 at
         * the edge of its cell, the 项 codes at the other) */
        int before = column_before(L, c->x1, L->ncol);
        if (c->x2 <= L->col[near][0] && before >= 0 && starts_flush(L, a, b, near))
            return before;
        return near;
    }
    /* the first column whose figures end right of c's end */
    int r = -1;
    for (int j = 0; j < L->ncol; j++)
        if (L->col[j][1] >= c->x2 - 0.1 * L->ln[c->line].h &&
            (r < 0 || L->col[j][1] < L->col[r][1]))
            r = j;
    /* …after the figures of the column before it, and out of the reach
     * of that column's text (数, the second line of 2023年预算 centred in
     * the stub, under it) */
    if (r < 0 || r == near || column_before(L, c->x1, L->ncol) < 0 || L->ln[c->line].anchor ||
        touches_column(L, c) || c->x2 <= text_reach(L, a, b, near))
        return near;
    return figure_column(L, a, b, r, true) ? r : near;
}

/* Whether a chunk of line l other than c lies in column j. */
static bool line_holds(const layout *L, const line *l, const chunk *c, int j)
{
    for (int k = 0; k < l->nc; k++) {
        const chunk *o = &L->ck[l->c0 + k];
        if (o != c && covers(o, j))
            return true;
    }
    return false;
}

/* A chunk c that touches no column and was put in the nearest one, where a
 * chunk of its line lies too, goes to the nearest column on its other side
 * when its line has nothing there: two cells of one line are two columns
 * (科目编码 centred in a wide cell, off its left-aligned codes, beside
 * 科目名称 over the names). */
static void move_off_shared(layout *L, const line *l, chunk *c)
{
    int j = c->col;
    if (!c->near || !line_holds(L, l, c, j))
        return;
    int o = -1;
    for (int e = 0; e < L->ncol; e++) {
        bool other_side = L->col[j][0] + L->col[j][1] > c->x1 + c->x2 ? L->col[e][1] <= c->x1
                                                                       : L->col[e][0] >= c->x2;
        if (e != j && other_side &&
            (o < 0 || absd((L->col[e][0] + L->col[e][1]) / 2 - (c->x1 + c->x2) / 2) <
                          absd((L->col[o][0] + L->col[o][1]) / 2 - (c->x1 + c->x2) / 2)))
            o = e;
    }
    if (o >= 0 && !line_holds(L, l, c, o))
        c->col = o;
}

/* Places every chunk of the region on the column grid: the columns it
 * covers (more than a sliver of), or the nearest one
 * (right_of_gap, move_off_shared). */
static void assign_columns(layout *L, int a, int b)
{
    bool left_set = heads_left_set(L, a, b, NULL);
    for (int i = a; i < b; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            chunk *c = &L->ck[L->ln[i].c0 + k];
            int first = -1, last = -1, near = 0;
            double best = 1e300;
            for (int j = 0; j < L->ncol; j++) {
                double cw = L->col[j][1] - L->col[j][0], w = chunk_w(c);
                double ov = overlap(c->x1, c->x2, L->col[j][0], L->col[j][1]);
                double need = 0.15 * (w < cw ? w : cw);
                if (ov > (need > 1.0 ? need : 1.0)) {
                    if (first < 0)
                        first = j;
                    last = j;
                }
                double d = -ov;
                if (d < best) {
                    best = d;
                    near = j;
                }
            }
            c->near = first < 0;
            if (first < 0)
                first = last = right_of_gap(L, a, b, c, near, left_set);
            c->col = first;
            c->colspan = last - first + 1;
        }
    for (int i = a; i < b; i++)
        for (int k = 0; k < L->ln[i].nc; k++)
            move_off_shared(L, &L->ln[i], &L->ck[L->ln[i].c0 + k]);
}

/* A column that two chunks of one line fall in, on two lines or more,
 * with a gap between them that every such line leaves clear, is two
 * columns: a label written across both (公用经费合计 over the 决算数 of one
 * block and the 科目代码 of the next) made one of them. Splits the first
 * such column at that gap; 1 when it did, 0 when none, -1 out of memory. */
static int split_crowded_column(layout *L, int a, int b)
{
    for (int j = 0; j < L->ncol; j++) {
        double lo = -1e300, hi = 1e300;
        int lines = 0;
        for (int i = a; i < b; i++) {
            const chunk *first = NULL, *second = NULL;
            for (int k = 0; k < L->ln[i].nc; k++) {
                const chunk *c = &L->ck[L->ln[i].c0 + k];
                if (c->col != j || c->colspan != 1 ||
                    !in_column(L, c, j))
                    continue; /* put there as the nearest: says nothing */
                if (!first)
                    first = c;
                else if (!second)
                    second = c;
            }
            if (!second)
                continue;
            lines++;
            if (first->x2 > lo) lo = first->x2;
            if (second->x1 < hi) hi = second->x1;
        }
        if (lines < 2 || lo >= hi || lo <= L->col[j][0] || hi >= L->col[j][1])
            continue;
        if (!grow((void **)&L->col, &L->capcol, L->ncol + 1, sizeof *L->col))
            return -1;
        memmove(&L->col[j + 2], &L->col[j + 1], (size_t)(L->ncol - j - 1) * sizeof *L->col);
        L->col[j + 1][0] = hi;
        L->col[j + 1][1] = L->col[j][1];
        L->col[j][1] = lo;
        L->ncol++;
        return 1;
    }
    return 0;
}

static bool is_colno_label(const char *t)
{
    return strcmp(t, "栏次") == 0 || strcmp(t, "栏 次") == 0;
}

/* What each column holds, for merge_lonely_columns. */
enum {
    COL_WORDS = 1,  /* one-column text */
    COL_BODY = 2,   /* one-column text on a line of the body */
    COL_COLNO = 4,  /* a number of the 栏次 row */
    COL_FIG = 8,    /* a figure, code or 行次 of the body */
};

/* Whether line l is the 栏次 row (which may start with 类 | 款 | 项). */
static bool is_colno_line(const layout *L, const line *l)
{
    for (int k = 0; k < l->nc; k++)
        if (is_colno_label(chunk_text(L, &L->ck[l->c0 + k])))
            return true;
    return false;
}

/* The first line of the body of [a, b): the first anchor that is not the
 * 栏次 row. */
static int body_start(const layout *L, int a, int b)
{
    for (int i = a; i < b; i++)
        if (L->ln[i].anchor && !is_colno_line(L, &L->ln[i]))
            return i;
    return b;
}

/* Whether columns j and j + 1, which never hold one-column chunks on the
 * same line, may still be two: each holds words of its own (行次 | 合计 of a
 * column with no figure, 项 | 科目名称 of an empty table), unless those
 * words say otherwise. A header cell centred over left-aligned labels lies
 * right of them all (项目 over 一、一般公共预算财政拨款收入 in a wide cell):
 * header words right of a column of body text head that column. A 栏次
 * number centred over right-aligned figures lies left of them: a column of
 * 栏次 numbers followed by one without is one column, whatever header words
 * touch either (预算数 centred over six columns touches one of them). */
static bool kept_apart(const unsigned *has, int j)
{
    if (!(has[j] & COL_WORDS) || !(has[j + 1] & COL_WORDS))
        return false;
    if ((has[j] & COL_BODY) && !(has[j + 1] & COL_BODY))
        return false;
    if ((has[j] & COL_COLNO) && !(has[j + 1] & COL_COLNO))
        return false;
    /* body text on both sides and no figure in either: one column of row
     * labels, the items left-aligned and the totals centred
     * (一、一般公共预算拨款收入 … 本年收入合计) */
    if ((has[j] & COL_BODY) && (has[j + 1] & COL_BODY) && !((has[j] | has[j + 1]) & COL_FIG))
        return false;
    return true;
}

/* The chunk of words (no figure) of line i in column j, or NULL. */
static const chunk *words_in(const layout *L, int i, int j)
{
    for (int m = 0; m < L->ln[i].nc; m++) {
        const chunk *c = &L->ck[L->ln[i].c0 + m];
        if (c->col == j && !c->numeric)
            return c;
    }
    return NULL;
}

/* Whether a number in column j + 1 of the body [body, b) stands between
 * two lines of one label wrapped in column j, centred on it: row labels
 * wrapped over two lines with each 行次 centred between them, beside
 * labels and numbers that never share a line. */
static bool centred_beside_wrap(const layout *L, int body, int b, int j)
{
    for (int i = body + 1; i + 1 < b; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *f = &L->ck[L->ln[i].c0 + k];
            if (f->col != j + 1 || f->colspan != 1 || !f->numeric)
                continue;
            const chunk *u = words_in(L, i - 1, j), *d = words_in(L, i + 1, j);
            double h = L->ln[i].h, mid = (f->y1 + f->y2) / 2;
            if (u && d && d->y1 - u->y2 < 0.8 * h && absd(mid - (u->y1 + d->y2) / 2) <= 0.2 * h &&
                absd(u->x1 - d->x1) <= 0.2 * h)
                return true;
        }
    return false;
}

/* Two neighbouring columns that never hold a one-column chunk on the same
 * line are one column seen twice (a centred "2" in the 栏次 row over
 * right-aligned figures): merge them, unless kept_apart. Returns whether
 * anything merged. */
static bool merge_lonely_columns(layout *L, int a, int b)
{
    if (L->ncol < 2)
        return false;
    bool *both = calloc((size_t)L->ncol, sizeof *both);
    bool *on = calloc((size_t)L->ncol, sizeof *on);
    unsigned *has = calloc((size_t)L->ncol, sizeof *has);
    if (!both || !on || !has) {
        free(both);
        free(on);
        free(has);
        return false;
    }
    int body = body_start(L, a, b);
    for (int i = a; i < b; i++) {
        memset(on, 0, (size_t)L->ncol * sizeof *on);
        const line *l = &L->ln[i];
        bool colno = colno_row(L, l);
        for (int k = 0; k < l->nc; k++) {
            const chunk *c = &L->ck[l->c0 + k];
            if (c->colspan != 1) /* a header over both says nothing */
                continue;
            on[c->col] = true;
            if (!c->numeric)
                has[c->col] |= COL_WORDS | (i >= body ? COL_BODY : 0u);
            else if (colno)
                has[c->col] |= COL_COLNO;
            else if (i >= body)
                has[c->col] |= COL_FIG;
        }
        for (int j = 0; j + 1 < L->ncol; j++)
            if (on[j] && on[j + 1])
                both[j] = true;
    }
    for (int j = 0; j + 1 < L->ncol; j++)
        if (kept_apart(has, j) || centred_beside_wrap(L, body, b, j))
            both[j] = true;
    /* the closest lonely pair first: a centred header figure sits next to
     * the figures it heads, not next to the column before */
    int best = -1;
    for (int j = 0; j + 1 < L->ncol; j++)
        if (!both[j] && (best < 0 || L->col[j + 1][0] - L->col[j][1] <
                                         L->col[best + 1][0] - L->col[best][1]))
            best = j;
    bool merged = best >= 0;
    if (merged) {
        L->col[best][1] = L->col[best + 1][1];
        memmove(&L->col[best + 1], &L->col[best + 2],
                (size_t)(L->ncol - best - 2) * sizeof *L->col);
        L->ncol--;
    }
    free(both);
    free(on);
    free(has);
    return merged;
}

/* The length in bytes of a list marker that opens t: "（二）", "(3)", "二、",
 * "3." (0 when there is none). */
static size_t marker_len(const char *t)
{
    const char *p = t;
    uint32_t c = g_utf8_get_char(p);
    bool paren = c == '(' || c == 0xFF08;
    if (paren)
        p = g_utf8_next_char(p);
    int n = 0;
    for (;; n++) {
        c = g_utf8_get_char(p);
        bool numeral = (c >= '0' && c <= '9') || c == 0x4E00 || c == 0x4E8C || c == 0x4E09 ||
                       c == 0x56DB || c == 0x4E94 || c == 0x516D || c == 0x4E03 || c == 0x516B ||
                       c == 0x4E5D || c == 0x5341;
        if (!numeral)
            break;
        p = g_utf8_next_char(p);
    }
    if (n == 0 || n > 3)
        return 0;
    bool closes = paren ? (c == ')' || c == 0xFF09) : (c == 0x3001 /* 、 */ || c == '.' || c == 0xFF0E);
    return closes ? (size_t)(g_utf8_next_char(p) - t) : 0;
}

/* A list marker or "第三部分" opens a new paragraph even when the line
 * above ran to the margin. */
static bool opens_section(const char *t)
{
    return g_utf8_get_char(t) == 0x7B2C /* 第 */ || marker_len(t) > 0;
}

/* ---------- emitting ---------- */

/* Appends piece to the text being built: a wrapped CJK cell joins without a
 * space, Latin words with one; pieces of one line keep a space unless it
 * stands between CJK and a digit or Latin letter (`2024 年`). */
static bool join_piece(strbuf *s, size_t start, const char *piece, bool same_line, bool glued)
{
    if (s->len > start && !glued) {
        uint32_t last = g_utf8_get_char(g_utf8_find_prev_char(s->p + start, s->p + s->len));
        uint32_t first = g_utf8_get_char(piece);
        bool cl = is_cjk(last), cf = is_cjk(first);
        if (same_line ? cl == cf : (!cl && !cf))
            if (!sb_str(s, " "))
                return false;
    }
    return sb_str(s, piece);
}

/* One table row from the lines [r0, r1) (only the chunks of header band
 * `band` when it is not negative): chunks gathered per column range,
 * ranges that overlap (a span over a cell) merged into one cell. */
static int emit_row(layout *L, int row, int r0, int r1, int band)
{
    int page = L->ln[r0].page;
    int nc = 0;
    for (int i = r0; i < r1; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if ((band >= 0 && c->band != band) || !*chunk_text(L, c)) /* (same_lines) */
                continue;
            int j = 0;
            while (j < nc && !(L->cellcol[j] == c->col && L->cellspan[j] == c->colspan))
                j++;
            if (j < nc)
                continue;
            if (nc + 1 > L->capcells) {
                int cap = L->capcells ? 2 * L->capcells : 32;
                pdf_cell *pc = realloc(L->cells, (size_t)cap * sizeof *pc);
                if (pc) L->cells = pc;
                int *cc = realloc(L->cellcol, (size_t)cap * sizeof *cc);
                if (cc) L->cellcol = cc;
                int *cs = realloc(L->cellspan, (size_t)cap * sizeof *cs);
                if (cs) L->cellspan = cs;
                int *ct = realloc(L->celltext, (size_t)cap * sizeof *ct);
                if (ct) L->celltext = ct;
                if (!pc || !cc || !cs || !ct)
                    return -1;
                L->capcells = cap;
            }
            /* insertion by column keeps the cells sorted */
            int at = nc;
            while (at > 0 && L->cellcol[at - 1] > c->col) {
                L->cellcol[at] = L->cellcol[at - 1];
                L->cellspan[at] = L->cellspan[at - 1];
                at--;
            }
            L->cellcol[at] = c->col;
            L->cellspan[at] = c->colspan;
            nc++;
        }
    /* merge overlapping ranges */
    int m = 0;
    for (int j = 0; j < nc; j++) {
        int end = L->cellcol[j] + L->cellspan[j];
        if (m > 0 && L->cellcol[j] < L->cellcol[m - 1] + L->cellspan[m - 1]) {
            if (end > L->cellcol[m - 1] + L->cellspan[m - 1])
                L->cellspan[m - 1] = end - L->cellcol[m - 1];
        } else {
            L->cellcol[m] = L->cellcol[j];
            L->cellspan[m] = L->cellspan[j];
            m++;
        }
    }
    nc = m;
    L->cell.len = 0;
    for (int j = 0; j < nc; j++) {
        size_t start = L->cell.len;
        int lo = L->cellcol[j], hi = lo + L->cellspan[j];
        int prev_line = -1;
        for (int i = r0; i < r1; i++)
            for (int k = 0; k < L->ln[i].nc; k++) {
                const chunk *c = &L->ck[L->ln[i].c0 + k];
                if (c->col < lo || c->col >= hi || (band >= 0 && c->band != band))
                    continue;
                if (!join_piece(&L->cell, start, chunk_out(L, c), prev_line == i, c->glued))
                    return -1;
                prev_line = i;
            }
        L->celltext[j] = (int)start;
        if (!sb_add(&L->cell, "\0", 1))
            return -1;
    }
    for (int j = 0; j < nc; j++) {
        L->cells[j].text = L->cell.p + L->celltext[j];
        L->cells[j].col = L->cellcol[j];
        L->cells[j].colspan = L->cellspan[j];
    }
    if (nc == 0)
        return 0;
    return L->sink->row(L->sink->ctx, page, L->table, row, L->cells, nc) < 0 ? -2 : 0;
}

/* Whether the lines [a, b), on their column grid, read as a table rather
 * than as text: at least a third of them (and two) hold cells in two
 * separate columns or start in a later column (a paragraph whose lines
 * have one wide gap each, at different places, makes spans, not columns),
 * and the first column is not only list markers ("(6)" then a tab and the
 * item: a numbered list). */
static bool looks_tabular(const layout *L, int a, int b)
{
    int multi = 0;
    bool markers = true;
    for (int i = a; i < b; i++) {
        const line *l = &L->ln[i];
        bool two = false; /* two chunks in columns apart: a span does not count */
        for (int k = 1; k < l->nc; k++) {
            const chunk *p = &L->ck[l->c0 + k - 1], *c = &L->ck[l->c0 + k];
            if (c->col >= p->col + p->colspan)
                two = true;
        }
        /* a row whose first columns are empty (the 支出 side of a
         * two-sided table, where the 收入 side has ended) */
        if (l->nc > 0 && L->ck[l->c0].col > 0)
            two = true;
        multi += two;
        if (l->nc > 0) {
            const char *t = chunk_text(L, &L->ck[l->c0]);
            if (marker_len(t) != strlen(t))
                markers = false;
        }
    }
    return multi >= 2 && 3 * multi >= b - a && !markers;
}

/* ---------- header bands ---------- */

/* The end of the header of lines [a, b), grouped into rows (group[i - a]
 * = first line of line i's row): the first line of the row of the first
 * anchor, or of the 栏次 row or a blank 合计 row ending the table (an empty
 * table; a 合计 in the header is a column's heading) when that comes
 * first. */
static int header_zone(const layout *L, int a, int b, const int *group)
{
    for (int i = a; i < b; i++)
        if (L->ln[i].anchor || is_colno_line(L, &L->ln[i]) ||
            (i == b - 1 && L->ln[i].nc == 1 && is_total_label(chunk_text(L, &L->ck[L->ln[i].c0]))))
            return group[i - a];
    return a;
}

/* The top, middle and bottom of the cell in column j whose first line is line i:
 * its lines follow each other at a line pitch, between lines of other
 * columns, up to line z (its chunks' own tops and bottoms: a line gathers
 * cells centred at different heights). */
typedef struct {
    double top, mid, bot;
} cell_y;

static cell_y cell_at(const layout *L, int i, int z, int j)
{
    double top = 1e300, bot = -1e300;
    for (int o = i; o < z; o++) {
        const line *l = &L->ln[o];
        if (o > i && l->y1 > bot + 0.5 * l->h)
            break;
        for (int k = 0; k < l->nc; k++) {
            const chunk *c = &L->ck[l->c0 + k];
            if (!covers(c, j) || (o > i && c->y1 > bot + 0.5 * l->h))
                continue;
            if (c->y1 < top) top = c->y1;
            if (c->y2 > bot) bot = c->y2;
        }
    }
    if (top > bot) /* no chunk of line i covers j */
        top = bot = L->ln[i].y1;
    return (cell_y){top, (top + bot) / 2, bot};
}

/* Whether column j is open to a group cell g of the header [a, z): no
 * header chunk in j starts above g's foot but g itself and the groups
 * already found over j (a cell beside g in its band, or a cell spanning
 * the bands down past g, heads column j itself), and the first cell under
 * g in j is in the band under g (ref): it starts no higher, or, wrapped
 * over more lines, has its middle there too (一般公共预 / 算财政拨款 beside
 * 合计, both centred in tall rows). A cell of two lines centred across
 * both bands (年末结转和 / 结余 beside 本年支出 over 小计) heads its column
 * itself. A group over j that is not over g is a neighbour's (2024年预算数
 * beside the 2023 group g sits in). */
static cell_y band_under_middle(const layout *L, int a, int z, const chunk *g);

/* Whether a header line of [a, z) below the cell y of column j (its lines
 * joined by cell_at) holds a chunk in j. */
static bool headed_below_cell(const layout *L, int a, int z, int j, cell_y y)
{
    for (int i = a; i < z; i++) {
        const line *l = &L->ln[i];
        if (l->y1 < y.bot)
            continue;
        for (int k = 0; k < l->nc; k++)
            if (covers(&L->ck[l->c0 + k], j))
                return true;
    }
    return false;
}

static bool open_column(const layout *L, int a, int z, const chunk *g, cell_y ref, int j)
{
    const line *gl = &L->ln[g->line];
    for (int i = a; i < z; i++) {
        const line *l = &L->ln[i];
        bool below = l->y1 >= gl->y2 - 0.1 * gl->h;
        for (int k = 0; k < l->nc; k++) {
            const chunk *c = &L->ck[l->c0 + k];
            if (c == g || !covers(c, j))
                continue;
            if (below) { /* the first cell under g: in the band under it */
                /* set at the band's top or middle, or lower (a band
                 * further down); a cell centred over the band and the
                 * one above is none (项目 beside 决算数 over 合计 | …) */
                cell_y y = cell_at(L, i, z, j);
                double h = gl->h;
                /* a cell centred between g's top and the header's foot,
                 * above the middle of the band under g's own middle, spans
                 * g's band: g's sibling (行 / 次 beside 决算数) */
                /* (not one set at the band's top, as the cell under g
                 * is: 科目名称 beside 科目 / 编码 under 人员经费; nor one
                 * with header cells under it, a group not yet found: 预算数
                 * over 合计 | 一般公共预算 | …, under 支出) */
                if (!c->group && absd(y.mid - (g->y1 + L->head_foot) / 2) <= 0.22 * h &&
                    !headed_below_cell(L, a, z, j, y) &&
                    y.mid < band_under_middle(L, a, z, g).mid - 0.3 * h &&
                    absd(y.top - ref.top) > 0.2 * h)
                    return false;
                return c->group || absd(y.top - ref.top) <= 0.2 * h ||
                       absd(y.mid - ref.mid) <= 0.3 * h ||
                       (L->foot_set && absd(y.bot - ref.bot) <= 0.2 * h) ||
                       (y.top >= ref.top - 0.3 * h && y.mid >= ref.mid - 0.3 * h);
            }
            if (!(c->group && l->y2 <= gl->y1 + 0.1 * gl->h))
                return false;
            /* a group above over j and not over g: j is a sibling's */
            double mid = (g->x1 + g->x2) / 2;
            if (mid < L->col[c->col][0] - gl->h ||
                mid > L->col[c->col + c->colspan - 1][1] + gl->h)
                return false;
        }
    }
    return true;
}

/* The first header chunk under g in column j, NULL when there is none. */
static const chunk *chunk_under(const layout *L, int a, int z, const chunk *g, int j)
{
    const line *gl = &L->ln[g->line];
    for (int i = a; i < z; i++) {
        const line *l = &L->ln[i];
        if (l->y1 < gl->y2 - 0.1 * gl->h)
            continue;
        for (int k = 0; k < l->nc; k++)
            if (covers(&L->ck[l->c0 + k], j))
                return &L->ck[l->c0 + k];
    }
    return NULL;
}

/* The cell of the band under header cell g: the first below g in column
 * j; {-1e300, -1e300} when there is none. */
static cell_y band_under(const layout *L, int a, int z, const chunk *g, int j)
{
    const chunk *c = chunk_under(L, a, z, g, j);
    return c ? cell_at(L, c->line, z, j) : (cell_y){-1e300, -1e300, -1e300};
}

/* The cell of the band under header cell g in the column nearest g's
 * middle; {-1e300, -1e300} when there is none. Where that cell is a group
 * of its own (2023年预算数 centred over 公务用车购置及运行费), the band
 * under g runs down to the header's foot (合计 beside that group, set
 * across its band and the one under it): the middle is that band's. */
static cell_y band_under_middle(const layout *L, int a, int z, const chunk *g)
{
    double mid = (g->x1 + g->x2) / 2, best = 1e300;
    int at = -1;
    for (int j = 0; j < L->ncol; j++) {
        double d = mid < L->col[j][0] ? L->col[j][0] - mid : mid > L->col[j][1] ? mid - L->col[j][1] : 0;
        if (d < best) {
            best = d;
            at = j;
        }
    }
    const chunk *c = at < 0 ? NULL : chunk_under(L, a, z, g, at);
    if (!c)
        return (cell_y){-1e300, -1e300, -1e300};
    if (c->group) {
        double top = L->ln[g->line].y2;
        return (cell_y){top, (top + L->head_foot) / 2, L->head_foot};
    }
    return cell_at(L, c->line, z, at);
}

/* How many columns of [j0, j1] hold a one-column header cell below g. */
static int headed_below(const layout *L, int z, const chunk *g, int j0, int j1)
{
    const line *gl = &L->ln[g->line];
    int n = 0;
    for (int j = j0; j <= j1; j++) {
        bool found = false;
        for (int i = g->line + 1; i < z && !found; i++) {
            const line *l = &L->ln[i];
            if (l->y1 < gl->y2 - 0.1 * gl->h)
                continue;
            for (int k = 0; k < l->nc && !found; k++) {
                const chunk *c = &L->ck[l->c0 + k];
                found = c->colspan == 1 && c->col == j;
            }
        }
        n += found;
    }
    return n;
}

/* Whether a header line below chunk c, up to line z, holds a chunk in its
 * column. */
static bool headed_under(const layout *L, int z, const chunk *c)
{
    for (int i = c->line + 1; i < z; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *o = &L->ck[L->ln[i].c0 + k];
            if (o->col < c->col + c->colspan && o->col + o->colspan > c->col)
                return true;
        }
    return false;
}

/* The one-column header cell on a line below g, up to line z, whose top
 * lies step (within 0.1 h; when step is negative, one glyph height, from
 * 0.3 h less to 0.5 h more) under the top of cell u and which lies within
 * g's extent (0.2 h either side); NULL when there is none. */
static const chunk *line_under(const layout *L, int z, const chunk *g, const chunk *u, double step)
{
    double h = L->ln[u->line].h;
    for (int i = u->line + 1; i < z; i++) {
        const line *l = &L->ln[i];
        for (int k = 0; k < l->nc; k++) {
            const chunk *c = &L->ck[l->c0 + k];
            if (c->colspan != 1 || c->x1 < g->x1 - 0.2 * h || c->x2 > g->x2 + 0.2 * h)
                continue;
            double d = c->y1 - u->y1;
            if (step < 0 ? d >= u->y2 - u->y1 - 0.3 * h && d <= u->y2 - u->y1 + 0.5 * h
                         : absd(d - step) <= 0.1 * h)
                return c;
        }
    }
    return NULL;
}

/* Whether header cell c wraps into the line right under it: a cell there
 * starts where c starts or has c's middle (国有资本经营预 / 算), with no
 * other cell of that line within one and a half glyphs of c, as a
 * heading's cells under it are (科目编码 over 类 | 款 | 项). */
static bool wraps_into(const layout *L, int z, const chunk *c)
{
    const chunk *n = line_under(L, z, c, c, -1);
    double h = L->ln[c->line].h;
    if (!n || (absd(n->x1 - c->x1) > 0.2 * h &&
               absd((n->x1 + n->x2) / 2 - (c->x1 + c->x2) / 2) > 0.2 * h))
        return false;
    const line *l = &L->ln[n->line];
    for (int k = 0; k < l->nc; k++) {
        const chunk *o = &L->ck[l->c0 + k];
        if (o != n && overlap(o->x1, o->x2, c->x1 - 1.5 * h, c->x2 + 1.5 * h) > 0)
            return false;
    }
    return true;
}

/* L->ext: each column's cell as its text shows it: the one-column chunks
 * of the body [z, b) and the lowest header cells of [a, z) (a header wider
 * than its figures, 科目编码 over 30101, widens it; a heading over the cells
 * under it, 基本支出 over 人员经费, does not), made symmetric about the
 * middle of the lowest header cell, which is centred in the cell where
 * right-aligned figures are not (人员经费 over 8,578.82). */
static bool column_extents(layout *L, int a, int z, int b)
{
    if (!grow((void **)&L->ext, &L->capext, L->ncol > 0 ? L->ncol : 1, sizeof *L->ext) ||
        !grow((void **)&L->hdr, &L->caphdr, L->ncol > 0 ? L->ncol : 1, sizeof *L->hdr))
        return false;
    double (*hd)[2] = L->hdr;
    for (int j = 0; j < L->ncol; j++) {
        L->ext[j][0] = hd[j][0] = 1e300;
        L->ext[j][1] = hd[j][1] = -1e300;
    }
    for (int i = a; i < b; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (c->colspan != 1 || (i < z && headed_under(L, z, c) && !wraps_into(L, z, c)))
                continue;
            int j = c->col;
            if (c->x1 < L->ext[j][0]) L->ext[j][0] = c->x1;
            if (c->x2 > L->ext[j][1]) L->ext[j][1] = c->x2;
            if (i < z) {
                if (c->x1 < hd[j][0]) hd[j][0] = c->x1;
                if (c->x2 > hd[j][1]) hd[j][1] = c->x2;
            }
        }
    /* headings set at their cells' left edges: the cell runs from them to
     * the figures' right end, it is not centred on them */
    double dist = 0;
    bool left_set = heads_left_set(L, a, b, &dist);
    for (int j = 0; j < L->ncol; j++) {
        if (L->ext[j][0] > L->ext[j][1]) {
            L->ext[j][0] = L->col[j][0];
            L->ext[j][1] = L->col[j][1];
        }
        int l = column_before(L, hd[j][0], L->ncol);
        double before = l >= 0 ? L->col[l][1] : -1e300;
        if (hd[j][0] <= hd[j][1] &&
            !(left_set && absd(hd[j][0] - before - dist) <= 0.1 * L->ln[a].h)) {
            double mid = (hd[j][0] + hd[j][1]) / 2;
            double r = mid - L->ext[j][0] > L->ext[j][1] - mid ? mid - L->ext[j][0]
                                                               : L->ext[j][1] - mid;
            L->ext[j][0] = mid - r;
            L->ext[j][1] = mid + r;
        }
    }
    return true;
}

/* The column of a one-column header cell on a line below g, up to line z,
 * lined up with g within tol glyph heights: starting where g starts
 * (ALIGN_LEFT: g is left-aligned over it, HTML's default) or ending where g
 * ends (ALIGN_RIGHT), and narrower or wider by more than half a glyph — a
 * cell as wide, centred under the same middle, starts and ends together
 * too (本年支出 over 基本支出), and g repeated on the next page is one; or
 * of g's very extent (ALIGN_BOTH: 收入 over 项目, both left-aligned). -1
 * when there is none. */
static int aligned_under(const layout *L, int z, const chunk *g, int how, double tol)
{
    double h = L->ln[g->line].h;
    for (int i = g->line + 1; i < z; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (c->colspan != 1)
                continue;
            bool left = absd(c->x1 - g->x1) <= tol * h, right = absd(c->x2 - g->x2) <= tol * h;
            bool other_width = absd(chunk_w(c) - chunk_w(g)) > 0.5 * h;
            if (how == ALIGN_BOTH ? left && right
                                  : (how == ALIGN_LEFT ? left : right) && other_width)
                return c->col;
        }
    return -1;
}

/* Whether chunk c lies a cell's line pitch under chunk u: its top 0.8 to
 * 1.2 of u's height under u's top (the next line of a wrapped cell). */
static bool pitch_under(const chunk *u, const chunk *c)
{
    double d = c->y1 - u->y1;
    return d > 0.8 * (u->y2 - u->y1) && d <= 1.2 * (u->y2 - u->y1);
}

/* Whether the heading of a column of figures, of one line, beside the
 * stack g / c / e … sits centred between c and e, with nothing over it: a
 * cell set across the two bands under g's (合计 and 项目支出 beside
 * 基本支出 / 人员经费 under 本年支出). Beside a cell wrapped over three
 * lines or more, a cell is centred on the stack's middle, or has a heading
 * over it (类 | 款 | 项 under 科目编码), or heads the stub, set at its foot.
 * Rows padded thinly set bands a line pitch apart, so the stack's pitch
 * alone cannot tell them from a wrapped cell. */
static bool centred_under(const layout *L, int a, int z, const chunk *g, const chunk *c,
                          const chunk *e)
{
    double h = L->ln[g->line].h, mid = (c->y1 + c->y2 + e->y1 + e->y2) / 4;
    const chunk *foot = e;
    for (const chunk *n; (n = line_under(L, z, g, foot, c->y1 - g->y1));)
        foot = n;
    double stack = (g->y1 + foot->y2) / 2;
    for (int i = a; i < z; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *n = &L->ck[L->ln[i].c0 + k];
            double m = (n->y1 + n->y2) / 2;
            if (n->col < 0 || n->col >= L->ncol || !(L->colkind[n->col] & KIND_AMOUNTS) ||
                (n->x2 > g->x1 - 0.5 * h && n->x1 < g->x2 + 0.5 * h) ||
                absd(m - mid) > 0.15 * h || absd(m - stack) <= 0.25 * h)
                continue;
            /* (over its column: a heading centred over several is off its text) */
            double x1 = n->x1 < L->ext[n->col][0] ? n->x1 : L->ext[n->col][0];
            double x2 = n->x2 > L->ext[n->col][1] ? n->x2 : L->ext[n->col][1];
            bool over = false;
            for (int j = a; j < z && !over; j++)
                for (int q = 0; q < L->ln[j].nc && !over; q++) {
                    const chunk *o = &L->ck[L->ln[j].c0 + q];
                    over = o != n && o->x1 < x2 && o->x2 > x1 &&
                           (o->y2 <= n->y1 + 0.3 * h || pitch_under(n, o));
                }
            if (!over)
                return true;
        }
    return false;
}

/* Whether header cell g is the first line of a cell wrapped over three
 * lines or more in a narrow column: the next line, right under it, holds a
 * cell of g's very extent, and the line after that another at the same
 * line pitch (财政 / 专户 / 管理 / 资金 / 收入, 附属 / 单位 / 上缴 / 收入),
 * where a heading over a cell of its width (本年支出 over 基本支出) has the
 * cell padding of a band between them. */
static bool wraps_on(const layout *L, int a, int z, const chunk *g)
{
    double h = L->ln[g->line].h;
    const chunk *c = line_under(L, z, g, g, -1);
    if (!c || absd(c->x1 - g->x1) > 0.2 * h || absd(c->x2 - g->x2) > 0.2 * h)
        return false;
    const chunk *e = line_under(L, z, g, c, c->y1 - g->y1);
    return e && !centred_under(L, a, z, g, c, e);
}

/* Whether header cell g shares its line with the second lines of wrapped
 * cells of the header from line a, each a cell's line pitch under a first
 * line of its very extent, both full (一般公共 / 预算拨款 beside 科目, over
 * 编码; 附属单 / 位上缴 beside 上级补助, over 收入): the line lies inside a
 * band, where no group heads the band below. */
static bool inside_band(const layout *L, int a, const chunk *g)
{
    const line *l = &L->ln[g->line];
    int runs_on = 0, cells = 0;
    for (int k = 0; k < l->nc; k++) {
        const chunk *c = &L->ck[l->c0 + k];
        if (c == g)
            continue;
        cells++;
        for (int i = g->line - 1; i >= a && i >= g->line - 3; i--) {
            bool above = false;
            for (int m = 0; m < L->ln[i].nc && !above; m++) {
                const chunk *u = &L->ck[L->ln[i].c0 + m];
                /* (a wrapped line fills its cell: 支出 over 项目, as
                 * wide, heads a column of longer names) */
                above = absd(u->x1 - c->x1) <= 0.2 * l->h && absd(u->x2 - c->x2) <= 0.2 * l->h &&
                        pitch_under(u, c) && chunk_w(u) >= L->reach[u->col] - l->h;
            }
            if (above) {
                runs_on++;
                break;
            }
        }
    }
    return cells >= 1 && 2 * runs_on >= cells;
}

/* Whether header cell g and the cell a line pitch under it (0.8 to 1.2
 * of its height), set as g is (left edge, middle or right edge shared),
 * spell a stub heading or a lone value heading together: the two lines of
 * one cell (科目编 / 码, 科目 / 编码, 附属单位上缴 / 收入), which no group
 * heading spells. */
static bool wraps_stub_word(const layout *L, int z, const chunk *g)
{
    double h = L->ln[g->line].h;
    for (int i = g->line + 1; i < z; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (!pitch_under(g, c) ||
                (absd(c->x1 - g->x1) > 0.2 * h && absd(c->x2 - g->x2) > 0.2 * h &&
                 absd((c->x1 + c->x2) / 2 - (g->x1 + g->x2) / 2) > 0.2 * h))
                continue;
            char word[64];
            int n = snprintf(word, sizeof word, "%s%s", chunk_text(L, g), chunk_text(L, c));
            if (n > 0 && (size_t)n < sizeof word &&
                (is_stub_heading(word) || in_list(word, OTHER_STUB_HEADS) ||
                 in_list(word, LONE_VALUE_HEADS)))
                return true;
        }
    return false;
}

/* A run of columns a header cell may head, and how far its middle is from
 * the cell's (in glyph heights). */
typedef struct {
    int s0, s1;
    double err;
} run;

/* The run of a heading g left-aligned in column j: j and the open columns
 * right of it in the band under g (one run in out, or none). */
static int left_run(const layout *L, int a, int z, const chunk *g, int j, run *out, int cap)
{
    cell_y ref = band_under(L, a, z, g, j);
    if (!open_column(L, a, z, g, ref, j))
        return 0;
    int e = j;
    while (e + 1 < L->ncol && open_column(L, a, z, g, ref, e + 1))
        e++;
    if (e == j || cap < 1 || headed_below(L, z, g, j, e) < 2)
        return 0;
    out[0] = (run){j, e, 0};
    return 1;
}

/* Adds run r to the n runs of out unless one of them spans its columns
 * already; returns how many there are. */
static int add_run(run *out, int n, run r)
{
    for (int k = 0; k < n; k++)
        if (out[k].s0 == r.s0 && out[k].s1 == r.s1)
            return n;
    out[n] = r;
    return n + 1;
}

/* The run of 类 | 款 | 项 under a code heading g (科目编码, 科目代码,
 * 功能分类科目编码): the columns of those three heads on one header line
 * below g, in that order. */
static bool code_heading_run(const layout *L, int z, const chunk *g, run *out)
{
    const char *t = chunk_text(L, g);
    if (!strstr(t, "编码") && !strstr(t, "代码"))
        return false;
    for (int i = g->line + 1; i < z; i++) {
        int col[3] = {-1, -1, -1};
        static const char *const SEG[3] = {"类", "款", "项"};
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            for (int s = 0; s < 3; s++)
                if (c->colspan == 1 && strcmp(chunk_text(L, c), SEG[s]) == 0)
                    col[s] = c->col;
        }
        if (col[0] >= 0 && col[0] < col[1] && col[1] < col[2]) {
            *out = (run){col[0], col[2], 0};
            return true;
        }
    }
    return false;
}

static const char *const TOTAL_HEADS[] = {"合计", NULL};

/* The 三公 categories: none is ever a part of another. */
static const char *const SANGONG_PARTS[] = {"因公出国（境）费", "公务用车购置及运行费",
                                            "公务用车购置及运行维护费", "公务接待费", NULL};

/* Whether the header text under g's line in column j, its lines joined,
 * is in list. */
static bool column_says(const layout *L, int z, const chunk *g, int j, const char *const *list)
{
    char word[96];
    size_t n = 0;
    for (int i = g->line + 1; i < z; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            const char *t = chunk_text(L, c);
            if (c->col != j || c->colspan != 1 || n + strlen(t) >= sizeof word)
                continue;
            memcpy(word + n, t, strlen(t));
            n += strlen(t);
        }
    word[n] = '\0';
    return n > 0 && in_list(word, list);
}

/* Keeps of the n runs of out those header cell g may head, and returns
 * how many: a heading of the code or name column heads no amounts (科目编码
 * over 类 款 项, beside 附属单位上缴 / 收入), and a heading of amounts no
 * stub column (本年收入 beside 科目名称, both set at the foot) but for the
 * sides 收入 and 支出 and the blocks 人员经费 and 公用经费. */
static int keep_runs(const layout *L, int z, const chunk *g, run *out, int n)
{
    const char *t = chunk_text(L, g);
    bool stub = is_stub_heading(t) || in_list(t, OTHER_STUB_HEADS), side = is_side_head(t);
    bool sangong = in_list(t, SANGONG_PARTS);
    int m = 0;
    for (int k = 0; k < n; k++) {
        bool keep = true;
        /* a run reaching over another category stops before it (公务用车
         * 购置及运行费 left-set over 小计 | 购置费 | 运行费, 公务接待费 beside
         * them open too) */
        while (sangong && out[k].s1 > out[k].s0 && column_says(L, z, g, out[k].s1, SANGONG_PARTS))
            out[k].s1--;
        while (sangong && out[k].s0 < out[k].s1 && column_says(L, z, g, out[k].s0, SANGONG_PARTS))
            out[k].s0++;
        keep = out[k].s1 > out[k].s0;
        /* a group over 三公 categories heads its whole block: the 合计
         * before them and the 公务接待费 after (2025年预算数 centred over
         * six columns, the first head set left so that the four in the
         * middle look centred as well) */
        if (!sangong && !stub && out[k].s0 > 0 && out[k].s1 + 1 < L->ncol &&
            column_says(L, z, g, out[k].s0, SANGONG_PARTS) &&
            column_says(L, z, g, out[k].s0 - 1, TOTAL_HEADS) &&
            column_says(L, z, g, out[k].s1 + 1, SANGONG_PARTS)) {
            out[k].s0--;
            out[k].s1++;
        }
        for (int j = out[k].s0; j <= out[k].s1 && keep; j++)
            keep = (stub ? !(L->colkind[j] & KIND_AMOUNTS) : side || !(L->colkind[j] & KIND_STUB)) &&
                   !(sangong && column_says(L, z, g, j, SANGONG_PARTS));
        if (keep)
            out[m++] = out[k];
    }
    return m;
}

/* Whether the first cell under g in column j is centred on the header from
 * g's top to its foot, as a cell set across g's band and the one under it
 * is (合计 beside 基本支出, which heads 人员经费 | 公用经费 under it). */
static bool across_band(const layout *L, int a, int z, const chunk *g, int j)
{
    cell_y y = band_under(L, a, z, g, j);
    double h = L->ln[g->line].h;
    return y.top > -1e299 && absd(y.mid - (g->y1 + L->head_foot) / 2) <= 0.5 * h;
}

/* Whether a column between s0 and s1 has its first cell under g lower
 * than those of s0 and s1, top and middle: a band of its own under g (not
 * a cell of the band wrapped over two lines, 行 / 次 between 项目 and 金额). */
static bool band_below_ends(const layout *L, int a, int z, const chunk *g, int s0, int s1)
{
    double h = L->ln[g->line].h;
    cell_y e0 = band_under(L, a, z, g, s0), e1 = band_under(L, a, z, g, s1);
    double top = e0.top > e1.top ? e0.top : e1.top, mid = e0.mid > e1.mid ? e0.mid : e1.mid;
    for (int j = s0 + 1; j < s1; j++) {
        cell_y y = band_under(L, a, z, g, j);
        if (y.top > top + 0.3 * h && y.mid > mid + 0.3 * h)
            return true;
    }
    return false;
}

/* The runs of columns header cell g may head as a group over the cells of
 * the band below (决算数 over 合计 | 一般公共预算财政拨款 | …, 2023年预算数
 * over a 三公 table's six columns): its text is narrower than the cells it
 * spans. Left-aligned, it starts at the column whose edge it shares and
 * runs right while columns are open: one run; right-aligned, it ends at
 * the column whose edge it shares. Centred, any run of two or
 * more open columns whose middle (L->ext) is within a glyph height of its
 * own; which one is chosen with the cells beside g (choose_groups).
 * Columns that hold header text as high as g are not under it: they head
 * themselves (项目, 合计 set across two bands). Every run has header cells
 * of its own under g in two columns. Writes up to cap runs to out and
 * returns their number. */
static int group_runs(const layout *L, int a, int z, const chunk *g, run *out, int cap)
{
    double h = L->ln[g->line].h, mid = (g->x1 + g->x2) / 2;
    if (wraps_on(L, a, z, g) || inside_band(L, a, g) || wraps_stub_word(L, z, g))
        return 0;
    int n = 0, j = aligned_under(L, z, g, ALIGN_LEFT, 0.02);
    run codes;
    if (j >= 0) { /* left-aligned to a fraction of a point: HTML's default */
        if (cap >= 1 && code_heading_run(L, z, g, &codes)) {
            out[0] = codes;
            return 1;
        }
        return keep_runs(L, z, g, out, left_run(L, a, z, g, j, out, cap));
    }
    /* centred, the run's middle shows its end: no band level is needed
     * (项目 set across both bands under 支出 belongs to its run) */
    for (int s0 = 0; s0 < L->ncol; s0++) {
        if (L->col[s0][0] > mid)
            break;
        for (int s1 = s0; s1 < L->ncol && n < cap; s1++) {
            if (!open_column(L, a, z, g, (cell_y){-1e300, -1e300, -1e300}, s1))
                break;
            if (s1 == s0 || L->col[s1][1] < mid)
                continue;
            /* (not from a column set across g's band and the one above
             * to another such: 合计 | 人员经费 | 公用经费 | 项目支出 under
             * 基本支出, which heads the two in the middle) */
            if (s1 - s0 >= 2 && across_band(L, a, z, g, s0) && across_band(L, a, z, g, s1) &&
                band_below_ends(L, a, z, g, s0, s1))
                continue;
            double err = absd((L->ext[s0][0] + L->ext[s1][1]) / 2 - mid) / h;
            if (err <= 1.0 && headed_below(L, z, g, s0, s1) >= 2)
                out[n++] = (run){s0, s1, err};
        }
    }
    /* or left-aligned over the cell that starts where it does, or at a
     * cell's left edge over headings centred in their cells (基本支出 at the
     * edge of 小计's cell, 2024年预算数 at 合计's): one more run, which
     * choose_groups weighs with the cells beside g */
    j = aligned_under(L, z, g, ALIGN_LEFT, 0.2);
    /* or over a cell as wide, left-aligned as it is: the cell may as well
     * be centred under it (本年支出 over 基本支出), so the run counts as
     * centred half a glyph off, and a centred run as good wins */
    bool as_wide = j < 0 && (j = aligned_under(L, z, g, ALIGN_BOTH, 0.02)) >= 0;
    /* (not where g, wrapping into a cell under it, drew that edge itself) */
    for (int e = 0; e < L->ncol && j < 0 && !wraps_into(L, z, g); e++)
        if (absd(L->ext[e][0] - g->x1) <= 0.2 * h)
            j = e;
    /* (but a head as wide, both set right as the figures of their column
     * are, is a group over a run ending there: 收入 over 项目 | 金额; so is
     * one as wide as the column, at its end, that heads no run besides:
     * 基本支出 over 人员经费 | 公用经费, set right without rules) */
    bool at_end = as_wide && absd(L->col[j][1] - g->x2) <= 0.2 * h;
    bool right_set = at_end && L->col[j][0] < g->x1 - 0.5 * h;
    run left;
    if (j >= 0 && !right_set && n < cap && left_run(L, a, z, g, j, &left, 1) == 1) {
        left.err = as_wide ? 0.5 : 0;
        n = add_run(out, n, left);
    }
    /* or the code heading over 类 | 款 | 项, wherever it is set */
    if (n < cap && code_heading_run(L, z, g, &codes))
        n = add_run(out, n, codes);
    /* or right-aligned over the cells under it, as it is itself (a header
     * set right, without rules): a run ending at the column whose heading
     * under it ends where it ends, reaching left while the band goes on */
    int r = right_set || (at_end && n == 0) ? j : aligned_under(L, z, g, ALIGN_RIGHT, 0.02);
    if (r >= 0) {
        cell_y ref = band_under(L, a, z, g, r);
        for (int s0 = r - 1; s0 >= 0 && n < cap && open_column(L, a, z, g, ref, s0); s0--) {
            if (headed_below(L, z, g, s0, r) >= 2)
                n = add_run(out, n, (run){s0, r, 0.5});
        }
    }
    return keep_runs(L, z, g, out, n);
}

/* Chooses, for the header cells of line li, which are groups and over
 * which columns: runs that do not overlap, as many groups as can be, then
 * covering as many columns as can be, then as well centred as can be
 * (收入 | 支出 side by side share the columns between them: 收入 over 项目 |
 * 行次 | 决算数 and 支出 over the rest, not 收入 over one more and 支出 over
 * one less). Marks the chosen
 * chunks group with their columns. Returns how many, -1 out of memory. */
/* choose_groups counts a group as more than any number of columns: the
 * cells of one header line are all groups or none (2024年预算数 | 2025年预算数) */
enum { GROUP_WEIGHT = 1000 };

static int choose_groups(layout *L, int a, int z, int li)
{
    const line *l = &L->ln[li];
    int m = l->nc, nc = L->ncol, cap = nc * nc > 0 ? nc * nc : 1;
    run *cand = malloc((size_t)(m > 0 ? m : 1) * (size_t)cap * sizeof *cand);
    int *ncand = malloc((size_t)(m > 0 ? m : 1) * sizeof *ncand);
    /* best[k][e + 1]: columns covered by the runs of chunks before k, the
     * last ending at column e, with its error and the run chosen */
    int states = (m + 1) * (nc + 1);
    int *cover = malloc((size_t)states * sizeof *cover);
    double *err = malloc((size_t)states * sizeof *err);
    int *from = malloc((size_t)states * sizeof *from), *pick = malloc((size_t)states * sizeof *pick);
    int groups = -1;
    if (!cand || !ncand || !cover || !err || !from || !pick)
        goto out;
    for (int k = 0; k < m; k++) {
        ncand[k] = group_runs(L, a, z, &L->ck[l->c0 + k], cand + (size_t)k * cap, cap);
    }
    for (int s = 0; s < states; s++)
        cover[s] = -1;
    cover[0] = 0; /* k = 0, e = -1 */
    err[0] = 0;
    for (int k = 0; k < m; k++)
        for (int e = -1; e < nc; e++) {
            int s = k * (nc + 1) + e + 1;
            if (cover[s] < 0)
                continue;
            /* chunk k no group */
            int t = (k + 1) * (nc + 1) + e + 1;
            if (cover[s] > cover[t] || (cover[s] == cover[t] && err[s] < err[t])) {
                cover[t] = cover[s];
                err[t] = err[s];
                from[t] = s;
                pick[t] = -1;
            }
            for (int c = 0; c < ncand[k]; c++) {
                const run *r = &cand[(size_t)k * cap + c];
                if (r->s0 <= e)
                    continue;
                t = (k + 1) * (nc + 1) + r->s1 + 1;
                int cv = cover[s] + GROUP_WEIGHT + r->s1 - r->s0 + 1;
                double ev = err[s] + r->err;
                if (cv > cover[t] || (cv == cover[t] && ev < err[t])) {
                    cover[t] = cv;
                    err[t] = ev;
                    from[t] = s;
                    pick[t] = c;
                }
            }
        }
    int best = -1;
    for (int e = -1; e < nc; e++) {
        int s = m * (nc + 1) + e + 1;
        if (cover[s] >= 0 && (best < 0 || cover[s] > cover[best] ||
                              (cover[s] == cover[best] && err[s] < err[best])))
            best = s;
    }
    groups = 0;
    for (int s = best, k = m; k > 0; k--) {
        if (pick[s] >= 0) {
            const run *r = &cand[(size_t)(k - 1) * cap + pick[s]];
            chunk *g = &L->ck[l->c0 + k - 1];
            g->col = r->s0;
            g->colspan = r->s1 - r->s0 + 1;
            g->group = true;
            groups++;
        }
        s = from[s];
    }
out:
    free(cand);
    free(ncand);
    free(cover);
    free(err);
    free(from);
    free(pick);
    return groups;
}

/* Whether the header [a, z) sets its cells at the foot of their bands:
 * its last line holds the last lines of cells wrapped over two lines or
 * more (a cell of its line a line pitch above, starting where it starts)
 * and cells of one line, side by side (政府性基金预 / 算 beside 合计). */
static bool foot_set(const layout *L, int a, int z)
{
    if (z - a < 2)
        return false;
    const line *l = &L->ln[z - 1];
    int wrapped = 0, single = 0;
    for (int k = 0; k < l->nc; k++) {
        const chunk *c = &L->ck[l->c0 + k];
        bool above = false;
        for (int i = z - 2; i >= a && !above; i--)
            for (int m = 0; m < L->ln[i].nc && !above; m++) {
                const chunk *u = &L->ck[L->ln[i].c0 + m];
                above = absd(u->x1 - c->x1) <= 0.2 * l->h && pitch_under(u, c);
            }
        if (above)
            wrapped++;
        else
            single++;
    }
    return wrapped >= 1 && single >= 2;
}

/* Splits the header lines [a, z) into bands when some header cell is a
 * group over the cells below it: a chunk's band is the number of groups
 * above it that span its column, and each band becomes one row (the lines
 * of a wrapped cell join within their band: 因公出国（境） / 费). A group
 * takes the columns it spans. Returns the last band, 0 when no cell is a
 * group (the rows stay as group_rows made them), -1 out of memory. */
static int header_bands(layout *L, int a, int z, int b)
{
    int groups = 0;
    if (!column_extents(L, a, z, b) ||
        !grow((void **)&L->colkind, &L->capcolkind, L->ncol > 0 ? L->ncol : 1, sizeof *L->colkind))
        return -1;
    for (int j = 0; j < L->ncol; j++)
        L->colkind[j] = (figure_column(L, z, b, j, true) ? KIND_AMOUNTS : 0) |
                        (stub_column(L, a, z, j) ? KIND_STUB : 0);
    L->foot_set = foot_set(L, a, z);
    L->head_foot = -1e300;
    for (int i = a; i < z; i++)
        if (L->ln[i].y2 > L->head_foot)
            L->head_foot = L->ln[i].y2;
    for (int i = a; i < z; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            chunk *c = &L->ck[L->ln[i].c0 + k];
            c->band = 0;
            c->group = false;
            c->tail = false;
        }
    /* twice: the second time each line sees the groups found under it
     * (决算数 over 合计 | … under 支出, set at its left edge) */
    int c0 = L->ln[a].c0, nk = L->ln[z - 1].c0 + L->ln[z - 1].nc - c0;
    int (*span)[2] = malloc((size_t)(nk > 0 ? nk : 1) * sizeof *span);
    if (!span)
        return -1;
    for (int k = 0; k < nk; k++) {
        span[k][0] = L->ck[c0 + k].col;
        span[k][1] = L->ck[c0 + k].colspan;
    }
    for (int pass = 0; pass < 2; pass++) {
        groups = 0;
        for (int i = a; i < z; i++) {
            for (int k = 0; k < L->ln[i].nc; k++) {
                chunk *c = &L->ck[L->ln[i].c0 + k];
                c->col = span[L->ln[i].c0 + k - c0][0];
                c->colspan = span[L->ln[i].c0 + k - c0][1];
                c->group = false;
            }
            int n = choose_groups(L, a, z, i);
            if (n < 0) {
                free(span);
                return -1;
            }
            groups += n;
        }
    }
    free(span);
    if (groups == 0)
        return 0;
    /* a group wrapped over two lines centred in its cell (公务用车购置及运行
     * 维护 / 费): the second line, a group over the same columns, is its
     * tail, in its band */
    for (int i = a; i < z; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            chunk *c = &L->ck[L->ln[i].c0 + k];
            for (int o = a; o < i && c->group; o++)
                for (int m = 0; m < L->ln[o].nc && c->group; m++) {
                    const chunk *g = &L->ck[L->ln[o].c0 + m];
                    if (g->group && g->col == c->col && g->colspan == c->colspan && pitch_under(g, c) &&
                        absd((g->x1 + g->x2) / 2 - (c->x1 + c->x2) / 2) <= 0.3 * L->ln[o].h &&
                        c->x2 - c->x1 < g->x2 - g->x1)
                        c->group = false, c->tail = true;
                }
        }
    int last = 0;
    for (int i = a; i < z; i++) {
        const line *l = &L->ln[i];
        for (int k = 0; k < l->nc; k++) {
            chunk *c = &L->ck[l->c0 + k];
            for (int o = a; o < i; o++) {
                const line *u = &L->ln[o];
                if (u->y2 > l->y1 + 0.1 * l->h)
                    continue;
                for (int m = 0; m < u->nc; m++) {
                    const chunk *g = &L->ck[u->c0 + m];
                    if (g->group && c->col >= g->col && c->col + c->colspan <= g->col + g->colspan)
                        c->band++;
                }
            }
            if (c->tail)
                c->band--; /* (not under its own head) */
            if (c->band > last)
                last = c->band;
        }
    }
    return last;
}


/* Whether texts a and b are the same but for ASCII digits and spaces in
 * b. */
static bool same_but_codes(const char *a, const char *b)
{
    for (;;) {
        while (*b == ' ' || (*b >= '0' && *b <= '9'))
            b++;
        while (*a == ' ')
            a++;
        if (*a != *b)
            return false;
        if (!*a)
            return true;
        a++;
        b++;
    }
}

/* Whether text t is nothing but ASCII digits (a code). */
static bool code_only(const char *t)
{
    if (!*t)
        return false;
    for (; *t; t++)
        if (*t < '0' || *t > '9')
            return false;
    return true;
}

/* Whether the n lines from i hold the same cells as the n lines from a;
 * the lines from i may carry codes besides (a class code merged down its
 * rows, which Calc draws again on the next page, hidden behind the header
 * repeated there: 208 by 类). With drop, those codes are emptied and the
 * other cells take the columns and bands of their twins from a. */
static bool same_lines(layout *L, int a, int i, int n, bool drop)
{
    for (int t = 0; t < n; t++) {
        const line *p = &L->ln[a + t], *q = &L->ln[i + t];
        int k = 0, m = 0;
        for (;; m++) {
            while (m < q->nc && code_only(chunk_text(L, &L->ck[q->c0 + m])) &&
                   !(k < p->nc && same_but_codes(chunk_text(L, &L->ck[p->c0 + k]),
                                                 chunk_text(L, &L->ck[q->c0 + m])))) {
                if (drop) /* the end of its own text: "" */
                    L->ck[q->c0 + m].text += (int)strlen(chunk_text(L, &L->ck[q->c0 + m]));
                m++;
            }
            if (k == p->nc || m == q->nc)
                break;
            if (!same_but_codes(chunk_text(L, &L->ck[p->c0 + k]), chunk_text(L, &L->ck[q->c0 + m])))
                return false;
            if (drop) {
                chunk *r = &L->ck[q->c0 + m];
                const chunk *o = &L->ck[p->c0 + k];
                r->text = o->text;
                r->col = o->col;
                r->colspan = o->colspan;
                r->band = o->band;
                r->group = o->group;
            }
            k++;
        }
        if (k != p->nc || m != q->nc)
            return false;
    }
    return true;
}

/* Moves line from to position to (to < from) among the lines of a table
 * that start at a, with its row in L->tmp; the chunks follow their lines. */
static void move_line(layout *L, int a, int from, int to)
{
    line l = L->ln[from];
    int g = L->tmp[from - a];
    memmove(L->ln + to + 1, L->ln + to, (size_t)(from - to) * sizeof *L->ln);
    memmove(L->tmp + to - a + 1, L->tmp + to - a, (size_t)(from - to) * sizeof *L->tmp);
    L->ln[to] = l;
    L->tmp[to - a] = g;
    for (int i = to; i <= from; i++)
        for (int k = 0; k < L->ln[i].nc; k++)
            L->ck[L->ln[i].c0 + k].line = i;
}

/* A row cut by a page break leaves the tail of its label under the header
 * repeated on the next page (…基本养 | header | 老保险缴费支出): lines of
 * one text chunk, in a column the row before the header has text in, and
 * no figure, before the next row. They are moved in front of the repeated
 * header to join that row. The header [a, zone) repeats where its lines
 * come again. */
static void rejoin_cut_rows(layout *L, int a, int zone, int b)
{
    int n = zone - a;
    for (int i = zone + 1; n > 0 && i + n < b; i++) {
        if (!same_lines(L, a, i, n, false))
            continue;
        int f = i + n, e, prev = L->tmp[i - 1 - a];
        /* and its 栏次 row */
        if (f < b && is_colno_line(L, &L->ln[f]))
            for (int g = L->tmp[f - a]; f < b && L->tmp[f - a] == g;)
                f++;
        e = f;
        bool fits = false;
        for (int r = i - 1; r >= a && L->tmp[r - a] == prev; r--)
            fits |= L->ln[r].anchor;
        while (e < b && L->tmp[e - a] == L->tmp[f - a] && fits) {
            const line *l = &L->ln[e];
            const chunk *c = &L->ck[l->c0];
            fits = !l->anchor && l->nc == 1 && !c->numeric;
            bool under = false;
            for (int r = i - 1; r >= a && L->tmp[r - a] == prev && !under; r--)
                for (int k = 0; k < L->ln[r].nc; k++)
                    under |= L->ck[L->ln[r].c0 + k].col == c->col && !L->ck[L->ln[r].c0 + k].numeric;
            fits = fits && under;
            e++;
        }
        if (!fits || e == f || e >= b)
            continue;
        for (int m = f; m < e; m++) {
            move_line(L, a, m, i + (m - f));
            L->tmp[i + (m - f) - a] = prev;
        }
        i = e - 1;
    }
}

/* Emits the header lines [a, z) as rows *row, … one per band 0..last;
 * last -1 (header_bands out of memory) is -1. */
static int emit_bands(layout *L, int *row, int a, int z, int last)
{
    if (last < 0)
        return -1;
    for (int k = 0; k <= last; k++) {
        int rc = emit_row(L, (*row)++, a, z, k);
        if (rc)
            return rc;
    }
    return 0;
}

/* Emits the table made of lines [a, b); 1 when its lines fall into a
 * single column after all (a table of contents, text with wide spaces): the
 * caller treats them as running text. */
static int emit_table(layout *L, int a, int b)
{
    if (!find_columns(L, a, b))
        return -1;
    assign_columns(L, a, b);
    for (int k = 0; k < 8; k++) {
        int rc = split_crowded_column(L, a, b);
        if (rc < 0)
            return -1;
        if (rc == 0)
            break;
        assign_columns(L, a, b);
    }
    while (merge_lonely_columns(L, a, b))
        assign_columns(L, a, b);
    if (L->ncol < 2 || !looks_tabular(L, a, b))
        return 1;
    if (!grow((void **)&L->tmp, &L->captmp, b - a, sizeof *L->tmp) ||
        !grow((void **)&L->tmp2, &L->captmp2, b - a, sizeof *L->tmp2))
        return -1;
    if (!group_rows(L, a, b, L->tmp2, L->tmp))
        return -1;
    int row = 0, i = a;
    int zone = header_zone(L, a, b, L->tmp);
    rejoin_cut_rows(L, a, zone, b);
    int bands = zone > a ? header_bands(L, a, zone, b) : 0;
    if (bands < 0)
        return -1;
    if (bands > 0) {
        int rc = emit_bands(L, &row, a, zone, bands);
        if (rc)
            return rc;
        i = zone;
    }
    while (i < b) {
        int n = zone - a;
        if (i >= zone && n > 0 && i + n <= b && same_lines(L, a, i, n, false)) {
            /* the header repeated on the next page: its cells as the first
             * header's, whatever shifts its renderer made (Writer centres a
             * group spanning nine columns anew on each page, off its span),
             * in its bands, or its lines joined as the first's were (对附属
             * 单位补 / 助支出 under a page break are body lines otherwise) */
            same_lines(L, a, i, n, true);
            int rc = 0;
            if (bands > 0)
                rc = emit_bands(L, &row, i, i + n, bands);
            for (int t = 0; bands == 0 && t < n && !rc;) {
                int u = t + 1;
                while (u < n && L->tmp[u] == L->tmp[t])
                    u++;
                rc = emit_row(L, row++, i + t, i + u, -1);
                t = u;
            }
            if (rc)
                return rc;
            i += n;
            continue;
        }
        int j = i + 1;
        while (j < b && L->tmp[j - a] == L->tmp[i - a])
            j++;
        int rc = emit_row(L, row++, i, j, -1);
        if (rc)
            return rc;
        i = j;
    }
    L->table++;
    return 0;
}

static int flush_para(layout *L)
{
    if (L->para.len == 0)
        return 0;
    int rc = L->sink->paragraph(L->sink->ctx, L->para_page, L->para_line, L->para.p);
    L->para.len = 0;
    L->last_full = false;
    return rc < 0 ? -2 : 0;
}

/* A dash a page number is set between (- 5 -, – 5 –, — 5 —, －5－); not
 * the horizontal bar ―, which is_dash_cp also takes for a nil. */
static bool is_page_dash(uint32_t c)
{
    return c != 0x2015 && is_dash_cp(c);
}

/* A page number under everything else ("- 3 -", "第3页 共13页", "3/13"):
 * not text of the report, and it would cut a paragraph or a table that runs
 * on to the next page, so it is left out (rows and paragraphs carry their
 * page). */
static bool is_footer(const layout *L, const line *l)
{
    if (l->nc > 3)
        return false;
    /* dashes round the number (— 5 —, - 5 -, －5－, as 公文 print it): no
     * row of a table reads so, even one the number was taken into */
    if (l->nc >= 1) {
        const char *t = chunk_text(L, &L->ck[l->c0]);
        const char *e = chunk_text(L, &L->ck[l->c0 + l->nc - 1]);
        uint32_t first = g_utf8_get_char(t), last = g_utf8_get_char(g_utf8_prev_char(e + strlen(e)));
        bool digits = false, other = false;
        for (int k = 0; k < l->nc; k++)
            for (const char *p = chunk_text(L, &L->ck[l->c0 + k]); *p; p = g_utf8_next_char(p)) {
                uint32_t c = g_utf8_get_char(p);
                if (c >= '0' && c <= '9')
                    digits = true;
                else if (!(c == ' ' || is_page_dash(c)))
                    other = true;
            }
        if (is_page_dash(first) && is_page_dash(last) && digits && !other)
            return true;
    }
    /* a browser's print footer: the page's address, and N/M at the right;
     * two chunks, so it may have been taken into the table above it */
    bool url = false, counter = true;
    for (int k = 0; k < l->nc && counter; k++) {
        const char *t = chunk_text(L, &L->ck[l->c0 + k]);
        if (starts_with(t, "http://") || starts_with(t, "https://") || starts_with(t, "file:///"))
            url = true;
        else
            for (const char *p = t; *p && counter; p++)
                counter = (*p >= '0' && *p <= '9') || *p == '/' || *p == ' ';
    }
    if (url && counter)
        return true;
    if (l->region > 0)
        return false;
    bool digit = false;
    for (int k = 0; k < l->nc; k++)
        for (const char *p = chunk_text(L, &L->ck[l->c0 + k]); *p; p = g_utf8_next_char(p)) {
            uint32_t c = g_utf8_get_char(p);
            if (c >= '0' && c <= '9')
                digit = true;
            else if (!(c == ' ' || c == '-' || c == '/' || c == '.' || c == 0x2013 || c == 0x2014 ||
                       c == 0x7B2C /* 第 */ || c == 0x9875 /* 页 */ || c == 0x5171 /* 共 */))
                return false;
        }
    return digit;
}

/* Keeps the lines [a, b) (one table) to be laid out with the next page:
 * their lines, chunks and texts are copied. */
static bool hold_table(layout *L, int a, int b)
{
    int c0 = L->ln[a].c0, c1 = L->ln[b - 1].c0 + L->ln[b - 1].nc;
    if (!grow((void **)&L->cl, &L->capcl, L->cnl + (b - a), sizeof *L->cl) ||
        !grow((void **)&L->cc, &L->capcc, L->cnc + (c1 - c0), sizeof *L->cc))
        return false;
    /* the carry may already hold lines (a table over three pages): they
     * were prepended to this page and are among [a, b) again */
    L->cnl = 0;
    L->cnc = 0;
    L->ctext.len = 0;
    L->cotext.len = 0;
    for (int k = c0; k < c1; k++) {
        chunk c = L->ck[k];
        int off = (int)L->ctext.len;
        const char *t = chunk_text(L, &L->ck[k]);
        if (!sb_add(&L->ctext, t, strlen(t) + 1) ||
            !sb_add(&L->cotext, chunk_out(L, &L->ck[k]), strlen(t) + 1))
            return false;
        c.text = off;
        c.line -= a; /* a line of the carry */
        L->cc[L->cnc++] = c;
    }
    for (int i = a; i < b; i++) {
        line l = L->ln[i];
        l.c0 -= c0;
        l.carried = true;
        L->cl[L->cnl++] = l;
    }
    return true;
}

/* The held line (of the carry, with page coordinates) at the height of
 * line l of this page, or -1. */
static int held_at(const layout *L, const line *l)
{
    for (int j = 0; j < L->cnl; j++)
        if (L->cl[j].y1 > -1 && absd(L->cl[j].yc - l->yc) < 0.3 * l->h)
            return j;
    return -1;
}

/* Whether chunk c of this page is the held chunk h (of held line j) seen
 * again off to the right (or left). */
static bool same_chunk_at(const layout *L, const chunk *c, int j, double off)
{
    for (int m = 0; m < L->cl[j].nc; m++) {
        const chunk *h = &L->cc[L->cl[j].c0 + m];
        if (absd(c->x1 - h->x1 - off) <= 1.0 && strcmp(chunk_text(L, c), L->ctext.p + h->text) == 0)
            return true;
    }
    return false;
}

/* The offset by which this page repeats the held table's left columns, at
 * the same heights (print titles: a table too wide for its page printed
 * over, then down), and the right end of the repeat on this page; false
 * when no such repeat: the first texts of fewer than six lines seen again
 * at one offset. Only a line's first cells count, the stub: the figures
 * further right may repeat by chance (0.00 under 0.00). */
static bool repeats_stub(const layout *L, double *off, double *stub_right)
{
    double offs[512];
    int n = 0;
    for (int i = 0; i < L->nl && n < 512; i++) {
        int j = held_at(L, &L->ln[i]);
        if (j < 0 || !L->ln[i].nc)
            continue;
        const chunk *c = &L->ck[L->ln[i].c0];
        for (int m = 0; m < L->cl[j].nc && n < 512; m++) {
            const chunk *h = &L->cc[L->cl[j].c0 + m];
            if (strcmp(chunk_text(L, c), L->ctext.p + h->text) == 0)
                offs[n++] = c->x1 - h->x1;
        }
    }
    qsort(offs, (size_t)n, sizeof *offs, cmp_dbl);
    /* the offset most first texts share, within a point */
    int best = 0, at = 0;
    for (int a = 0, b = 0; a < n; a++) {
        while (b < n && offs[b] - offs[a] <= 1.0)
            b++;
        if (b - a > best)
            best = b - a, at = a;
    }
    if (best < 6)
        return false;
    *off = offs[at + best / 2];
    /* the stub: each line's cells seen again, from its first on, up to
     * its first amount (the first column after the stub stands where the
     * first one after it stood on the page before: its 0.00 may match) */
    *stub_right = -1e300;
    for (int i = 0; i < L->nl; i++) {
        int j = held_at(L, &L->ln[i]);
        for (int k = 0; j >= 0 && k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if ((c->numeric && strchr(chunk_text(L, c), '.')) || !same_chunk_at(L, c, j, *off))
                break;
            if (c->x2 > *stub_right)
                *stub_right = c->x2;
        }
    }
    return true;
}

/* The smallest and largest number of a 栏次 line among lines [0, n) whose
 * chunks are cks and texts pool, on this page: false when there is none. */
static bool colno_range(const line *ln, int n, const chunk *cks, const char *pool, int *lo, int *hi)
{
    for (int i = 0; i < n; i++) {
        if (ln[i].y1 <= -1)
            continue;   /* held lines moved above: a page before */
        bool label = false;
        int a = 1 << 30, b = -1;
        for (int k = 0; k < ln[i].nc; k++) {
            const char *t = pool + cks[ln[i].c0 + k].text;
            if (strstr(t, "栏次"))
                label = true;
            else if (t[0] >= '0' && t[0] <= '9' && strlen(t) <= 3 && strspn(t, "0123456789") == strlen(t)) {
                int v = atoi(t);
                if (v < a) a = v;
                if (v > b) b = v;
            }
        }
        if (label && b >= 0) {
            *lo = a;
            *hi = b;
            return true;
        }
    }
    return false;
}

static int line_by_yc(const void *a, const void *b)
{
    return cmp_double(((const line *)a)->yc, ((const line *)b)->yc);
}

/* A table too wide for its page, printed over then down with print titles
 * (Calc, Excel): this page repeats the held table's left columns at the
 * same heights and goes on with its right-hand ones. Those join the held
 * lines at their heights, set right of them as the sheet has them — the
 * held table's right edge and this page's first column a cell padding
 * (0.2 h) from their cells' edges — so a group clipped at the page's edge
 * (支出 over six columns) stands centred over its columns again. The
 * repeated stub, and the page's repeated heads above the table, are left
 * out; lines below the table stay this page's. The carry is used up.
 * Returns false out of memory. */
static bool join_beside(layout *L)
{
    double off, stub_right;
    if (L->cnl == 0 || L->nl == 0 || !repeats_stub(L, &off, &stub_right))
        return true;
    /* and its 栏次 numbers go on from the held ones (1 2 3, then 4 5): a
     * table of the same rows on the next page (收入 then 支出 by the same
     * codes) starts again at 1 */
    int held_lo, held_hi, lo, hi;
    if (!colno_range(L->cl, L->cnl, L->cc, L->ctext.p, &held_lo, &held_hi) ||
        !colno_range(L->ln, L->nl, L->ck, L->pool.p, &lo, &hi) || lo != held_hi + 1)
        return true;
    double top = 1e300, bottom = -1e300, right = -1e300, h = 0, left = 1e300;
    for (int j = 0; j < L->cnl; j++) {
        const line *c = &L->cl[j];
        if (c->y1 <= -1)
            continue;   /* moved above: a page before */
        if (c->y1 < top) top = c->y1;
        if (c->y2 > bottom) bottom = c->y2;
        if (c->x2 > right) right = c->x2;
        h = c->h;
    }
    for (int i = 0; i < L->nl; i++)
        for (int k = 0; k < L->ln[i].nc; k++) {
            const chunk *c = &L->ck[L->ln[i].c0 + k];
            if (L->ln[i].yc >= top - 0.5 * h && L->ln[i].yc <= bottom + 0.5 * h && c->x1 > stub_right &&
                c->x1 < left)
                left = c->x1;
        }
    if (left > 1e299)
        return true;
    double dx = right - left + 0.4 * h;
    /* the new lines: the held ones, each with this page's cells at its
     * height, then this page's other lines */
    int maxl = L->cnl + L->nl, maxc = L->cnc + L->nc;
    line *nl = malloc(sizeof *nl * (size_t)(maxl > 0 ? maxl : 1));
    chunk *nc = malloc(sizeof *nc * (size_t)(maxc > 0 ? maxc : 1));
    bool *used = calloc((size_t)(L->nc > 0 ? L->nc : 1), sizeof *used);
    int base = (int)L->pool.len;
    if (!nl || !nc || !used ||
        !pool_add(L, L->ctext.p ? L->ctext.p : "", L->cotext.p ? L->cotext.p : "", L->ctext.len)) {
        free(nl);
        free(nc);
        free(used);
        return false;
    }
    int nnl = 0, nnc = 0;
    for (int j = 0; j < L->cnl; j++) {
        line l = L->cl[j];
        l.c0 = nnc;
        for (int m = 0; m < L->cl[j].nc; m++) {
            chunk c = L->cc[L->cl[j].c0 + m];
            c.text += base;
            nc[nnc++] = c;
        }
        for (int i = 0; i < L->nl && l.y1 > -1; i++) {
            if (absd(L->ln[i].yc - l.yc) >= 0.3 * l.h)
                continue;
            for (int k = 0; k < L->ln[i].nc; k++) {
                int ci = L->ln[i].c0 + k;
                if (used[ci] || L->ck[ci].x1 <= stub_right)
                    continue;
                chunk c = L->ck[ci];
                c.x1 += dx;
                c.x2 += dx;
                nc[nnc++] = c;
                used[ci] = true;
                if (c.x2 > l.x2)
                    l.x2 = c.x2;
            }
        }
        l.nc = nnc - l.c0;
        nl[nnl++] = l;
    }
    for (int i = 0; i < L->nl; i++) {
        line l = L->ln[i];
        bool in_table = l.yc >= top - 0.5 * h && l.yc <= bottom + 0.5 * h;
        if (l.yc < top - 0.5 * h)
            continue;   /* the page's heads, printed again above the table */
        l.c0 = nnc;
        l.x1 = 1e300;
        l.x2 = -1e300;
        for (int k = 0; k < L->ln[i].nc; k++) {
            int ci = L->ln[i].c0 + k;
            if (used[ci] || (in_table && L->ck[ci].x1 <= stub_right))
                continue;
            chunk c = L->ck[ci];
            if (in_table) {
                c.x1 += dx;
                c.x2 += dx;
            }
            if (c.x1 < l.x1) l.x1 = c.x1;
            if (c.x2 > l.x2) l.x2 = c.x2;
            nc[nnc++] = c;
        }
        l.nc = nnc - l.c0;
        l.carried = in_table;
        if (l.nc)
            nl[nnl++] = l;
    }
    free(used);
    /* in reading order, each line's chunks in order, their line set */
    qsort(nl, (size_t)nnl, sizeof *nl, line_by_yc);
    if (!grow((void **)&L->ln, &L->capl, nnl > 0 ? nnl : 1, sizeof *L->ln) ||
        !grow((void **)&L->ck, &L->capc, nnc > 0 ? nnc : 1, sizeof *L->ck)) {
        free(nl);
        free(nc);
        return false;
    }
    int k = 0;
    for (int i = 0; i < nnl; i++) {
        int c0 = k;
        for (int m = 0; m < nl[i].nc; m++) {
            L->ck[k] = nc[nl[i].c0 + m];
            L->ck[k].line = i;
            k++;
        }
        /* (the page's cells after the held ones: sorted left to right) */
        for (int a = c0 + 1; a < k; a++)
            for (int b = a; b > c0 && L->ck[b].x1 < L->ck[b - 1].x1; b--) {
                chunk t = L->ck[b];
                L->ck[b] = L->ck[b - 1];
                L->ck[b - 1] = t;
            }
        nl[i].c0 = c0;
        L->ln[i] = nl[i];
    }
    L->nl = nnl;
    L->nc = k;
    L->cnl = L->cnc = 0;
    L->ctext.len = L->cotext.len = 0;
    free(nl);
    free(nc);
    return true;
}

/* Puts the held lines in front of this page's lines, moved above its first
 * line by more than any row pitch (a page break is no wrapped cell). */
/* Whether t is a date and time as a browser prints it over a page it
 * prints (2024/9/12 10:15, 2024-09-12 上午10:15). */
static bool is_print_stamp(const char *t)
{
    int d = 0, parts = 0;
    const char *p = t;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            d++;
        } else if ((*p == '/' || *p == '-') && d) {
            parts++;
            d = 0;
        } else {
            break;
        }
    }
    if (parts != 2 || !d)
        return false;
    while (*p == ' ')
        p++;
    if (starts_with(p, "上午") || starts_with(p, "下午"))
        p += strlen("上午");
    int hd = 0, colon = 0;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9')
            hd++;
        else if (*p == ':' && hd)
            colon++;
        else
            return false;
    }
    return hd == 0 || colon >= 1;
}

/* Drops the line a browser prints over every page it prints (the date and
 * time, then the page's title): on a page a table runs on to, it would be
 * taken for the table's next row. */
static void drop_print_head(layout *L)
{
    int i = 0;
    while (i < L->nl && L->ln[i].carried)
        i++;
    if (i >= L->nl || L->ln[i].nc > 2 || !is_print_stamp(chunk_text(L, &L->ck[L->ln[i].c0])))
        return;
    int c0 = L->ln[i].c0, nc = L->ln[i].nc;
    memmove(L->ck + c0, L->ck + c0 + nc, (size_t)(L->nc - c0 - nc) * sizeof *L->ck);
    L->nc -= nc;
    for (int k = c0; k < L->nc; k++)
        L->ck[k].line--;
    memmove(L->ln + i, L->ln + i + 1, (size_t)(L->nl - i - 1) * sizeof *L->ln);
    L->nl--;
    for (int j = i; j < L->nl; j++)
        L->ln[j].c0 -= nc;
}

static bool prepend_held(layout *L)
{
    if (L->cnl == 0)
        return true;
    int k = L->cnl, m = L->cnc;
    double top = 0, bottom = -1e300;
    for (int i = 0; i < L->nl; i++)
        if (i == 0 || L->ln[i].y1 < top)
            top = L->ln[i].y1;
    for (int i = 0; i < k; i++)
        if (L->cl[i].y2 > bottom)
            bottom = L->cl[i].y2;
    double shift = top - 200 - bottom;
    for (int i = 0; i < k; i++) {
        L->cl[i].yc += shift;
        L->cl[i].y1 += shift;
        L->cl[i].y2 += shift;
    }
    if (!grow((void **)&L->ln, &L->capl, L->nl + k, sizeof *L->ln) ||
        !grow((void **)&L->ck, &L->capc, L->nc + m, sizeof *L->ck))
        return false;
    memmove(L->ln + k, L->ln, (size_t)L->nl * sizeof *L->ln);
    memmove(L->ck + m, L->ck, (size_t)L->nc * sizeof *L->ck);
    for (int i = k; i < L->nl + k; i++)
        L->ln[i].c0 += m;
    for (int j = m; j < L->nc + m; j++)
        L->ck[j].line += k;
    memcpy(L->ln, L->cl, (size_t)k * sizeof *L->ln);
    int base = (int)L->pool.len;
    if (!pool_add(L, L->ctext.p ? L->ctext.p : "", L->cotext.p ? L->cotext.p : "", L->ctext.len))
        return false;
    for (int j = 0; j < m; j++) {
        L->ck[j] = L->cc[j];
        L->ck[j].text += base;
        L->ck[j].y1 += shift;
        L->ck[j].y2 += shift;
    }
    L->nl += k;
    L->nc += m;
    L->cnl = L->cnc = 0;
    L->ctext.len = L->cotext.len = 0;
    return true;
}

/* Emits the page's text and tables in reading order. A table that reaches
 * the foot of the page (page numbers aside) is held for the next page, so
 * that a table over several pages keeps one index and one column grid; a
 * paragraph whose last line runs to the margin stays open, so that one
 * broken by a page joins up. Running text: a line joins the paragraph above
 * when that one ran to the right margin and this one starts at the left
 * margin, close below it, in the same size. */
static int emit_page(layout *L, bool last_page)
{
    double left = 1e300, right = -1e300;
    for (int i = 0; i < L->nl; i++) {
        if (L->ln[i].carried)
            continue;
        if (L->ln[i].x1 < left) left = L->ln[i].x1;
        if (L->ln[i].x2 > right) right = L->ln[i].x2;
    }
    int t = L->nl - 1;
    while (t >= 0 && is_footer(L, &L->ln[t])) {
        L->ln[t].footer = true;
        t--;
    }
    int hold = !last_page && t >= 0 && L->ln[t].region > 0 ? L->ln[t].region : 0;
    bool first = true; /* no text of this page emitted yet */
    for (int i = 0; i < L->nl;) {
        const line *l = &L->ln[i];
        if (l->footer) {
            i++;
            continue;
        }
        if (l->region > 0) {
            int rc = flush_para(L);
            if (rc)
                return rc;
            int j = i;
            while (j < L->nl && L->ln[j].region == l->region && !L->ln[j].footer)
                j++;
            if (l->region == hold) {
                if (!hold_table(L, i, j))
                    return -1;
            } else if ((rc = emit_table(L, i, j)) == 1) {
                for (int k = i; k < j; k++)
                    L->ln[k].region = -1;
                continue; /* the same lines again, as text */
            } else if (rc != 0)
                return rc;
            first = false;
            i = j;
            continue;
        }
        const char *head = chunk_text(L, &L->ck[l->c0]);
        bool join = L->para.len > 0 && L->last_full && !l->caption &&
                    l->x1 <= left + 0.5 * l->h && l->h > 0.8 * L->last_h &&
                    l->h < 1.25 * L->last_h && !opens_section(head) &&
                    (first || l->yc - L->last_yc <= 2.0 * L->last_h);
        if (!join) {
            int rc = flush_para(L);
            if (rc)
                return rc;
            L->para_page = l->page;
            L->para_line = l->no;
        }
        for (int k = 0; k < l->nc; k++)
            if (!join_piece(&L->para, 0, chunk_out(L, &L->ck[l->c0 + k]), k > 0, false))
                return -1;
        L->last_full = !l->caption && l->x2 - l->x1 >= 0.6 * (right - left) &&
                       l->x2 >= right - 2 * l->h;
        L->last_h = l->h;
        L->last_yc = l->yc;
        first = false;
        i++;
    }
    return last_page ? flush_para(L) : 0;
}

/* ---------- document ---------- */

static int set_error(char *code, size_t codelen, char *msg, size_t msglen, const char *c,
                     const char *m)
{
    if (code && codelen)
        snprintf(code, codelen, "%s", c);
    if (msg && msglen)
        snprintf(msg, msglen, "%s", m);
    return -1;
}

static bool looks_like_pdf(const unsigned char *data, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= n; i++)
        if (memcmp(data + i, "%PDF-", 5) == 0)
            return true;
    return false;
}

layout *layout_new(const pdf_sink *sink)
{
    layout *L = calloc(1, sizeof *L);
    if (L)
        L->sink = sink;
    return L;
}

void layout_delete(layout *L)
{
    if (L) {
        layout_free(L);
        free(L);
    }
}

long layout_glyphs(const layout *L) { return L->glyphs; }

int layout_page(layout *L, int page, bool last, const char *text, const layout_box *boxes,
                size_t nboxes, int max_chars)
{
    L->ng = 0;
    int cg = collect_glyphs(L, text, boxes, nboxes, max_chars);
    if (cg < 0)
        return cg;
    if (!make_lines(L, page) || !boxes_under_pitch(L, page) || !drop_sheet_headings(L, page) ||
        !make_chunks(L, text) ||
        !join_beside(L) || !prepend_held(L))
        return -1;
    drop_print_head(L);
    L->glyphs += L->ng;
    find_regions(L);
    return emit_page(L, last);
}

int pdf_extract_full(const unsigned char *data, size_t len, const pdf_sink *sink,
                     const pdf_limits *limits, int max_page_chars,
                     char *code, size_t codelen, char *msg, size_t msglen)
{
    if (code && codelen) code[0] = '\0';
    if (msg && msglen) msg[0] = '\0';
    int max_pages = limits && limits->max_pages > 0 ? limits->max_pages : PDF_MAX_PAGES_DEFAULT;
    size_t max_bytes = limits && limits->max_bytes > 0 ? limits->max_bytes : PDF_MAX_BYTES_DEFAULT;
    int max_chars = max_page_chars > 0 ? max_page_chars : PDF_MAX_PAGE_CHARS_DEFAULT;
    int too_many_page = 0;
    char buf[256];
    if (!sink || !sink->paragraph || !sink->row)
        return set_error(code, codelen, msg, msglen, "usage", "pdf_extract: no sink");
    if (!data || !looks_like_pdf(data, len))
        return set_error(code, codelen, msg, msglen, "not_pdf", "no %PDF- header in the first 1024 bytes");
    if (len > max_bytes) {
        snprintf(buf, sizeof buf, "PDF of %zu bytes is over the limit of %zu bytes", len, max_bytes);
        return set_error(code, codelen, msg, msglen, "limit", buf);
    }
    GBytes *bytes = g_bytes_new_static(data, len);
    GError *err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    if (!doc) {
        bool enc = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
        snprintf(buf, sizeof buf, "%s", err && err->message ? err->message : "poppler could not open it");
        if (err)
            g_error_free(err);
        return set_error(code, codelen, msg, msglen, enc ? "pdf_encrypted" : "pdf_damaged",
                         enc ? "PDF is encrypted and needs a password" : buf);
    }
    int npages = poppler_document_get_n_pages(doc);
    if (npages <= 0) {
        g_object_unref(doc);
        return set_error(code, codelen, msg, msglen, "pdf_damaged", "PDF has no pages");
    }
    if (npages > max_pages) {
        g_object_unref(doc);
        snprintf(buf, sizeof buf, "PDF has %d pages, over the limit of %d", npages, max_pages);
        return set_error(code, codelen, msg, msglen, "limit", buf);
    }
    layout *L = layout_new(sink);
    if (!L) {
        g_object_unref(doc);
        return set_error(code, codelen, msg, msglen, "oom", "out of memory while laying out a page");
    }
    int rc = 0;
    layout_box *boxes = NULL;
    int capb = 0;
    for (int p = 0; p < npages && rc == 0; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        char *text = page ? poppler_page_get_text(page) : NULL;
        PopplerRectangle *rects = NULL;
        guint nrects = 0;
        if (text && *text && !poppler_page_get_text_layout(page, &rects, &nrects))
            nrects = 0;
        if (nrects > (guint)max_chars * 4u)
            rc = -3; /* (whitespace has boxes too, never four per character) */
        else if (!grow((void **)&boxes, &capb, (int)nrects, sizeof *boxes))
            rc = -1;
        for (guint i = 0; i < nrects && rc == 0; i++)
            boxes[i] = (layout_box){rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2};
        if (rc == 0)
            rc = layout_page(L, p + 1, p + 1 == npages, text ? text : "", boxes, nrects, max_chars);
        if (rc == -3)
            too_many_page = p + 1;
        g_free(rects);
        g_free(text);
        if (page)
            g_object_unref(page);
    }
    free(boxes);
    long glyphs = layout_glyphs(L);
    layout_delete(L);
    g_object_unref(doc);
    if (rc == -1)
        return set_error(code, codelen, msg, msglen, "oom", "out of memory while laying out a page");
    if (rc == -2)
        return -2;
    if (rc == -3) {
        snprintf(buf, sizeof buf, "page %d has more than %d characters", too_many_page, max_chars);
        return set_error(code, codelen, msg, msglen, "limit", buf);
    }
    if (glyphs == 0)
        return set_error(code, codelen, msg, msglen, "pdf_no_text",
                         "PDF has no text layer (scanned images?): it needs OCR");
    return 0;
}

int pdf_extract_limited(const unsigned char *data, size_t len, const pdf_sink *sink,
                        const pdf_limits *limits,
                        char *code, size_t codelen, char *msg, size_t msglen)
{
    return pdf_extract_full(data, len, sink, limits, 0, code, codelen, msg, msglen);
}

int pdf_extract(const unsigned char *data, size_t len, const pdf_sink *sink,
                char *code, size_t codelen, char *msg, size_t msglen)
{
    return pdf_extract_limited(data, len, sink, NULL, code, codelen, msg, msglen);
}
