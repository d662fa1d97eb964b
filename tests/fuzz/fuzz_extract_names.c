/* Fuzzes the decoding of zip member names and text: whatever the bytes,
 * enc_guess_name names an encoding in which they decode strictly, and
 * enc_decode_text gives valid UTF-8 without NULs added. */
#define _GNU_SOURCE
#include "encoding.h"
#include "fuzz_stream.h"
#include "utf8.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tbuf out = {0};
    const char *enc = enc_guess_name(data, size);
    if (enc) {
        int rc = enc_decode_strict(data, size, enc, &out);
        FZ_CHECK(rc == 0 || rc == -2);
        if (rc == 0)
            FZ_CHECK(utf8_valid(out.s, out.len, &(size_t){0}));
    }
    tb_free(&out);
    tbuf text = {0};
    enc_result res;
    if (enc_decode_text(data, size, NULL, &text, &res) == 0) {
        FZ_CHECK(res.encoding);
        FZ_CHECK(utf8_valid(text.s, text.len, &(size_t){0}));
    }
    tb_free(&text);
    return 0;
}
