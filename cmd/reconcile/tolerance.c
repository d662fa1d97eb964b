#include "tolerance.h"

#include <stdlib.h>

typedef __int128 wide;

static wide pow10w(int n)
{
    wide p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

/* The value of d in units of 10^-scale (scale ≥ d.scale), exactly. */
static wide at_scale(decimal d, int scale)
{
    return (wide)d.units * pow10w(scale - d.scale);
}

const char *verdict_name(verdict v)
{
    static const char *const names[] = {"pass", "info", "warning", "error"};
    return names[v];
}

int tol_min_scale(const decimal *d, int n)
{
    int s = DEC_MAX_SCALE;
    for (int i = 0; i < n; i++)
        if (d[i].scale < s)
            s = d[i].scale;
    return s;
}

verdict tol_sum(decimal parent, decimal sum, int n, int min_scale, decimal *diff)
{
    if (dec_sub(parent, sum, diff))
        return V_ERROR;
    if (dec_is_zero(*diff))
        return V_PASS;
    /* |diff| ≤ (n+1) × 10^-min_scale / 2  ⇔  2|diff| ≤ (n+1) × 10^(s-min_scale) at diff's scale s */
    int s = diff->scale > min_scale ? diff->scale : min_scale;
    wide d = at_scale(dec_abs(*diff), s);
    wide env = (wide)(n + 1) * pow10w(s - min_scale);
    return 2 * d <= env ? V_INFO : V_ERROR;
}

verdict tol_same(decimal a, decimal b, decimal *diff)
{
    int s = a.scale < b.scale ? a.scale : b.scale;
    decimal ra, rb;
    if (dec_rescale(a, s, &ra) || dec_rescale(b, s, &rb) || dec_sub(ra, rb, diff))
        return V_ERROR;
    if (dec_is_zero(*diff))
        return V_PASS;
    return diff->units == 1 || diff->units == -1 ? V_WARN : V_ERROR;
}

/* Does the interval [lo_n/hi_d, hi_n/lo_d]×100 meet [plo, phi]? All of
 * lo_n, hi_n, lo_d, hi_d at one scale, plo/phi at scale ps. */
static int meets(wide lo_n, wide hi_n, wide lo_d, wide hi_d, wide plo, wide phi, int ps)
{
    wide scale = pow10w(ps);
    if (lo_n < 0)
        lo_n = 0;
    /* lower end of the ratio ≤ phi:  100·lo_n·10^ps ≤ phi·hi_d */
    if (100 * lo_n * scale > phi * hi_d)
        return 0;
    /* upper end of the ratio ≥ plo:  100·hi_n·10^ps ≥ plo·lo_d  (lo_d > 0) */
    if (100 * hi_n * scale < plo * lo_d)
        return 0;
    return 1;
}

verdict tol_pct_n(decimal num, int num_terms, decimal den, int den_terms, decimal pct, int *undecided)
{
    *undecided = 0;
    num = dec_abs(num);
    den = dec_abs(den);
    pct = dec_abs(pct);
    int s = (num.scale > den.scale ? num.scale : den.scale) + 1;
    if (s > 18)
        s = 18;
    /* half a printed unit at scale s is 5 × 10^(s - scale - 1) */
    wide hn = (wide)num_terms * 5 * pow10w(s - num.scale - 1);
    wide hd = (wide)den_terms * 5 * pow10w(s - den.scale - 1);
    wide n = at_scale(num, s), d = at_scale(den, s);
    wide lo_d = d - hd, hi_d = d + hd;
    if (lo_d <= 0) {
        *undecided = 1;
        return V_PASS;
    }
    int ps = pct.scale + 1;
    wide p = at_scale(pct, ps);
    wide hp = 5;
    if (meets(n - hn, n + hn, lo_d, hi_d, p - hp, p + hp, ps))
        return V_PASS;
    /* truncated rather than rounded: the true value lies in [p, p + 1 unit) */
    if (meets(n - hn, n + hn, lo_d, hi_d, p, p + 2 * hp, ps))
        return V_WARN;
    return V_ERROR;
}

verdict tol_pct(decimal num, decimal den, decimal pct, int *undecided)
{
    return tol_pct_n(num, 1, den, 1, pct, undecided);
}
