#include "rules.h"

#include <string.h>

/* Ids follow the identity catalogue of the research notes (domain.md §3):
 * Kind HINT: an identity that usually holds; its findings stay info.
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
    /* across tables */
    {"x01", FAM_CROSS, "SAME", "收入支出决算总表 27行 = 收入决算表 合计 1栏", "本年收入合计与收入决算表一致"},
    {"x02", FAM_CROSS, "SAME", "收入支出决算总表 1+2+3行 = 收入决算表 合计 2栏; 4…8行 = 3…7栏", "各项收入与收入决算表一致"},
    {"x03", FAM_CROSS, "SAME", "收入支出决算总表 58行 = 支出决算表 合计 1栏", "本年支出合计与支出决算表一致"},
    {"x04", FAM_CROSS, "SAME", "收入支出决算总表 类级支出 = 支出决算表 类级 1栏 (matched by name)", "各类支出与支出决算表一致"},
    {"x05", FAM_CROSS, "SAME", "财政拨款收入支出决算总表 1/2/3行 = 收入支出决算总表 1/2/3行", "财政拨款收入两表一致"},
    {"x06", FAM_CROSS, "SAME", "财政拨款收入支出决算总表 59行3栏 and 类级 3栏 = 一般公共预算财政拨款支出决算表 合计/类级 1栏", "一般公共预算财政拨款支出两表一致"},
    {"x07", FAM_CROSS, "SUM", "一般公共预算财政拨款支出决算表 合计 基本支出 = 基本支出决算表 人员经费合计 + 公用经费合计", "基本支出等于人员经费加公用经费"},
    {"x08", FAM_CROSS, "SAME", "财政拨款收入支出决算总表 59行4栏 / 2行 / 30行 = 政府性基金表 合计 3/2/1栏", "政府性基金两表一致"},
    {"x09", FAM_CROSS, "SAME", "财政拨款收入支出决算总表 59行5栏 = 国有资本经营表 合计 1栏", "国有资本经营两表一致"},
    {"x10", FAM_CROSS, "GE", "支出决算表 ≥ 财政拨款部分 (类级 1栏 ≥ 表4 2栏; 基本/项目支出 ≥ 表5)", "总支出不小于其中的财政拨款支出"},
    {"x13", FAM_CROSS, "GE", "“三公”经费表 决算 8/10/11/12栏 ≥ 基本支出决算表 30212/31013/30231/30217", "“三公”经费不小于基本支出中的对应科目"},
    {"x14", FAM_CROSS, "HINT", "基本支出决算表 30108/30109/30110/30111/30113 ≈ 表5 对应项级 基本支出 (info only)", "经济分类与功能分类对应科目（提示）"},
    {"x16", FAM_CROSS, "SOFT", "“三公”经费表为空 ⇒ 基本支出 30212/30217/30231/31013 = 0", "无“三公”经费与基本支出一致"},
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
