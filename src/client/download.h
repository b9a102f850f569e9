/* download.h: saving an invoice PDF without ever clobbering or half-writing a file.
 *
 * The bytes go to a hidden temporary file (O_EXCL, mode 0600) in the target
 * directory; only when the body is complete, looks like a PDF and has been
 * fsync'ed is it moved under its final name, atomically and without
 * replacing anything: an existing "X.pdf" makes it "X-1.pdf", "X-2.pdf", ...
 * An interrupted or failed download removes its temporary file and leaves
 * nothing under the final name.
 */
#ifndef BILLTOP_DOWNLOAD_H
#define BILLTOP_DOWNLOAD_H

#include <limits.h>
#include <stddef.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The longest suffix tried before giving up ("X-999.pdf"). */
#define DOWNLOAD_MAX_SUFFIX 999

/* Where downloads go: $XDG_DOWNLOAD_DIR if set (it must exist), else the
 * XDG_DOWNLOAD_DIR of $XDG_CONFIG_HOME/user-dirs.dirs if that directory exists,
 * else ~/Downloads if it is a directory, else billtop's cache folder
 * ($XDG_CACHE_HOME/billtop or ~/.cache/billtop, made 0700 if missing), never
 * the current directory.  0, or -1 with a message. */
int download_dir(char *buf, size_t n, char *err, size_t errn);

/* The file name for an invoice number: text_safe_filename(number) without
 * trailing dots, plus ".pdf" ("BT-2026-0031.pdf"; "../../etc/passwd" gives
 * "_.._etc_passwd.pdf").  Never contains '/', "..", a control character or
 * more than 104 bytes.  0, or -1 if n is too small (< 112). */
int download_file_name(const char *number, char *buf, size_t n);

/* Candidate k for base name "X.pdf": k = 0 "X.pdf", k = 1 "X-1.pdf", ...
 * The suffix goes before the last extension (none: at the end).  0 or -1. */
int download_candidate(const char *base, int k, char *buf, size_t n);

enum download_mode {
	DL_UNIQUE,     /* never overwrite: add -1, -2, ... */
	DL_EXACT,      /* exactly this name; fail if it exists */
	DL_REPLACE     /* exactly this name; replace it atomically (-o FILE --force) */
};

/* One file being written. */
struct download_target {
	int fd;                    /* the temporary file; -1 when closed */
	enum download_mode mode;
	char dir[PATH_MAX];
	char base[256];            /* the wanted name inside dir */
	char tmp[PATH_MAX];        /* the temporary file; "" once gone */
	char final[PATH_MAX];      /* the name it was saved under, after commit */
	char err[PATH_MAX + 256];  /* what went wrong, for the user */
	int not_pdf;               /* commit failed because the body is no PDF */
};

/* Creates the temporary file for dir/base.  DL_EXACT fails early when the
 * name is already taken (checked again at commit).  0, or -1 with t->err. */
int download_target_open(struct download_target *t, const char *dir, const char *base,
                         enum download_mode mode);

/* Checks that the file is a PDF (starts with "%PDF-"), fsyncs it, moves it
 * under its final name (t->final) and fsyncs the directory.  On failure the
 * temporary file is removed.  0, or -1 with t->err. */
int download_target_commit(struct download_target *t);

/* Closes and removes the temporary file; safe to call twice or after commit. */
void download_target_abort(struct download_target *t);

/* Resolves where `billtop invoice download` writes, from -o (NULL: none):
 * no -o: download_dir() + file name, DL_UNIQUE; -o DIR (an existing
 * directory): DIR + file name, DL_UNIQUE; -o FILE: its directory and name,
 * DL_EXACT, or DL_REPLACE with force.  0, or -1 with a message in err. */
int download_resolve(const char *number, const char *out_opt, int force,
                     char *dir, size_t dirn, char *base, size_t basen,
                     enum download_mode *mode, char *err, size_t errn);

#endif
