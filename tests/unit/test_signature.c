#include "signature.h"
#include "tap.h"

int main(void)
{
    TAP_INIT("signature");
    OK(is_signature_text("单位负责人：张三　财务负责人：李四"), "the signature line");
    OK(is_signature_text("单位负责人（签章）："), "a label with a remark before its colon");
    OK(is_signature_text("打印时间: 2024-01-26 10:42:08"), "a print stamp, ASCII colon");
    OK(is_signature_text("报送日期：2024年8月19日"), "the date it was sent");
    OK(!is_signature_text("单位负责人"), "a label without a colon is a heading, not a signature");
    OK(!is_signature_text("一般公共预算财政拨款收入"), "a row label");
    OK(!is_signature_text("注：制表人：本表由财务科填报"), "a note that names a label later");
    OK(!is_signature_text(""), "empty");
    return TAP_DONE();
}
