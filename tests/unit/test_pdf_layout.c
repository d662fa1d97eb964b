/* pdf_extract: paragraphs, table rows rebuilt from the glyph layout, and the
 * error codes for input that is not a readable PDF. Inputs: tests/pdf/
 * (made by tests/pdf/make-test-pdfs). */
#include "tap.h"
#include "pdf_layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXREC 1024

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

/* The first row with a cell whose text is text; its column in *col. */
static const rec *row_with(const sink_log *s, const char *text, int *col)
{
    for (int i = 0; i < s->n; i++)
        for (int c = 0; s->r[i].kind == 'r' && c < s->r[i].ncells; c++)
            if (strcmp(s->r[i].cells[c], text) == 0) {
                if (col)
                    *col = s->r[i].col[c];
                return &s->r[i];
            }
    return NULL;
}

/* The column of the cell whose text is text in row r, or -1. */
static int col_of(const rec *r, const char *text)
{
    for (int c = 0; r && c < r->ncells; c++)
        if (strcmp(r->cells[c], text) == 0)
            return r->col[c];
    return -1;
}

static const rec *para_with(const sink_log *s, const char *needle)
{
    for (int i = 0; i < s->n; i++)
        if (s->r[i].kind == 'p' && strstr(s->r[i].text, needle))
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

    memset(&log, 0, sizeof log);
    pdf_sink counting = {&log, on_para, on_row};
    rc = pdf_extract_full(pdf, n, &counting, NULL, 50, code, 64, msg, 256);
    OK(rc == -1 && strcmp(code, "limit") == 0 && strstr(msg, "page 1 has more than 50 characters"),
       "over 50 characters on a page: limit (%s)", msg);

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

    /* a table of text only, cells aligned to the top: no figure anchors
     * the rows, the descriptions run over several lines */
    d = slurp("tests/pdf/text-table.pdf", &n);
    memset(&log, 0, sizeof log);
    rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
    free(d);
    OK(rc == 0 && log.n == 4, "text-table.pdf: four rows and nothing else (%d records)", log.n);
    r1 = find_row(&log, 0, 1);
    r3 = find_row(&log, 0, 3);
    STR_EQ(r1 ? cell_at(r1, 0) : NULL, "预算执行", "text table: row label");
    STR_EQ(r1 ? cell_at(r1, 1) : NULL,
           "反映部门预算执行的进度和均衡性，按季度考核执行率，年末执行率达到百分之九十五以上，未达到的按比例扣分。",
           "text table: a description over three lines is one cell");
    STR_EQ(r3 ? cell_at(r3, 1) : NULL, "反映部门按规定公开预算、决算和绩效信息的情况，公开内容完整、及时，并在门户网站长期保留。",
           "text table: the last row's description too");

    /* a table on a page turned sideways, reading down or up */
    const char *sideways[] = {"tests/pdf/sideways-down.pdf", "tests/pdf/sideways-up.pdf"};
    for (int k = 0; k < 2; k++) {
        d = slurp(sideways[k], &n);
        memset(&log, 0, sizeof log);
        rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
        free(d);
        const rec *t0 = find_row(&log, 0, 0), *t2 = find_row(&log, 0, 2);
        OK(rc == 0 && log.n == 4 && t0 && t2, "%s: one table of four rows (%d records)", sideways[k], log.n);
        STR_EQ(t0 ? cell_at(t0, 1) : NULL, "Amount", "%s: header turned upright", sideways[k]);
        STR_EQ(t2 ? cell_at(t2, 0) : NULL, "Rent", "%s: row label", sideways[k]);
        STR_EQ(t2 ? cell_at(t2, 1) : NULL, "12.50", "%s: figure beside its label", sideways[k]);
    }

    {
        /* Writer's 财政拨款收支总表 over two pages (tests/pdf/header-band.pdf) */
        d = slurp("tests/pdf/header-band.pdf", &n);
        memset(&log, 0, sizeof log);
        rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
        free(d);
        OK(rc == 0, "header-band.pdf extracts (rc %d %s)", rc, msg);
        /* the header in its bands: 收入 | 支出 over 项目 | 行次 | 决算数 | 项目 |
         * 行次 | 决算数, that 决算数 over 合计 | 一般公共预算财政拨款 | 政府性… */
        const rec *top = find_row(&log, 0, 0), *mid = find_row(&log, 0, 1);
        const rec *hdr = find_row(&log, 0, 2), *r;
        int c0 = -1, c1;
        OK(top && top->ncells == 2 && col_of(top, "收入") == 0 && top->span[0] == 3 &&
               col_of(top, "支出") == 3 && top->span[1] == 5,
           "收入 and 支出 head their sides (收入 %d+%d, 支出 %d+%d)", top ? col_of(top, "收入") : -1,
           top ? top->span[0] : -1, top ? col_of(top, "支出") : -1, top ? top->span[1] : -1);
        OK(mid && mid->ncells == 6 && col_of(mid, "项目") == 0 && col_of(mid, "行次") == 1 &&
               mid->col[5] == 5 && mid->span[5] == 3 && strcmp(mid->cells[5], "决算数") == 0,
           "the second band: six cells, the last 决算数 over three columns");
        OK(hdr && hdr->ncells == 3 && col_of(hdr, "合计") == 5 && col_of(hdr, "一般公共预算财政拨款") == 6 &&
               col_of(hdr, "政府性基金预算财政拨款") == 7,
           "the third band: 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款, none run together");
        OK(mid && col_of(mid, "行次") >= 0 && hdr && col_of(hdr, "合计") > mid->col[4],
           "a 合计 column without figures is not merged into 行次 (行次 %d, 合计 %d)",
           mid ? mid->col[4] : -1, hdr ? col_of(hdr, "合计") : -1);
        OK(!para_with(&log, "决算数"), "决算数 spanning a header band stays in the table");
        int r22 = -1;
        for (int i = 0; i < log.n; i++)
            if (log.r[i].kind == 'r' && log.r[i].table == 0 && col_of(&log.r[i], "31.21") >= 0)
                r22 = i;
        OK(r22 >= 0 && log.r[r22].page == 2 && hdr && col_of(&log.r[r22], "31.21") == col_of(hdr, "一般公共预算财政拨款"),
           "the table goes on on page 2 with its index and its columns");
        int repeats = 0;
        for (int i = 0; i < log.n; i++)
            if (log.r[i].kind == 'r' && log.r[i].table == 0 && col_of(&log.r[i], "栏次") == 0)
                repeats++;
        OK(repeats == 2, "the header repeated on page 2 is rows of the same table (%d 栏次 rows)", repeats);
        r = row_with(&log, "人员经费合计", &c0);
        OK(r && c0 == 0 && cell_at(r, 2) && strcmp(cell_at(r, 2), "235.26") == 0,
           "a left-aligned total over code and name does not merge them");
        r = row_with(&log, "30101", &c0);
        STR_EQ(r ? cell_at(r, c0 + 1) : NULL, "基本工资", "the name beside its code, in its own column");
        STR_EQ(r ? cell_at(r, c0 + 3) : NULL, "30201", "the second group's code in its own column");

        /* Calc's two-sided table without cell padding (tests/pdf/glued-sheet.pdf) */
        d = slurp("tests/pdf/glued-sheet.pdf", &n);
        memset(&log, 0, sizeof log);
        rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
        free(d);
        r = row_with(&log, "442.86", &c0);
        OK(rc == 0 && r, "glued-sheet.pdf: 442.86 is a cell of its own");
        STR_EQ(r ? cell_at(r, c0 + 1) : NULL, "一、一般公共服务支出", "the next column's text apart from the figure");
        r = row_with(&log, "455.36", &c0);
        STR_EQ(r ? cell_at(r, c0 + 1) : NULL, "本年支出合计", "a total glued the same way");
        c1 = -1;
        r = row_with(&log, "三、卫生健康支出", &c1);
        OK(r && c1 == c0 + 1, "支出 labels in one column whether glued or not");
    }

    {
        /* a docx with thin cell margins printed by Writer
         * (tests/pdf/thin-header.pdf) */
        size_t n = 0;
        char code[32], msg[256];
        sink_log log;
        unsigned char *d = slurp("tests/pdf/thin-header.pdf", &n);
        memset(&log, 0, sizeof log);
        int rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
        free(d);
        OK(rc == 0, "thin-header.pdf extracts (rc %d %s)", rc, msg);
        int c0 = -1, c1 = -1;
        const rec *h = row_with(&log, "一般公共预算拨款收入", &c0);
        OK(h && col_of(h, "政府性基金预算拨款收入") == c0 + 1,
           "header cells a typed space apart, ending where the figures end, are two cells");
        OK(h && col_of(h, "国有资本经营预算拨款收入") == c0 + 2 &&
               col_of(h, "财政专户管理资金收入") == c0 + 3 && col_of(h, "附属单位上缴收入") == c0 + 4 &&
               col_of(h, "其他收入") == c0 + 5,
           "columns no figure shows between columns with figures come from the header");
        const rec *r = row_with(&log, "104.72", &c1);
        OK(h && r && r->table == h->table && r->row == h->row + 1 && c1 == c0 + 5,
           "the header wrapped in lockstep is one row; 其他收入's figure under it");
    }

    {
        /* Writer tables in a small font without cell padding
         * (tests/pdf/tight-table.pdf) */
        d = slurp("tests/pdf/tight-table.pdf", &n);
        memset(&log, 0, sizeof log);
        rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
        free(d);
        OK(rc == 0, "tight-table.pdf extracts (rc %d %s)", rc, msg);
        int c0 = -1, c1 = -1;
        const rec *lab = row_with(&log, "一、一般公共预算财政拨款收入", &c0);
        const rec *hdr = lab ? find_row(&log, lab->table, 1) : NULL;
        OK(hdr && col_of(hdr, "项目") == c0,
           "项目 centred right of the labels heads their column (项目 %d, labels %d)",
           hdr ? col_of(hdr, "项目") : -1, c0);
        OK(lab && hdr && col_of(hdr, "金额") == c0 + 1 && cell_at(lab, c0 + 2) &&
               strcmp(cell_at(lab, c0 + 2), "一、一般公共服务支出") == 0 &&
               col_of(lab, "—") == c0 + 3,
           "two sides of label | amount, the nil under the second 金额");
        hdr = row_with(&log, "政府性基金预算财政拨款", &c1);
        OK(hdr && col_of(hdr, "一般公共预算财政拨款") == c1 - 1 &&
               col_of(hdr, "国有资本经营预算财政拨款") == c1 + 1,
           "header cells wrapped over lines a row apart are joined back");
        const rec *r = row_with(&log, "二、卫生健康支出", &c0);
        OK(hdr && r && r->table == hdr->table && r->row == hdr->row + 2 &&
               strcmp(cell_at(r, c1) ? cell_at(r, c1) : "", "0.00") == 0,
           "the header is one row, right above the body (one row before 二、卫生健康支出)");
        r = row_with(&log, "30202", &c0);
        OK(r && c0 == 3 && cell_at(r, 2) && strcmp(cell_at(r, 2), "-") == 0,
           "a nil dash against the next group's code is a cell of its own");
        r = row_with(&log, "科目代码", &c0);
        OK(r && r->ncells == 6, "three columns per group (%d header cells)", r ? r->ncells : 0);
        const rec *st = para_with(&log, "故本表为空表");
        OK(st && !row_with(&log, "本单位无国有资本经营预算财政拨款支出，故本表为空表。", NULL),
           "the statement under an empty table, in the table's size, is text");
    }

    /* The nine standard tables of seed 003, as LibreOffice prints them from
     * the docx (data/fixtures/caidian-2023-final.pdf, scripts/make-fixtures). */
    d = slurp("data/fixtures/caidian-2023-final.pdf", &n);
    OK(d != NULL, "read data/fixtures/caidian-2023-final.pdf");
    memset(&log, 0, sizeof log);
    rc = d ? extract(d, n, &log, NULL, code, msg) : 99;
    OK(rc == 0 && log.n < MAXREC, "the fixture extracts (%d records)", log.n);
    free(d);
    int c0, c1;
    /* 表2 收入决算表: figures under their headers */
    const rec *hdr = row_with(&log, "财政拨款收入", NULL);
    c0 = col_of(hdr, "本年收入合计");
    const rec *r = row_with(&log, "2080505", NULL);
    OK(hdr && r && hdr->table == r->table, "收入决算表: header and rows in one table");
    STR_EQ(r ? cell_at(r, col_of(r, "2080505") + 2) : NULL, "机关事业单位基本养老保险缴费支出",
           "a name wrapped around its code's line is joined back");
    STR_EQ(r ? cell_at(r, c0) : NULL, "22.07", "2080505 本年收入合计 22.07");
    c1 = hdr ? col_of(hdr, "财政拨款收入") : -1;
    STR_EQ(r ? cell_at(r, c1) : NULL, "22.07", "2080505 财政拨款收入 22.07");
    c1 = hdr ? col_of(hdr, "上级补助收入") : -1;
    STR_EQ(r ? cell_at(r, c1) : NULL, "0.00", "2080505 上级补助收入 0.00");
    c1 = hdr ? col_of(hdr, "其他收入") : -1;
    STR_EQ(r ? cell_at(r, c1) : NULL, "0.00", "2080505 其他收入 0.00 (last column)");
    r = row_with(&log, "2210202", NULL);
    STR_EQ(r ? cell_at(r, c0) : NULL, "4.12", "2210202 提租补贴 4.12 under 本年收入合计");
    OK(r && r->ncells == 4, "2210202 has code, name and two figures (%d cells)", r ? r->ncells : 0);
    /* 表1 收入支出决算总表: two sides of 项目/行次/金额 */
    r = row_with(&log, "一、一般公共预算财政拨款收入", &c0);
    hdr = r ? find_row(&log, r->table, 1) : NULL;
    OK(hdr && col_of(hdr, "行次") == c0 + 1 && col_of(hdr, "金额") == c0 + 2, "表1 header: 项目 行次 金额");
    STR_EQ(r ? cell_at(r, c0 + 1) : NULL, "1", "表1 行次 1");
    STR_EQ(r ? cell_at(r, c0 + 2) : NULL, "442.86", "表1 金额 442.86 beside its label");
    STR_EQ(r ? cell_at(r, c0 + 3) : NULL, "一、一般公共服务支出", "表1 expense label in its own column");
    const rec *rx = row_with(&log, "八、社会保障和就业支出", &c1);
    int last_amount = -1;
    for (int c = 0; hdr && c < hdr->ncells; c++)
        if (strcmp(hdr->cells[c], "金额") == 0)
            last_amount = hdr->col[c];
    OK(rx && r && rx->table == r->table, "表1 expense rows in the same table");
    STR_EQ(rx ? cell_at(rx, last_amount) : NULL, "22.28", "表1 社会保障和就业支出 22.28 under the second 金额");
    /* 表3 支出决算表: header on page 3, body on page 4, one table */
    hdr = row_with(&log, "上缴上级支出", NULL);
    c0 = col_of(hdr, "本年支出合计");
    r = NULL;
    for (int i = 0; hdr && i < log.n; i++)
        if (log.r[i].kind == 'r' && log.r[i].table == hdr->table && col_of(&log.r[i], "2101599") >= 0)
            r = &log.r[i];
    OK(hdr && hdr->page == 3 && r && r->page == 4, "a table over a page break keeps its index");
    STR_EQ(r ? cell_at(r, c0) : NULL, "27.80", "2101599 本年支出合计 27.80 under the page-3 header");
    c1 = hdr ? col_of(hdr, "基本支出") : -1;
    STR_EQ(r ? cell_at(r, c1) : NULL, "15.00", "2101599 基本支出 15.00");
    c1 = hdr ? col_of(hdr, "项目支出") : -1;
    STR_EQ(r ? cell_at(r, c1) : NULL, "12.80", "2101599 项目支出 12.80");
    /* 表4: labels centred over two lines */
    OK(row_with(&log, "二、政府性基金预算财政拨款", NULL) && row_with(&log, "三、国有资本经营预算财政拨款", NULL) &&
           row_with(&log, "二十六、抗疫特别国债安排的支出", NULL),
       "表4 labels wrapped above and below their row are joined");
    /* running text */
    OK(para_with(&log, "2023年度部门决算") != NULL, "title without the layout's space");
    OK(para_with(&log, "2023年政府购买服务86万元") != NULL, "a paragraph broken by a page joins up");
    OK(para_with(&log, "- 1 -") == NULL, "page numbers are left out");
    const rec *cap = para_with(&log, "部门：武汉市蔡甸区医疗保障局（本级）");
    OK(cap && strstr(cap->text, "金额单位：万元"), "the 部门/金额单位 line is a paragraph, not a row");
    return TAP_DONE();
}
