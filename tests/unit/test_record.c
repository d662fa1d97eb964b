#include "record.h"
#include "sha256.h"
#include "tap.h"

#include <stdlib.h>

int main(void)
{
    TAP_INIT("record");
    char err[256];
    const char *good = "{\"type\":\"row\",\"doc\":\"ab\",\"cells\":[]}";
    json_t *r = rec_parse(good, strlen(good), err, sizeof err);
    OK(r != NULL, "parses a record");
    STR_EQ(rec_type(r), "row", "type");
    STR_EQ(rec_doc(r), "ab", "doc");
    OK(rec_is(r, "row") && !rec_is(r, "fact"), "rec_is");
    OK(rec_str(r, "cells") == NULL, "rec_str of a non-string is NULL");
    json_decref(r);

    const char *dup = "{\"type\":\"a\",\"type\":\"b\"}";
    OK(rec_parse(dup, strlen(dup), err, sizeof err) == NULL, "duplicate keys rejected");
    OK(rec_parse("[1]", 3, err, sizeof err) == NULL && strstr(err, "object"), "array rejected");
    OK(rec_parse("{\"doc\":\"x\"}", 11, err, sizeof err) == NULL && strstr(err, "type"), "missing type rejected");
    OK(rec_parse("{\"type\":1}", 10, err, sizeof err) == NULL, "numeric type rejected");
    OK(rec_parse("{\"type\":\"a\"} x", 14, err, sizeof err) == NULL, "trailing garbage rejected");
    OK(rec_parse("{\"type\":\"\xff\"}", 12, err, sizeof err) == NULL, "invalid UTF-8 rejected");

    json_t *e = rec_error("d1", "a.zip!b.docx", "extract", "zip_corrupt", "cannot read");
    char *s = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);
    STR_EQ(s, "{\"type\":\"error\",\"doc\":\"d1\",\"source\":\"a.zip!b.docx\",\"stage\":\"extract\",\"code\":\"zip_corrupt\",\"message\":\"cannot read\"}", "error record shape");
    free(s);
    json_decref(e);
    e = rec_error(NULL, NULL, "x", "c", "bad \xff bytes");
    OK(e && json_is_null(json_object_get(e, "doc")), "null doc allowed for stream errors");
    STR_EQ(rec_str(e, "message"), "(message not valid UTF-8)", "invalid message replaced");
    json_decref(e);

    FILE *f = tmpfile();
    json_t *n = rec_new("paragraph", "d");
    json_object_set_new(n, "text", json_string("预算"));
    OK(rec_write(f, n) == 0, "rec_write");
    rewind(f);
    char line[128] = {0};
    OK(fgets(line, sizeof line, f) != NULL, "read back");
    STR_EQ(line, "{\"type\":\"paragraph\",\"doc\":\"d\",\"text\":\"预算\"}\n", "compact raw UTF-8 line");
    fclose(f);
    json_decref(n);

    FILE *full = fopen("/dev/full", "w");
    if (full) {
        setvbuf(full, NULL, _IONBF, 0);
        n = rec_new("x", "d");
        OK(rec_write(full, n) == -1, "write error reported");
        json_decref(n);
        fclose(full);
    }
    char hex[65];
    OK(sha256_hex("abc", 3, hex) == 0, "sha256 runs");
    STR_EQ(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256 of abc");
    sha256_hex("", 0, hex);
    STR_EQ(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256 of nothing");
    return TAP_DONE();
}
