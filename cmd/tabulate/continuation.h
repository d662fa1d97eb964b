/* Tables that run over pages. A PDF (or a docx with a repeated header row,
 * printed) sets the header again at the top of every page a table goes on
 * to; extract keeps such a table as one grid, so its body holds the header
 * rows again, which are not data. */
#ifndef TAB_CONTINUATION_H
#define TAB_CONTINUATION_H

#include "header.h"

/* 1 when row r of rows repeats the table's header, rows [from, to): a 栏次
 * row, or a row with a word in it whose every filled slot reads as the same
 * slot of one header row, as printed (rows) or with its cells repeated over
 * their spans (spread: a group's label placed anywhere under its span, as a
 * header repeated narrower on the next page sets it). */
int cont_repeats_header(const hrow *rows, const hrow *spread, int from, int to, int r);

#endif
