/* extract's limits: every one a command-line flag with a safe default
 * (man/extract.1). A limit hit is an error record for that document. */
#ifndef EXTRACT_XLIMITS_H
#define EXTRACT_XLIMITS_H

#include <stddef.h>

typedef struct {
    size_t max_file_bytes;    /* a file or stdin read as one document */
    size_t max_member_bytes;  /* decompressed bytes of one archive member */
    size_t max_archive_bytes; /* decompressed bytes of one archive, all members */
    long max_entries;         /* entries in one archive */
    long max_ratio;           /* decompressed/compressed, for members over 1 MiB */
    int max_depth;            /* archives inside archives */
    int max_xml_depth;        /* element nesting in XML and HTML */
    size_t max_line;          /* bytes in one text line */
    long max_cells;           /* cells in one table row */
    int max_pages;            /* pages of one PDF or OFD */
} ex_limits;

#define EX_MIB ((size_t)1 << 20)

static inline ex_limits ex_limits_default(void)
{
    ex_limits l = {
        .max_file_bytes = 256 * EX_MIB,
        .max_member_bytes = 64 * EX_MIB,
        .max_archive_bytes = 512 * EX_MIB,
        .max_entries = 10000,
        .max_ratio = 200,
        .max_depth = 3,
        .max_xml_depth = 128,
        .max_line = 1 * EX_MIB,
        .max_cells = 16384,
        .max_pages = 2000,
    };
    return l;
}

#endif
