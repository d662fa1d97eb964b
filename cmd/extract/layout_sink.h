/* The records of a laid-out page (pdf_layout.h): PDF and OFD hand their
 * paragraphs and rows to the emitter through this sink. */
#ifndef EXTRACT_LAYOUT_SINK_H
#define EXTRACT_LAYOUT_SINK_H

#include "emit.h"
#include "pdf_layout.h"

typedef struct {
    pdf_sink sink;  /* its ctx is this struct: do not copy it once set up */
    emitter *em;
    int base;       /* first table index of this document's layout */
    int tables;     /* tables seen: base + tables is the next free index */
    int rc;         /* the EM_* result that stopped the layout */
} layout_emitter;

void layout_emitter_init(layout_emitter *le, emitter *em);
/* The tables it wrote are taken: the next reader numbers on past them. */
void layout_emitter_done(layout_emitter *le, emitter *em);

#endif
