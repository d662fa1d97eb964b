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
    {"tbl.exec-rate", FAM_TABLE, "PCT", "non-standard tables: 执行率/完成率 column = 执行 ÷ 预算 columns, each row", "表中执行率计算"},
    {"tbl.adjust", FAM_TABLE, "SUM", "non-standard tables: 年度总预算 = 年初预算 + 调整, each row", "调整后预算等于年初预算加调整数"},
    {"tbl.other-total", FAM_TABLE, "SUM", "non-standard tables: the 合计/总计 row = Σ the rows above it (subtotals counted once)", "合计行等于各行之和"},
    {"bu-1", FAM_TABLE, "SAME", "收支预算总表 收入总计 = 支出总计", "预算收支总计平衡"},
    {"bu-3", FAM_TABLE, "SUM", "支出预算表 / 一般公共预算支出表 / 基金 / 国资: 合计 = 基本支出 + 项目支出 (+ 上缴上级 + 经营 + 对附属单位补助), each row", "预算支出合计等于基本支出加项目支出"},
    {"bu-4", FAM_TABLE, "SUM", "基本支出 (表 BU05, BU06 合计) = 人员经费 + 公用经费, each row", "基本支出等于人员经费加公用经费"},
    {"bu-5", FAM_CROSS, "SAME", "一般公共预算支出表 合计 基本支出 = 一般公共预算基本支出表 合计", "两张预算表的基本支出一致"},
    {"bu-8", FAM_TABLE, "SUM", "“三公”经费预算表 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费; 小计 = 购置费 + 运行费", "“三公”经费预算合计与小计"},
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
    {"x11", FAM_CROSS, "SAME", "when 总表 rows 2–8, 28, 29, 60 are empty: 表5 = 表3 row by row (1–3栏)", "只有一般公共预算财政拨款时表5与表3一致"},
    {"x12", FAM_CROSS, "SUM", "non-财政 flow: (总表27 − 表4 27) + (总表29 − 表4 28) + 总表28 = (总表58 − 表4 59.2栏) + (总表60 − 表4 60) + 总表59", "非财政拨款收支平衡"},
    {"x13", FAM_CROSS, "GE", "“三公”经费表 决算 8/10/11/12栏 ≥ 基本支出决算表 30212/31013/30231/30217", "“三公”经费不小于基本支出中的对应科目"},
    {"x14", FAM_CROSS, "HINT", "基本支出决算表 30108/30109/30110/30111/30113 ≈ 表5 对应项级 基本支出 (info only)", "经济分类与功能分类对应科目（提示）"},
    {"x16", FAM_CROSS, "SOFT", "“三公”经费表为空 ⇒ 基本支出 30212/30217/30231/31013 = 0", "无“三公”经费与基本支出一致"},
    /* the narrative against the tables */
    {"n01", FAM_NARRATIVE, "SAME", "收、支总计 = 收入支出决算总表 31行", "收支总计与总表一致"},
    {"n03", FAM_NARRATIVE, "SAME", "本年收入合计 and each income type = 收入支出决算总表 27/1…8行 (财政拨款收入 = 收入决算表 合计 2栏)", "收入情况与总表一致"},
    {"n04", FAM_NARRATIVE, "SAME", "本年支出合计 = 总表 58行; 基本/项目/… 支出 = 支出决算表 合计 2…6栏", "支出情况与表一致"},
    {"n05", FAM_NARRATIVE, "SAME", "年初/年末结转和结余 = 收入支出决算总表 29/60行", "结转和结余与总表一致"},
    {"n06", FAM_NARRATIVE, "SAME", "财政拨款收、支总计 = 财政拨款收入支出决算总表 32行", "财政拨款收支总计与表一致"},
    {"n07", FAM_NARRATIVE, "SAME", "一般公共预算财政拨款支出 = 表5 合计 1栏", "一般公共预算财政拨款支出与表5一致"},
    {"n08", FAM_NARRATIVE, "SAME", "类级支出（代码 3 位）= 表5 该类 1栏", "各类支出与表5一致"},
    {"n09", FAM_NARRATIVE, "SUM", "项级说明的支出决算 = 表5 所列项级科目 1栏之和", "项级支出与表5一致"},
    {"nar.class-level", FAM_NARRATIVE, "SUM", "a 项 statement must not quote its 款 or 类 total", "项级说明引用了类/款合计"},
    {"n10", FAM_NARRATIVE, "SAME", "一般公共预算财政拨款基本支出/人员经费/公用经费 = 表5 合计 2栏 / 表6 合计", "基本支出与表5、表6一致"},
    {"n11", FAM_NARRATIVE, "SAME", "“三公”经费 预算/决算 = 表9 1/7栏", "“三公”经费总额与表9一致"},
    {"n12", FAM_NARRATIVE, "SAME", "因公出国/公务用车/公务接待 = 表9 8…12栏", "“三公”经费各项与表9一致"},
    {"n13", FAM_NARRATIVE, "SAME", "政府性基金预算财政拨款支出 = 表7 合计 3栏", "政府性基金支出与表7一致"},
    {"n14", FAM_NARRATIVE, "SAME", "国有资本经营预算财政拨款支出 = 表8 合计 1栏", "国有资本经营支出与表8一致"},
    {"n15", FAM_NARRATIVE, "HINT", "机关运行经费 ≈ 表6 公用经费合计 (info only)", "机关运行经费与公用经费（提示）"},
    {"nar.unit", FAM_NARRATIVE, "SAME", "an amount printed in 元 that is the table's 万元 figure", "金额单位错误"},
    {"nar.share", FAM_NARRATIVE, "PCT", "占比 = amount ÷ its denominator (收入/支出合计, 表5 合计, 三公合计, …), interval arithmetic", "占比计算"},
    {"nar.yoy", FAM_NARRATIVE, "YOY", "增减率 = 增减额 ÷ (本年数 ∓ 增减额)", "增减率计算"},
    {"nar.yoy-base", FAM_NARRATIVE, "YOY", "a rate computed on the current year instead of the prior year", "增减率基数错误"},
    {"nar.exec-rate", FAM_NARRATIVE, "PCT", "完成预算% = 决算数 ÷ 预算数 (预算为 0 → warning)", "预算完成率计算"},
    {"nar.sum", FAM_NARRATIVE, "SUM", "a total stated in the text = the parts listed after it (政府采购, 人员+公用, 收入/支出合计, 三公)", "说明中的合计与分项"},
    {"nar.count-sum", FAM_NARRATIVE, "SUM", "a count and the counts listed after 其中 (vehicles, units, projects): exact", "数量与其中各项之和"},
    {"n17", FAM_NARRATIVE, "SAME", "the vehicles held, stated in the 三公 and the assets sections: exact", "车辆数前后一致"},
    {"nar.restate", FAM_NARRATIVE, "SAME", "the same quantity stated twice in the text (same subject, basis, section)", "说明前后数字一致"},
    /* the report as a whole */
    {"str.missing-table", FAM_STRUCTURE, "STRUCT", "a 决算 report publishes the nine standard tables (公开01–09表)", "缺少公开表"},
    {"str.empty-table", FAM_STRUCTURE, "STRUCT", "a table the report calls empty prints no figure", "空表说明与表中数字矛盾"},
    {"str.year", FAM_STRUCTURE, "STRUCT", "“YYYY年度部门决算/预算” in the text names the report's own year", "年度前后不一致"},
    {"str.direction", FAM_STRUCTURE, "STRUCT", "one direction word per change (增减少, 增长…（或…持平）)", "增减方向用词矛盾"},
    {"str.template", FAM_STRUCTURE, "STRUCT", "no template placeholder (XX, ××, 某某, 待填写, 项目名称…) left in the text", "模板残留"},
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
