/* OFD (GB/T 33190-2016), the fixed-layout format Chinese e-government
 * publishes beside PDF: a zip package whose OFD.xml names each document's
 * root (DocRoot → Document.xml), which lists the pages (Pages/Page BaseLoc
 * → Content.xml) and the template pages they draw first. A page's text
 * objects place their characters exactly: TextCode X/Y (the baseline) and
 * DeltaX/DeltaY steps in millimetres, inside the object's Boundary and
 * through its CTM. OFD keeps no more structure than a PDF does, so each
 * page's characters and boxes go to the PDF layout (pdf_layout.c), and
 * tables come out as they do from a PDF. */
#include "extract.h"
#include "layout_sink.h"
#include "ooxml.h"
#include "pdf_layout.h"

#include <glib.h>

#include <math.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)
/* a character's box from its baseline, in em: CJK fonts' usual ascent and
 * descent (SimSun 0.859 / 0.141) */
#define ASCENT 0.86
#define DESCENT 0.14

typedef struct {
    double area[4];     /* the page's PhysicalBox (x y w h, mm); w 0: none known */
    GString *text;      /* the page's characters, text objects apart by '\n' */
    GArray *boxes;      /* layout_box per character of text */
    int chars;          /* not counting the separators */
} ofd_page;

typedef struct {
    emitter *em;
    zip_t *za;
    page_layout *L;
    ofd_page page;
    int pages;          /* laid out so far, over every document */
    int failed;         /* a page could not be read (an error record says which) */
} ofd_ctx;

/* Numbers of an ST_Array ("1 2.5 3"), the OFD way; DeltaX and DeltaY may
 * also say "g N v": N steps of v. At most max values; how many. */
static int numbers(const char *s, double *v, int max, bool repeats)
{
    int n = 0;
    while (s && *s && n < max) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ',')
            s++;
        if (!*s)
            break;
        if (repeats && *s == 'g' && (s[1] == ' ' || s[1] == '\t')) {
            char *e;
            long count = strtol(s + 1, &e, 10);
            double step = g_ascii_strtod(e, &e);
            if (e == s + 1)
                break;
            for (long k = 0; k < count && n < max; k++)
                v[n++] = step;
            s = e;
            continue;
        }
        char *e;
        double d = g_ascii_strtod(s, &e);
        if (e == s)
            break;
        v[n++] = d;
        s = e;
    }
    return n;
}

/* A part's path from a location written in another part: absolute from
 * the package root ("/Doc_0/…"), else relative to base's folder; some
 * writers give a path from the root without the slash (Doc_0/Pages/… in
 * Doc_0/Document.xml), taken when the relative one names no part. */
static char *resolve(zip_t *za, const char *base_dir, const char *loc)
{
    while (*loc == ' ')
        loc++;
    if (*loc == '/')
        return g_strdup(loc + 1);
    char *rel = g_strconcat(base_dir, loc, NULL);
    if (zip_name_locate(za, rel, 0) < 0 && zip_name_locate(za, loc, 0) >= 0) {
        g_free(rel);
        return g_strdup(loc);
    }
    return rel;
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return g_strndup(path, slash ? (size_t)(slash - path + 1) : 0);
}

/* The text of the element at the reader (a DocRoot, a PhysicalBox). */
static char *element_text(xml_in *x)
{
    xmlChar *v = xml_empty(x) ? NULL : xmlTextReaderReadString(x->r);
    char *s = g_strdup(v ? (const char *)v : "");
    xmlFree(v);
    return g_strstrip(s);
}

/* The width a glyph of c takes, in em, where no step says: full for CJK,
 * full-width forms and the East Asian ambiguous ones (— ① ×, full in a
 * CJK font), half for the rest. */
static double advance(gunichar c)
{
    return g_unichar_iswide_cjk(c) ? 1.0 : 0.5;
}

typedef struct {
    double bx, by, bw, bh; /* Boundary */
    double ctm[6];
    double size;         /* font size, mm */
    bool slanted;        /* its CTM turns it by other than a right angle */
    double pen_x, pen_y; /* where the next TextCode starts when it has no X/Y */
} text_object;

