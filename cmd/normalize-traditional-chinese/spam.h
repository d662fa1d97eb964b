/* Spam that a hijacked mirror injected into a page (seed 001 ends with
 * 強姧伦久久久久久久): scored on the Simplified text with the terms of
 * data/normalize/spam.tsv and runs of one repeated Han character. */
#ifndef NT_SPAM_H
#define NT_SPAM_H

#include "dict.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    dict terms;
    uint8_t *starts;     /* per code point: 1 when a term starts with it */
} spam_model;

int spam_init(spam_model *m);
void spam_free(spam_model *m);
/* 1 when text (valid UTF-8) looks injected. */
int spam_check(const spam_model *m, const char *text, size_t len);

#endif
