#include "numfmt.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *numfmt_builtin(int id)
{
    switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 14: return "yyyy/m/d";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 27: case 36: case 50: case 52: case 57: return "yyyy\"年\"m\"月\"";
    case 28: case 29: case 51: case 53: case 54: case 58: return "m\"月\"d\"日\"";
    case 30: return "m-d-yy";
    case 31: return "yyyy\"年\"m\"月\"d\"日\"";
    case 32: return "h\"时\"mm\"分\"";
    case 33: return "h\"时\"mm\"分\"ss\"秒\"";
    case 34: case 55: return "上午/下午h\"时\"mm\"分\"";
    case 35: case 56: return "上午/下午h\"时\"mm\"分\"ss\"秒\"";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: return NULL;
    }
}

/* --- decimal digits ------------------------------------------------------ */

enum { MAX_DIGITS = 64 };

/* value = digits d[0..n) with the decimal point after `point` of them
 * (point may be negative or beyond n); n == 0 is zero. */
typedef struct {
    int neg;
    char d[MAX_DIGITS + 2];
    int n;
    int point;
} decnum;

static int dec_parse(const char *s, decnum *x)
{
    memset(x, 0, sizeof *x);
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        x->neg = *s++ == '-';
    int seen = 0, after_point = 0, point = 0, lead = 1;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s)) {
            seen = 1;
            if (lead && *s == '0') {
                if (after_point)
                    point--;  /* 0.00x: the point moves left of the first digit */
                continue;
            }
            lead = 0;
            if (x->n < MAX_DIGITS)
                x->d[x->n++] = *s;
            if (!after_point)
                point++;
        } else if (*s == '.' && !after_point) {
            after_point = 1;
        } else {
            break;
        }
    }
    if (!seen)
        return -1;
    if (*s == 'e' || *s == 'E') {
        char *end;
        long e = strtol(s + 1, &end, 10);
        if (end == s + 1 || e > 400 || e < -400)
            return -1;
        point += (int)e;
        s = end;
    }
    while (*s == ' ')
        s++;
    if (*s)
        return -1;
    while (x->n && x->d[x->n - 1] == '0')
        x->n--;
    x->point = x->n ? point : 0;
    if (!x->n)
        x->neg = 0;
    return 0;
}

/* Rounds half away from zero, keeping `keep` digits. */
static void dec_keep(decnum *x, int keep)
{
    if (keep >= x->n)
        return;
    if (keep < 0) {
        x->n = 0;
        x->point = 0;
        return;
    }
    int up = x->d[keep] >= '5';
    x->n = keep;
    for (int i = x->n - 1; up && i >= 0; i--) {
        if (x->d[i] == '9') {
            x->d[i] = '0';
        } else {
            x->d[i]++;
            up = 0;
        }
    }
    if (up) {
        memmove(x->d + 1, x->d, (size_t)x->n);
        x->d[0] = '1';
        x->n++;
        x->point++;
    }
    while (x->n && x->d[x->n - 1] == '0')
        x->n--;
}

static char dec_digit(const decnum *x, int pos) { return pos >= 0 && pos < x->n ? x->d[pos] : '0'; }

/* Fixed notation: at least min_int integer digits, exactly `decimals`
 * fraction digits (then trimmed down to min_dec), grouped by thousands. */
static int dec_fixed(decnum x, int decimals, int min_dec, int min_int, int group, int sign, tbuf *out)
{
    dec_keep(&x, x.point + decimals);
    if (sign && x.neg && x.n && tb_addc(out, '-'))
        return -1;
    int int_digits = x.point > 0 ? x.point : 0;
    if (int_digits < min_int)
        int_digits = min_int;
    for (int i = 0; i < int_digits; i++) {
        int pos = x.point - int_digits + i;
        if (tb_addc(out, dec_digit(&x, pos)))
            return -1;
        int left = int_digits - i - 1;
        if (group && left > 0 && left % 3 == 0 && tb_addc(out, ','))
            return -1;
    }
    int shown = decimals;
    while (shown > min_dec && dec_digit(&x, x.point + shown - 1) == '0')
        shown--;
    if (shown > 0) {
        if (tb_addc(out, '.'))
            return -1;
        for (int i = 0; i < shown; i++)
            if (tb_addc(out, dec_digit(&x, x.point + i)))
                return -1;
    }
    return 0;
}

