/* Word .docx: one streaming pass over word/document.xml (then footnotes
 * and endnotes). Paragraphs with their heading level; tables on the grid
 * Word draws: gridBefore shifts a short row right, gridSpan is a column
 * span, vMerge continuation cells grow the row span of the cell above.
 * A table's rows are held until the table ends (row spans are known only
 * then); a nested table's rows follow the row that holds it.
 * Text: w:t, w:tab, w:br/w:cr; left out: deleted and moved-from text, field
 * codes (their results stay), mc:Fallback (the same content as mc:Choice). */
#include "extract.h"
#include "ooxml.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_TABLE_NESTING = 32, MAX_PARA_NESTING = 8, MAX_FIELD_NESTING = 16 };

/* heading level by paragraph style id */
typedef struct {
    char *id, *based_on;
    int level;          /* -1 unknown */
} style;

typedef struct {
    style *v;
    size_t n;
} style_map;

typedef struct {
    int index, row;               /* table index, next row index */
    int has_parent, parent_table, parent_row, parent_col;
    json_t *pending;              /* rows (and nested rows) to write at the end */
    json_t *followers;            /* nested rows that follow the current row */
    json_t *cells;                /* the current row, NULL outside a row */
    int col;                      /* next grid column of the current row */
    long row_para;
    json_t **merge;               /* open vertical merge by grid column */
    unsigned char *touched;
    int ngrid;
    /* the current cell */
    int in_cell, cell_col, cell_span, vmerge; /* vmerge: 0 none, 1 restart, 2 continue */
    tbuf text;
    int cell_paras;
} table_ctx;

typedef struct {
    tbuf text;
    int level;
} para_ctx;

typedef struct {
    emitter *em;
    xml_in x;
    const char *part;
    const style_map *styles;
    long para;                    /* paragraph ordinal in the part */
    para_ctx paras[MAX_PARA_NESTING];
    int npara;                    /* open paragraphs (text boxes nest them) */
    table_ctx tables[MAX_TABLE_NESTING];
    int ntable;
    int in_run, in_t;
    unsigned char field_code[MAX_FIELD_NESTING];
    int nfield;
    int rc;
} docx_ctx;

/* --- styles ------------------------------------------------------------ */

static int level_from_name(const char *name)
{
    /* "heading 1".."heading 9", and the Chinese names Word uses */
    static const char *const prefixes[] = {"heading ", "heading", "标题 ", "标题", NULL};
    for (int i = 0; prefixes[i]; i++) {
        size_t l = strlen(prefixes[i]);
        if (strncasecmp(name, prefixes[i], l) == 0 && name[l] >= '1' && name[l] <= '9' &&
            name[l + 1] == '\0')
            return name[l] - '0';
    }
    return -1;
}

static void styles_free(style_map *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->v[i].id);
        free(m->v[i].based_on);
    }
    free(m->v);
    m->v = NULL;
    m->n = 0;
}

static int style_level(const style_map *m, const char *id)
{
    for (int hops = 0; id && hops < 10; hops++) {
        const style *s = NULL;
        for (size_t i = 0; i < m->n && !s; i++)
            if (strcmp(m->v[i].id, id) == 0)
                s = &m->v[i];
        if (!s)
            return 0;
        if (s->level >= 0)
            return s->level;
        id = s->based_on;
    }
    return 0;
}

/* Reads word/styles.xml into the map; a missing or broken styles part
 * only costs the heading levels. */
