/* Text helpers for the labels of Chinese budget reports: cleaning cell
 * text, folding full-width forms for matching, list numbering. All take
 * and return NUL-terminated UTF-8. */
#ifndef TAB_TEXT_H
#define TAB_TEXT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

void sb_put(sbuf *b, const char *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_putc(sbuf *b, char c);
/* The string built so far (never NULL); the buffer is left empty. */
char *sb_take(sbuf *b);

/* Drops `[bookmark: …]`/`[image: …]` markers, joins the lines of a wrapped
 * cell (no space between CJK, one space otherwise) and trims white space
 * (ASCII, no-break, ideographic) at both ends. Returns a new string. */
char *tx_clean(const char *s);
/* Folds full-width ASCII (（）：，％＋＝１２) to ASCII, U+3000 to a space and
 * U+2212 to '-'. Returns a new string. */
char *tx_fold(const char *s);
/* tx_fold, then removes every white space and quote mark (“”‘’"'「」『』).
 * The form used to compare labels and titles. Returns a new string. */
char *tx_key(const char *s);
/* tx_key into buf (no allocation); -1 when it does not fit. */
int tx_key_buf(const char *s, char *buf, size_t size);
/* Pointer past leading list numbering: 一、 （一） (一) 1. 1、 （1） ⑴ 第一, and
 * the spaces after it. */
const char *tx_skip_numbering(const char *s);
/* 1 when s (after trimming) is only ASCII or full-width digits. */
int tx_is_int(const char *s);
/* 1 when s is empty or only white space. */
int tx_is_blank(const char *s);
/* Decodes the code point at s (invalid bytes count as U+FFFD, length 1). */
int tx_cp_rest(const char *s, uint32_t *cp);
/* Inline: it runs once per character of every label and sentence. */
static inline int tx_cp(const char *s, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    /* the common case of these reports: a 3-byte (CJK) sequence */
    if (u[0] >= 0xE0 && u[0] < 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        uint32_t c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
            *cp = c;
            return 3;
        }
    }
    return tx_cp_rest(s, cp);
}
int tx_is_cjk(uint32_t cp);
/* Number of code points of the first n bytes of s. */
size_t tx_cplen(const char *s, size_t n);
/* A new copy of s without its trailing part starting at the first of the
 * given suffix strings found at the end, if any. */
int tx_ends(const char *s, const char *suffix);
char *tx_dup(const char *s);
char *tx_ndup(const char *s, size_t n);

#endif
