/* MS-DOC structures; see doc_binary.h. Every offset read from the file is
 * checked against the stream it points into: a damaged document is
 * DOC_DAMAGED or loses the runs that point nowhere, it is never read out
 * of bounds. */
#include "doc_binary.h"
#include "ole2.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIB_IDENT 0xA5EC
#define FIB_WORD97 0x00C1    /* nFib of Word 97; 6.0/95 files are older */
#define FIB_ENCRYPTED 0x0100
#define FIB_TABLE1 0x0200    /* the table stream is 1Table, else 0Table */
/* FibRgFcLcb97 pairs */
#define FC_STSHF 1
#define FC_PLCF_HDD 11
#define FC_BTE_PAPX 13
#define FC_CLX 33

/* sprms (MS-DOC 2.6) */
#define SPRM_P_IN_TABLE 0x2416
#define SPRM_P_TTP 0x2417
#define SPRM_P_OUTLVL 0x2640
#define SPRM_P_ITAP 0x6649
#define SPRM_P_F_INNER_TABLE_CELL 0x244B
#define SPRM_P_F_INNER_TTP 0x244C
#define SPRM_P_HUGE_PAPX 0x6646
#define SPRM_P_CHG_TABS 0xC615
#define SPRM_T_DEF_TABLE 0xD608
#define SPRM_T_DEF_TABLE10 0xD606
#define SPRM_T_VERT_MERGE 0xD62B



static int fail(int code, char *msg, size_t msglen, const char *what)
{
    snprintf(msg, msglen, "%s", what);
    return code;
}

/* pair i of FibRgFcLcb: its offset and length in the table stream */
typedef struct {
    const unsigned char *p;
    size_t n;
} fclcb;

static int fc_lcb(const fclcb *f, int i, const unsigned char *tbl, size_t tbllen,
                  const unsigned char **out, size_t *outlen)
{
    if ((size_t)i >= f->n)
        return 0;
    uint32_t fc = le32(f->p + 8 * i), lcb = le32(f->p + 8 * i + 4);
    if (!lcb || fc > tbllen || lcb > tbllen - fc)
        return 0;
    *out = tbl + fc;
    *outlen = lcb;
    return 1;
}

/* The piece table: the CLX is Prc blocks (grpprl of fast-saved files,
 * skipped) then one Pcdt. */
static int read_pieces(doc_binary *b, const unsigned char *clx, size_t n)
{
    size_t i = 0;
    while (i < n && clx[i] == 0x01) {
        if (i + 3 > n)
            return DOC_DAMAGED;
        i += 3 + (size_t)(int16_t)le16(clx + i + 1);
    }
    if (i + 5 > n || clx[i] != 0x02)
        return DOC_DAMAGED;
    uint32_t lcb = le32(clx + i + 1);
    const unsigned char *plc = clx + i + 5;
    if (lcb > n - i - 5 || lcb < 16 || (lcb - 4) % 12)
        return DOC_DAMAGED;
    size_t np = (lcb - 4) / 12;
    b->pieces = calloc(np, sizeof *b->pieces);
    if (!b->pieces)
        return DOC_MEMORY;
    for (size_t k = 0; k < np; k++) {
        uint32_t cp0 = le32(plc + 4 * k), cp1 = le32(plc + 4 * (k + 1));
        uint32_t fcv = le32(plc + 4 * (np + 1) + 8 * k + 2);
        doc_piece pc = {cp0, cp1, fcv & 0x3FFFFFFFu, (fcv & 0x40000000u) != 0};
        if (pc.compressed)
            pc.fc /= 2;
        if (cp1 <= cp0)
            continue;
        /* a piece that points past the stream keeps what is there */
        size_t width = pc.compressed ? 1 : 2;
        if (pc.fc >= b->wdlen)
            continue;
        size_t room = (b->wdlen - pc.fc) / width;
        if ((size_t)(cp1 - cp0) > room)
            pc.cp1 = cp0 + (uint32_t)room;
        b->pieces[b->npieces++] = pc;
    }
    return DOC_OK;
}

static int cmp_papx(const void *a, const void *b)
{
    uint32_t x = ((const doc_papx *)a)->fc0, y = ((const doc_papx *)b)->fc0;
    return (x > y) - (x < y);
}

