#include "linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK = 1 << 16 };

struct line_reader {
    FILE *f;
    int owns;
    char *name;
    size_t max_line;
    size_t lineno;
    char *buf;        /* holds at most max_line + 1 bytes of the current line */
    size_t cap;
    char chunk[CHUNK];
    size_t pos, end;  /* unread bytes of chunk */
    int eof;
};

line_reader *lr_from_stream(FILE *f, const char *name, size_t max_line)
{
    line_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->f = f;
    r->name = strdup(name);
    r->max_line = max_line ? max_line : LR_DEFAULT_MAX_LINE;
    if (!r->name) {
        free(r);
        return NULL;
    }
    return r;
}

line_reader *lr_open(const char *path, size_t max_line)
{
    if (strcmp(path, "-") == 0)
        return lr_from_stream(stdin, "-", max_line);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    line_reader *r = lr_from_stream(f, path, max_line);
    if (!r) {
        fclose(f);
        return NULL;
    }
    r->owns = 1;
    return r;
}

static int refill(line_reader *r)
{
    if (r->eof)
        return 0;
    r->pos = 0;
    r->end = fread(r->chunk, 1, CHUNK, r->f);
    if (r->end == 0) {
        r->eof = 1;
        return ferror(r->f) ? -1 : 0;
    }
    return 1;
}

static int append(line_reader *r, size_t *len, const char *p, size_t n)
{
    if (*len + n + 1 > r->cap) {
        size_t want = r->cap ? r->cap : 4096;
        while (want < *len + n + 1)
            want *= 2;
        char *nb = realloc(r->buf, want);
        if (!nb)
            return -1;
        r->buf = nb;
        r->cap = want;
    }
    memcpy(r->buf + *len, p, n);
    *len += n;
    return 0;
}

lr_status lr_next(line_reader *r, const char **line, size_t *len)
{
    size_t n = 0;
    int too_long = 0, any = 0;
    for (;;) {
        if (r->pos == r->end) {
            int rc = refill(r);
            if (rc < 0)
                return LR_ERROR;
            if (rc == 0) {
                if (!any)
                    return LR_EOF;
                break;
            }
        }
        any = 1;
        char *start = r->chunk + r->pos;
        char *nl = memchr(start, '\n', r->end - r->pos);
        size_t take = nl ? (size_t)(nl - start) : r->end - r->pos;
        r->pos += take + (nl ? 1 : 0);
        if (!too_long) {
            if (n + take > r->max_line) {
                too_long = 1;
            } else if (append(r, &n, start, take) < 0) {
                errno = ENOMEM;
                return LR_ERROR;
            }
        }
        if (nl)
            break;
    }
    r->lineno++;
    if (too_long)
        return LR_TOO_LONG;
    if (n && r->buf[n - 1] == '\r')
        n--;
    if (!r->buf && append(r, &n, "", 0) < 0)
        return LR_ERROR;
    r->buf[n] = '\0';
    *line = r->buf;
    *len = n;
    return LR_LINE;
}

size_t lr_lineno(const line_reader *r) { return r->lineno; }
const char *lr_name(const line_reader *r) { return r->name; }

void lr_close(line_reader *r)
{
    if (!r)
        return;
    if (r->owns)
        fclose(r->f);
    free(r->buf);
    free(r->name);
    free(r);
}
