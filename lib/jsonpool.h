/* A free-list allocator for jansson's small blocks.
 *
 * A stream stage parses every record with jansson: about ten blocks of
 * 16-64 bytes per table cell, allocated and freed again within one
 * document. Recycling them through per-size free lists instead of malloc
 * cut tabulate's time by 4-5% (bench/tabulate.sh). The lists keep at most
 * what the largest document had alive at once.
 *
 * jansson's allocator hooks take no context, so the lists are the one
 * piece of process-wide state here: install once at the top of main,
 * before any jansson value exists, and release at the end. Not installed
 * under AddressSanitizer, whose use-after-free checks need every free to
 * reach it. */
#ifndef YJS_JSONPOOL_H
#define YJS_JSONPOOL_H

void jpool_install(void);
/* Returns the recycled blocks to malloc (after the last jansson value is
 * gone): keeps leak checkers quiet. */
void jpool_release(void);

#endif
