/* Text as records carry it: valid UTF-8, no control characters but tab and
 * newline, no surrounding blanks (ASCII, ideographic space, no-break space). */
#ifndef EXTRACT_TEXT_H
#define EXTRACT_TEXT_H

#include <stddef.h>

/* A growable byte buffer. */
typedef struct {
    char *s;
    size_t len, cap;
} tbuf;

int tb_add(tbuf *b, const void *p, size_t n);   /* 0, or -1 out of memory */
int tb_addc(tbuf *b, char c);
int tb_adds(tbuf *b, const char *s);
void tb_clear(tbuf *b);
void tb_free(tbuf *b);
const char *tb_str(tbuf *b);                    /* NUL-terminated view */

/* Cleans text into out (cleared first): invalid UTF-8 becomes U+FFFD, CR
 * and other control characters are dropped, the ends are trimmed. Returns
 * the number of bytes that were invalid, or -1 out of memory. */
long text_clean(const char *s, size_t n, tbuf *out);

/* 1 when the byte range is blank (whitespace only, as trimmed above). */
int text_blank(const char *s, size_t n);

/* Copies s into out (cleared first), every byte that is not part of valid
 * UTF-8 written as the four characters \xNN. 0, or -1 out of memory. */
int text_escape(const char *s, size_t n, tbuf *out);

#endif
