/* Fuzzes normalize_text, the buffer-level entry of
 * normalize-traditional-chinese (t2s, fold table, markup, repair of
 * mis-decoded spans, spam marks). Invariants: invalid UTF-8 or a NUL is
 * NT_INVALID; otherwise the result is valid UTF-8 without NULs, and every
 * garbled span lies inside the input. Byte 0 bit 0: a table cell. */
#define _GNU_SOURCE
#include "fuzz_stream.h"
#include "normalize.h"
#include "utf8.h"

#include <stdint.h>

static nt_ctx *ctx;  /* the tables are built once per process, as in main */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    nt_options opt = {.steps = NT_STEP_ALL, .overrides = 1, .max_text = 1 << 16,
                      .max_repairs = NT_DEFAULT_MAX_REPAIRS};
    ctx = nt_new(&opt);
    return ctx ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    nt_result res;
    int rc = normalize_text(ctx, in, n, data[0] & 1, &res);
    int valid = utf8_valid(in, n, &(size_t){0}) && !memchr(in, 0, n);
    if (!valid) {
        FZ_CHECK(rc == NT_INVALID);
        return 0;
    }
    FZ_CHECK(rc == NT_OK || rc == NT_TOO_LONG);
    if (rc != NT_OK)
        return 0;
    FZ_CHECK(utf8_valid(res.text, res.len, &(size_t){0}));
    FZ_CHECK(!memchr(res.text, 0, res.len));
    for (size_t i = 0; i < res.ngarbled; i++)
        FZ_CHECK(res.garbled[i].at + res.garbled[i].len <= n);
    return 0;
}
