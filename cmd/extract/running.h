/* The page header and footer lines a Word reader (.docx, .doc) has
 * written: each line once, however many sections repeat it (公开01表 … in
 * one header per section). */
#ifndef EXTRACT_RUNNING_H
#define EXTRACT_RUNNING_H

#include <stddef.h>

enum { RUNNING_MAX_LINES = 256 };   /* remembered; later ones are written again */

typedef struct {
    char *line[RUNNING_MAX_LINES];
    size_t n;
} running_lines;

/* 1 when line was written before; 0 when not, remembering it; -1 out of
 * memory. */
int running_seen(running_lines *r, const char *line);
void running_free(running_lines *r);

#endif
