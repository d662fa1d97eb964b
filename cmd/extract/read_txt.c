/* Plain-text reports. Text conversions of Word reports carry tables in one
 * of two shapes, and both become rows:
 *   A (seed 003): one cell per line, the line starting with a tab; a blank
 *     line ends the row, two blank lines (or a text line after a blank)
 *     end the table; a line without a tab right after a cell continues it.
 *   B (seed 004): one row per line, cells separated by tabs; a line
 *     without a tab ends the table.
 * A document uses the shape most of its tabbed lines have. */
#include "extract.h"
#include "encoding.h"
#include "text.h"

#include <stdint.h>
#include <string.h>

/* Control characters other than the common whitespace, counted on the
 * decoded text. */
static size_t control_chars(const tbuf *t, size_t *chars)
{
    size_t ctl = 0;
    *chars = 0;
    for (size_t i = 0; i < t->len; i++) {
        unsigned char c = (unsigned char)t->s[i];
        if ((c & 0xC0) != 0x80)
            (*chars)++;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
            ctl++;
    }
    return ctl;
}

/* Random bytes decode in no encoding; a text damaged by a few stray bytes
 * or NULs is still a text. */
static int looks_binary(long bad, size_t rawlen, size_t ctl, size_t chars)
{
    return (size_t)bad * 20 > rawlen || ctl * 3 > chars;
}

/* Drops the "[bookmark: …]" and "[image: …]" markers a converter left. */
static size_t strip_markers(char *s, size_t n)
{
    static const char *const marks[] = {"[bookmark: ", "[image: ", NULL};
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int hit = 0;
        for (int m = 0; marks[m] && !hit; m++) {
            size_t l = strlen(marks[m]);
            if (i + l <= n && memcmp(s + i, marks[m], l) == 0) {
                const char *e = memchr(s + i + l, ']', n - i - l);
                if (e) {
                    i = (size_t)(e - s) + 1;
                    hit = 1;
                }
            }
        }
        if (!hit)
            s[o++] = s[i++];
    }
    return o;
}

typedef struct {
    emitter *em;
    json_t *cells;     /* the row being built, NULL when none */
    int ncells;
    long row_line;     /* source line of its first cell */
    tbuf last;         /* text of its last cell, still open for continuation */
    int table, row;    /* table -1: not in a table */
} txt_state;

static int flush_row(txt_state *st)
{
    if (!st->cells)
        return EM_OK;
    if (em_cell(st->cells, st->ncells - 1, tb_str(&st->last), st->last.len, 1, 1)) {
        json_decref(st->cells);
        st->cells = NULL;
        return EM_ABORT;
    }
    json_t *cells = st->cells;
    st->cells = NULL;
    return em_row(st->em, st->table, st->row++, NULL, cells, loc_line(st->row_line));
}

static int start_table(txt_state *st)
{
    if (st->table < 0) {
        st->table = em_new_table(st->em);
        st->row = 0;
    }
    return EM_OK;
}

static int end_table(txt_state *st)
{
    int rc = flush_row(st);
    st->table = -1;
    return rc;
}

/* Adds a cell to the current row (opening one), keeping its text open. */
static int add_cell(txt_state *st, const char *s, size_t n, long line)
{
    start_table(st);
    if (!st->cells) {
        st->cells = em_cells();
        st->ncells = 0;
        st->row_line = line;
        if (!st->cells)
            return EM_ABORT;
    } else if (em_cell(st->cells, st->ncells - 1, tb_str(&st->last), st->last.len, 1, 1)) {
        return EM_ABORT;
    }
    st->ncells++;
    tb_clear(&st->last);
    return tb_add(&st->last, s, n) ? EM_ABORT : EM_OK;
}

static int emit_row_line(txt_state *st, const char *s, size_t n, long line)
{
    start_table(st);
    return em_tab_row(st->em, st->table, st->row++, s, n, loc_line(line));
}

typedef struct {
    const char *s;
    size_t n;
} span;

static int is_cell_line(span l) { return l.n && l.s[0] == '\t' && !memchr(l.s + 1, '\t', l.n - 1); }

