/* libFuzzer harness for normalize_text (make fuzz-normalize): no crash,
 * no read out of bounds (ASan, UBSan), and converting twice gives what
 * converting once gave, unless --max-repairs cut the repair short. The
 * context is built once, as the stage does. */
#include "normalize.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static nt_ctx *ctx;   /* the harness's own, built on the first input */
    if (!ctx) {
        nt_options o = {.steps = NT_STEP_ALL, .overrides = 1, .max_text = 1 << 16, .max_repairs = 16};
        ctx = nt_new(&o);
    }
    nt_result r;
    int cell = size && (data[0] & 1);
    if (normalize_text(ctx, (const char *)data, size, cell, &r) != NT_OK)
        return 0;
    char *once = malloc(r.len + 1);
    memcpy(once, r.text, r.len);
    size_t n = r.len;
    int limited = r.limited;
    if (!limited && normalize_text(ctx, once, n, cell, &r) == NT_OK && (r.len != n || memcmp(r.text, once, n) != 0))
        abort();   /* twice must give what once gave */
    free(once);
    return 0;
}