/* Every PAPX run of every FKP page the PlcBtePapx lists. */
static int read_papx(doc_binary *b, const unsigned char *plc, size_t n)
{
    if (n < 4 || (n - 4) % 8)
        return DOC_DAMAGED;
    size_t nb = (n - 4) / 8, cap = nb * 32 + 1;
    b->papx = calloc(cap, sizeof *b->papx);
    if (!b->papx)
        return DOC_MEMORY;
    for (size_t k = 0; k < nb; k++) {
        size_t pn = le32(plc + 4 * (nb + 1) + 4 * k) & 0x3FFFFFu;
        if (pn * 512 + 512 > b->wdlen)
            continue;
        const unsigned char *page = b->wd + pn * 512;
        size_t crun = page[511];
        if (crun > 31 || 4 * (crun + 1) + 13 * crun > 511)
            continue;
        for (size_t j = 0; j < crun && b->npapx < cap; j++) {
            doc_papx r = {le32(page + 4 * j), le32(page + 4 * (j + 1)), NULL, 0};
            size_t off = 2 * (size_t)page[4 * (crun + 1) + 13 * j];
            if (off && off < 511) {
                size_t g, len;
                if (page[off]) {
                    g = off + 1;
                    len = 2 * (size_t)page[off] - 1;
                } else {
                    g = off + 2;
                    len = 2 * (size_t)page[off + 1];
                }
                if (g + len <= 511) {
                    r.grpprl = page + g;
                    r.len = len;
                }
            }
            b->papx[b->npapx++] = r;
        }
    }
    qsort(b->papx, b->npapx, sizeof *b->papx, cmp_papx);
    return DOC_OK;
}

/* Heading levels by style: the built-in heading 1–9 (sti 1–9). */
static void read_styles(doc_binary *b, const unsigned char *s, size_t n)
{
    if (n < 6)
        return;
    size_t cbshi = le16(s);
    if (2 + cbshi > n || cbshi < 4)
        return;
    size_t cstd = le16(s + 2);
    b->heading = calloc(cstd ? cstd : 1, 1);
    if (!b->heading)
        return;
    b->nstyles = cstd;
    size_t p = 2 + cbshi;
    for (size_t i = 0; i < cstd && p + 2 <= n; i++) {
        size_t cb = le16(s + p);
        if (cb >= 2 && p + 2 + cb <= n) {
            unsigned sti = le16(s + p + 2) & 0x0FFFu;
            if (sti >= 1 && sti <= 9)
                b->heading[i] = (unsigned char)sti;
        }
        p += 2 + cb;
    }
}

