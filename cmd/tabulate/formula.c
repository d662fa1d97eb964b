#include "formula.h"

#include "text.h"

#include <string.h>

/* One token of the formula alphabet, folded: '0'..'9', '=', '(', ')',
 * '+', '-', '.', 'R' (行), 'C' (栏), 'E' (各), 'W' (white space), or 0. */
static int tok(const char *s, int *len)
{
    uint32_t c;
    *len = tx_cp(s, &c);
    if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
    switch (c) {
    case '=': case '(': case ')': case '+': case '-': return (int)c;
    case 0x2212: case 0x2014: return '-';
    case '.': case 0x2026: case 0x22EF: return '.';
    case 0x884C: return 'R';   /* 行 */
    case 0x680F: return 'C';   /* 栏 */
    case 0x5404: return 'E';   /* 各 */
    case ' ': case 0x3000: case 0xA0: case '\t': return 'W';
    }
    if (c >= '0' && c <= '9')
        return (int)c;
    return 0;
}

typedef struct {
    const char *s;
    size_t i;
} cursor;

static int peek(cursor *c, int *len)
{
    for (;;) {
        if (!c->s[c->i]) {
            *len = 0;
            return 0;
        }
        int t = tok(c->s + c->i, len);
        if (t != 'W')
            return t;
        c->i += (size_t)*len;
    }
}

static int eat(cursor *c, int want)
{
    int l, t = peek(c, &l);
    if (t != want)
        return 0;
    c->i += (size_t)l;
    return 1;
}

static int number(cursor *c, long *v)
{
    int l, t = peek(c, &l), n = 0;
    *v = 0;
    while (t >= '0' && t <= '9' && n < 6) {
        *v = *v * 10 + (t - '0');
        c->i += (size_t)l;
        n++;
        t = tok(c->s + c->i, &l);
    }
    return n > 0;
}

/* 行 | 栏, optionally followed by 各行 */
static int axis(cursor *c, int *row, int *each)
{
    int l, t = peek(c, &l);
    if (t != 'R' && t != 'C')
        return 0;
    *row = t == 'R';
    c->i += (size_t)l;
    size_t save = c->i;
    if (eat(c, 'E') && eat(c, 'R'))
        *each = 1;
    else
        c->i = save;
    return 1;
}

static int dots(cursor *c)
{
    int n = 0, l;
    while (peek(c, &l) == '.') {
        c->i += (size_t)l;
        n++;
    }
    return n;
}

/* bare: a 栏次 cell's formula, its terms columns without 栏 (1=2+3+4) */
static int parse_at(const char *s, size_t at, formula *f, int bare)
{
    cursor c = {s, at};
    memset(f, 0, sizeof *f);
    f->start = at;
    int each2 = 0, row2 = 0;
    if (!number(&c, &f->lhs))
        return 0;
    if (bare)
        f->each = 1; /* a column's formula holds on every row */
    else if (!axis(&c, &f->axis_row, &f->each))
        return 0;
    if (!eat(&c, '='))
        return 0;
    int paren = eat(&c, '(');
    int sign = 1, per_term = 0, l0;
    for (;;) {
        int l, t = peek(&c, &l);
        if (t == '.') {
            /* a range: the previous term … the next one */
            dots(&c);
            int s2 = 1;
            if (eat(&c, '+'))
                s2 = 1;
            else if (eat(&c, '-'))
                s2 = -1;
            long to;
            if (!f->nterms || !number(&c, &to))
                return 0;
            long from = f->ref[f->nterms - 1] + 1;
            if (to < from || to - from + 1 + f->nterms > FORMULA_MAX_TERMS)
                return 0;
            for (long r = from; r <= to; r++) {
                f->sign[f->nterms] = s2;
                f->ref[f->nterms++] = r;
            }
        } else {
            long v;
            if (!number(&c, &v) || f->nterms >= FORMULA_MAX_TERMS)
                return 0;
            f->sign[f->nterms] = sign;
            f->ref[f->nterms++] = v;
        }
        /* 1栏＝2栏＋3栏: the axis after every term */
        {
            size_t save = c.i;
            int r2 = 0, e2 = 0;
            if (axis(&c, &r2, &e2) && r2 == f->axis_row)
                per_term = 1;
            else
                c.i = save;
        }
        if (eat(&c, '+')) {
            sign = 1;
            continue;
        }
        if (eat(&c, '-')) {
            sign = -1;
            continue;
        }
        if (peek(&c, &l) == '.') {
            /* "1+2+…+8" has its '+' after the dots: handled above; a bare
             * "…8" also works */
            sign = 1;
            continue;
        }
        break;
    }
    if (paren && !eat(&c, ')'))
        return 0;
    if (bare) {
        f->end = c.i;
        return f->nterms > 0 && peek(&c, &l0) == 0;
    }
    if (!per_term && (!axis(&c, &row2, &each2) || row2 != f->axis_row))
        return 0;
    f->each = f->each || each2;
    f->end = c.i;
    return f->nterms > 0;
}

int formula_scan(const char *text, int (*cb)(void *ctx, const char *text, const formula *f),
                 void *ctx)
{
    int found = 0;
    size_t i = 0, n = strlen(text);
    int prev_digit = 0;
    while (i < n) {
        int l, t = tok(text + i, &l);
        int digit = t >= '0' && t <= '9';
        if (digit && !prev_digit) {
            formula f;
            if (parse_at(text, i, &f, 0)) {
                found++;
                if (cb && cb(ctx, text, &f))
                    return found;
                i = f.end;
                prev_digit = 0;
                continue;
            }
        }
        prev_digit = digit;
        i += (size_t)l;
    }
    return found;
}

int formula_colno_cell(const char *text, formula *f)
{
    return parse_at(text, 0, f, 1);
}
