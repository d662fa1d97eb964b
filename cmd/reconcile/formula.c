#include "formula.h"

#include <stdio.h>
#include <string.h>

/* Token kinds after full-width forms are folded. */
enum { TK_END, TK_NUM, TK_PLUS, TK_MINUS, TK_EQ, TK_OPEN, TK_CLOSE, TK_ELLIPSIS, TK_ROW, TK_COL, TK_SEP, TK_OTHER };

typedef struct {
    const char *p;
    int num;
} lexer;

static int starts(const char *p, const char *s) { return strncmp(p, s, strlen(s)) == 0; }

static int next_token(lexer *lx)
{
    for (;;) {
        const char *p = lx->p;
        if (!*p)
            return TK_END;
        if (*p == ' ' || *p == '\t') { lx->p++; continue; }
        if (starts(p, "　")) { lx->p += 3; continue; }
        if (starts(p, "各行")) { lx->p += 6; continue; }   /* each row: every row of the column */
        if (*p >= '0' && *p <= '9') {
            int v = 0;
            while (*lx->p >= '0' && *lx->p <= '9' && v < 100000)
                v = v * 10 + (*lx->p++ - '0');
            lx->num = v;
            return TK_NUM;
        }
        static const struct { const char *s; int tk; } map[] = {
            {"＋", TK_PLUS}, {"+", TK_PLUS}, {"－", TK_MINUS}, {"-", TK_MINUS}, {"−", TK_MINUS},
            {"＝", TK_EQ}, {"=", TK_EQ}, {"（", TK_OPEN}, {"(", TK_OPEN}, {"）", TK_CLOSE},
            {")", TK_CLOSE}, {"…", TK_ELLIPSIS}, {"...", TK_ELLIPSIS}, {"⋯", TK_ELLIPSIS},
            {"行", TK_ROW}, {"栏", TK_COL}, {"；", TK_SEP}, {";", TK_SEP}, {"。", TK_SEP},
            {"，", TK_SEP}, {",", TK_SEP}, {NULL, 0}};
        for (int i = 0; map[i].s; i++)
            if (starts(p, map[i].s)) {
                lx->p += strlen(map[i].s);
                return map[i].tk;
            }
        /* any other character: skip one UTF-8 character */
        unsigned char c = (unsigned char)*p;
        lx->p += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return TK_OTHER;
    }
}

/* Parses one identity starting at a number; returns 1 on success. */
static int parse_one(lexer *lx, int first_num, formula *f)
{
    memset(f, 0, sizeof *f);
    f->lhs = first_num;
    int tk = next_token(lx);
    if (tk == TK_ROW)
        f->axis = AXIS_ROW;
    else if (tk == TK_COL)
        f->axis = AXIS_COLUMN;
    else
        return 0;
    if (next_token(lx) != TK_EQ)
        return 0;
    tk = next_token(lx);
    int paren = tk == TK_OPEN;
    if (paren)
        tk = next_token(lx);
    int sign = 1, pending_range = 0;
    for (;;) {
        if (tk == TK_NUM) {
            int v = lx->num;
            if (pending_range && f->n > 0) {
                /* 32＋33＋…＋57: every number between, with the sign before … */
                int from = f->ref[f->n - 1] + 1, s = f->sign[f->n - 1];
                for (int k = from; k < v && f->n < FORMULA_MAX_TERMS; k++) {
                    f->ref[f->n] = k;
                    f->sign[f->n++] = s;
                }
                pending_range = 0;
            }
            if (f->n == FORMULA_MAX_TERMS)
                return 0;
            f->ref[f->n] = v;
            f->sign[f->n++] = sign;
            tk = next_token(lx);
            if (tk == TK_PLUS || tk == TK_MINUS) {
                sign = tk == TK_PLUS ? 1 : -1;
                tk = next_token(lx);
                if (tk == TK_ELLIPSIS) {
                    pending_range = 1;
                    tk = next_token(lx);
                    if (tk == TK_PLUS || tk == TK_MINUS) {
                        sign = tk == TK_PLUS ? 1 : -1;
                        tk = next_token(lx);
                    }
                }
                continue;
            }
            break;
        }
        return 0;
    }
    if (paren) {
        if (tk != TK_CLOSE)
            return 0;
        tk = next_token(lx);
    }
    if ((f->axis == AXIS_ROW && tk != TK_ROW) || (f->axis == AXIS_COLUMN && tk != TK_COL))
        return 0;
    return f->n > 0;
}

int formula_parse(const char *text, formula *out, int max)
{
    lexer lx = {text ? text : "", 0};
    int n = 0, tk;
    while (n < max && (tk = next_token(&lx)) != TK_END) {
        if (tk != TK_NUM)
            continue;
        if (parse_one(&lx, lx.num, &out[n]))
            n++;
    }
    return n;
}

void formula_text(const formula *f, char *out, unsigned size)
{
    const char *u = f->axis == AXIS_ROW ? "行" : "栏";
    int o = snprintf(out, size, "%d%s = ", f->lhs, u);
    for (int i = 0; i < f->n && o >= 0 && (unsigned)o < size; i++)
        o += snprintf(out + o, size - (unsigned)o, "%s%d%s", i == 0 ? (f->sign[i] < 0 ? "-" : "")
                      : (f->sign[i] < 0 ? " - " : " + "), f->ref[i], u);
}

int formula_same(const formula *a, const formula *b)
{
    if (a->axis != b->axis || a->lhs != b->lhs || a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++) {
        int found = 0;
        for (int j = 0; j < b->n && !found; j++)
            found = a->ref[i] == b->ref[j] && a->sign[i] == b->sign[j];
        if (!found)
            return 0;
    }
    return 1;
}
