#include "rules.h"

#include <string.h>

/* Ids follow the identity catalogue of the research notes (domain.md §3):
 * faNN-k within the standard 决算 tables, xNN across them, nNN narrative
 * against tables; tbl.*, nar.* and str.* are ours. */
static const rc_rule RULES[] = {
    /* within one table */
    {"tbl.printed-formula", FAM_TABLE, "SUM", "a formula printed under a table (not one of the standard ones)", "表下注明的计算公式"},
    {"tbl.class-total", FAM_TABLE, "SUM", "合计 = Σ 类 rows (3-digit codes), per column", "合计等于各类之和"},
    {"tbl.class-kuan", FAM_TABLE, "SUM", "类 = Σ its 款 (5-digit codes), per column", "类级科目等于所属款级科目之和"},
    {"tbl.kuan-xiang", FAM_TABLE, "SUM", "款 = Σ its 项 (7-digit codes), per column", "款级科目等于所属项级科目之和"},
    {"fa01-1", FAM_TABLE, "SUM", "收入支出决算总表 27行 = 1+…+8行", "本年收入合计等于各项收入之和"},
    {"fa01-2", FAM_TABLE, "SUM", "收入支出决算总表 31行 = 27+28+29行", "收入总计等于本年收入合计加结余和结转"},
    {"fa01-3", FAM_TABLE, "SUM", "收入支出决算总表 58行 = 32+…+57行", "本年支出合计等于各类支出之和"},
    {"fa01-4", FAM_TABLE, "SUM", "收入支出决算总表 62行 = 58+59+60行", "支出总计等于本年支出合计加结余分配和年末结转"},
    {"fa01-5", FAM_TABLE, "SAME", "收入支出决算总表 31行(收入总计) = 62行(支出总计)", "收支总计平衡"},
    {"fa02-1", FAM_TABLE, "SUM", "收入决算表 1栏 = 2+…+7栏, every row", "本年收入合计等于各项收入之和"},
    {"fa03-1", FAM_TABLE, "SUM", "支出决算表 1栏 = 2+…+6栏, every row", "本年支出合计等于各项支出之和"},
    {"fa04-1", FAM_TABLE, "SUM", "财政拨款收入支出决算总表 27行 = 1+2+3行; 28行 = 29+30+31行; 32行 = 27+28行", "财政拨款收入合计与总计"},
    {"fa04-2", FAM_TABLE, "SUM", "财政拨款收入支出决算总表 59行 = 33+…+58行; 64行 = 59+60行, each column", "财政拨款支出合计与总计"},
    {"fa04-3", FAM_TABLE, "SUM", "财政拨款收入支出决算总表 2栏 = 3+4+5栏, every expenditure row", "合计等于三本预算财政拨款之和"},
    {"fa04-4", FAM_TABLE, "SAME", "财政拨款收入支出决算总表 32行1栏 = 64行2栏", "财政拨款收支总计平衡"},
    {"fa05-1", FAM_TABLE, "SUM", "一般公共预算财政拨款支出决算表 1栏 = 2+3栏, every row", "小计等于基本支出加项目支出"},
    {"fa06-1", FAM_TABLE, "SUM", "基本支出决算表 301/302/303/310… = Σ its 5-digit items", "经济分类类级等于所属款级之和"},
    {"fa06-2", FAM_TABLE, "SUM", "基本支出决算表 人员经费合计 = 301+303; 公用经费合计 = 302+307+309+310+399", "人员经费、公用经费合计"},
    {"fa07-1", FAM_TABLE, "SUM", "政府性基金预算财政拨款收入支出决算表 6栏 = 1+2−3栏; 3栏 = 4+5栏", "年末结转和结余、本年支出小计"},
    {"fa08-1", FAM_TABLE, "SUM", "国有资本经营预算财政拨款支出决算表 1栏 = 2+3栏", "合计等于基本支出加项目支出"},
    {"fa09-1", FAM_TABLE, "SUM", "“三公”经费表 1栏 = 2+3+6栏; 3栏 = 4+5栏; 7栏 = 8+9+12栏; 9栏 = 10+11栏", "“三公”经费合计与小计"},
    {NULL, 0, NULL, NULL, NULL}};

const rc_rule *rule_find(const char *id)
{
    for (const rc_rule *r = RULES; r->id; r++)
        if (strcmp(r->id, id) == 0)
            return r;
    return NULL;
}

const char *family_name(rule_family f)
{
    static const char *const names[FAM_COUNT] = {"table", "cross", "narrative", "structure"};
    return names[f];
}

int rules_list(FILE *out)
{
    for (const rc_rule *r = RULES; r->id; r++)
        if (fprintf(out, "%s\t%s\t%s\t%s\t%s\n", r->id, family_name(r->family), r->kind, r->identity, r->title) < 0)
            return -1;
    return 0;
}
