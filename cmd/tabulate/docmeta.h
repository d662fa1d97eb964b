/* Which report a document is: entity (the department or unit), year and
 * stage (预算 or 决算), from its title lines, the 部门：/单位： lines of its
 * tables, its headings, and its file name only as a last resort. */
#ifndef TAB_DOCMETA_H
#define TAB_DOCMETA_H

typedef struct {
    char *entity, *year, *stage;   /* NULL when not found */
} docmeta;

/* paras: the document's paragraph texts in order (cleaned); titles: lines
 * set alone in the first rows of its tables (a spreadsheet's titles), read
 * as title lines after the first paragraphs; dept: the texts of
 * 部门：/单位： cells of its tables; source: the header's source. */
void docmeta_find(const char *const *paras, int nparas, const char *const *titles, int ntitles,
                  const char *const *dept, int ndept, const char *source, docmeta *out);
/* The entity named by a `部门：X` / `单位：X` / `编制单位：X` cell, or NULL
 * (`单位：万元` names a unit, not an entity). New string. */
char *docmeta_dept_cell(const char *cell);
void docmeta_free(docmeta *m);

#endif