static int read_styles(emitter *em, zip_t *za, style_map *m)
{
    unsigned char *data;
    size_t len;
    int rc = EM_OK;
    int r = ooxml_part(em, za, "word/styles.xml", &data, &len, &rc);
    if (r)
        return r < 0 ? rc : EM_OK;
    xml_in x;
    if (xml_open(&x, em, data, len, "word/styles.xml")) {
        free(data);
        return x.rc;
    }
    style *cur = NULL;
    int in_ppr = 0;
    while ((r = xml_next(&x)) == 1) {
        if (!ns_w(xml_ns(&x)))
            continue;
        const char *n = xml_local(&x);
        if (xml_start(&x) && strcmp(n, "style") == 0) {
            char *type = xml_wattr(&x, "type");
            char *id = xml_wattr(&x, "styleId");
            cur = NULL;
            if (id && type && strcmp(type, "paragraph") == 0) {
                style *v = realloc(m->v, (m->n + 1) * sizeof *v);
                if (v) {
                    m->v = v;
                    cur = &m->v[m->n++];
                    cur->id = id;
                    cur->based_on = NULL;
                    cur->level = -1;
                    id = NULL;
                }
            }
            free(id);
            free(type);
        } else if (cur && xml_start(&x) && strcmp(n, "name") == 0) {
            char *v = xml_wattr(&x, "val");
            if (v && cur->level < 0)
                cur->level = level_from_name(v);
            free(v);
        } else if (cur && xml_start(&x) && strcmp(n, "basedOn") == 0) {
            free(cur->based_on);
            cur->based_on = xml_wattr(&x, "val");
        } else if (strcmp(n, "pPr") == 0) {
            in_ppr = xml_start(&x) && !xml_empty(&x);
        } else if (cur && in_ppr && xml_start(&x) && strcmp(n, "outlineLvl") == 0) {
            long v = xml_wattr_long(&x, "val", 9);
            if (v >= 0 && v < 9)
                cur->level = (int)v + 1;
        } else if (xml_end(&x) && strcmp(n, "style") == 0) {
            cur = NULL;
        }
    }
    xml_close(&x);
    free(data);
    /* a broken styles part is an error record, but the text is still read */
    return r < 0 && x.rc == EM_ABORT ? EM_ABORT : EM_OK;
}

/* --- tables ------------------------------------------------------------ */

static int grid_reserve(table_ctx *t, int cols)
{
    if (cols <= t->ngrid)
        return 0;
    int n = t->ngrid ? t->ngrid : 16;
    while (n < cols)
        n *= 2;
    json_t **m = realloc(t->merge, (size_t)n * sizeof *m);
    if (!m)
        return -1;
    t->merge = m;
    unsigned char *u = realloc(t->touched, (size_t)n);
    if (!u)
        return -1;
    t->touched = u;
    for (int i = t->ngrid; i < n; i++) {
        t->merge[i] = NULL;
        t->touched[i] = 0;
    }
    t->ngrid = n;
    return 0;
}

static void table_free(table_ctx *t)
{
    json_decref(t->pending);
    json_decref(t->followers);
    json_decref(t->cells);
    free(t->merge);
    free(t->touched);
    tb_free(&t->text);
    memset(t, 0, sizeof *t);
}

static json_t *docx_loc(const docx_ctx *d, long para)
{
    json_t *l = json_object();
    if (l) {
        json_object_set_new(l, "part", json_string(d->part));
        json_object_set_new(l, "para", json_integer(para));
    }
    return l;
}

static table_ctx *top_table(docx_ctx *d) { return d->ntable ? &d->tables[d->ntable - 1] : NULL; }

static int table_start(docx_ctx *d)
{
    if (d->ntable >= MAX_TABLE_NESTING)
        return em_error(d->em, "limit", "%s: tables nested more than %d deep", d->part,
                        MAX_TABLE_NESTING);
    table_ctx *parent = top_table(d);
    table_ctx *t = &d->tables[d->ntable++];
    memset(t, 0, sizeof *t);
    t->index = em_new_table(d->em);
    t->pending = json_array();
    t->followers = json_array();
    if (parent && parent->cells) {
        t->has_parent = 1;
        t->parent_table = parent->index;
        t->parent_row = parent->row;
        t->parent_col = parent->in_cell ? parent->cell_col : parent->col;
    }
    return t->pending && t->followers ? EM_OK : EM_ABORT;
}

static void row_start(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t)
        return;
    json_decref(t->cells);
    t->cells = json_array();
    t->col = 0;
    t->row_para = d->para + 1;
    for (int i = 0; i < t->ngrid; i++)
        t->touched[i] = 0;
}

