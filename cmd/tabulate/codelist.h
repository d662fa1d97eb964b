/* The classification codes (政府收支分类科目) a report names: every 类 of the
 * functional classification, the 款 and 项 relevant to 医疗保障 and to every
 * administrative unit, and the economic classification 类/款 (docs:
 * ../shared/notes/domain.md §6; entries marked (k) there are unverified). */
#ifndef TAB_CODELIST_H
#define TAB_CODELIST_H

typedef struct {
    const char *code;   /* 3, 5 or 7 digits */
    const char *name;
    const char *key;    /* name in the form codes.c compares */
} code_entry;

extern const code_entry CODELIST[];
extern const int CODELIST_N;

#endif
