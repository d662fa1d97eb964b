/* Exact decimal amounts as printed in reports: a scaled integer, never a
 * double (a double turns 676699.49 into 676699.48999999999). */
#ifndef YJS_DECIMAL_H
#define YJS_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

#define DEC_MAX_SCALE 9

typedef struct {
    int64_t units;  /* value = units / 10^scale */
    int scale;      /* decimals as printed: 0.00 has scale 2 */
} decimal;

typedef enum {
    DEC_OK,
    DEC_NIL,       /* a dash printed where a figure belongs: -, —, –, －, —— */
    DEC_EMPTY,     /* nothing but white space */
    DEC_INVALID,
    DEC_OVERFLOW
} dec_status;

/* Parses what reports print: 1,382.64  -2.99  0.00  .35  １２３．４５  (1,234.00)
 * +5  −3 ; surrounding ASCII, no-break and ideographic spaces are ignored. */
dec_status dec_parse(const char *s, size_t len, decimal *out);

decimal dec_from_int(int64_t v, int scale);
/* Each returns 0, or -1 on overflow (out untouched). */
int dec_add(decimal a, decimal b, decimal *out);
int dec_sub(decimal a, decimal b, decimal *out);
int dec_mul(decimal a, decimal b, decimal *out);
/* a / b rounded half away from zero to scale decimals; -1 also when b is 0. */
int dec_div(decimal a, decimal b, int scale, decimal *out);
/* To scale decimals, rounding half away from zero when decimals are dropped. */
int dec_rescale(decimal a, int scale, decimal *out);
/* Compares values exactly whatever the scales: <0, 0, >0. */
int dec_cmp(decimal a, decimal b);
decimal dec_neg(decimal a);
decimal dec_abs(decimal a);
int dec_is_zero(decimal a);
/* Writes the value with exactly a.scale decimals ("-1382.64", "0.00").
 * Returns the length, or -1 when buf is too small (32 bytes always do). */
int dec_format(decimal a, char *buf, size_t size);

#endif
