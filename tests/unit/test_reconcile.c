/* reconcile's arithmetic and formula reading: the tolerance policy of
 * domain.md §4.4 in exact decimals, and the printed formulas. The stage's
 * sources are compiled in here (they are not in lib/). */
#include "tap.h"

#include "../../cmd/reconcile/formula.c"
#include "../../cmd/reconcile/tolerance.c"

static decimal D(const char *s)
{
    decimal d = {0, 0};
    dec_parse(s, strlen(s), &d);
    return d;
}

int main(void)
{
    TAP_INIT("reconcile");
    decimal diff;

    /* sums: equal, inside (n+1)×u/2, beyond */
    OK(tol_sum(D("442.86"), D("442.86"), 3, 2, &diff) == V_PASS, "sum equal passes");
    OK(tol_sum(D("442.85"), D("442.86"), 3, 2, &diff) == V_INFO, "0.01 off 3 children is inside 0.02: info");
    OK(tol_sum(D("171.92"), D("171.90"), 2, 2, &diff) == V_ERROR, "0.02 off 2 children is beyond 0.015: error");
    OK(tol_sum(D("171.91"), D("171.90"), 2, 2, &diff) == V_INFO, "0.01 off 2 children: info");
    OK(tol_sum(D("97.2"), D("97.24"), 2, 1, &diff) == V_INFO, "mixed precision: the unit of the least precise (0.1)");
    OK(tol_sum(D("100"), D("100.4"), 1, 0, &diff) == V_INFO, "integer parent: unit 1, envelope 1");

    /* the same figure twice */
    OK(tol_same(D("2673.6"), D("2673.61"), &diff) == V_PASS, "compared at the lower precision");
    OK(tol_same(D("442.85"), D("442.86"), &diff) == V_WARN, "one unit apart: warning");
    OK(tol_same(D("401.75"), D("442.86"), &diff) == V_ERROR, "far apart: error");

    /* percentages by intervals */
    int und;
    OK(tol_pct(D("243.12"), D("442.86"), D("54.9"), &und) == V_PASS, "54.9%% of 442.86");
    OK(tol_pct(D("22.18"), D("22.17"), D("100.04"), &und) == V_PASS, "100.04%% holds inside the intervals");
    OK(tol_pct(D("1856.27"), D("1857.76"), D("99.91"), &und) == V_WARN, "99.9198%% printed 99.91: truncated");
    OK(tol_pct(D("183.8"), D("199.74"), D("100"), &und) == V_ERROR, "92%% printed 100%%: error");
    OK(tol_pct(D("5"), D("0.00"), D("10"), &und) == V_PASS && und, "zero denominator: undecided");
    OK(tol_pct_n(D("2747.51"), 1, D("3190.37"), 2, D("86.12"), &und) == V_PASS, "YoY on the prior year");

    /* formulas as printed */
    formula f[8];
    int n = formula_parse("27行＝（1＋2＋3＋4＋5＋6+7+8）行；31行＝（27＋28＋29）行；", f, 8);
    OK(n == 2 && f[0].axis == AXIS_ROW && f[0].lhs == 27 && f[0].n == 8 && f[1].n == 3, "two row formulas");
    n = formula_parse("58行＝（32＋33＋…＋57）行", f, 8);
    OK(n == 1 && f[0].n == 26 && f[0].ref[25] == 57, "a range 32＋33＋…＋57 is expanded");
    n = formula_parse("6栏各行＝（1＋2－3）栏各行；3栏各行＝（4＋5）栏各行。", f, 8);
    OK(n == 2 && f[0].axis == AXIS_COLUMN && f[0].sign[2] == -1 && f[1].lhs == 3, "column formulas with a minus");
    n = formula_parse("9栏=（10+11）栏", f, 8);
    OK(n == 1 && f[0].ref[0] == 10 && f[0].ref[1] == 11, "half-width signs");
    n = formula_parse("注：1.本表反映部门本年度的总收支。2.本套报表金额单位转换时可能存在尾数误差。", f, 8);
    OK(n == 0, "prose is not a formula");
    formula a, b;
    formula_parse("1栏各行＝（2＋3）栏各行", &a, 1);
    formula_parse("1栏=(3+2)栏", &b, 1);
    OK(formula_same(&a, &b), "the same identity in another order and notation");
    char text[200];
    formula_parse("9栏=（10+11）栏", &a, 1);
    formula_text(&a, text, sizeof text);
    STR_EQ(text, "9栏 = 10栏 + 11栏", "formula as text");
    return TAP_DONE();
}