static int dec_scientific(decnum x, int decimals, tbuf *out)
{
    dec_keep(&x, decimals + 1);
    if (x.neg && x.n && tb_addc(out, '-'))
        return -1;
    int e = x.n ? x.point - 1 : 0;
    if (tb_addc(out, dec_digit(&x, 0)))
        return -1;
    if (decimals > 0) {
        if (tb_addc(out, '.'))
            return -1;
        for (int i = 1; i <= decimals; i++)
            if (tb_addc(out, dec_digit(&x, i)))
                return -1;
    }
    char exp[16];
    snprintf(exp, sizeof exp, "E%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return tb_adds(out, exp);
}

/* General: 15 significant digits, no trailing zeros. */
static int dec_general(decnum x, tbuf *out)
{
    dec_keep(&x, 15);
    if (x.n && (x.point > 21 || x.point < -8)) {
        /* a scientific form without trailing zeros */
        tbuf t = {0};
        if (dec_scientific(x, x.n > 1 ? x.n - 1 : 0, &t)) {
            tb_free(&t);
            return -1;
        }
        int rc = tb_add(out, t.s, t.len);
        tb_free(&t);
        return rc;
    }
    int decimals = x.n - x.point > 0 ? x.n - x.point : 0;
    return dec_fixed(x, decimals, 0, 1, 0, 1, out);
}

/* --- format codes --------------------------------------------------------- */

/* The sections of a format code, split at ';' outside quotes. */
static int sections(const char *code, const char *start[4], size_t len[4])
{
    int n = 0;
    const char *s = code;
    start[0] = s;
    int quoted = 0;
    for (; *s; s++) {
        if (*s == '"')
            quoted = !quoted;
        else if (*s == '\\' && s[1])
            s++;
        else if (*s == ';' && !quoted && n < 3) {
            len[n] = (size_t)(s - start[n]);
            start[++n] = s + 1;
        }
    }
    len[n] = (size_t)(s - start[n]);
    return n + 1;
}

int numfmt_is_date(const char *code)
{
    if (!code)
        return 0;
    int quoted = 0;
    for (const char *s = code; *s; s++) {
        if (*s == '"') {
            quoted = !quoted;
        } else if (quoted) {
            continue;
        } else if (*s == '\\' && s[1]) {
            s++;
        } else if (*s == '[') {
            const char *e = strchr(s, ']');
            if (!e)
                return 0;
            char c = (char)tolower((unsigned char)s[1]);
            if ((c == 'h' || c == 'm' || c == 's') && e - s <= 3)
                return 1;
            s = e;
        } else if (*s == '_' || *s == '*') {
            if (s[1])
                s++;
        } else if (strchr("yYmMdDhHsS", *s)) {
            return 1;
        } else if (strncasecmp(s, "General", 7) == 0) {
            s += 6;
        }
    }
    return 0;
}

/* days since 1970-01-01 → civil date (H. Hinnant's algorithm) */
static void civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

typedef struct {
    int y, m, d, hh, mm, ss, wday;
} datetime;

static int serial_date(const char *value, int date1904, datetime *t)
{
    char *end;
    double v = strtod(value, &end);
    if (end == value || *end || !(v >= 0 && v < 2958466))  /* up to 9999-12-31 */
        return -1;
    long days = (long)floor(v);
    long secs = lround((v - (double)days) * 86400.0);
    if (secs >= 86400) {
        days++;
        secs -= 86400;
    }
    memset(t, 0, sizeof *t);
    long unix_days;  /* days since 1970-01-01 */
    if (date1904)
        unix_days = days - 24107;  /* serial 0 is 1904-01-01 */
    else
        unix_days = days - (days < 60 ? 25568 : 25569);  /* serial 1 is 1900-01-01 */
    if (!date1904 && days == 60)
        t->y = 1900, t->m = 2, t->d = 29;  /* the leap day Lotus invented, kept by Excel */
    else
        civil(unix_days, &t->y, &t->m, &t->d);
    t->wday = (int)(((unix_days % 7) + 7 + 4) % 7);  /* 1970-01-01 was a Thursday; 0 Sunday */
    t->hh = (int)(secs / 3600);
    t->mm = (int)(secs / 60 % 60);
    t->ss = (int)(secs % 60);
    return 0;
}

static const char *const MONTHS[] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};
static const char *const DAYS[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                   "Saturday"};

