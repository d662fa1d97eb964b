/* Signature and print-stamp lines; see signature.h. */
#include "signature.h"

#include <string.h>

static const char *const LABELS[] = {"单位负责人", "财务负责人", "会计机构负责人", "主管会计工作负责人",
                                     "制表人", "填表人", "审核人", "报送日期", "填报日期", "制表日期",
                                     "打印时间", "打印日期", "打印人", NULL};

int is_signature_text(const char *s)
{
    for (int i = 0; LABELS[i]; i++)
        if (strncmp(s, LABELS[i], strlen(LABELS[i])) == 0 && (strstr(s, "：") || strchr(s, ':')))
            return 1;
    return 0;
}
