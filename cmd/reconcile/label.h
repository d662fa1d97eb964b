/* Row labels and codes as reports print them, reduced to what identifies
 * the row: no spaces, no list numbering (一、 （二） 3.), no 其中：. */
#ifndef RC_LABEL_H
#define RC_LABEL_H

#include <stddef.h>

/* Writes the reduced label of s into out (always terminated). */
void label_norm(const char *s, char *out, size_t size);
/* 1 when s is all ASCII digits (a classification code), else 0. */
int label_is_code(const char *s);
/* Removes spaces only. */
void label_strip_spaces(const char *s, char *out, size_t size);

/* Copies src (NULL as "") into dst, cut at a character boundary to fit. */
void str_copy(char *dst, size_t size, const char *src);
/* Joins n strings (NULL as "") with sep into dst, cut to fit. */
void str_join(char *dst, size_t size, char sep, int n, ...);

#endif