static int add_num(tbuf *out, int v, int width)
{
    char b[16];
    snprintf(b, sizeof b, "%0*d", width, v);
    return tb_adds(out, b);
}

static int render_date(const char *s, size_t len, const datetime *t, tbuf *out)
{
    const char *e = s + len;
    int ampm = 0;
    for (const char *p = s; p < e; p++)
        if (strncasecmp(p, "AM/PM", 5) == 0 || strncasecmp(p, "A/P", 3) == 0 ||
            strncmp(p, "上午/下午", strlen("上午/下午")) == 0)
            ampm = 1;
    char last = 0;  /* the last date letter, for m = minutes after h */
    for (const char *p = s; p < e;) {
        char c = (char)tolower((unsigned char)*p);
        if (*p == '"') {
            const char *q = memchr(p + 1, '"', (size_t)(e - p - 1));
            if (!q)
                q = e;
            if (tb_add(out, p + 1, (size_t)(q - p - 1)))
                return -1;
            p = q < e ? q + 1 : e;
            continue;
        }
        if (*p == '\\' && p + 1 < e) {
            if (tb_addc(out, p[1]))
                return -1;
            p += 2;
            continue;
        }
        if (*p == '[') {
            const char *q = memchr(p, ']', (size_t)(e - p));
            p = q ? q + 1 : e;
            continue;
        }
        if (*p == '_' || *p == '*') {
            p += p + 1 < e ? 2 : 1;
            continue;
        }
        if (strncasecmp(p, "AM/PM", 5) == 0) {
            if (tb_adds(out, t->hh < 12 ? "AM" : "PM"))
                return -1;
            p += 5;
            continue;
        }
        if (strncasecmp(p, "A/P", 3) == 0) {
            if (tb_adds(out, t->hh < 12 ? "A" : "P"))
                return -1;
            p += 3;
            continue;
        }
        if (strncmp(p, "上午/下午", strlen("上午/下午")) == 0) {
            if (tb_adds(out, t->hh < 12 ? "上午" : "下午"))
                return -1;
            p += strlen("上午/下午");
            continue;
        }
        if (strchr("ymdhs", c) && c) {
            int n = 0;
            while (p + n < e && tolower((unsigned char)p[n]) == c)
                n++;
            int rc = 0;
            if (c == 'y') {
                rc = n <= 2 ? add_num(out, t->y % 100, 2) : add_num(out, t->y, 4);
            } else if (c == 'm') {
                /* minutes right after an hour or right before seconds */
                const char *q = p + n;
                while (q < e && !strchr("yYmMdDhHsS\"", *q))
                    q++;
                int minutes = n <= 2 && (last == 'h' || (q < e && tolower((unsigned char)*q) == 's'));
                if (minutes)
                    rc = add_num(out, t->mm, n == 2 ? 2 : 1);
                else if (n <= 2)
                    rc = add_num(out, t->m, n);
                else if (n == 3)
                    rc = tb_add(out, MONTHS[t->m - 1], 3);
                else
                    rc = tb_adds(out, MONTHS[t->m - 1]);
            } else if (c == 'd') {
                if (n <= 2)
                    rc = add_num(out, t->d, n);
                else if (n == 3)
                    rc = tb_add(out, DAYS[t->wday], 3);
                else
                    rc = tb_adds(out, DAYS[t->wday]);
            } else if (c == 'h') {
                int h = t->hh;
                if (ampm) {
                    h %= 12;
                    if (h == 0)
                        h = 12;
                }
                rc = add_num(out, h, n >= 2 ? 2 : 1);
            } else {
                rc = add_num(out, t->ss, n >= 2 ? 2 : 1);
            }
            if (rc)
                return -1;
            last = c;
            p += n;
            continue;
        }
        if (tb_addc(out, *p))
            return -1;
        p++;
    }
    return 0;
}

