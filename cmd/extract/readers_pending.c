/* Readers not written yet: each document of these formats is an honest
 * "unsupported" error record until its reader lands. */
#include "extract.h"