static int cell_end(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t || !t->in_cell || !t->cells)
        return EM_OK;
    t->in_cell = 0;
    int col = t->cell_col, span = t->cell_span < 1 ? 1 : t->cell_span;
    if (span > 1000)
        span = 1000;  /* Word's grid has at most 63 columns; keep it sane */
    if (grid_reserve(t, col + span))
        return EM_ABORT;
    t->col = col + span;
    for (int c = col; c < col + span; c++)
        t->touched[c] = 1;
    if (t->vmerge == 2 && t->merge[col]) {
        json_t *top = t->merge[col];
        json_int_t rs = json_integer_value(json_object_get(top, "rowspan"));
        json_object_set_new(top, "rowspan", json_integer(rs + 1));
        return EM_OK;
    }
    if (em_cell(t->cells, col, tb_str(&t->text), t->text.len, span, 1))
        return EM_ABORT;
    if ((long)json_array_size(t->cells) > d->em->lim->max_cells)
        return em_error(d->em, "limit", "%s: table %d row %d has more than --max-cells=%ld cells",
                        d->part, t->index, t->row, d->em->lim->max_cells);
    json_t *cell = json_array_get(t->cells, json_array_size(t->cells) - 1);
    for (int c = col; c < col + span; c++)
        t->merge[c] = NULL;
    if (t->vmerge == 1)
        t->merge[col] = cell;
    return EM_OK;
}

static int row_end(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t || !t->cells)
        return EM_OK;
    if (t->in_cell) {
        int rc = cell_end(d);
        if (rc)
            return rc;
    }
    /* a merge runs on only through rows that have a cell in its column */
    for (int c = 0; c < t->ngrid; c++)
        if (!t->touched[c])
            t->merge[c] = NULL;
    json_t *extra = NULL;
    if (t->has_parent) {
        extra = json_object();
        json_t *p = json_object();
        json_object_set_new(p, "table", json_integer(t->parent_table));
        json_object_set_new(p, "row", json_integer(t->parent_row));
        json_object_set_new(p, "col", json_integer(t->parent_col));
        json_object_set_new(extra, "parent", p);
    }
    json_t *rec = em_row_new(d->em, t->index, t->row++, extra, t->cells, docx_loc(d, t->row_para));
    t->cells = NULL;
    if (!rec || json_array_append_new(t->pending, rec) || json_array_extend(t->pending, t->followers))
        return EM_ABORT;
    json_array_clear(t->followers);
    return EM_OK;
}

static int table_end(docx_ctx *d)
{
    table_ctx *t = top_table(d);
    if (!t)
        return EM_OK;
    int rc = t->cells ? row_end(d) : EM_OK;
    if (rc) {
        table_free(t);
        d->ntable--;
        return rc;
    }
    json_array_extend(t->pending, t->followers);
    table_ctx *parent = d->ntable > 1 ? &d->tables[d->ntable - 2] : NULL;
    if (parent) {
        if (json_array_extend(parent->followers, t->pending))
            rc = EM_ABORT;
    } else {
        size_t i;
        json_t *rec;
        json_array_foreach(t->pending, i, rec) {
            rc = em_put(d->em, json_incref(rec));
            if (rc)
                break;
        }
    }
    table_free(t);
    d->ntable--;
    return rc;
}

/* --- paragraphs -------------------------------------------------------- */

static para_ctx *top_para(docx_ctx *d) { return d->npara ? &d->paras[d->npara - 1] : NULL; }

static void para_start(docx_ctx *d)
{
    d->para++;
    if (d->npara >= MAX_PARA_NESTING) {
        d->npara++;  /* counted, its text goes to the enclosing one */
        return;
    }
    para_ctx *p = &d->paras[d->npara++];
    tb_clear(&p->text);
    p->level = 0;
}

static int para_end(docx_ctx *d)
{
    if (!d->npara)
        return EM_OK;
    if (d->npara > MAX_PARA_NESTING) {
        d->npara--;
        return EM_OK;
    }
    para_ctx *p = &d->paras[--d->npara];
    table_ctx *t = top_table(d);
    if (t && t->in_cell) {
        /* the paragraphs of a cell are its lines */
        if (t->cell_paras++ && tb_addc(&t->text, '\n'))
            return EM_ABORT;
        return tb_add(&t->text, p->text.s, p->text.len) ? EM_ABORT : EM_OK;
    }
    return em_paragraph(d->em, tb_str(&p->text), p->text.len, p->level, docx_loc(d, d->para));
}

static int add_text(docx_ctx *d, const char *s, size_t n)
{
    para_ctx *p = d->npara ? &d->paras[(d->npara > MAX_PARA_NESTING ? MAX_PARA_NESTING : d->npara) - 1]
                           : NULL;
    if (!p)
        return EM_OK;
    for (int i = 0; i < d->nfield && i < MAX_FIELD_NESTING; i++)
        if (d->field_code[i])
            return EM_OK;  /* a field's code, not its result */
    return tb_add(&p->text, s, n) ? EM_ABORT : EM_OK;
}