/* A number section: literal text around one run of digit placeholders. */
/* A literal set among the integer placeholders of a format (the escaped
 * point of 0!.0000), with how many placeholders come before it. */
enum { MAX_NUM_LITERALS = 8 };
typedef struct {
    const char *s;
    size_t n;
    int before;
} num_literal;

/* x fixed as dec_fixed writes it (no grouping), the literals put among
 * its integer digits where the format sets them, counted from the last
 * of its nph integer placeholders: 0!.0000 shows 4290502 as 429.0502. */
static int fixed_with_literals(decnum x, int decimals, int min_dec, int min_int, int group, int sign,
                               const num_literal *lit, int nlit, int nph, tbuf *out)
{
    tbuf num = {0};
    if (dec_fixed(x, decimals, min_dec, min_int, 0, sign, &num)) {
        tb_free(&num);
        return -1;
    }
    const char *n = tb_str(&num);
    size_t start = n[0] == '-', end = start;
    while (n[end] >= '0' && n[end] <= '9')
        end++;
    int rc = tb_add(out, n, start);
    size_t at = start;
    for (int k = 0; k < nlit && !rc; k++) {
        /* digits after the literal: as many as placeholders after it */
        size_t after = (size_t)(nph - lit[k].before);
        size_t cut = end - start > after ? end - after : start;
        if (cut < at)
            cut = at;
        /* the digits before the first literal grouped by thousands
         * (#,##0!.0000 shows 12345678 as 1,234.5678) */
        for (size_t i = at; i < cut && !rc; i++)
            rc = tb_addc(out, n[i]) || (group && k == 0 && (cut - i - 1) % 3 == 0 && i + 1 < cut &&
                                        tb_addc(out, ','));
        rc = rc || tb_add(out, lit[k].s, lit[k].n);
        at = cut;
    }
    if (!rc)
        rc = tb_add(out, n + at, num.len - at);
    tb_free(&num);
    return rc ? -1 : 0;
}