static void add_char(ofd_page *pg, const text_object *o, const char *ch, size_t n, double x,
                     double y, double step)
{
    /* text set at a slant (仅供公开查阅 across the page) is a watermark or a
     * stamp's, no text of the report: left out, as the PDF layout leaves out
     * the glyphs poppler boxes at a slant */
    if (o->slanted)
        return;
    gunichar c = g_utf8_get_char(ch);
    double w = advance(c) * o->size;
    if (step > 0 && step < w) /* condensed: the glyph is no wider than its step */
        w = step;
    double xs[2] = {x, x + w}, ys[2] = {y - ASCENT * o->size, y + DESCENT * o->size};
    double x1 = 1e300, y1 = 1e300, x2 = -1e300, y2 = -1e300;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            const double *m = o->ctm;
            double px = m[0] * xs[i] + m[2] * ys[j] + m[4] + o->bx;
            double py = m[1] * xs[i] + m[3] * ys[j] + m[5] + o->by;
            x1 = px < x1 ? px : x1;
            x2 = px > x2 ? px : x2;
            y1 = py < y1 ? py : y1;
            y2 = py > y2 ? py : y2;
        }
    /* the Boundary clips what the object draws: a glyph is no wider than
     * what shows of it (a last glyph without a step, in a font narrower
     * than its size) */
    if (o->bw > 0 && o->bh > 0 && x1 < o->bx + o->bw && x2 > o->bx && y1 < o->by + o->bh &&
        y2 > o->by) {
        x1 = x1 < o->bx ? o->bx : x1;
        x2 = x2 > o->bx + o->bw ? o->bx + o->bw : x2;
        y1 = y1 < o->by ? o->by : y1;
        y2 = y2 > o->by + o->bh ? o->by + o->bh : y2;
    }
    double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
    const double *a = pg->area;
    if (a[2] > 0 && a[3] > 0 && (cx < a[0] || cx > a[0] + a[2] || cy < a[1] || cy > a[1] + a[3]))
        return; /* off the page: not printed */
    layout_box b = {x1 * PT_PER_MM, y1 * PT_PER_MM, x2 * PT_PER_MM, y2 * PT_PER_MM};
    g_string_append_len(pg->text, ch, (gssize)n);
    g_array_append_val(pg->boxes, b);
    pg->chars++;
}

/* Text objects are set apart in the page text, as poppler's lines are. */
static void separate(ofd_page *pg)
{
    if (pg->text->len && pg->text->str[pg->text->len - 1] != '\n') {
        layout_box b = {0, 0, 0, 0};
        g_string_append_c(pg->text, '\n');
        g_array_append_val(pg->boxes, b);
    }
}

/* One TextCode: its text and the attributes read at its start. */
static void place_code(ofd_page *pg, text_object *o, const char *text, const char *ax,
                       const char *ay, const char *dx, const char *dy)
{
    glong n = g_utf8_strlen(text, -1);
    if (n <= 0)
        return;
    double x = o->pen_x, y = o->pen_y;
    if (ax)
        x = g_ascii_strtod(ax, NULL);
    if (ay)
        y = g_ascii_strtod(ay, NULL);
    double *sx = g_new0(double, n), *sy = g_new0(double, n);
    int nx = numbers(dx, sx, (int)n, true), ny = numbers(dy, sy, (int)n, true);
    const char *p = text;
    for (glong i = 0; i < n; i++) {
        const char *next = g_utf8_next_char(p);
        /* a step after the last given repeats it, as the standard reads */
        double step = i < nx ? sx[i] : (nx ? sx[nx - 1] : 0);
        add_char(pg, o, p, (size_t)(next - p), x, y, i < n - 1 || i < nx ? step : 0);
        /* a column set by DeltaY alone steps down; the pen ends a glyph on */
        if (nx || !ny || i == n - 1)
            x += nx ? step : advance(g_utf8_get_char(p)) * o->size;
        if (ny && i < n - 1)
            y += i < ny ? sy[i] : sy[ny - 1];
        p = next;
    }
    o->pen_x = x;
    o->pen_y = y;
    g_free(sx);
    g_free(sy);
}

