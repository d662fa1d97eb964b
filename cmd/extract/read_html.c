/* HTML pages. The charset comes from a BOM, else the page's own meta
 * label, else detection; we transcode to UTF-8 ourselves before libxml2
 * sees a byte (its own conversion truncates a gb2312-labelled page at the
 * first GBK-only character, and lets a wrong meta label beat a UTF-8 BOM).
 * Block elements become paragraphs (h1-h6 headings); tables become rows
 * with rowspan/colspan placed on the HTML grid; scripts, styles, hidden
 * elements and navigation chrome are left out. Never the network. */
#define _GNU_SOURCE /* strcasestr */
#include "extract.h"
#include "encoding.h"
#include "text.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_COLSPAN = 1000, MAX_ROWSPAN = 65534 };

typedef struct {
    emitter *em;
    tbuf text;        /* the paragraph being gathered */
    long line;        /* its first source line */
    int rc;
} html_ctx;

/* --- charset label ------------------------------------------------------ */

/* The charset a page declares in its first 4 KiB (meta charset, or the
 * http-equiv content type), mapped to our names; NULL when none we read. */
static const char *declared_charset(const unsigned char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    char head[4097];
    memcpy(head, data, n);
    head[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (head[i] == '\0')
            head[i] = ' ';
    const char *p = head;
    while ((p = strcasestr(p, "charset")) != NULL) {
        p += 7;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '=')
            continue;
        p++;
        while (*p == ' ' || *p == '"' || *p == '\'')
            p++;
        size_t l = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.");
        const char *enc = enc_from_label(p, l);
        if (enc)
            return enc;
    }
    return NULL;
}

/* --- what is not content ------------------------------------------------ */

static int has_token(const char *list, const char *const *tokens)
{
    if (!list)
        return 0;
    for (int i = 0; tokens[i]; i++) {
        size_t l = strlen(tokens[i]);
        for (const char *p = list; (p = strcasestr(p, tokens[i])) != NULL; p += l) {
            /* a whole word of the class/id, or its prefix/suffix with - or _ */
            int before = p == list || strchr(" -_", p[-1]);
            int after = p[l] == '\0' || strchr(" -_", p[l]);
            if (before && after)
                return 1;
        }
    }
    return 0;
}

static int is_named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

/* Whether n is a table or has one in it, hidden or not, within
 * HIDDEN_PANE_DEPTH levels: cheap, whatever hides what under n. */
enum { HIDDEN_PANE_DEPTH = 16 };
static int has_table_element(xmlNodePtr n, int depth)
{
    if (is_named(n, "table"))
        return 1;
    if (depth >= HIDDEN_PANE_DEPTH)
        return 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && has_table_element(c, depth + 1))
            return 1;
    return 0;
}

/* Whether n is left out: scripts, styles, navigation chrome, hidden
 * elements. */
static int dropped(xmlNodePtr n)
{
    static const char *const tags[] = {"script", "style", "noscript", "template", "nav", "header",
                                       "footer", "aside", "select", "option", "button", "iframe",
                                       "object", "embed", "svg", "canvas", "head", "menu", NULL};
    static const char *const chrome[] = {"nav", "navbar", "menu", "crumb", "breadcrumb", "footer",
                                         "header", "sidebar", "share", "qr", "toolbar", NULL};
    const char *name = (const char *)n->name;
    for (int i = 0; tags[i]; i++)
        if (strcasecmp(name, tags[i]) == 0)
            return 1;
    int drop = 0;   /* 1 chrome, 2 hidden by style or attribute */
    xmlChar *v;
    if ((v = xmlGetProp(n, (const xmlChar *)"class"))) {
        drop = has_token((const char *)v, chrome);
        xmlFree(v);
    }
    if (!drop && (v = xmlGetProp(n, (const xmlChar *)"id"))) {
        drop = has_token((const char *)v, chrome);
        xmlFree(v);
    }
    if (!drop && (v = xmlGetProp(n, (const xmlChar *)"style"))) {
        char *s = (char *)v;
        /* display:none / visibility:hidden, however spaced */
        char compact[256];
        size_t k = 0;
        for (size_t i = 0; s[i] && k + 1 < sizeof compact; i++)
            if (s[i] != ' ' && s[i] != '\t')
                compact[k++] = s[i];
        compact[k] = '\0';
        if (strcasestr(compact, "display:none") || strcasestr(compact, "visibility:hidden"))
            drop = 2;
        xmlFree(v);
    }
    if (!drop && xmlHasProp(n, (const xmlChar *)"hidden"))
        drop = 2;
    /* but a hidden pane of tables is a tab a script shows (表一 | 表二 …
     * over nine panes, all but the first display:none) */
    if (drop == 2 && has_table_element(n, 0))
        drop = 0;
    return drop != 0;
}

