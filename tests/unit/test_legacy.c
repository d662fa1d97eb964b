/* legacy_kind and legacy_convert. The converter is found on PATH at run
 * time, so each path is made deterministic by choosing PATH: an empty
 * folder (no converter), folders holding a fake `soffice` (fails, hangs,
 * writes nothing) or only catdoc, and the real PATH, where cmd/extract/pdf.mk
 * guarantees LibreOffice through DEB_PACKAGES. Inputs: tests/legacy/ (made
 * by tests/pdf/make-test-pdfs). */
#include "tap.h"
#include "legacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

static unsigned char *slurp(const char *path, size_t *len)
{
    char full[1024];
    const char *root = getenv("YJS_ROOT");
    snprintf(full, sizeof full, "%s%s%s", root ? root : "", root ? "/" : "", path);
    FILE *f = fopen(full, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Whether member name of the zip in buf contains needle. */
static int zip_member_has(const unsigned char *buf, size_t len, const char *name, const char *needle)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!z) {
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return 0;
    }
    int found = 0;
    zip_file_t *f = zip_fopen(z, name, 0);
    if (f) {
        size_t cap = 1 << 20, n = 0;
        char *text = malloc(cap + 1);
        zip_int64_t r;
        while (text && n < cap && (r = zip_fread(f, text + n, cap - n)) > 0)
            n += (size_t)r;
        if (text) {
            text[n] = '\0';
            found = strstr(text, needle) != NULL;
        }
        free(text);
        zip_fclose(f);
    }
    zip_close(z);
    zip_error_fini(&ze);
    return found;
}

static void write_script(const char *dir, const char *name, const char *body)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fprintf(f, "#!/bin/sh\n%s\n", body);
        fclose(f);
    }
    chmod(path, 0755);
}

static char *make_dir(const char *tag)
{
    char tmpl[256];
    snprintf(tmpl, sizeof tmpl, "/tmp/yjs-test-legacy-%s-XXXXXX", tag);
    char *d = mkdtemp(tmpl);
    return d ? strdup(d) : NULL;
}

static void remove_dir(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "/bin/rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(dir);
}

