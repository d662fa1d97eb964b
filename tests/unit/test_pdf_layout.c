/* pdf_extract: paragraphs, table rows rebuilt from the glyph layout, and the
 * error codes for input that is not a readable PDF. Inputs: tests/pdf/
 * (made by tests/pdf/make-test-pdfs). */
#include "tap.h"
#include "pdf_layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXREC 256

typedef struct {
    char kind;      /* 'p' paragraph, 'r' row */
    int page, line, table, row;
    char text[512]; /* paragraph text, or the row as "col:text|col:text" */
    char cells[16][160];
    int col[16], span[16], ncells;
} rec;

typedef struct {
    rec r[MAXREC];
    int n;
    int stop_after; /* callbacks fail from this record on (0: never) */
} sink_log;

static int on_para(void *ctx, int page, int line, const char *text)
{
    sink_log *s = ctx;
    if (s->stop_after && s->n >= s->stop_after)
        return -1;
    if (s->n >= MAXREC)
        return 0;
    rec *r = &s->r[s->n++];
    memset(r, 0, sizeof *r);
    r->kind = 'p';
    r->page = page;
    r->line = line;
    snprintf(r->text, sizeof r->text, "%s", text);
    return 0;
}

static int on_row(void *ctx, int page, int table, int row, const pdf_cell *cells, int ncells)
{
    sink_log *s = ctx;
    if (s->stop_after && s->n >= s->stop_after)
        return -1;
    if (s->n >= MAXREC)
        return 0;
    rec *r = &s->r[s->n++];
    memset(r, 0, sizeof *r);
    r->kind = 'r';
    r->page = page;
    r->table = table;
    r->row = row;
    for (int i = 0; i < ncells && i < 16; i++) {
        snprintf(r->cells[i], sizeof r->cells[i], "%s", cells[i].text);
        r->col[i] = cells[i].col;
        r->span[i] = cells[i].colspan;
        r->ncells++;
    }
    return 0;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    char full[1024];
    const char *root = getenv("YJS_ROOT");
    snprintf(full, sizeof full, "%s%s%s", root ? root : "", root ? "/" : "", path);
    FILE *f = fopen(full, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* The text of the cell at grid column col of a row record, or NULL. */
static const char *cell_at(const rec *r, int col)
{
    for (int i = 0; i < r->ncells; i++)
        if (r->col[i] == col)
            return r->cells[i];
    return NULL;
}

static const rec *find_row(const sink_log *s, int table, int row)
{
    for (int i = 0; i < s->n; i++)
        if (s->r[i].kind == 'r' && s->r[i].table == table && s->r[i].row == row)
            return &s->r[i];
    return NULL;
}

static int extract(const unsigned char *d, size_t n, sink_log *log, const pdf_limits *lim,
                   char *code, char *msg)
{
    pdf_sink sink = {log, on_para, on_row};
    return pdf_extract_limited(d, n, &sink, lim, code, 64, msg, 256);
}

int main(void)
{
    TAP_INIT("pdf_layout");
    static sink_log log;
    char code[64], msg[256];
    size_t n = 0;
    unsigned char *pdf = slurp("tests/pdf/budget-table.pdf", &n);
    OK(pdf != NULL, "read tests/pdf/budget-table.pdf");
    if (!pdf)
        return 1;

    int rc = extract(pdf, n, &log, NULL, code, msg);
    OK(rc == 0, "budget-table.pdf extracts (rc %d, %s %s)", rc, code, msg);

    /* paragraphs: the font-switch space in "2023 年度" is gone, a paragraph
     * that wraps over three lines comes back as one */
    STR_EQ(log.r[0].text, "2023年度收入决算表", "title paragraph without the layout's space");
    OK(log.r[0].kind == 'p' && log.r[0].page == 1 && log.r[0].line == 1, "title is page 1 line 1");
    OK(log.r[1].kind == 'p' && strstr(log.r[1].text, "收入合计455.36万元，其中一般公共预算财政拨款收入442.86万元") &&
           strstr(log.r[1].text, "主要原因是医疗救助资金划拨到医保中心。"),
       "wrapped paragraph joined into one: %s", log.r[1].text);
    OK(log.r[1].line == 2, "paragraph keeps the number of its first line (%d)", log.r[1].line);

    /* the table: header, three rows whose labels wrap, and the total */
    const rec *h = find_row(&log, 0, 0), *r1 = find_row(&log, 0, 1), *r2 = find_row(&log, 0, 2),
              *r3 = find_row(&log, 0, 3), *r4 = find_row(&log, 0, 4);
    OK(h && r1 && r2 && r3 && r4 && !find_row(&log, 0, 5) && !find_row(&log, 1, 0),
       "one table of five rows");
    if (h && r1 && r2 && r3 && r4) {
        STR_EQ(cell_at(h, 0), "项目", "header col 0");
        STR_EQ(cell_at(h, 2), "金额", "header col 2");
        STR_EQ(cell_at(h, 3), "上年数", "header col 3");
        STR_EQ(cell_at(r1, 0), "一、一般公共预算财政拨款收入", "label wrapped over three lines joined back");
        STR_EQ(cell_at(r1, 1), "1", "行次 of row 1 in col 1");
        STR_EQ(cell_at(r1, 2), "442.86", "figure of row 1 under 金额");
        STR_EQ(cell_at(r1, 3), "3190.37", "figure of row 1 under 上年数");
        STR_EQ(cell_at(r2, 0), "二、政府性基金预算财政拨款收入", "second wrapped label joined");
        STR_EQ(cell_at(r2, 2), "0.00", "row 2 figure under 金额");
        OK(cell_at(r2, 3) == NULL && r2->ncells == 3, "row 2 has no 上年数 cell (%d cells)", r2->ncells);
        STR_EQ(cell_at(r3, 0), "三、事业收入", "one-line label");
        STR_EQ(cell_at(r3, 2), "12.50", "row 3 figure under 金额");
        STR_EQ(cell_at(r3, 3), "0.00", "row 3 figure under 上年数");
        STR_EQ(cell_at(r4, 0), "本年收入合计", "total label");
        STR_EQ(cell_at(r4, 2), "455.36", "total under 金额");
        OK(r1->span[0] == 1 && r1->page == 1, "plain cells span one column, on page 1");
    }
    int note = -1, last_row = -1, page2 = -1;
    for (int i = 0; i < log.n; i++) {
        if (log.r[i].kind == 'r')
            last_row = i;
        if (log.r[i].kind == 'p' && strcmp(log.r[i].text, "注：本表金额单位为万元。") == 0)
            note = i;
        if (log.r[i].kind == 'p' && strcmp(log.r[i].text, "第二页：名词解释。") == 0)
            page2 = i;
    }
    OK(note > last_row && last_row > 1, "the note under the table is a paragraph after its rows");
    OK(page2 > note && log.r[page2].page == 2 && log.r[page2].line == 1, "second page's text on page 2");

    /* limits */
    memset(&log, 0, sizeof log);
    pdf_limits one_page = {1, 0};
    rc = extract(pdf, n, &log, &one_page, code, msg);
    OK(rc == -1 && strcmp(code, "limit") == 0 && log.n == 0, "2 pages over a 1-page limit: limit (%s)", msg);
    pdf_limits small = {0, 1000};
    rc = extract(pdf, n, &log, &small, code, msg);
    OK(rc == -1 && strcmp(code, "limit") == 0, "over the byte limit: limit (%s)", msg);
    pdf_limits enough = {2, n};
    rc = extract(pdf, n, &log, &enough, code, msg);
    OK(rc == 0, "at the limits exactly: ok");

    /* a callback that fails stops the extraction */
    memset(&log, 0, sizeof log);
    log.stop_after = 3;
    rc = extract(pdf, n, &log, NULL, code, msg);
    OK(rc == -2 && log.n == 3, "a failing callback stops it with -2 after %d records", log.n);

    /* bad input */
    memset(&log, 0, sizeof log);
    static const unsigned char broken[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n"
                                          "\x8f\x00\x13garbage that never ends the dictionary";
    rc = extract(broken, sizeof broken - 1, &log, NULL, code, msg);
    OK(rc == -1 && strcmp(code, "pdf_damaged") == 0, "damaged PDF: pdf_damaged (%s: %s)", code, msg);
    rc = extract(pdf, n / 3, &log, NULL, code, msg);
    OK(rc == -1 && strcmp(code, "pdf_damaged") == 0, "a PDF cut at a third: pdf_damaged (rc %d %s)", rc, code);
    static const unsigned char html[] = "<!DOCTYPE html><html><body>404 页面不存在</body></html>";
    rc = extract(html, sizeof html - 1, &log, NULL, code, msg);
    OK(rc == -1 && strcmp(code, "not_pdf") == 0, "HTML: not_pdf");
    rc = extract(html, 0, &log, NULL, code, msg);
    OK(rc == -1 && strcmp(code, "not_pdf") == 0, "empty input: not_pdf");
    OK(log.n == 0, "bad input emits nothing");
    free(pdf);

    unsigned char *d = slurp("tests/pdf/no-text.pdf", &n);
    rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
    OK(rc == -1 && strcmp(code, "pdf_no_text") == 0, "drawing without text: pdf_no_text (%s)", msg);
    free(d);
    d = slurp("tests/pdf/encrypted.pdf", &n);
    rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
    OK(rc == -1 && strcmp(code, "pdf_encrypted") == 0, "password-protected: pdf_encrypted (%s)", msg);
    free(d);
    return TAP_DONE();
}
