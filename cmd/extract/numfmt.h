/* Spreadsheet numbers as the sheet shows them: a stored value ("442.86",
 * "22.279999999999998", "4.5E-3", a date serial) under its number format
 * ("0.00", "#,##0.00", "0%", "yyyy\"年\"m\"月\"d\"日\"", General...).
 * Decimal rounding is done on the digits of the stored text, never in
 * binary floating point. */
#ifndef EXTRACT_NUMFMT_H
#define EXTRACT_NUMFMT_H

#include "text.h"

/* The format code of a built-in number format id (Chinese locale for the
 * date formats), or NULL for General and ids we do not know. */
const char *numfmt_builtin(int id);

/* 1 when the format code shows a date or time. */
int numfmt_is_date(const char *code);

/* Renders value under code (NULL: General) into out (cleared first).
 * A value that is not a number is copied as it is. 0, or -1 out of memory. */
int numfmt_render(const char *value, const char *code, int date1904, tbuf *out);

#endif
