#include "linereader.h"
#include "tap.h"

#include <stdlib.h>

static FILE *make(const char *content, size_t n)
{
    FILE *f = tmpfile();
    fwrite(content, 1, n, f);
    rewind(f);
    return f;
}

int main(void)
{
    TAP_INIT("linereader");
    const char *line;
    size_t len;
    FILE *f = make("one\ntwo\r\n\nlast", 15);
    line_reader *r = lr_from_stream(f, "t", 100);
    OK(lr_next(r, &line, &len) == LR_LINE && strcmp(line, "one") == 0 && len == 3, "first line");
    OK(lr_next(r, &line, &len) == LR_LINE && strcmp(line, "two") == 0, "CR stripped");
    OK(lr_next(r, &line, &len) == LR_LINE && len == 0, "empty line");
    OK(lr_next(r, &line, &len) == LR_LINE && strcmp(line, "last") == 0, "last line without newline");
    OK(lr_lineno(r) == 4, "line number 4");
    OK(lr_next(r, &line, &len) == LR_EOF, "eof");
    OK(lr_next(r, &line, &len) == LR_EOF, "eof stays eof");
    lr_close(r);
    fclose(f);

    /* a line over the limit is skipped, the next one is read */
    size_t big = 300000;
    char *buf = malloc(big + 10);
    memset(buf, 'x', big);
    memcpy(buf + big, "\nok\n", 4);
    f = make(buf, big + 4);
    r = lr_from_stream(f, "t", 1000);
    OK(lr_next(r, &line, &len) == LR_TOO_LONG, "long line reported");
    OK(lr_lineno(r) == 1, "long line numbered");
    OK(lr_next(r, &line, &len) == LR_LINE && strcmp(line, "ok") == 0, "reading resumes after it");
    OK(lr_lineno(r) == 2, "next line numbered 2");
    lr_close(r);
    fclose(f);
    free(buf);

    f = make("abc\n", 4);
    r = lr_from_stream(f, "t", 3);
    OK(lr_next(r, &line, &len) == LR_LINE, "a line exactly at the limit is read");
    lr_close(r);
    fclose(f);

    f = make("a\0b\n", 4);
    r = lr_from_stream(f, "t", 10);
    OK(lr_next(r, &line, &len) == LR_LINE && len == 3, "NUL kept inside the length");
    lr_close(r);
    fclose(f);

    OK(lr_open("/nonexistent/x", 10) == NULL, "missing file gives NULL");
    r = lr_open("-", 10);
    OK(r && strcmp(lr_name(r), "-") == 0, "- is stdin");
    lr_close(r);
    return TAP_DONE();
}