int doc_binary_open(doc_binary *b, const unsigned char *data, size_t len, size_t max,
                    char *msg, size_t msglen)
{
    memset(b, 0, sizeof *b);
    ole2 o;
    if (!ole2_open(&o, data, len))
        return fail(DOC_DAMAGED, msg, msglen, "not an OLE2 compound file");
    int r = ole2_read(&o, "WordDocument", max, &b->wd, &b->wdlen);
    if (r)
        return fail(r == -3 ? DOC_MEMORY : DOC_DAMAGED, msg, msglen,
                    "the WordDocument stream cannot be read");
    if (b->wdlen < 0x22 || le16(b->wd) != FIB_IDENT)
        return fail(DOC_DAMAGED, msg, msglen, "no Word file information block");
    uint16_t nfib = le16(b->wd + 2), flags = le16(b->wd + 0x0A);
    if (nfib < FIB_WORD97)
        return fail(DOC_NOT_NATIVE, msg, msglen, "a Word 6.0/95 document");
    if (flags & FIB_ENCRYPTED)
        return fail(DOC_ENCRYPTED, msg, msglen, "the document is encrypted and needs a password");
    /* FibBase, then csw 16-bit and cslw 32-bit words, then the fc/lcb pairs */
    size_t p = 0x20;
    size_t csw = le16(b->wd + p);
    p += 2 + 2 * csw;
    if (p + 2 > b->wdlen)
        return fail(DOC_DAMAGED, msg, msglen, "file information block cut short");
    size_t cslw = le16(b->wd + p);
    const unsigned char *lw = b->wd + p + 2;
    p += 2 + 4 * cslw;
    if (cslw < 4 || p + 2 > b->wdlen)
        return fail(DOC_DAMAGED, msg, msglen, "file information block cut short");
    b->ccp_text = le32(lw + 12);
    /* ccpFtn, then ccpHdd: the header story follows the footnotes */
    uint32_t ccp_ftn = le32(lw + 16);
    b->ccp_hdd = le32(lw + 20);
    b->hdd0 = b->ccp_text + ccp_ftn;
    if (b->hdd0 < b->ccp_text || b->hdd0 + b->ccp_hdd < b->hdd0)
        b->ccp_hdd = 0;  /* counts that wrap are a damaged FIB: no headers */
    fclcb f = {b->wd + p + 2, le16(b->wd + p)};
    if (p + 2 + 8 * f.n > b->wdlen)
        return fail(DOC_DAMAGED, msg, msglen, "file information block cut short");
    r = ole2_read(&o, (flags & FIB_TABLE1) ? "1Table" : "0Table", max, &b->tbl, &b->tbllen);
    if (r)
        return fail(r == -3 ? DOC_MEMORY : DOC_DAMAGED, msg, msglen,
                    "the table stream cannot be read");
    if (ole2_read(&o, "Data", max, &b->data, &b->datalen)) {
        b->data = NULL;
        b->datalen = 0;
    }
    const unsigned char *s;
    size_t n;
    if (!fc_lcb(&f, FC_CLX, b->tbl, b->tbllen, &s, &n))
        return fail(DOC_DAMAGED, msg, msglen, "no piece table");
    if ((r = read_pieces(b, s, n)))
        return fail(r, msg, msglen, r == DOC_MEMORY ? "out of memory" : "a damaged piece table");
    if (fc_lcb(&f, FC_BTE_PAPX, b->tbl, b->tbllen, &s, &n) && (r = read_papx(b, s, n)) == DOC_MEMORY)
        return fail(r, msg, msglen, "out of memory");
    if (fc_lcb(&f, FC_STSHF, b->tbl, b->tbllen, &s, &n))
        read_styles(b, s, n);
    if (b->ccp_hdd && fc_lcb(&f, FC_PLCF_HDD, b->tbl, b->tbllen, &s, &n) && n >= 8) {
        b->hdd = malloc(n);
        if (!b->hdd)
            return fail(DOC_MEMORY, msg, msglen, "out of memory");
        b->nhdd = n / 4;
        for (size_t i = 0; i < b->nhdd; i++)
            b->hdd[i] = le32(s + 4 * i);
    }
    return DOC_OK;
}

void doc_binary_close(doc_binary *b)
{
    free(b->wd);
    free(b->tbl);
    free(b->data);
    free(b->pieces);
    free(b->papx);
    free(b->heading);
    free(b->hdd);
    memset(b, 0, sizeof *b);
}

void doc_cursor_init(doc_cursor *c, uint32_t from, uint32_t to)
{
    c->piece = 0;
    c->cp = from;
    c->end = to;
}

int doc_story_is_footer(size_t i)
{
    if (i < 6)
        return -1;
    /* each section: even header, odd header, even footer, odd footer,
     * first page header, first page footer */
    switch ((i - 6) % 6) {
    case 2:
    case 3:
    case 5:
        return 1;
    default:
        return 0;
    }
}

/* Windows-1252's 0x80–0x9F (the rest of an 8-bit piece is Latin-1) */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};

int doc_next(const doc_binary *b, doc_cursor *cur, uint32_t *c, long *cp, uint32_t *fc)
{
    for (;;) {
        if (cur->piece >= b->npieces)
            return 0;
        const doc_piece *pc = &b->pieces[cur->piece];
        if (cur->cp < pc->cp0)
            cur->cp = pc->cp0;
        if (cur->cp >= pc->cp1 || cur->cp >= cur->end) {
            cur->piece++;
            continue;
        }
        uint32_t k = cur->cp - pc->cp0;
        *cp = cur->cp++;
        if (pc->compressed) {
            *fc = pc->fc + k;
            unsigned ch = b->wd[*fc];
            *c = ch >= 0x80 && ch < 0xA0 ? cp1252_high[ch - 0x80] : ch;
            return 1;
        }
        *fc = pc->fc + 2 * k;
        uint32_t u = le16(b->wd + *fc);
        if (u >= 0xD800 && u < 0xDC00 && cur->cp < pc->cp1 && cur->cp < cur->end) {
            uint32_t lo = le16(b->wd + *fc + 2);
            if (lo >= 0xDC00 && lo < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                cur->cp++;
            }
        }
        *c = u >= 0xD800 && u < 0xE000 ? 0xFFFD : u;
        return 1;
    }
}

