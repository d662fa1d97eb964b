/* Resolving the classification a sentence names to its code:
 * `卫生健康（210）医疗保障管理事务（15）行政运行（01）` → 2101501,
 * `社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）`
 * → 2080505, `行政单位医疗、公务员医疗补助（项）` → 2101101+2101103,
 * `社会保障和就业支出` → 208. Buffer-level. */
#ifndef TAB_CODES_H
#define TAB_CODES_H

/* A new string with the code(s), or NULL when the text names no
 * classification or a name is not in the list. */
char *codes_resolve(const char *text);
/* The 3-digit code of the 类 whose name name is (社会保障和就业支出 → 208,
 * old names included), or NULL. */
const char *codes_class_named(const char *name);
/* The 5-digit code of the 款 of that name under class cls (its first three
 * digits), or NULL. */
const char *codes_kuan_named(const char *name, const char *cls);
/* 1 when code (3 digits or more) starts with a 类 of the functional
 * classification (201 一般公共服务支出 … 233) or of an economic one (301 …
 * 313 and 399 of 部门预算支出经济分类, 501 … 514 and 599 of 政府预算支出
 * 经济分类): a code, not any number (110千伏, a unit's 318). */
int codes_known_class(const char *code);
/* 1 when the text carries classification markers: （类）（款）（项） or a
 * parenthesised 3-digit code. */
int codes_is_classification(const char *text);
/* A code printed with its levels joined by hyphens (207-01-09, 207-01,
 * 301-02) as some provinces' templates print it, as plain digits in a new
 * string (2070109); NULL for any other text. Only a 类 that codes_known_class
 * knows, so 110-10 or a date stays as printed. */
char *codes_unhyphen(const char *text);

#endif
