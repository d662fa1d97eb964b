/* The two ways normalize-traditional-chinese runs: over a record stream
 * (ds_run), or over plain text lines (--plain, for comparisons with the
 * opencc command). Both return the exit status. */
#ifndef NT_STAGE_H
#define NT_STAGE_H

#include "normalize.h"

#include <stddef.h>

int run_stream(const char *prog, nt_ctx *ctx, size_t max_line, int nfiles, char *const files[]);
int run_plain(const char *prog, nt_ctx *ctx, size_t max_line, int nfiles, char *const files[]);

#endif