static int render_number(const char *s, size_t len, decnum x, int sign, tbuf *out)
{
    const char *e = s + len;
    /* first pass: the placeholders */
    int int_zeros = 0, int_hashes = 0, decimals = 0, min_dec = 0, group = 0, percent = 0, point = 0,
        sci = 0;
    int seen_digit = 0, trailing_commas = 0;
    const char *first = NULL, *last = NULL;
    /* literals among the integer placeholders (0!.0000 shows 元 as 万元:
     * 4290502 as 429.0502): each with the placeholders seen before it */
    num_literal lit[MAX_NUM_LITERALS];
    int nlit = 0;
    for (const char *p = s; p < e; p++) {
        if (*p == '"') {
            const char *q = memchr(p + 1, '"', (size_t)(e - p - 1));
            if (seen_digit && !point && q && nlit < MAX_NUM_LITERALS)
                lit[nlit++] = (num_literal){p + 1, (size_t)(q - p - 1), int_zeros + int_hashes};
            p = q ? q : e - 1;
        } else if ((*p == '\\' || *p == '!') && p + 1 < e) {
            if (seen_digit && !point && nlit < MAX_NUM_LITERALS)
                lit[nlit++] = (num_literal){p + 1, 1, int_zeros + int_hashes};
            p++;
        } else if (*p == '\\' || *p == '!' || *p == '_' || *p == '*') {
            p++;
        } else if (*p == '[') {
            const char *q = memchr(p, ']', (size_t)(e - p));
            p = q ? q : e - 1;
        } else if (*p == '0' || *p == '#' || *p == '?') {
            if (!first)
                first = p;
            last = p;
            seen_digit = 1;
            trailing_commas = 0;
            if (point) {
                decimals++;
                if (*p == '0')
                    min_dec = decimals;
            } else if (*p == '0') {
                int_zeros++;
            } else {
                int_hashes++;
            }
        } else if (*p == '.' && seen_digit && !point) {
            point = 1;
            last = p;
        } else if (*p == '.' && !seen_digit && !point && p + 1 < e && strchr("0#?", p[1])) {
            point = 1;
            first = p;
            last = p;
        } else if (*p == ',' && seen_digit && !point) {
            trailing_commas++;
            if (p + 1 < e && strchr("0#?", p[1]))
                group = 1, trailing_commas = 0;
        } else if (*p == '%') {
            percent++;
        } else if ((*p == 'E' || *p == 'e') && seen_digit && p + 1 < e && (p[1] == '+' || p[1] == '-')) {
            sci = 1;
            break;
        }
    }
    /* a literal after the last integer placeholder is text after the
     * number, not among its digits */
    while (nlit && lit[nlit - 1].before == int_zeros + int_hashes)
        nlit--;
    if (sci)
        return dec_scientific(x, decimals, out);
    if (x.n) {
        x.point += 2 * percent;
        if (!group)
            x.point -= 3 * trailing_commas;
    }
    if (!first)
        return render_date(s, len, &(datetime){0}, out);  /* literal text only */
    /* second pass: literal text before and after the number */
    for (int pass = 0; pass < 2; pass++) {
        const char *from = pass == 0 ? s : last + 1, *to = pass == 0 ? first : e;
        if (pass == 1 && (nlit ? fixed_with_literals(x, decimals, min_dec, int_zeros, group, sign, lit, nlit,
                                                     int_zeros + int_hashes, out)
                               : dec_fixed(x, decimals, min_dec, int_zeros, group, sign, out)))
            return -1;
        for (const char *p = from; p < to; p++) {
            if (*p == '"') {
                const char *q = memchr(p + 1, '"', (size_t)(to - p - 1));
                if (!q)
                    q = to;
                if (tb_add(out, p + 1, (size_t)(q - p - 1)))
                    return -1;
                p = q < to ? q : to - 1;
            } else if (*p == '\\' && p + 1 < to) {
                if (tb_addc(out, *++p))
                    return -1;
            } else if ((*p == '_' || *p == '*') && p + 1 < to) {
                p++;
            } else if (*p == '[') {
                const char *q = memchr(p, ']', (size_t)(to - p));
                p = q ? q : to - 1;
            } else if (*p == ',' || *p == '0' || *p == '#' || *p == '?' || *p == '.') {
                /* inside the number run */
            } else if (tb_addc(out, *p)) {
                return -1;
            }
        }
    }
    return 0;
}

int numfmt_render(const char *value, const char *code, int date1904, tbuf *out)
{
    tb_clear(out);
    decnum x;
    if (dec_parse(value, &x))
        return tb_adds(out, value);
    if (!code || !*code || strcasecmp(code, "General") == 0 || strcmp(code, "@") == 0)
        return dec_general(x, out);
    const char *start[4];
    size_t len[4];
    int n = sections(code, start, len);
    int sec = 0, sign = 1;
    if (x.neg && n >= 2) {
        sec = 1;
        sign = 0;  /* the section writes its own sign, if any */
    } else if (!x.n && n >= 3) {
        sec = 2;
    }
    char part[256];
    size_t l = len[sec] < sizeof part - 1 ? len[sec] : sizeof part - 1;
    memcpy(part, start[sec], l);
    part[l] = '\0';
    if (l == 0)
        return 0;   /* an empty section shows nothing: #,##0.00;-#,##0.00; hides zeros */
    if (strcasecmp(part, "General") == 0) {
        if (!sign)
            x.neg = 0;
        return dec_general(x, out);
    }
    if (numfmt_is_date(part)) {
        datetime t;
        if (serial_date(value, date1904, &t))
            return dec_general(x, out);
        return render_date(part, l, &t, out);
    }
    return render_number(part, l, x, sign, out);
}
