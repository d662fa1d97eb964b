/* Bounded line reader: a stream line longer than the limit is skipped
 * without ever being held in memory, so one hostile line cannot grow the
 * process. */
#ifndef YJS_LINEREADER_H
#define YJS_LINEREADER_H

#include <stddef.h>
#include <stdio.h>

#define LR_DEFAULT_MAX_LINE ((size_t)64 << 20)

typedef struct line_reader line_reader;

typedef enum {
    LR_LINE,      /* *line holds one line without its \n (and \r) */
    LR_EOF,
    LR_TOO_LONG,  /* the line was longer than the limit and was skipped */
    LR_ERROR      /* read error; errno says why */
} lr_status;

/* path "-" reads stdin. Returns NULL (errno set) when the file cannot be opened. */
line_reader *lr_open(const char *path, size_t max_line);
/* Reads from an already open stream that the reader does not close. */
line_reader *lr_from_stream(FILE *f, const char *name, size_t max_line);
lr_status lr_next(line_reader *r, const char **line, size_t *len);
/* 1-based number of the line last returned. */
size_t lr_lineno(const line_reader *r);
const char *lr_name(const line_reader *r);
void lr_close(line_reader *r);

#endif