static int is_block(const char *name)
{
    static const char *const blocks[] = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
                                         "pre", "section", "article", "main", "center", "address",
                                         "figure", "figcaption", "caption", "form", "fieldset",
                                         "legend", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "title",
                                         "body", "html", NULL};
    for (int i = 0; blocks[i]; i++)
        if (strcasecmp(name, blocks[i]) == 0)
            return 1;
    return 0;
}

static int heading_level(const char *name)
{
    if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
        return name[1] - '0';
    if (strcasecmp(name, "title") == 0)
        return 1;
    return 0;
}

/* Appends text with HTML whitespace collapsed to single spaces. */
static int add_collapsed(tbuf *b, const char *s)
{
    for (; *s; s++) {
        int ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f';
        if (ws) {
            if (b->len && b->s[b->len - 1] != ' ' && b->s[b->len - 1] != '\n' && tb_addc(b, ' '))
                return -1;
        } else if (tb_addc(b, *s)) {
            return -1;
        }
    }
    return 0;
}

static int add_newline(tbuf *b)
{
    while (b->len && b->s[b->len - 1] == ' ')
        b->len--;
    if (b->len && b->s[b->len - 1] != '\n')
        return tb_addc(b, '\n');
    return 0;
}

/* --- tables ------------------------------------------------------------- */

typedef struct {
    xmlNodePtr node;
    int table, row, col;
} nested_ref;

typedef struct {
    nested_ref *v;
    size_t n, cap;
} nested_list;

static int walk_table(html_ctx *h, xmlNodePtr table, int depth, const nested_ref *parent);

/* The text of a cell; tables inside it are listed, not read. */
static int cell_text(html_ctx *h, xmlNodePtr n, tbuf *b, nested_list *nested, int depth,
                     int table, int row, int col)
{
    if (depth > h->em->lim->max_xml_depth)
        return em_error(h->em, "limit", "HTML elements nested more than --max-xml-depth=%d",
                        h->em->lim->max_xml_depth);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content && add_collapsed(b, (const char *)c->content))
                return EM_ABORT;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || dropped(c))
            continue;
        const char *name = (const char *)c->name;
        if (strcasecmp(name, "table") == 0) {
            if (nested->n == nested->cap) {
                size_t cap = nested->cap ? nested->cap * 2 : 4;
                nested_ref *v = realloc(nested->v, cap * sizeof *v);
                if (!v)
                    return EM_ABORT;
                nested->v = v;
                nested->cap = cap;
            }
            nested->v[nested->n++] = (nested_ref){c, table, row, col};
            continue;
        }
        if (strcasecmp(name, "br") == 0) {
            if (add_newline(b) || (b->len == 0 && tb_addc(b, '\n')))
                return EM_ABORT;
            continue;
        }
        int block = is_block(name);
        if (block && add_newline(b))
            return EM_ABORT;
        int rc = cell_text(h, c, b, nested, depth + 1, table, row, col);
        if (rc)
            return rc;
        if (block && add_newline(b))
            return EM_ABORT;
    }
    return EM_OK;
}

typedef struct {
    int *until;       /* by grid column: first row no longer covered by a rowspan */
    int ncols;
} occupancy;

static int occ_reserve(occupancy *o, int cols)
{
    if (cols <= o->ncols)
        return 0;
    int n = o->ncols ? o->ncols : 16;
    while (n < cols)
        n *= 2;
    int *u = realloc(o->until, (size_t)n * sizeof *u);
    if (!u)
        return -1;
    for (int i = o->ncols; i < n; i++)
        u[i] = 0;
    o->until = u;
    o->ncols = n;
    return 0;
}

static long span_attr(xmlNodePtr n, const char *name, long max)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return 1;
    long s = strtol((const char *)v, NULL, 10);
    xmlFree(v);
    if (s < 1)
        return 1;  /* rowspan=0 ("to the end") and junk read as 1 */
    return s > max ? max : s;
}

