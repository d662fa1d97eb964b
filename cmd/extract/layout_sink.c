/* Paragraphs and rows of the page layout as records: table indexes are
 * offset past the tables the document already has. */
#include "layout_sink.h"

#include <string.h>

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
    layout_emitter *c = ctx;
    c->rc = em_paragraph(c->em, text, strlen(text), 0, page_loc(page, line));
    return c->rc ? -1 : 0;
}

static int on_row(void *ctx, int page, int table, int row, const pdf_cell *cells, int ncells)
{
    layout_emitter *c = ctx;
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

void layout_emitter_init(layout_emitter *le, emitter *em)
{
    le->em = em;
    le->base = em->next_table;
    le->tables = 0;
    le->rc = EM_OK;
    le->sink = (pdf_sink){le, on_paragraph, on_row};
}

void layout_emitter_done(layout_emitter *le, emitter *em)
{
    em->next_table = le->base + le->tables;
}
