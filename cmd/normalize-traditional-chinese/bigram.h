/* The character-bigram model of Simplified budget reports
 * (data/normalize/bigrams.tsv) that scores readings of a garbled span. */
#ifndef NT_BIGRAM_H
#define NT_BIGRAM_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t *keys;      /* (a << 21 | b) + 1 for pairs, cp + 1 for characters; 0 empty */
    uint32_t *counts;
    size_t mask;
    double total;        /* characters counted */
} bigram_model;

int bigram_init(bigram_model *m);
void bigram_free(bigram_model *m);
uint32_t bigram_count1(const bigram_model *m, uint32_t a);
/* log P(b | a), smoothed towards the character frequency of b. */
double bigram_logp(const bigram_model *m, uint32_t a, uint32_t b);
/* Sum of log P over the adjacent pairs of cps[0..n). */
double bigram_score(const bigram_model *m, const uint32_t *cps, size_t n);

#endif
