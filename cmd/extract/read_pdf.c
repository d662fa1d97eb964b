/* PDF through the layout module (pdf_layout.c): its paragraphs and rows
 * become records; its table indexes are offset past the tables this
 * document already has. */
#include "extract.h"

#include "pdf_layout.h"

#include <string.h>

typedef struct {
    emitter *em;
    int base;       /* first table index of this PDF */
    int tables;     /* tables seen: base + tables is the next free index */
    int rc;         /* the EM_* result that stopped the module */
} pdf_ctx;

static json_t *page_loc(int page, int line)
{
    json_t *l = json_object();
    if (l) {
        json_object_set_new(l, "page", json_integer(page));
        if (line > 0)
            json_object_set_new(l, "line", json_integer(line));
    }
    return l;
}

static int on_paragraph(void *ctx, int page, int line, const char *text)
{
    pdf_ctx *c = ctx;
    c->rc = em_paragraph(c->em, text, strlen(text), 0, page_loc(page, line));
    return c->rc ? -1 : 0;
}

static int on_row(void *ctx, int page, int table, int row, const pdf_cell *cells, int ncells)
{
    pdf_ctx *c = ctx;
    if (table < 0) {
        c->rc = em_error(c->em, "pdf_layout", "the layout module gave table index %d", table);
        return -1;
    }
    if (table + 1 > c->tables)
        c->tables = table + 1;
    json_t *cs = em_cells();
    for (int i = 0; i < ncells; i++)
        if (em_cell(cs, cells[i].col, cells[i].text ? cells[i].text : "",
                    cells[i].text ? strlen(cells[i].text) : 0, cells[i].colspan, 1)) {
            json_decref(cs);
            c->rc = EM_ABORT;
            return -1;
        }
    json_t *extra = json_object();
    json_object_set_new(extra, "page", json_integer(page));
    c->rc = em_row(c->em, c->base + table, row, extra, cs, page_loc(page, 0));
    return c->rc ? -1 : 0;
}

int read_pdf(const unsigned char *data, size_t len, emitter *em)
{
    pdf_ctx c = {em, em->next_table, 0, EM_OK};
    pdf_sink sink = {&c, on_paragraph, on_row};
    pdf_limits lim = {em->lim->max_pages, em->lim->max_file_bytes};
    char code[64] = "pdf_damaged", msg[512] = "";
    int r = pdf_extract_limited(data, len, &sink, &lim, code, sizeof code, msg, sizeof msg);
    em->next_table = c.base + c.tables;
    if (r == -2)
        return c.rc ? c.rc : EM_ABORT;
    if (r == -1)
        return em_error(em, code[0] ? code : "pdf_damaged", "%s", msg[0] ? msg : "cannot read the PDF");
    return EM_OK;
}

