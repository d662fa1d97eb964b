/* The figures of the text: paragraph by paragraph, under their headings,
 * sentence by sentence (sentence.c says what each figure is). */
#include "codes.h"
#include "sentence.h"
#include "tabulate.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Heading level of a paragraph by its numbering: 1 for 第一部分, 2 for 一、,
 * 3 for （一）, 0 for body text. Short lines without figures only. */
static int heading_level(const tpara *p)
{
    const char *t = p->text;
    size_t n = tx_cplen(t, strlen(t));
    if (n == 0 || n > 50)
        return 0;
    if (strstr(t, "万元") || strstr(t, "%") || strstr(t, "……") || strstr(t, "...."))
        return 0;
    if (p->level > 0)
        return p->level < 2 ? 2 : p->level + 1 > 4 ? 4 : p->level + 1;
    if (strncmp(t, "第", strlen("第")) == 0 && strstr(t, "部分"))
        return 1;
    const char *after = tx_skip_numbering(t);
    if (after == t)
        return 0;
    uint32_t c;
    tx_cp(t, &c);
    if (c == '(' || c == 0xFF08)
        return 3;
    if (c >= '0' && c <= '9')
        return 0;   /* 1.xxx: a list item, not a heading */
    return 2;
}

/* 1 when a paragraph ends a sentence: text conversions of PDFs cut
 * sentences at line ends (`…，完` / `成预算 93.22%。`). */
static int ends_sentence(const char *t)
{
    static const char *const END[] = {"。", "；", "！", "？", "：", ":", ";", ".", "）", ")", NULL};
    size_t n = strlen(t);
    for (int i = 0; END[i]; i++)
        if (n >= strlen(END[i]) && strcmp(t + n - strlen(END[i]), END[i]) == 0)
            return 1;
    return 0;
}

/* Counting code points up to a byte offset, forward only, so that the
 * offsets of a paragraph's figures cost one pass over it. */
typedef struct {
    size_t byte, cp;
} cpcursor;

static size_t advance(cpcursor *c, const char *t, size_t to)
{
    if (to < c->byte) {   /* never in order of reading; counted afresh */
        c->byte = 0;
        c->cp = 0;
    }
    c->cp += tx_cplen(t + c->byte, to - c->byte);
    c->byte = to;
    return c->cp;
}

/* A run of paragraphs that make one logical paragraph. */
typedef struct {
    sbuf text;
    int first, last;          /* paragraph indexes */
    size_t starts[64];        /* byte offset of each physical paragraph in text */
    int nstarts;
} lpara;

static int continues(const tpara *prev, const tpara *next)
{
    return !ends_sentence(prev->text) && tx_cplen(prev->text, strlen(prev->text)) >= 30 &&
           heading_level(next) == 0 && tx_skip_numbering(next->text) == next->text;
}

typedef struct {
    tab_doc *d;
    nfigure *figs;
    int max;
    char *heads[5];
    char *pending;            /* what the previous paragraph announced (…：) */
} nstate;