int read_txt(const unsigned char *data, size_t len, emitter *em)
{
    tbuf t = {0};
    enc_result res;
    if (enc_decode_text(data, len, NULL, &t, &res))
        return em_error(em, "memory", "out of memory decoding the text");
    em_set_encoding(em, res.encoding);
    int rc = EM_OK;
    size_t chars, ctl = control_chars(&t, &chars);
    if (looks_binary(res.bad, len, ctl, chars)) {
        em_set_format(em, "unknown");
        em_set_encoding(em, NULL);
        rc = em_error(em, "unknown_format",
                      "not a document: binary data that is neither text (UTF-8, GB18030, "
                      "Big5), HTML, PDF, zip/OOXML nor OLE2");
        tb_free(&t);
        return rc;
    }
    if (res.bad > 0) {
        rc = em_error(em, "encoding",
                      "%ld bytes are valid in no known encoding (read as UTF-8, replaced by U+FFFD)",
                      res.bad);
        if (rc == EM_ABORT)
            goto out;
        rc = EM_OK;  /* the text is still worth reading */
    }
    if (ctl > 0) {
        rc = em_error(em, "control_chars", "%zu control characters (NUL and the like) left out",
                      ctl);
        if (rc == EM_ABORT)
            goto out;
        rc = EM_OK;
    }

    /* which table shape: count the lines of each */
    long shape_a = 0, shape_b = 0;
    for (size_t i = 0; i < t.len;) {
        const char *nl = memchr(t.s + i, '\n', t.len - i);
        size_t e = nl ? (size_t)(nl - t.s) : t.len;
        span l = {t.s + i, e - i};
        if (l.n && l.s[l.n - 1] == '\r')
            l.n--;
        if (l.n > em->lim->max_line) {
            rc = em_error(em, "limit", "a line of %zu bytes, more than --max-line=%zu", l.n,
                          em->lim->max_line);
            goto out;
        }
        if (is_cell_line(l))
            shape_a++;
        else if (memchr(l.s, '\t', l.n))
            shape_b++;
        i = e + 1;
    }
    int mode_a = shape_a >= shape_b;

    txt_state st = {em, NULL, 0, 0, {0}, -1, 0};
    int blanks = 0;
    long line = 0;
    for (size_t i = 0; i < t.len && rc == EM_OK;) {
        const char *nl = memchr(t.s + i, '\n', t.len - i);
        size_t e = nl ? (size_t)(nl - t.s) : t.len;
        line++;
        span l = {t.s + i, e - i};
        i = e + 1;
        if (l.n && l.s[l.n - 1] == '\r')
            l.n--;
        int had_text = !text_blank(l.s, l.n);
        l.n = strip_markers((char *)l.s, l.n);
        if (mode_a && l.n && l.s[0] == '\t') {
            if (blanks && st.cells)
                rc = flush_row(&st);
            if (rc == EM_OK)
                rc = add_cell(&st, l.s + 1, l.n - 1, line);
            blanks = 0;
        } else if (!mode_a && memchr(l.s, '\t', l.n)) {
            rc = emit_row_line(&st, l.s, l.n, line);
            blanks = 0;
        } else if (text_blank(l.s, l.n)) {
            if (had_text)
                continue;  /* a line of markers only: no line at all */
            rc = flush_row(&st);
            if (++blanks >= 2 || !mode_a)
                st.table = -1;
        } else if (mode_a && st.cells && blanks == 0) {
            /* a cell's text wrapped onto a line of its own */
            if (tb_addc(&st.last, '\n') || tb_add(&st.last, l.s, l.n))
                rc = EM_ABORT;
        } else {
            if (st.table >= 0)
                rc = end_table(&st);
            if (rc == EM_OK)
                rc = em_paragraph(em, l.s, l.n, 0, loc_line(line));
            blanks = 0;
        }
    }
    if (rc == EM_OK)
        rc = flush_row(&st);
    json_decref(st.cells);
    tb_free(&st.last);
out:
    tb_free(&t);
    return rc;
}
