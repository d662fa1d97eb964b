/* Leftover HTML in extracted text: well-formed tags of known HTML names,
 * comments, character entities, and pandoc's [bookmark: _Toc…] remnants.
 * Only well-formed markup goes: reports write comparisons with < and >
 * (比率<60%得0分), which a naive <[^>]*> would delete with the text
 * between them. */
#ifndef NT_MARKUP_H
#define NT_MARKUP_H

#include "sbuf.h"

/* Appends in[0..len) without its markup to out; returns how many
 * characters were removed or replaced. *removed says whether a tag, a
 * comment or a bookmark went (which can join text into new markup; a
 * decoded < > & ; [ ] / too: they can complete markup begun before them). */
size_t strip_markup(const char *in, size_t len, sbuf *out, int *removed);
/* 0 when the text has none of the characters markup starts with. */
int markup_possible(const char *in, size_t len);

#endif
