/* Legacy .doc/.xls: which one an OLE2 compound file is, and its conversion
 * to OOXML by LibreOffice (or to text by catdoc) found on PATH at run time.
 *
 * LibreOffice is the only Debian-packaged converter that keeps Chinese text
 * and table cells of both formats (xls2csv garbles CJK BIFF8, see
 * docs/pdf.md). Each conversion gets its own profile and work directory, so
 * conversions may run side by side and never touch the user's profile. */
#define _XOPEN_SOURCE 700
#include "legacy.h"
#include "ole2.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *legacy_kind(const unsigned char *data, size_t len)
{
    ole2 o;
    if (!ole2_open(&o, data, len))
        return NULL;
    if (ole2_has(&o, "WordDocument"))
        return "doc";
    if (ole2_has(&o, "Workbook") || ole2_has(&o, "Book"))
        return "xls";
    return NULL;
}

/* ---------- conversion ---------- */

#define LEGACY_TIMEOUT_DEFAULT 120                       /* seconds */
#define LEGACY_MAX_OUT_DEFAULT ((size_t)256 * 1024 * 1024) /* bytes */

/* Full path of an executable named name on PATH, in buf; false if none. */
static bool find_on_path(const char *name, char *buf, size_t buflen)
{
    const char *path = getenv("PATH");
    if (!path)
        return false;
    const char *p = path;
    while (*p) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0 && snprintf(buf, buflen, "%.*s/%s", (int)n, p, name) < (int)buflen &&
            access(buf, X_OK) == 0)
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void rm_tree(const char *dir) { nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS); }

static bool write_file(const char *path, const unsigned char *d, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return false;
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, d + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return false;
        }
        off += (size_t)w;
    }
    return close(fd) == 0;
}

/* Reads at most max bytes of path; -1 missing, -2 too big or unreadable. */
static int read_file(const char *path, size_t max, unsigned char **out, size_t *outlen)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < 0 || (size_t)st.st_size > max) {
        close(fd);
        return -2;
    }
    size_t n = (size_t)st.st_size;
    unsigned char *b = malloc(n ? n : 1);
    size_t off = 0;
    while (b && off < n) {
        ssize_t r = read(fd, b + off, n - off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        off += (size_t)r;
    }
    close(fd);
    if (!b || off != n) {
        free(b);
        return -2;
    }
    *out = b;
    *outlen = n;
    return 0;
}

/* Runs argv with stdin from /dev/null, stdout to out_path (or /dev/null),
 * stderr to err_path, HOME set to home, in its own process group so that a
 * timeout kills LibreOffice's helper processes too. Returns the exit status,
 * -1 if it could not start, -3 on timeout. */
static int run(char *const argv[], const char *home, const char *out_path, const char *err_path,
               int timeout_s)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        setpgid(0, 0);
        int in = open("/dev/null", O_RDONLY);
        int out = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0)
            _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        setenv("HOME", home, 1);
        execv(argv[0], argv);
        _exit(127);
    }
    setpgid(pid, pid);
    struct timespec tick = {0, 20 * 1000 * 1000};
    long waited_ms = 0;
    for (;;) {
        int status;
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            kill(-pid, SIGKILL); /* helpers left behind by the launcher */
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (r < 0 && errno != EINTR)
            return -1;
        if (waited_ms >= (long)timeout_s * 1000) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -3;
        }
        nanosleep(&tick, NULL);
        waited_ms += 20;
    }
}

/* The last line of the converter's stderr, for the error message. */
static void last_line(const char *path, char *buf, size_t buflen)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        size_t n = strlen(line);
        if (n == 0)
            continue;
        if (n >= buflen)
            n = buflen - 1; /* a cut message is still a message */
        memcpy(buf, line, n);
        buf[n] = '\0';
    }
    fclose(f);
}

