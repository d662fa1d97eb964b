/* OLE2 compound file reading; see ole2.h. */
#include "ole2.h"

#include <stdlib.h>
#include <string.h>

#define OLE_FREE 0xFFFFFFFFu
#define OLE_MAX_DIR_ENTRIES 65536 /* a real .doc has a few dozen */
#define OLE_MINI_SECTOR 64



static const unsigned char *sector(const ole2 *o, uint32_t sid)
{
    if (sid >= o->nsect)
        return NULL;
    return o->d + (size_t)(sid + 1) * o->ssz;
}

/* The FAT sector that holds entry i of the FAT: from the header's 109
 * DIFAT slots, then the DIFAT chain. */
static uint32_t fat_sector(const ole2 *o, uint32_t i)
{
    if (i < 109)
        return le32(o->d + 0x4C + 4 * i);
    i -= 109;
    uint32_t per = (uint32_t)(o->ssz / 4) - 1;
    uint32_t sid = le32(o->d + 0x44);
    for (uint32_t hops = 0; hops < o->nsect; hops++) {
        const unsigned char *s = sector(o, sid);
        if (!s)
            return OLE_FREE;
        if (i < per)
            return le32(s + 4 * i);
        i -= per;
        sid = le32(s + 4 * per);
    }
    return OLE_FREE;
}

static uint32_t next_sector(const ole2 *o, uint32_t sid)
{
    uint32_t per = (uint32_t)(o->ssz / 4);
    const unsigned char *f = sector(o, fat_sector(o, sid / per));
    return f ? le32(f + 4 * (sid % per)) : OLE_FREE;
}

/* Whether the directory entry at e is named name (ASCII, stored UTF-16LE). */
static bool entry_named(const unsigned char *e, const char *name)
{
    size_t n = strlen(name);
    if (le16(e + 0x40) != (n + 1) * 2)
        return false;
    for (size_t i = 0; i < n; i++)
        if (e[2 * i] != (unsigned char)name[i] || e[2 * i + 1] != 0)
            return false;
    return true;
}

/* Entry i, of size bytes, of a table kept in the sector chain that starts
 * at first (the directory, the mini FAT). */
static const unsigned char *chain_entry(const ole2 *o, uint32_t first, uint32_t i, size_t size)
{
    uint32_t per = (uint32_t)(o->ssz / size);
    uint32_t sid = first;
    for (uint32_t hop = 0; hop < i / per; hop++) {
        sid = next_sector(o, sid);
        if (sid >= o->nsect)
            return NULL;
    }
    const unsigned char *s = sector(o, sid);
    return s ? s + size * (i % per) : NULL;
}

/* The directory entry with index id. */
static const unsigned char *dir_entry(const ole2 *o, uint32_t id)
{
    return chain_entry(o, o->dir_first, id, 128);
}

bool ole2_open(ole2 *o, const unsigned char *data, size_t len)
{
    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (!data || len < 512 || memcmp(data, magic, 8) != 0)
        return false;
    uint16_t shift = le16(data + 0x1E);
    if (shift != 9 && shift != 12)
        return false;
    memset(o, 0, sizeof *o);
    o->d = data;
    o->len = len;
    o->ssz = (size_t)1 << shift;
    if (len < 2 * o->ssz)
        return false;
    o->nsect = (uint32_t)((len - o->ssz) / o->ssz);
    o->dir_first = le32(data + 0x30);
    o->mini_cutoff = le32(data + 0x38);
    const unsigned char *root = dir_entry(o, 0);
    return root && root[0x42] == 5;
}

/* The stream entry of the root storage called name: the root's children
 * form a tree through left/right sibling links, visited with an explicit
 * stack, every entry at most once. */
static const unsigned char *find_stream(const ole2 *o, const char *name)
{
    const unsigned char *root = dir_entry(o, 0);
    if (!root)
        return NULL;
    uint32_t stack[64];
    int top = 0;
    unsigned char *seen = calloc(OLE_MAX_DIR_ENTRIES / 8, 1);
    if (!seen)
        return NULL;
    const unsigned char *found = NULL;
    uint32_t child = le32(root + 0x4C);
    if (child < OLE_MAX_DIR_ENTRIES)
        stack[top++] = child;
    while (top > 0 && !found) {
        uint32_t id = stack[--top];
        if (id >= OLE_MAX_DIR_ENTRIES || (seen[id / 8] & (1u << (id % 8))))
            continue;
        seen[id / 8] |= (unsigned char)(1u << (id % 8));
        const unsigned char *e = dir_entry(o, id);
        if (!e)
            continue;
        if (e[0x42] == 2 && entry_named(e, name))
            found = e;
        uint32_t left = le32(e + 0x44), right = le32(e + 0x48);
        if (left < OLE_MAX_DIR_ENTRIES && top < 64)
            stack[top++] = left;
        if (right < OLE_MAX_DIR_ENTRIES && top < 64)
            stack[top++] = right;
    }
    free(seen);
    return found;
}

bool ole2_has(const ole2 *o, const char *name) { return find_stream(o, name) != NULL; }

/* The next mini sector after sid, from the mini FAT. */
static uint32_t mini_next(const ole2 *o, uint32_t sid)
{
    const unsigned char *e = chain_entry(o, le32(o->d + 0x3C), sid, 4);
    return e ? le32(e) : OLE_FREE;
}

/* Copies size bytes of the chain that starts at sid into out: a chain of
 * the file's sectors, or, with mini (minilen bytes), of mini sectors of
 * the mini stream. */
static int read_chain(const ole2 *o, uint32_t sid, size_t size, const unsigned char *mini,
                      size_t minilen, unsigned char *out)
{
    size_t unit = mini ? OLE_MINI_SECTOR : o->ssz;
    size_t done = 0, limit = o->len / unit + 1;
    for (size_t hops = 0; done < size; hops++) {
        const unsigned char *u = NULL;
        if (hops < limit && !mini)
            u = sector(o, sid);
        else if (hops < limit && (size_t)sid * unit + unit <= minilen)
            u = mini + (size_t)sid * unit;
        if (!u)
            return -2;
        size_t n = size - done < unit ? size - done : unit;
        memcpy(out + done, u, n);
        done += n;
        sid = mini ? mini_next(o, sid) : next_sector(o, sid);
    }
    return 0;
}

int ole2_read(const ole2 *o, const char *name, size_t max, unsigned char **out, size_t *outlen)
{
    *out = NULL;
    *outlen = 0;
    const unsigned char *e = find_stream(o, name);
    if (!e)
        return -1;
    uint32_t start = le32(e + 0x74);
    size_t size = le32(e + 0x78);
    if (size > o->len)
        return -2; /* a stream is never larger than the file that holds it */
    if (size > max)
        return -3;
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf)
        return -3;
    int rc;
    if (size < o->mini_cutoff) {
        /* the mini stream is the root entry's own chain */
        const unsigned char *root = dir_entry(o, 0);
        size_t rsize = le32(root + 0x78);
        unsigned char *mini = rsize <= o->len ? malloc(rsize ? rsize : 1) : NULL;
        rc = mini ? read_chain(o, le32(root + 0x74), rsize, NULL, 0, mini) : -2;
        if (rc == 0)
            rc = read_chain(o, start, size, mini, rsize, buf);
        free(mini);
    } else {
        rc = read_chain(o, start, size, NULL, 0, buf);
    }
    if (rc) {
        free(buf);
        return rc;
    }
    *out = buf;
    *outlen = size;
    return 0;
}