/* The length of a sprm's operand at op (avail bytes there). */
static size_t operand_len(uint16_t sprm, const unsigned char *op, size_t avail)
{
    switch (sprm >> 13) {
    case 0:
    case 1:
        return 1;
    case 2:
    case 4:
    case 5:
        return 2;
    case 3:
        return 4;
    case 7:
        return 3;
    default:
        break;
    }
    if (sprm == SPRM_T_DEF_TABLE || sprm == SPRM_T_DEF_TABLE10) {
        /* a 16-bit size, one more than the bytes after it */
        if (avail < 2)
            return avail + 1;
        size_t cb = le16(op);
        return cb ? 2 + cb - 1 : 2;
    }
    if (avail < 1)
        return 1;
    if (sprm == SPRM_P_CHG_TABS && op[0] == 255) {
        /* deleted tabs (4 bytes each), then added tabs (3 bytes each) */
        if (avail < 2)
            return avail + 1;
        size_t del = op[1], at = 2 + 4 * del;
        return at < avail ? at + 1 + 3 * (size_t)op[at] : avail + 1;
    }
    return 1 + (size_t)op[0];
}

static void def_table(const unsigned char *op, size_t n, doc_para *p)
{
    if (n < 3)
        return;
    size_t rem = n - 2, itc = op[2];
    const unsigned char *q = op + 3;
    if (itc > DOC_MAX_CELLS || 1 + 2 * (itc + 1) > rem)
        return;
    for (size_t i = 0; i <= itc; i++)
        p->edge[i] = (int16_t)le16(q + 2 * i);
    size_t ntc = (rem - 1 - 2 * (itc + 1)) / 20;
    for (size_t i = 0; i < itc; i++)
        p->tc[i] = i < ntc ? le16(q + 2 * (itc + 1) + 20 * i) : 0;
    p->ncells = (int)itc;
    p->has_def = 1;
}

static void apply_sprms(const doc_binary *b, const unsigned char *g, size_t n, doc_para *p, int huge)
{
    size_t i = 0;
    while (i + 2 <= n) {
        uint16_t sprm = le16(g + i);
        const unsigned char *op = g + i + 2;
        size_t avail = n - i - 2, len = operand_len(sprm, op, avail);
        if (len > avail)
            break;
        switch (sprm) {
        case SPRM_P_IN_TABLE:
            p->in_table = op[0] != 0;
            break;
        case SPRM_P_TTP:
            p->ttp = op[0] != 0;
            break;
        case SPRM_P_ITAP:
            p->itap = (int)(le32(op) > 64 ? 64 : le32(op));
            if (p->itap > 0)
                p->in_table = 1;
            break;
        case SPRM_P_F_INNER_TABLE_CELL:
            p->inner_cell = op[0] != 0;
            break;
        case SPRM_P_F_INNER_TTP:
            p->inner_ttp = op[0] != 0;
            break;
        case SPRM_P_OUTLVL:
            p->level = op[0] < 9 ? op[0] + 1 : 0;
            break;
        case SPRM_T_DEF_TABLE:
            def_table(op, len, p);
            break;
        case SPRM_T_VERT_MERGE:
            if (len >= 3 && op[1] < DOC_MAX_CELLS) {
                uint16_t *tc = &p->tc[op[1]];
                *tc &= (uint16_t)~(TC_VMERGE | TC_VRESTART);
                if (op[2] == 1)
                    *tc |= TC_VMERGE;
                else if (op[2] == 3)
                    *tc |= TC_VMERGE | TC_VRESTART;
            }
            break;
        case SPRM_P_HUGE_PAPX: {
            /* properties too large for the FKP page, in the Data stream */
            uint32_t at = le32(op);
            if (!huge && b->data && at + 2 <= b->datalen) {
                size_t cb = le16(b->data + at);
                if (cb <= b->datalen - at - 2)
                    apply_sprms(b, b->data + at + 2, cb, p, 1);
            }
            break;
        }
        default:
            break;
        }
        i += 2 + len;
    }
}

void doc_props(const doc_binary *b, uint32_t fc, doc_para *p)
{
    memset(p, 0, sizeof *p);
    size_t lo = 0, hi = b->npapx;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->papx[mid].fc0 <= fc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return;
    const doc_papx *r = &b->papx[lo - 1];
    if (fc >= r->fc1 || r->len < 2)
        return;
    size_t istd = le16(r->grpprl);
    if (istd < b->nstyles)
        p->level = b->heading[istd];
    apply_sprms(b, r->grpprl + 2, r->len - 2, p, 0);
}