int main(void)
{
    TAP_INIT("legacy");
    size_t nd = 0, nx = 0, np = 0;
    unsigned char *doc = slurp("tests/legacy/budget-table.doc", &nd);
    unsigned char *xls = slurp("tests/legacy/budget-sheet.xls", &nx);
    unsigned char *pdf = slurp("tests/pdf/budget-table.pdf", &np);
    OK(doc && xls && pdf, "read the test inputs");
    if (!doc || !xls || !pdf)
        return 1;

    /* legacy_kind */
    STR_EQ(legacy_kind(doc, nd), "doc", "a Word 97 file is doc");
    STR_EQ(legacy_kind(xls, nx), "xls", "an Excel 97 file is xls");
    OK(legacy_kind(pdf, np) == NULL, "a PDF is neither");
    OK(legacy_kind(doc, 511) == NULL, "an OLE2 header cut before 512 bytes is neither");
    OK(legacy_kind(NULL, 0) == NULL, "no data is neither");
    unsigned char *bad = malloc(nd);
    memcpy(bad, doc, nd);
    /* the root's child pointing back at the root: a loop, not a hang */
    size_t dir = (size_t)(((uint32_t)bad[0x30] | (uint32_t)bad[0x31] << 8) + 1) * 512;
    memset(bad + dir + 0x4C, 0, 4);
    OK(legacy_kind(bad, nd) == NULL, "a directory that loops to the root is neither");
    memcpy(bad, doc, nd);
    bad[0x1E] = 30; /* sector size 2^30 */
    OK(legacy_kind(bad, nd) == NULL, "an impossible sector size is neither");
    memcpy(bad, doc, nd);
    memset(bad + 0x4C, 0xEE, 4 * 109); /* every FAT sector out of range */
    /* WordDocument is directory entry 4 or later: beyond the first
     * directory sector, so only reachable through the FAT */
    OK(legacy_kind(bad, nd) == NULL, "a FAT pointing outside the file: the stream is not found");
    memcpy(bad, doc, nd);
    memset(bad + 0x30, 0x7F, 4); /* directory beyond the end */
    OK(legacy_kind(bad, nd) == NULL, "a directory outside the file is neither");
    free(bad);

    const char *real_path = getenv("PATH");
    char *saved_path = strdup(real_path ? real_path : "/usr/bin:/bin");
    unsigned char *out = NULL;
    size_t outlen = 0;
    const char *fmt = NULL;
    char msg[512];

    /* no converter at all */
    char *empty = make_dir("empty");
    setenv("PATH", empty, 1);
    int rc = legacy_convert(doc, nd, "doc", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -1 && strstr(msg, "libreoffice-writer-nogui") && !out, "no converter for .doc: -1 naming the package (%s)", msg);
    rc = legacy_convert(xls, nx, "xls", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -1 && strstr(msg, "libreoffice-calc-nogui") && !out, "no converter for .xls: -1 naming the package (%s)", msg);
    rc = legacy_convert(doc, nd, "ppt", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -2, "an unknown kind: -2 (%s)", msg);
    remove_dir(empty);

    /* fake converters: failing, hanging, silent */
    char *fake = make_dir("fake");
    write_script(fake, "soffice", "echo 'Error: source file could not be loaded' >&2\nexit 1");
    setenv("PATH", fake, 1);
    rc = legacy_convert(doc, nd, "doc", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -2 && strstr(msg, "status 1") && strstr(msg, "could not be loaded"), "a failing converter: -2 with its message (%s)", msg);
    write_script(fake, "soffice", "exec /bin/sleep 30");
    rc = legacy_convert_limited(doc, nd, "doc", 1, 0, &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -2 && strstr(msg, "did not finish within 1 s"), "a hanging converter is killed at the timeout (%s)", msg);
    write_script(fake, "soffice", "exit 0");
    rc = legacy_convert(xls, nx, "xls", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -2 && strstr(msg, "no output"), "a converter that writes nothing: -2 (%s)", msg);
    remove_dir(fake);

    /* catdoc alone: .doc becomes text, .xls still needs LibreOffice */
    char catdoc[600] = "";
    setenv("PATH", saved_path, 1);
    FILE *w = popen("command -v catdoc", "r");
    if (w) {
        if (fgets(catdoc, sizeof catdoc, w))
            catdoc[strcspn(catdoc, "\n")] = '\0';
        pclose(w);
    }
    char *only = make_dir("catdoc");
    char link[700];
    snprintf(link, sizeof link, "%s/catdoc", only);
    OK(catdoc[0] && symlink(catdoc, link) == 0, "catdoc is installed (Makefile DEB_PACKAGES) at %s", catdoc);
    setenv("PATH", only, 1);
    rc = legacy_convert(doc, nd, "doc", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == 0 && fmt && strcmp(fmt, "txt") == 0, "catdoc converts .doc to txt (%s)", msg);
    if (rc == 0) {
        char *t = malloc(outlen + 1);
        memcpy(t, out, outlen);
        t[outlen] = '\0';
        OK(strstr(t, "一、一般公共预算财政拨款收入\t1\t442.86\t3190.37") != NULL, "catdoc text keeps the row as tab-separated cells");
        free(t);
        free(out);
        out = NULL;
    }
    rc = legacy_convert_limited(doc, nd, "doc", 0, 10, &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -2 && !out && strstr(msg, "over the limit"), "output over max_out: -2 (%s)", msg);
    rc = legacy_convert(xls, nx, "xls", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == -1 && strstr(msg, "libreoffice-calc-nogui"), "catdoc does not do .xls: -1");
    remove_dir(only);

    /* LibreOffice (DEB_PACKAGES in cmd/extract/pdf.mk) */
    setenv("PATH", saved_path, 1);
    rc = legacy_convert(doc, nd, "doc", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == 0 && fmt && strcmp(fmt, "docx") == 0 && outlen > 4 && memcmp(out, "PK\3\4", 4) == 0,
       "soffice converts .doc to docx (%s)", msg);
    OK(rc == 0 && zip_member_has(out, outlen, "word/document.xml", "一、一般公共预算财政拨款收入"),
       "the docx holds the Chinese table text");
    free(out);
    out = NULL;
    rc = legacy_convert(xls, nx, "xls", &out, &outlen, &fmt, msg, sizeof msg);
    OK(rc == 0 && fmt && strcmp(fmt, "xlsx") == 0, "soffice converts .xls to xlsx (%s)", msg);
    OK(rc == 0 && zip_member_has(out, outlen, "xl/sharedStrings.xml", "本年收入合计"),
       "the xlsx holds the Chinese cell text");
    free(out);

    free(saved_path);
    free(doc);
    free(xls);
    free(pdf);
    return TAP_DONE();
}