static void begin_object(xml_in *x, text_object *o)
{
    char *b = xml_attr(x, NULL, "Boundary"), *m = xml_attr(x, NULL, "CTM"),
         *s = xml_attr(x, NULL, "Size");
    double box[4] = {0, 0, 0, 0}, ctm[6] = {1, 0, 0, 1, 0, 0};
    numbers(b, box, 4, false);
    if (numbers(m, ctm, 6, false) != 6)
        memcpy(ctm, (double[6]){1, 0, 0, 1, 0, 0}, sizeof ctm);
    o->bx = box[0];
    o->by = box[1];
    o->bw = box[2];
    o->bh = box[3];
    memcpy(o->ctm, ctm, sizeof ctm);
    /* a right angle turns the axes into each other: a and d, or b and c, are 0 */
    double turn = fabs(ctm[1]) + fabs(ctm[2]), keep = fabs(ctm[0]) + fabs(ctm[3]);
    o->slanted = turn > 0.05 * keep && keep > 0.05 * turn;
    o->size = s ? g_ascii_strtod(s, NULL) : 0;
    if (!(o->size > 0 && o->size < 1000))
        o->size = 3.5; /* 五号 (10.5 pt): what a body text object is set in */
    o->pen_x = o->pen_y = 0;
    free(b);
    free(m);
    free(s);
}

/* Reads the text objects of a page (or template page) part into c->page.
 * 0 ok, 1 the part is absent, -1 an error record was written (*rc).
 * Template IDs the page draws are put in templates. */
