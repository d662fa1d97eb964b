/* Readers not written yet: each document of these formats is an honest
 * "unsupported" error record until its reader lands. */
#include "extract.h"
int read_xlsx(const unsigned char *d, size_t n, emitter *em) { (void)d; (void)n; return em_error(em, "unsupported", "xlsx: not yet"); }
