#include "running.h"

#include <stdlib.h>
#include <string.h>

int running_seen(running_lines *r, const char *line)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->line[i], line) == 0)
            return 1;
    if (r->n < RUNNING_MAX_LINES) {
        if (!(r->line[r->n] = strdup(line)))
            return -1;
        r->n++;
    }
    return 0;
}

void running_free(running_lines *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->line[i]);
    r->n = 0;
}
