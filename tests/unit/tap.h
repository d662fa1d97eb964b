/* A few macros that print TAP, so the C unit tests and the Bats suite add
 * up to one count in `make test`. */
#ifndef YJS_TAP_H
#define YJS_TAP_H
#include <stdio.h>
#include <string.h>

typedef struct { int n, failed; const char *suite; } tap_state;

#define TAP_INIT(suite_name) tap_state tap = {0, 0, suite_name}
#define OK(cond, ...) do { \
        tap.n++; \
        int tap_ok_ = (cond) ? 1 : 0; \
        printf("%sok %d %s: ", tap_ok_ ? "" : "not ", tap.n, tap.suite); \
        printf(__VA_ARGS__); \
        printf("\n"); \
        if (!tap_ok_) { tap.failed++; fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); } \
    } while (0)
#define STR_EQ(a, b, ...) do { const char *tap_a_ = (a), *tap_b_ = (b); \
        OK(tap_a_ && tap_b_ && strcmp(tap_a_, tap_b_) == 0, __VA_ARGS__); \
        if (!(tap_a_ && tap_b_ && strcmp(tap_a_, tap_b_) == 0)) \
            fprintf(stderr, "  got \"%s\", want \"%s\"\n", tap_a_ ? tap_a_ : "(null)", tap_b_ ? tap_b_ : "(null)"); \
    } while (0)
#define TAP_DONE() (tap.failed ? 1 : 0)
#endif
