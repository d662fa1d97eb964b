/* The signature line printed under a 财政 form (单位负责人：… 财务负责人：…
 * 制表人：… 报送日期：…) and the print stamp of a budget system's print-out
 * (打印时间：2024-01-26 10:42:08): said of the table, never a row of it.
 * Shared by extract (a PDF line under a table is a caption) and tabulate
 * (such a row in a sheet ends the table's body). */
#ifndef YJS_SIGNATURE_H
#define YJS_SIGNATURE_H

/* 1 when s starts with one of those labels and holds a colon (full-width or
 * ASCII): 单位负责人（签章）：… too. */
int is_signature_text(const char *s);

#endif
