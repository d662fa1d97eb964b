#include "utf8.h"
#include "tap.h"

int main(void)
{
    TAP_INIT("utf8");
    size_t bad = 99;
    OK(utf8_valid("", 0, &bad), "empty is valid");
    OK(utf8_valid("预决算 abc", strlen("预决算 abc"), &bad), "Chinese and ASCII are valid");
    OK(!utf8_valid("a\xc3\x28", 3, &bad) && bad == 1, "bad continuation at 1");
    OK(!utf8_valid("\xc0\xaf", 2, &bad) && bad == 0, "overlong slash refused");
    OK(!utf8_valid("\xe0\x80\xaf", 3, &bad), "overlong 3-byte refused");
    OK(!utf8_valid("\xed\xa0\x80", 3, &bad), "surrogate refused");
    OK(!utf8_valid("\xf4\x90\x80\x80", 4, &bad), "above U+10FFFF refused");
    OK(!utf8_valid("ab\xe9\xa2", 4, &bad) && bad == 2, "truncated sequence at end refused");
    OK(!utf8_valid("\xff", 1, &bad), "0xFF refused");
    uint32_t cp;
    OK(utf8_decode((const unsigned char *)"\xe9\xa2\x84", 3, &cp) == 3 && cp == 0x9884, "decodes 预");
    OK(utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp) == 4 && cp == 0x1F600, "decodes 4-byte");
    char out[4];
    OK(utf8_encode(0x9884, out) == 3 && memcmp(out, "\xe9\xa2\x84", 3) == 0, "encodes 预");
    OK(utf8_encode(0xD800, out) == 0, "will not encode a surrogate");
    OK(utf8_encode(0x110000, out) == 0, "will not encode above U+10FFFF");
    OK(utf8_encode(0x41, out) == 1 && out[0] == 'A', "encodes ASCII");
    return TAP_DONE();
}