/* --- the element walk -------------------------------------------------- */

/* Elements whose whole content is left out. */
static int skipped(const char *ns, const char *n)
{
    if (strcmp(ns, NS_MC) == 0)
        return strcmp(n, "Fallback") == 0;
    if (!ns_w(ns))
        return 0;
    return strcmp(n, "del") == 0 || strcmp(n, "delText") == 0 || strcmp(n, "moveFrom") == 0 ||
           strcmp(n, "instrText") == 0 || strcmp(n, "pPrChange") == 0 ||
           strcmp(n, "rPrChange") == 0 || strcmp(n, "tcPrChange") == 0 ||
           strcmp(n, "trPrChange") == 0 || strcmp(n, "tblPrChange") == 0 ||
           strcmp(n, "sectPrChange") == 0 || strcmp(n, "tabs") == 0;
}

static int on_field_char(docx_ctx *d)
{
    char *type = xml_wattr(&d->x, "fldCharType");
    if (!type)
        return EM_OK;
    if (strcmp(type, "begin") == 0) {
        if (d->nfield < MAX_FIELD_NESTING)
            d->field_code[d->nfield] = 1;
        d->nfield++;
    } else if (strcmp(type, "separate") == 0) {
        if (d->nfield > 0 && d->nfield <= MAX_FIELD_NESTING)
            d->field_code[d->nfield - 1] = 0;
    } else if (strcmp(type, "end") == 0) {
        if (d->nfield > 0)
            d->nfield--;
    }
    free(type);
    return EM_OK;
}

static int on_start(docx_ctx *d)
{
    xml_in *x = &d->x;
    const char *ns = xml_ns(x), *n = xml_local(x);
    if (skipped(ns, n))
        return xml_skip(x) ? x->rc : EM_OK;
    if (!ns_w(ns))
        return EM_OK;
    table_ctx *t = top_table(d);
    switch (n[0]) {
    case 'b':
        if (strcmp(n, "br") == 0 && d->in_run)
            return add_text(d, "\n", 1);
        break;
    case 'c':
        if (strcmp(n, "cr") == 0 && d->in_run)
            return add_text(d, "\n", 1);
        break;
    case 'f':
        if (strcmp(n, "fldChar") == 0)
            return on_field_char(d);
        if (strcmp(n, "footnote") == 0 || strcmp(n, "endnote") == 0) {
            char *type = xml_wattr(x, "type");
            int sep = type && strcmp(type, "normal") != 0;
            free(type);
            if (sep)  /* separators and continuation notices */
                return xml_skip(x) ? x->rc : EM_OK;
        }
        break;
    case 'g':
        if (t && t->cells && strcmp(n, "gridBefore") == 0 && !t->in_cell) {
            long v = xml_wattr_long(x, "val", 0);
            if (v > 0 && v < 1000)
                t->col += (int)v;
        } else if (t && t->in_cell && strcmp(n, "gridSpan") == 0) {
            long v = xml_wattr_long(x, "val", 1);
            t->cell_span = v >= 1 && v <= 1000 ? (int)v : 1;
        }
        break;
    case 'n':
        if (strcmp(n, "noBreakHyphen") == 0 && d->in_run)
            return add_text(d, "-", 1);
        break;
    case 'o':
        if (strcmp(n, "outlineLvl") == 0 && d->npara && d->npara <= MAX_PARA_NESTING) {
            long v = xml_wattr_long(x, "val", 9);
            if (v >= 0 && v < 9)
                top_para(d)->level = (int)v + 1;
        }
        break;
    case 'p':
        if (strcmp(n, "p") == 0) {
            para_start(d);
            if (xml_empty(x))
                return para_end(d);
        } else if (strcmp(n, "pStyle") == 0 && d->npara && d->npara <= MAX_PARA_NESTING) {
            char *v = xml_wattr(x, "val");
            if (v)
                top_para(d)->level = style_level(d->styles, v);
            free(v);
        }
        break;
    case 'r':
        if (strcmp(n, "r") == 0 && !xml_empty(x))
            d->in_run++;
        break;
    case 't':
        if (strcmp(n, "t") == 0) {
            d->in_t = !xml_empty(x);
        } else if (strcmp(n, "tab") == 0 && d->in_run) {
            return add_text(d, "\t", 1);
        } else if (strcmp(n, "tbl") == 0) {
            int rc = table_start(d);
            if (rc == EM_OK && xml_empty(x))
                rc = table_end(d);
            return rc;
        } else if (strcmp(n, "tr") == 0) {
            row_start(d);
            if (xml_empty(x))
                return row_end(d);
        } else if (strcmp(n, "tc") == 0 && t && t->cells) {
            if (t->in_cell) {
                int rc = cell_end(d);
                if (rc)
                    return rc;
            }
            t->in_cell = 1;
            t->cell_col = t->col;
            t->cell_span = 1;
            t->vmerge = 0;
            t->cell_paras = 0;
            tb_clear(&t->text);
            if (xml_empty(x))
                return cell_end(d);
        }
        break;
    case 'v':
        if (strcmp(n, "vMerge") == 0 && t && t->in_cell) {
            char *v = xml_wattr(x, "val");
            t->vmerge = v && strcmp(v, "restart") == 0 ? 1 : 2;
            free(v);
        }
        break;
    }
    return EM_OK;
}

