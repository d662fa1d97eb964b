/* The 类 of the 支出功能分类 (domain.md §6.2): name → 3-digit code, with
 * the older and variant names reports still print. */
#ifndef RC_CLASSES_H
#define RC_CLASSES_H

/* The code of a 类 name ("社会保障与就业支出" → "208"), or NULL. */
const char *class_code(const char *name);

#endif