static int emit_tr(html_ctx *h, xmlNodePtr tr, int table, int *row, occupancy *occ,
                   const nested_ref *parent, int depth)
{
    json_t *cells = em_cells();
    nested_list nested = {0};
    tbuf b = {0};
    int rc = cells ? EM_OK : EM_ABORT;
    int col = 0, r = *row;
    for (xmlNodePtr c = tr->children; c && rc == EM_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE ||
            (strcasecmp((const char *)c->name, "td") && strcasecmp((const char *)c->name, "th")))
            continue;
        if (occ_reserve(occ, col + 1)) {
            rc = EM_ABORT;
            break;
        }
        while (occ->until[col] > r) {
            col++;
            if (occ_reserve(occ, col + 1)) {
                rc = EM_ABORT;
                break;
            }
        }
        int cs = (int)span_attr(c, "colspan", MAX_COLSPAN), rs = (int)span_attr(c, "rowspan", MAX_ROWSPAN);
        if (rc || occ_reserve(occ, col + cs)) {
            rc = EM_ABORT;
            break;
        }
        tb_clear(&b);
        if (dropped(c)) {
            /* a hidden cell still takes its place in the grid */
        } else {
            rc = cell_text(h, c, &b, &nested, depth + 1, table, r, col);
            if (rc)
                break;
        }
        if (em_cell(cells, col, tb_str(&b), b.len, cs, rs)) {
            rc = EM_ABORT;
            break;
        }
        if ((long)json_array_size(cells) > h->em->lim->max_cells) {
            rc = em_error(h->em, "limit", "table %d row %d has more than --max-cells=%ld cells",
                          table, r, h->em->lim->max_cells);
            break;
        }
        for (int k = col; k < col + cs; k++)
            occ->until[k] = r + rs;
        col += cs;
    }
    tb_free(&b);
    if (rc == EM_OK) {
        /* an empty row still takes a row of the grid (rowspans count it) */
        json_t *extra = NULL;
        if (parent) {
            extra = json_object();
            json_t *p = json_object();
            json_object_set_new(p, "table", json_integer(parent->table));
            json_object_set_new(p, "row", json_integer(parent->row));
            json_object_set_new(p, "col", json_integer(parent->col));
            json_object_set_new(extra, "parent", p);
        }
        rc = em_row(h->em, table, (*row)++, extra, cells, loc_line(xmlGetLineNo(tr)));
        cells = NULL;
        /* tables inside the row's cells follow it */
        for (size_t i = 0; i < nested.n && rc == EM_OK; i++)
            rc = walk_table(h, nested.v[i].node, depth + 1, &nested.v[i]);
    }
    json_decref(cells);
    free(nested.v);
    return rc;
}

/* The rows of a table, through thead/tbody/tfoot, in document order. */
static int table_rows(html_ctx *h, xmlNodePtr n, int table, int *row, occupancy *occ,
                      const nested_ref *parent, int depth)
{
    if (depth > h->em->lim->max_xml_depth)
        return em_error(h->em, "limit", "HTML elements nested more than --max-xml-depth=%d",
                        h->em->lim->max_xml_depth);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        int rc = EM_OK;
        if (strcasecmp(name, "tr") == 0)
            rc = emit_tr(h, c, table, row, occ, parent, depth);
        else if (!strcasecmp(name, "thead") || !strcasecmp(name, "tbody") || !strcasecmp(name, "tfoot"))
            rc = table_rows(h, c, table, row, occ, parent, depth + 1);
        if (rc)
            return rc;
    }
    return EM_OK;
}

static int walk_table(html_ctx *h, xmlNodePtr table, int depth, const nested_ref *parent)
{
    int index = em_new_table(h->em), row = 0;
    occupancy occ = {0};
    /* a caption is the table's title: a paragraph before its rows */
    for (xmlNodePtr c = table->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcasecmp((const char *)c->name, "caption") == 0) {
            tbuf b = {0};
            nested_list none = {0};
            int rc = cell_text(h, c, &b, &none, depth + 1, index, 0, 0);
            free(none.v);
            if (rc == EM_OK)
                rc = em_paragraph(h->em, tb_str(&b), b.len, 0, loc_line(xmlGetLineNo(c)));
            tb_free(&b);
            if (rc)
                return rc;
        }
    int rc = table_rows(h, table, index, &row, &occ, parent, depth + 1);
    free(occ.until);
    return rc;
}