static int on_end(docx_ctx *d)
{
    xml_in *x = &d->x;
    if (!ns_w(xml_ns(x)))
        return EM_OK;
    const char *n = xml_local(x);
    if (strcmp(n, "p") == 0)
        return para_end(d);
    if (strcmp(n, "r") == 0) {
        if (d->in_run)
            d->in_run--;
    } else if (strcmp(n, "t") == 0) {
        d->in_t = 0;
    } else if (strcmp(n, "tc") == 0) {
        return cell_end(d);
    } else if (strcmp(n, "tr") == 0) {
        return row_end(d);
    } else if (strcmp(n, "tbl") == 0) {
        return table_end(d);
    }
    return EM_OK;
}

static int read_part(docx_ctx *d, const unsigned char *data, size_t len, const char *part)
{
    d->part = part;
    d->para = 0;
    if (xml_open(&d->x, d->em, data, len, part))
        return d->x.rc;
    int rc = EM_OK, r;
    while (rc == EM_OK && (r = xml_next(&d->x)) != 0) {
        if (r < 0) {
            rc = d->x.rc;
            break;
        }
        int type = xml_type(&d->x);
        if (type == XML_READER_TYPE_ELEMENT) {
            rc = on_start(d);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            rc = on_end(d);
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                    type == XML_READER_TYPE_CDATA) && d->in_t) {
            const xmlChar *v = xmlTextReaderConstValue(d->x.r);
            if (v)
                rc = add_text(d, (const char *)v, strlen((const char *)v));
        }
    }
    /* whatever a broken part left open is still written */
    while (rc != EM_ABORT && d->ntable) {
        int r2 = table_end(d);
        if (r2 == EM_ABORT)
            rc = r2;
    }
    while (d->ntable)
        table_free(&d->tables[--d->ntable]);
    d->npara = 0;
    d->nfield = 0;
    d->in_run = d->in_t = 0;
    xml_close(&d->x);
    return rc;
}

int read_docx(const unsigned char *data, size_t len, emitter *em)
{
    int rc = EM_OK;
    zip_t *za = ooxml_open(em, data, len, &rc);
    if (!za)
        return rc;
    style_map styles = {0};
    docx_ctx *d = calloc(1, sizeof *d);
    if (!d) {
        zip_discard(za);
        return em_error(em, "memory", "out of memory");
    }
    d->em = em;
    d->styles = &styles;
    rc = read_styles(em, za, &styles);
    static const char *const parts[] = {"word/document.xml", "word/footnotes.xml",
                                        "word/endnotes.xml", NULL};
    for (int i = 0; parts[i] && rc == EM_OK; i++) {
        unsigned char *xml;
        size_t xlen;
        int r = ooxml_part(em, za, parts[i], &xml, &xlen, &rc);
        if (r == 1) {
            if (i == 0)
                rc = em_error(em, "ooxml", "word/document.xml is missing");
            continue;
        }
        if (r < 0)
            break;
        rc = read_part(d, xml, xlen, parts[i]);
        free(xml);
    }
    for (int i = 0; i < MAX_PARA_NESTING; i++)
        tb_free(&d->paras[i].text);
    free(d);
    styles_free(&styles);
    zip_discard(za);
    return rc;
}
