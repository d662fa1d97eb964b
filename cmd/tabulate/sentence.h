/* The figures of one sentence of a report's narrative, with what each is
 * about: `2023年度收、支总计442.86万元。与2022年度相比，收、支总计各减少
 * 2747.51万元，减少86.12%` gives an amount, a change and a rate of 收、支总计,
 * base year 2022. Buffer-level so a fuzz harness can call it. */
#ifndef TAB_SENTENCE_H
#define TAB_SENTENCE_H

#include <stddef.h>

typedef struct {
    const char *measure;     /* amount share change rate execution_rate count */
    char *subject;           /* NULL when nothing says */
    char *basis;             /* 年初预算, 支出决算 …, or NULL */
    char *value;             /* normalised number */
    char unit[24];
    const char *direction;   /* increase decrease flat unknown, or NULL */
    char *base_year;
    char *base;
    size_t offset;           /* byte offset of the number in the sentence */
} nfigure;

typedef struct {
    const char *year;        /* the report's year, for 较上年 */
    const char *entity;      /* stripped from the front of subjects */
    const char *topic;       /* what the paragraph is about, when a sentence does not say */
} nctx;

/* Finds the figures of sentence (one sentence, no 。 inside), at most max.
 * Returns how many were written to out. */
int sentence_figures(const char *sentence, const nctx *ctx, nfigure *out, int max);
void sentence_free(nfigure *f, int n);
/* Byte length of the next sentence of text (up to and including 。；; or a
 * line end), 0 at the end. */
size_t sentence_next(const char *text);

#endif