/* --- layout tables ---------------------------------------------------------- */


static int is_cell(xmlNodePtr n)
{
    return is_named(n, "td") || is_named(n, "th");
}

static int is_section(xmlNodePtr n)
{
    return is_named(n, "thead") || is_named(n, "tbody") || is_named(n, "tfoot");
}

/* 1 when a table shows under n (not counting what is hidden). */
static int holds_table(xmlNodePtr n, int depth, int max)
{
    if (depth > max)
        return 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || dropped(c))
            continue;
        if (is_named(c, "table") || holds_table(c, depth + 1, max))
            return 1;
    }
    return 0;
}

/* The text of n outside the tables in it. */
static int own_text(xmlNodePtr n, tbuf *b, int depth, int max)
{
    if (depth > max)
        return 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            if (add_collapsed(b, (const char *)c->content))
                return -1;
        } else if (c->type == XML_ELEMENT_NODE && !dropped(c) && !is_named(c, "table") &&
                   own_text(c, b, depth + 1, max)) {
            return -1;
        }
    }
    return 0;
}

/* 1 for a cell that is a figure or a nil (1,234.00, -5.2%, —). */
static int is_figure(const char *s)
{
    static const char *const nils[] = {"-", "—", "－", NULL};
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    for (; n && *s == ' '; s++)
        n--;
    for (int i = 0; nils[i]; i++)
        if (n == strlen(nils[i]) && !strncmp(s, nils[i], n))
            return 1;
    size_t digits = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] >= '0' && s[k] <= '9')
            digits++;
        else if (!strchr(",.-+%()", s[k]))
            return 0;
    }
    return digits > 0;
}

typedef struct {
    int tables;   /* cells holding a table */
    int figures;  /* cells that are a figure themselves */
} cell_census;

static int census_row(xmlNodePtr tr, cell_census *cc, int depth, int max)
{
    tbuf b = {0};
    for (xmlNodePtr td = tr->children; td; td = td->next) {
        if (!is_cell(td) || dropped(td))
            continue;
        cc->tables += holds_table(td, depth + 1, max);
        tb_clear(&b);
        if (own_text(td, &b, depth + 1, max)) {
            tb_free(&b);
            return -1;
        }
        cc->figures += is_figure(tb_str(&b));
    }
    tb_free(&b);
    return 0;
}

static int census(xmlNodePtr n, cell_census *cc, int depth, int max)
{
    if (depth > max)
        return 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        int rc = 0;
        if (is_section(c))
            rc = census(c, cc, depth + 1, max);
        else if (is_named(c, "tr"))
            rc = census_row(c, cc, depth + 1, max);
        if (rc)
            return rc;
    }
    return 0;
}

/* A page laid out with a table (a navigation column beside the content, a
 * title above a report's tables) puts whole tables in its cells and prints
 * no figure of its own: it is the page's frame, not a table. A table of
 * figures with a small table in one cell stays a table. */
static int is_layout_table(xmlNodePtr table, int depth, int max, int *layout)
{
    cell_census cc = {0, 0};
    if (census(table, &cc, depth, max))
        return -1;
    *layout = cc.tables > 0 && cc.figures == 0;
    return 0;
}

static int flush(html_ctx *h, int level);
static int walk(html_ctx *h, xmlNodePtr n, int depth);

/* A layout table's cells read as a browser shows them: row by row, each
 * cell's text and tables in order, a cell never running into the next. */
static int walk_layout(html_ctx *h, xmlNodePtr n, int depth)
{
    if (depth > h->em->lim->max_xml_depth)
        return em_error(h->em, "limit", "HTML elements nested more than --max-xml-depth=%d",
                        h->em->lim->max_xml_depth);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || dropped(c))
            continue;
        int rc = EM_OK;
        if (is_section(c) || is_named(c, "tr"))
            rc = walk_layout(h, c, depth + 1);
        else if (is_cell(c) || is_named(c, "caption")) {
            rc = flush(h, 0);
            if (rc == EM_OK)
                rc = walk(h, c, depth + 1);
            if (rc == EM_OK)
                rc = flush(h, 0);
        }
        if (rc)
            return rc;
    }
    return EM_OK;
}

/* --- paragraphs ----------------------------------------------------------- */

