#include "template.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *id, *col_no, *path;
} tcol;

static const tcol COLS[] = {
    {"FA01", "1", "收入/金额"},
    {"FA01", "2", "支出/金额"},
    {"FA02", "1", "本年收入合计"},
    {"FA02", "2", "财政拨款收入"},
    {"FA02", "3", "上级补助收入"},
    {"FA02", "4", "事业收入"},
    {"FA02", "5", "经营收入"},
    {"FA02", "6", "附属单位上缴收入"},
    {"FA02", "7", "其他收入"},
    {"FA03", "1", "本年支出合计"},
    {"FA03", "2", "基本支出"},
    {"FA03", "3", "项目支出"},
    {"FA03", "4", "上缴上级支出"},
    {"FA03", "5", "经营支出"},
    {"FA03", "6", "对附属单位补助支出"},
    {"FA04", "1", "收入/决算数"},
    {"FA04", "2", "支出/决算数/合计"},
    {"FA04", "3", "支出/决算数/一般公共预算财政拨款"},
    {"FA04", "4", "支出/决算数/政府性基金预算财政拨款"},
    {"FA04", "5", "支出/决算数/国有资本经营预算财政拨款"},
    {"FA05", "1", "本年支出/小计"},
    {"FA05", "2", "本年支出/基本支出"},
    {"FA05", "3", "本年支出/项目支出"},
    {"FA07", "1", "年初结转和结余"},
    {"FA07", "2", "本年收入"},
    {"FA07", "3", "本年支出/小计"},
    {"FA07", "4", "本年支出/基本支出"},
    {"FA07", "5", "本年支出/项目支出"},
    {"FA07", "6", "年末结转和结余"},
    {"FA08", "1", "本年支出/合计"},
    {"FA08", "2", "本年支出/基本支出"},
    {"FA08", "3", "本年支出/项目支出"},
    {"FA09", "1", "预算数/合计"},
    {"FA09", "2", "预算数/因公出国（境）费"},
    {"FA09", "3", "预算数/公务用车购置及运行维护费/小计"},
    {"FA09", "4", "预算数/公务用车购置及运行维护费/公务用车购置费"},
    {"FA09", "5", "预算数/公务用车购置及运行维护费/公务用车运行维护费"},
    {"FA09", "6", "预算数/公务接待费"},
    {"FA09", "7", "决算数/合计"},
    {"FA09", "8", "决算数/因公出国（境）费"},
    {"FA09", "9", "决算数/公务用车购置及运行维护费/小计"},
    {"FA09", "10", "决算数/公务用车购置及运行维护费/公务用车购置费"},
    {"FA09", "11", "决算数/公务用车购置及运行维护费/公务用车运行维护费"},
    {"FA09", "12", "决算数/公务接待费"},
};

const char *template_path(const char *id, const char *col_no)
{
    if (!id || !col_no)
        return NULL;
    for (size_t i = 0; i < sizeof COLS / sizeof COLS[0]; i++)
        if (strcmp(COLS[i].id, id) == 0 && strcmp(COLS[i].col_no, col_no) == 0)
            return COLS[i].path;
    return NULL;
}

/* b is the start or the end of a, at least three characters of it: the
 * part of a wrapped header cell left on the 栏次's row (PDF: 国有资 | 本经营
 * 预算财政拨款 on two rows). */
static int is_fragment(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (lb >= la || tx_cplen(b, lb) < 3)
        return 0;
    return strncmp(a, b, lb) == 0 || strcmp(a + la - lb, b) == 0;
}

int template_fits(const char *path, const char *leaf)
{
    if (!leaf || !leaf[0])
        return 1;
    const char *t = strrchr(path, '/');
    t = t ? t + 1 : path;
    char *a = tx_key(t), *b = tx_key(leaf);
    int fits = strstr(b, a) != NULL || is_fragment(a, b);
    free(a);
    free(b);
    return fits;
}

int template_fits_joined(const char *path, const char *printed)
{
    if (!printed || !strchr(printed, '/'))
        return 0;
    const char *t = strrchr(path, '/'), *last = strrchr(printed, '/') + 1;
    t = t ? t + 1 : path;
    char *joined = tx_dup(printed), *o = joined;
    for (const char *s = printed; *s; s++)
        if (*s != '/')
            *o++ = *s;
    *o = '\0';
    char *a = tx_key(t), *b = tx_key(joined), *l = tx_key(last);
    size_t la = strlen(a), lb = strlen(b), ll = strlen(l);
    int fits = la > ll && lb >= la && strcmp(b + lb - la, a) == 0 && strcmp(a + la - ll, l) == 0;
    free(joined);
    free(a);
    free(b);
    free(l);
    return fits;
}

int template_columns(const char *id, const char *side, tcol_ref *out, int max)
{
    size_t ls = side ? strlen(side) : 0;
    int n = 0;
    for (size_t i = 0; i < sizeof COLS / sizeof COLS[0]; i++) {
        if (!id || strcmp(COLS[i].id, id) != 0)
            continue;
        if (side && (strncmp(COLS[i].path, side, ls) != 0 || COLS[i].path[ls] != '/'))
            continue;
        if (n >= max)
            return -1;
        out[n].col_no = COLS[i].col_no;
        out[n].path = COLS[i].path;
        n++;
    }
    return n;
}

int template_blocks(const char *id, int *width, const char *const **sides)
{
    static const char *const FA06[] = {"人员经费", "公用经费", "公用经费"};
    if (id && strcmp(id, "FA06") == 0) {
        *width = 3;
        *sides = FA06;
        return 3;
    }
    return 0;
}