static int read_content(ofd_ctx *c, const char *part, GArray *templates, int *rc)
{
    unsigned char *data;
    size_t len;
    int r = ooxml_part(c->em, c->za, part, &data, &len, rc);
    if (r)
        return r;
    xml_in x;
    if (xml_open(&x, c->em, data, len, part)) {
        free(data);
        *rc = x.rc;
        return -1;
    }
    text_object o = {0, 0, 0, 0, {1, 0, 0, 1, 0, 0}, 3.5, false, 0, 0};
    bool in_object = false, in_code = false;
    char *ax = NULL, *ay = NULL, *dx = NULL, *dy = NULL;
    GString *code = g_string_new(NULL);
    int max = PDF_MAX_PAGE_CHARS_DEFAULT;
    while ((r = xml_next(&x)) == 1) {
        const char *name = xml_local(&x);
        if (xml_start(&x) && strcmp(name, "TextObject") == 0) {
            begin_object(&x, &o);
            in_object = !xml_empty(&x);
            separate(&c->page);
        } else if (xml_start(&x) && in_object && strcmp(name, "TextCode") == 0) {
            free(ax), free(ay), free(dx), free(dy); /* (one left open) */
            ax = xml_attr(&x, NULL, "X");
            ay = xml_attr(&x, NULL, "Y");
            dx = xml_attr(&x, NULL, "DeltaX");
            dy = xml_attr(&x, NULL, "DeltaY");
            g_string_truncate(code, 0);
            in_code = !xml_empty(&x);
        } else if (in_code && (xml_type(&x) == XML_READER_TYPE_TEXT ||
                               xml_type(&x) == XML_READER_TYPE_CDATA ||
                               xml_type(&x) == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const char *v = (const char *)xmlTextReaderConstValue(x.r);
            if (v)
                g_string_append(code, v);
        } else if (xml_end(&x) && strcmp(name, "TextCode") == 0 && in_object) {
            place_code(&c->page, &o, code->str, ax, ay, dx, dy);
            free(ax), free(ay), free(dx), free(dy);
            ax = ay = dx = dy = NULL;
            in_code = false;
            if (c->page.chars > max) {
                *rc = em_error(c->em, "limit", "%s: more than %d characters on page %d",
                               part, max, c->pages + 1);
                r = -1;
                break;
            }
        } else if (xml_end(&x) && strcmp(name, "TextObject") == 0) {
            in_object = false;
        } else if (xml_start(&x) && strcmp(name, "PhysicalBox") == 0) {
            char *box = element_text(&x); /* the page's own size (Area) */
            double a[4];
            if (numbers(box, a, 4, false) == 4 && a[2] > 0 && a[3] > 0)
                memcpy(c->page.area, a, sizeof a);
            g_free(box);
        } else if (xml_start(&x) && templates && strcmp(name, "Template") == 0) {
            char *id = xml_attr(&x, NULL, "TemplateID");
            if (id) {
                long v = strtol(id, NULL, 10);
                g_array_append_val(templates, v);
            }
            free(id);
        }
    }
    if (r < 0 && !*rc)
        *rc = x.rc;
    free(ax), free(ay), free(dx), free(dy);
    g_string_free(code, TRUE);
    xml_close(&x);
    free(data);
    return r < 0 ? -1 : 0;
}

typedef struct {
    long id;
    char *loc;
} template_ref;

static int lay_out(ofd_ctx *c, bool last)
{
    int r = layout_page(c->L, c->pages + 1, last, c->page.text->str,
                        (const layout_box *)(void *)c->page.boxes->data, c->page.boxes->len,
                        PDF_MAX_PAGE_CHARS_DEFAULT);
    c->pages++;
    g_string_truncate(c->page.text, 0);
    g_array_set_size(c->page.boxes, 0);
    c->page.chars = 0;
    return r;
}

/* The pages of one document (its Document.xml at root). */
static int read_document(ofd_ctx *c, const char *root, bool last_doc, int *rc)
{
    unsigned char *data;
    size_t len;
    int r = ooxml_part(c->em, c->za, root, &data, &len, rc);
    if (r == 1) {
        *rc = em_error(c->em, "ofd_damaged", "%s: the document root OFD.xml names is missing", root);
        return -1;
    }
    if (r)
        return -1;
    xml_in x;
    if (xml_open(&x, c->em, data, len, root)) {
        free(data);
        *rc = x.rc;
        return -1;
    }
    char *dir = folder_of(root);
    GPtrArray *pages = g_ptr_array_new_with_free_func(g_free);
    GArray *tpl = g_array_new(FALSE, FALSE, sizeof(template_ref));
    double area[4] = {0, 0, 0, 0}; /* CommonData/PageArea: every page's unless its own */
    while ((r = xml_next(&x)) == 1) {
        if (!xml_start(&x))
            continue;
        const char *name = xml_local(&x);
        if (strcmp(name, "PhysicalBox") == 0 && area[2] == 0) {
            char *box = element_text(&x);
            if (numbers(box, area, 4, false) != 4 || area[2] <= 0 || area[3] <= 0)
                memset(area, 0, sizeof area);
            g_free(box);
            continue;
        }
        char *loc = strcmp(name, "Page") == 0 || strcmp(name, "TemplatePage") == 0
                        ? xml_attr(&x, NULL, "BaseLoc")
                        : NULL;
        if (!loc)
            continue;
        if (strcmp(name, "Page") == 0) {
            g_ptr_array_add(pages, resolve(c->za, dir, loc));
        } else {
            char *id = xml_attr(&x, NULL, "ID");
            template_ref t = {id ? strtol(id, NULL, 10) : -1, resolve(c->za, dir, loc)};
            g_array_append_val(tpl, t);
            free(id);
        }
        free(loc);
    }
    if (r < 0)
        *rc = x.rc;
    xml_close(&x);
    free(data);
    if (r == 0 && (int)pages->len + c->pages > c->em->lim->max_pages) {
        *rc = em_error(c->em, "limit", "OFD has more than %d pages (--max-pages)", c->em->lim->max_pages);
        r = -1;
    }
    GArray *used = g_array_new(FALSE, FALSE, sizeof(long));
    for (guint p = 0; r == 0 && p < pages->len; p++) {
        const char *part = g_ptr_array_index(pages, p);
        g_array_set_size(used, 0);
        /* the page's objects, then its templates' (the layout orders glyphs
         * by where they stand, not by when they are drawn) */
        memcpy(c->page.area, area, sizeof area);
        int pr = read_content(c, part, used, rc);
        for (guint u = 0; pr == 0 && u < used->len; u++)
            for (guint t = 0; t < tpl->len; t++) {
                template_ref *tr = &g_array_index(tpl, template_ref, t);
                if (tr->id == g_array_index(used, long, u)) {
                    if (read_content(c, tr->loc, NULL, rc) < 0)
                        pr = -1;
                    break;
                }
            }
        if (pr == 1) {
            *rc = em_error(c->em, "ofd_damaged", "page %d: %s is missing", c->pages + 1, part);
            c->failed = 1;
            pr = 0; /* the other pages are still read */
        }
        if (pr < 0) {
            r = -1;
            break;
        }
        int lr = lay_out(c, last_doc && p + 1 == pages->len);
        if (lr == -2) {
            r = -2;
        } else if (lr == -1) {
            *rc = em_error(c->em, "oom", "out of memory while laying out page %d", c->pages);
            r = -1;
        } else if (lr == -3) {
            *rc = em_error(c->em, "limit", "page %d has more than %d characters",
                           c->pages, PDF_MAX_PAGE_CHARS_DEFAULT);
            r = -1;
        }
    }
    for (guint t = 0; t < tpl->len; t++)
        g_free(g_array_index(tpl, template_ref, t).loc);
    g_array_free(tpl, TRUE);
    g_array_free(used, TRUE);
    g_ptr_array_free(pages, TRUE);
    g_free(dir);
    return r;
}

/* The document roots OFD.xml names, in order. */
static int doc_roots(ofd_ctx *c, GPtrArray *roots, int *rc)
{
    unsigned char *data;
    size_t len;
    int r = ooxml_part(c->em, c->za, "OFD.xml", &data, &len, rc);
    if (r == 1)
        *rc = em_error(c->em, "ofd_damaged", "OFD.xml is missing");
    if (r)
        return -1;
    xml_in x;
    if (xml_open(&x, c->em, data, len, "OFD.xml")) {
        free(data);
        *rc = x.rc;
        return -1;
    }
    while ((r = xml_next(&x)) == 1) {
        if (xml_start(&x) && strcmp(xml_local(&x), "DocRoot") == 0) {
            char *root = element_text(&x);
            if (root[0])
                g_ptr_array_add(roots, resolve(c->za, "", root));
            g_free(root);
        }
    }
    if (r < 0)
        *rc = x.rc;
    xml_close(&x);
    free(data);
    if (r == 0 && roots->len == 0) {
        *rc = em_error(c->em, "ofd_damaged", "OFD.xml names no document (DocBody/DocRoot)");
        r = -1;
    }
    return r < 0 ? -1 : 0;
}

int read_ofd(const unsigned char *data, size_t len, emitter *em)
{
    int rc = EM_OK;
    zip_t *za = ooxml_open(em, data, len, &rc);
    if (!za)
        return rc;
    layout_emitter le;
    layout_emitter_init(&le, em);
    ofd_ctx c = {em, za, layout_new(&le.sink), {{0, 0, 0, 0}, NULL, NULL, 0}, 0, 0};
    if (!c.L) {
        zip_discard(za);
        return em_error(em, "oom", "out of memory");
    }
    c.page.text = g_string_new(NULL);
    c.page.boxes = g_array_new(FALSE, FALSE, sizeof(layout_box));
    GPtrArray *roots = g_ptr_array_new_with_free_func(g_free);
    int r = doc_roots(&c, roots, &rc);
    for (guint d = 0; r == 0 && d < roots->len; d++)
        r = read_document(&c, g_ptr_array_index(roots, d), d + 1 == roots->len, &rc);
    layout_emitter_done(&le, em);
    long glyphs = layout_glyphs(c.L);
    layout_delete(c.L);
    g_ptr_array_free(roots, TRUE);
    g_string_free(c.page.text, TRUE);
    g_array_free(c.page.boxes, TRUE);
    zip_discard(za);
    if (r == -2)
        return le.rc ? le.rc : EM_ABORT;
    if (r < 0)
        return rc ? rc : EM_FAIL;
    if (c.failed)
        return EM_FAIL;
    if (glyphs == 0)
        return em_error(em, "ofd_no_text", "OFD has no text (scanned images?): it needs OCR");
    return EM_OK;
}