static int flush(html_ctx *h, int level)
{
    int rc = EM_OK;
    if (h->text.len && !text_blank(h->text.s, h->text.len))
        rc = em_paragraph(h->em, h->text.s, h->text.len, level, loc_line(h->line));
    tb_clear(&h->text);
    return rc;
}

static int walk_node(html_ctx *h, xmlNodePtr c, int depth)
{
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (!c->content)
            return EM_OK;
        if (h->text.len == 0 || text_blank(h->text.s, h->text.len))
            h->line = xmlGetLineNo(c);
        return add_collapsed(&h->text, (const char *)c->content) ? EM_ABORT : EM_OK;
    }
    if (c->type != XML_ELEMENT_NODE || dropped(c))
        return EM_OK;
    const char *name = (const char *)c->name;
    int rc = EM_OK;
    if (strcasecmp(name, "table") == 0) {
        int layout = 0;
        rc = flush(h, 0);
        if (rc == EM_OK && is_layout_table(c, depth + 1, h->em->lim->max_xml_depth, &layout))
            rc = EM_ABORT;
        if (rc == EM_OK)
            rc = layout ? walk_layout(h, c, depth + 1) : walk_table(h, c, depth + 1, NULL);
    } else if (strcasecmp(name, "br") == 0) {
        rc = add_newline(&h->text) ? EM_ABORT : EM_OK;
    } else if (is_block(name)) {
        rc = flush(h, 0);
        if (rc == EM_OK)
            rc = walk(h, c, depth + 1);
        if (rc == EM_OK)
            rc = flush(h, heading_level(name));
    } else {
        rc = walk(h, c, depth + 1);
    }
    return rc;
}

static int walk(html_ctx *h, xmlNodePtr n, int depth)
{
    if (depth > h->em->lim->max_xml_depth)
        return em_error(h->em, "limit", "HTML elements nested more than --max-xml-depth=%d",
                        h->em->lim->max_xml_depth);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        int rc = walk_node(h, c, depth);
        if (rc)
            return rc;
    }
    return EM_OK;
}

static xmlNodePtr find_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcasecmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int read_html(const unsigned char *data, size_t len, emitter *em)
{
    tbuf utf8 = {0};
    enc_result res;
    if (enc_decode_text(data, len, declared_charset(data, len), &utf8, &res))
        return em_error(em, "memory", "out of memory decoding the page");
    em_set_encoding(em, res.encoding);
    int rc = EM_OK;
    if ((size_t)res.bad * 20 > len) {
        em_set_format(em, "unknown");
        em_set_encoding(em, NULL);
        rc = em_error(em, "unknown_format", "binary data that starts like HTML");
        tb_free(&utf8);
        return rc;
    }
    if (res.bad > 0 &&
        em_error(em, "encoding", "%ld bytes are valid in no known encoding (replaced by U+FFFD)",
                 res.bad) == EM_ABORT) {
        tb_free(&utf8);
        return EM_ABORT;
    }
    if (utf8.len > (size_t)0x7fffffff) {
        tb_free(&utf8);
        return em_error(em, "limit", "page too large for the HTML parser");
    }
    /* libxml2 reports encoding trouble through the generic handler even
     * with NOERROR: we have already transcoded, keep stderr clean */
    xmlSetGenericErrorFunc(NULL, quiet);
    htmlDocPtr doc = htmlReadMemory(utf8.s ? utf8.s : "", (int)utf8.len, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                                        HTML_PARSE_NOIMPLIED);
    xmlSetGenericErrorFunc(NULL, NULL);
    tb_free(&utf8);
    if (!doc)
        return em_error(em, "html", "the HTML parser gave up on this page");
    html_ctx h = {em, {0}, 0, EM_OK};
    /* the page title: its head is otherwise not content */
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr head = root && strcasecmp((const char *)root->name, "html") == 0
                      ? find_child(root, "head") : NULL;
    xmlNodePtr title = find_child(head, "title");
    if (title) {
        rc = walk(&h, title, 1);
        if (rc == EM_OK)
            rc = flush(&h, 1);
    }
    for (xmlNodePtr n = doc->children; n && rc == EM_OK; n = n->next)
        rc = walk_node(&h, n, 1);
    if (rc == EM_OK)
        rc = flush(&h, 0);
    tb_free(&h.text);
    xmlFreeDoc(doc);
    return rc;
}