static int run_paragraph(nstate *st, lpara *lp)
{
    tab_doc *d = st->d;
    const char *heading = NULL, *section = st->heads[2];
    for (int k = 4; k >= 1 && !heading; k--)
        heading = st->heads[k];
    char *topic = st->pending;
    st->pending = NULL;
    char *last_subject = NULL, *last_code = NULL;
    cpcursor fig_cur = {0, 0}, par_cur = {0, 0};
    int taken = 0, rc = 0, any = 0;
    const char *t = lp->text.s;
    size_t off = 0;
    while (t[off] && !rc && taken < st->max) {
        size_t sl = sentence_next(t + off);
        char *sent = tx_ndup(t + off, sl);
        nctx ctx = {d->meta.year, d->meta.entity, topic};
        int n = sentence_figures(sent, &ctx, st->figs, st->max - taken);
        if (n == 0 && (strstr(sent, "（") || strchr(sent, '(')) && codes_is_classification(sent)) {
            /* "2. 社会保障和就业支出（类）…（项）。" names what follows */
            free(topic);
            topic = tx_clean(sent);
            size_t tl = strlen(topic);
            static const char *const TAIL[] = {"。", "：", ":", NULL};
            for (int i = 0; TAIL[i]; i++)
                if (tl >= strlen(TAIL[i]) && strcmp(topic + tl - strlen(TAIL[i]), TAIL[i]) == 0) {
                    topic[tl - strlen(TAIL[i])] = '\0';
                    tl = strlen(topic);
                }
            const char *skip = tx_skip_numbering(topic);
            memmove(topic, skip, strlen(skip) + 1);
        }
        any += n;
        char *clean = n ? tx_clean(sent) : NULL;
        if (clean && tx_cplen(clean, strlen(clean)) > (size_t)d->lim.max_sentence_chars) {
            /* every figure repeats its sentence: a runaway one is cut, marked … */
            size_t b = 0;
            for (int c = 0; c < d->lim.max_sentence_chars && clean[b]; c++) {
                uint32_t cp;
                b += (size_t)tx_cp(clean + b, &cp);
            }
            clean[b] = '\0';
            char *cut = malloc(b + sizeof "…");
            if (!cut)
                abort();
            memcpy(cut, clean, b);
            memcpy(cut + b, "…", sizeof "…");
            free(clean);
            clean = cut;
        }
        for (int i = 0; i < n && !rc; i++) {
            nfigure *f = &st->figs[i];
            jline *w = fw_begin(d, "narrative");
            jl_str(w, "measure", f->measure);
            jl_str(w, "subject", f->subject);
            jl_str(w, "basis", f->basis);
            /* figures of one sentence mostly share their subject */
            if (f->subject && (!last_subject || strcmp(last_subject, f->subject) != 0)) {
                free(last_subject);
                free(last_code);
                last_subject = tx_dup(f->subject);
                last_code = codes_resolve(f->subject);
            }
            jl_str(w, "code", f->subject ? last_code : NULL);
            jl_str(w, "value", f->value);
            jl_str(w, "direction", f->direction);
            jl_str(w, "unit", f->unit);
            jl_str(w, "base_year", f->base_year);
            jl_str(w, "base", f->base);
            jl_str(w, "heading", heading);
            jl_str(w, "section", section);
            jl_str(w, "sentence", clean);
            /* back to the physical paragraph the number is in */
            size_t at = off + f->offset;
            int k = 0;
            while (k + 1 < lp->nstarts && lp->starts[k + 1] <= at)
                k++;
            jl_open_object(w, "locator");
            jl_int(w, "paragraph", d->paras[lp->first + k].ordinal);
            /* code points counted forward only: figures come in order */
            size_t cp_at = advance(&fig_cur, t, at);
            size_t cp_start = advance(&par_cur, t, lp->starts[k]);
            jl_int(w, "offset", (long)(cp_at - cp_start));
            jl_close(w);
            rc = fw_emit(d);
        }
        free(clean);
        sentence_free(st->figs, n);
        taken += n;
        free(sent);
        off += sl;
    }
    /* a paragraph that only announces (…信息化建设（04）：) names the next */
    size_t tl = strlen(t);
    if (!any && tl && (tx_ends(t, "：") || tx_ends(t, ":")) && codes_is_classification(t)) {
        st->pending = tx_ndup(t, tl - (tx_ends(t, ":") ? 1 : strlen("：")));
        const char *skip = tx_skip_numbering(st->pending);
        memmove(st->pending, skip, strlen(skip) + 1);
    }
    free(topic);
    free(last_subject);
    free(last_code);
    return rc;
}

int narrative_run(tab_doc *d)
{
    nstate st = {.d = d, .max = d->lim.max_paragraph_figures};
    st.figs = malloc(sizeof(nfigure) * (size_t)st.max);
    if (!st.figs)
        abort();
    int rc = 0;
    for (int pi = 0; pi < d->npara && !rc;) {
        const tpara *p = &d->paras[pi];
        int lv = heading_level(p);
        if (lv) {
            for (int k = lv; k < 5; k++) {
                free(st.heads[k]);
                st.heads[k] = NULL;
            }
            st.heads[lv] = tx_dup(p->text);
            free(st.pending);
            st.pending = NULL;
            pi++;
            continue;
        }
        if (strstr(p->text, "....") || strstr(p->text, "……")) {
            pi++;
            continue;   /* a table of contents */
        }
        lpara lp = {.first = pi};
        sb_puts(&lp.text, p->text);
        lp.starts[lp.nstarts++] = 0;
        int q = pi + 1;
        while (q < d->npara && lp.nstarts < 64 && continues(&d->paras[q - 1], &d->paras[q])) {
            lp.starts[lp.nstarts++] = lp.text.len;
            sb_puts(&lp.text, d->paras[q].text);
            q++;
        }
        lp.last = q - 1;
        rc = run_paragraph(&st, &lp);
        free(lp.text.s);
        pi = q;
    }
    for (int k = 0; k < 5; k++)
        free(st.heads[k]);
    free(st.pending);
    free(st.figs);
    return rc;
}
