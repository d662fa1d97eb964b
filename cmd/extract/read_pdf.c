/* PDF through the layout module (pdf_layout.c). */
#include "extract.h"

#include "layout_sink.h"
#include "pdf_layout.h"

int read_pdf(const unsigned char *data, size_t len, emitter *em)
{
    layout_emitter c;
    layout_emitter_init(&c, em);
    pdf_limits lim = {em->lim->max_pages, em->lim->max_file_bytes};
    char code[64] = "pdf_damaged", msg[512] = "";
    int r = pdf_extract_limited(data, len, &c.sink, &lim, code, sizeof code, msg, sizeof msg);
    layout_emitter_done(&c, em);
    if (r == -2)
        return c.rc ? c.rc : EM_ABORT;
    if (r == -1)
        return em_error(em, code[0] ? code : "pdf_damaged", "%s", msg[0] ? msg : "cannot read the PDF");
    return EM_OK;
}

