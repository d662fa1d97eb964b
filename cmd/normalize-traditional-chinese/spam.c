#include "spam.h"

#include "fold.h"
#include "u8.h"

#include <stdlib.h>

#define SPAM_THRESHOLD 2
#define REPEAT_RUN 4

int spam_init(spam_model *m)
{
    m->starts = calloc(0x110000, 1);
    if (!m->starts || dict_init(&m->terms, nt_spam, nt_spam_len)) {
        free(m->starts);
        m->starts = NULL;
        return -1;
    }
    dict_mark_starts(&m->terms, m->starts, 1);
    /* ASCII terms match in any case */
    for (uint32_t c = 'a'; c <= 'z'; c++)
        m->starts[c - 32] |= m->starts[c];
    return 0;
}

void spam_free(spam_model *m)
{
    dict_free(&m->terms);
    free(m->starts);
    m->starts = NULL;
}

int spam_check(const spam_model *m, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    int score = 0;
    uint32_t prev = 0;
    size_t run = 0;
    for (size_t i = 0; i < len;) {
        size_t l;
        uint32_t cp = u8_next(s + i, len - i, &l);
        uint32_t lower = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        const dict_entry *e = m->starts[cp] ? dict_match(&m->terms, lower, text + i, len - i) : NULL;
        if (!e && lower != cp && m->starts[cp]) {
            /* ASCII terms match in any case: compare a lowered copy */
            char buf[16];
            size_t k = 0;
            for (; k < sizeof buf && i + k < len; k++)
                buf[k] = (char)(s[i + k] >= 'A' && s[i + k] <= 'Z' ? s[i + k] + 32 : s[i + k]);
            e = dict_match(&m->terms, lower, buf, k);
        }
        if (e) {
            /* an ASCII term counts only as a word of its own */
            int ascii = e->first < 0x80;
            int alone = !ascii || ((i == 0 || !((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z')) &&
                                   (i + e->klen >= len || !((s[i + e->klen] | 32) >= 'a' && (s[i + e->klen] | 32) <= 'z')));
            if (alone)
                score += atoi(e->value);
        }
        if (nt_is_han(cp) && cp == prev) {
            if (++run == REPEAT_RUN)
                score += SPAM_THRESHOLD;
        } else {
            run = 1;
        }
        prev = cp;
        i += l;
    }
    return score >= SPAM_THRESHOLD;
}