int legacy_convert_limited(const unsigned char *data, size_t len, const char *kind,
                           int timeout_s, size_t max_out,
                           unsigned char **out, size_t *outlen, const char **outfmt,
                           char *msg, size_t msglen)
{
    char dummy[1];
    if (!msg || msglen == 0) {
        msg = dummy;
        msglen = sizeof dummy;
    }
    msg[0] = '\0';
    if (out) *out = NULL;
    if (outlen) *outlen = 0;
    if (outfmt) *outfmt = NULL;
    if (timeout_s <= 0) timeout_s = LEGACY_TIMEOUT_DEFAULT;
    if (max_out == 0) max_out = LEGACY_MAX_OUT_DEFAULT;
    /* OpenDocument (.odt/.ods) goes the same way: LibreOffice's own format */
    bool word = kind && strcmp(kind, "doc") == 0, odt = kind && strcmp(kind, "odt") == 0;
    bool xls = kind && (strcmp(kind, "xls") == 0 || strcmp(kind, "ods") == 0);
    bool doc = word || odt;
    if (!data || !out || !outlen || !outfmt || (!doc && !xls)) {
        snprintf(msg, msglen, "legacy_convert: kind must be \"doc\", \"xls\", \"odt\" or \"ods\"");
        return -2;
    }
    char soffice[1024], catdoc[1024];
    bool have_soffice = find_on_path("soffice", soffice, sizeof soffice) ||
                        find_on_path("libreoffice", soffice, sizeof soffice);
    bool have_catdoc = word && find_on_path("catdoc", catdoc, sizeof catdoc);
    if (!have_soffice && !have_catdoc) {
        snprintf(msg, msglen, "no converter for .%s found on PATH: install %s", kind,
                 word  ? "libreoffice-writer-nogui (or catdoc)"
                 : doc ? "libreoffice-writer-nogui"
                       : "libreoffice-calc-nogui");
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/yjs-legacy-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        snprintf(msg, msglen, "cannot make a temporary directory: %s", strerror(errno));
        return -2;
    }
    char in[1100], outdir[1100], errp[1100], result[1100], profile[1200], txt[1100];
    snprintf(in, sizeof in, "%s/in.%s", dir, kind);
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    snprintf(errp, sizeof errp, "%s/stderr", dir);
    snprintf(result, sizeof result, "%s/out/in.%s", dir, doc ? "docx" : "xlsx");
    snprintf(profile, sizeof profile, "-env:UserInstallation=file://%s/profile", dir);
    snprintf(txt, sizeof txt, "%s/out.txt", dir);
    int rc = -2;
    if (!write_file(in, data, len) || mkdir(outdir, 0700) != 0) {
        snprintf(msg, msglen, "cannot write the temporary input: %s", strerror(errno));
        goto done;
    }
    int st;
    if (have_soffice) {
        char *argv[] = {soffice, profile, "--headless", "--norestore", "--nolockcheck",
                        "--convert-to", doc ? "docx:MS Word 2007 XML" : "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", outdir, in, NULL};
        st = run(argv, dir, NULL, errp, timeout_s);
        if (st == 0) {
            int r = read_file(result, max_out, out, outlen);
            if (r == 0) {
                *outfmt = doc ? "docx" : "xlsx";
                rc = 0;
            } else {
                char why[300];
                last_line(errp, why, sizeof why);
                snprintf(msg, msglen, r == -1 ? "soffice wrote no output%s%s"
                                              : "soffice output over the limit or unreadable%s%s",
                         why[0] ? ": " : "", why);
            }
            goto done;
        }
    } else {
        char *argv[] = {catdoc, "-w", "-d", "utf-8", in, NULL};
        st = run(argv, dir, txt, errp, timeout_s);
        if (st == 0) {
            int r = read_file(txt, max_out, out, outlen);
            if (r == 0) {
                *outfmt = "txt";
                rc = 0;
            } else
                snprintf(msg, msglen, "catdoc output over the limit or unreadable");
            goto done;
        }
    }
    {
        char why[300];
        last_line(errp, why, sizeof why);
        const char *tool = have_soffice ? "soffice" : "catdoc";
        if (st == -3)
            snprintf(msg, msglen, "%s did not finish within %d s", tool, timeout_s);
        else if (st == -1)
            snprintf(msg, msglen, "cannot start %s", tool);
        else
            snprintf(msg, msglen, "%s failed with status %d%s%s", tool, st, why[0] ? ": " : "", why);
    }
done:
    rm_tree(dir);
    return rc;
}

int legacy_convert(const unsigned char *data, size_t len, const char *kind,
                   unsigned char **out, size_t *outlen, const char **outfmt,
                   char *msg, size_t msglen)
{
    return legacy_convert_limited(data, len, kind, 0, 0, out, outlen, outfmt, msg, msglen);
}
