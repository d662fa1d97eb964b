#include "jsonline.h"
#include "tap.h"

#include <stdlib.h>

/* jl_json must write what json_dumps writes, byte for byte. */
static int same_as_jansson(const char *json)
{
    json_error_t e;
    json_t *v = json_loads(json, JSON_DECODE_ANY, &e);
    if (!v)
        return 0;
    char *ref = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
    jline j;
    jl_init(&j);
    jl_json(&j, NULL, v);
    jl_end(&j);
    int ok = ref && !jl_failed(&j) && j.len == strlen(ref) && memcmp(j.s, ref, j.len) == 0;
    if (!ok)
        fprintf(stderr, "  jsonline %.*s\n  jansson  %s\n", (int)j.len, j.s ? j.s : "", ref ? ref : "(null)");
    jl_free(&j);
    free(ref);
    json_decref(v);
    return ok;
}

static const char *line(jline *j)
{
    jl_end(j);
    return j->s;
}

int main(void)
{
    TAP_INIT("jsonline");
    static const char *cases[] = {
        "{\"type\":\"row\",\"doc\":\"ab\",\"cells\":[{\"col\":0,\"text\":\"预算\",\"colspan\":1}],\"loc\":{}}",
        "{\"s\":\"quote \\\" backslash \\\\ slash / nl \\n tab \\t cr \\r bs \\b ff \\f\"}",
        "{\"c\":\"\\u0001\\u001f\\u007f\\u00e9\\u2028\\ud83d\\ude00\"}",
        "{\"i\":[0,-1,9223372036854775807,-9223372036854775808]}",
        "{\"r\":[1.0,-0.5,1e100,1.5e-7,0.1,123456789012345680.0,-0.0]}",
        "{\"b\":[true,false,null,[],{},[[[]]]]}",
        "{\"a\":1,\"z\":2,\"m\":3}",
        "{\"col\\\"an\":2,\"c\\nd\\u0001\":[],\"预\\\\\":{\"\":null}}",
        "\"top-level string\"",
        "[]",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        OK(same_as_jansson(cases[i]), "same bytes as json_dumps: %s", cases[i]);

    jline j;
    jl_init(&j);
    jl_begin(&j);
    jl_str(&j, "type", "fact");
    jl_strn(&j, "bad", "a\xff", 2);
    jl_str(&j, "none", NULL);
    jl_int(&j, "n", -42);
    jl_bool(&j, "t", 1);
    jl_open_object(&j, "loc");
    jl_open_array(&j, "xs");
    jl_int(&j, NULL, 1);
    jl_str(&j, NULL, "二");
    STR_EQ(line(&j), "{\"type\":\"fact\",\"bad\":null,\"none\":null,\"n\":-42,\"t\":true,\"loc\":{\"xs\":[1,\"二\"]}}",
           "builds a record; invalid UTF-8 and NULL become null; jl_end closes every level");

    jl_begin(&j);
    jl_str(&j, "doc", "d1");
    size_t mark = jl_mark(&j);
    jl_str(&j, "value", "1.00");
    OK(strcmp(line(&j), "{\"doc\":\"d1\",\"value\":\"1.00\"}") == 0, "first record after the mark");
    jl_rewind(&j, mark);
    jl_str(&j, "value", "2.00");
    STR_EQ(line(&j), "{\"doc\":\"d1\",\"value\":\"2.00\"}", "rewind keeps the shared members");
    jl_begin(&j);
    mark = jl_mark(&j);
    jl_rewind(&j, mark);
    jl_int(&j, "k", 1);
    STR_EQ(line(&j), "{\"k\":1}", "rewind to an empty object: no leading comma");

    static const char *bad[] = {"\xe0\x80\x80", "\xed\xa0\x80", "\xc0\xaf", "\xe9\xa2", "\xf4\x90\x80\x80",
                                "ok\x80", "\xe9\xa2\x84\xe7"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        jl_begin(&j);
        jl_str(&j, "a", "x");
        jl_str(&j, "s", bad[i]);
        STR_EQ(line(&j), "{\"a\":\"x\",\"s\":null}", "invalid UTF-8 case %zu (overlong, surrogate, torn, past U+10FFFF) is null", i);
    }
    jl_begin(&j);
    jl_str(&j, "s", "\xe9\xa2\x84\xf0\x9f\x98\x80\xc3\xa9\xef\xbf\xbd");
    STR_EQ(line(&j), "{\"s\":\"预😀é\xef\xbf\xbd\"}", "valid 2-, 3- and 4-byte sequences pass");

    json_t *extra = json_pack("{s:s,s:b}", "sheet", "表1", "hidden", 1);
    jl_begin(&j);
    jl_str(&j, "type", "row");
    jl_members(&j, extra);
    jl_int(&j, "row", 3);
    STR_EQ(line(&j), "{\"type\":\"row\",\"sheet\":\"表1\",\"hidden\":true,\"row\":3}", "jl_members merges an object");
    json_decref(extra);

    /* deeper than jansson reads: refused, never a torn line */
    jl_begin(&j);
    for (int i = 0; i < JL_MAX_DEPTH + 5; i++)
        jl_open_array(&j, "a");
    OK(jl_failed(&j), "nesting past JL_MAX_DEPTH fails");
    FILE *f = tmpfile();
    OK(jl_write(&j, f) == -1 && ftell(f) == 0, "a failed line is not written");
    fclose(f);

    f = tmpfile();
    jl_begin(&j);
    jl_str(&j, "type", "end");
    OK(jl_write(&j, f) == 0 && ftell(f) == 15, "jl_write writes the line and a newline");
    fclose(f);
    jl_free(&j);
    return TAP_DONE();
}
