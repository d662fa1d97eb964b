/* RFC 4180 fields through libcsv, with the spreadsheet formula guard. */
#ifndef YJS_CSVWRITE_H
#define YJS_CSVWRITE_H
#include <stddef.h>
#include <stdio.h>

/* 1 when a spreadsheet would run the cell as a formula: it begins with
 * = + - @ TAB or CR and is not a number (-2.99 is left alone). */
int csv_needs_guard(const char *s, size_t n);
/* Writes one field (quoted only when it has to be), preceded by a comma
 * unless first. With guard, a formula-like cell gets a leading '. 0 or -1. */
int csv_put_field(FILE *out, const char *s, size_t n, int first, int guard);
/* Ends a record with CRLF as RFC 4180 says. */
int csv_end_record(FILE *out);

#endif
