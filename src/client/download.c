/* download.c: safe names, the download directory, and temp-file-then-rename saving. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/cache.h"
#include "client/download.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/util.h"

static int
is_dir(const char *p)
{
	struct stat st;

	return p != NULL && *p != '\0' && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void set_err(char *err, size_t errn, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
set_err(char *err, size_t errn, const char *fmt, ...)
{
	va_list ap;

	if (errn == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errn, fmt, ap);
	va_end(ap);
}

/* The XDG_DOWNLOAD_DIR line of user-dirs.dirs: XDG_DOWNLOAD_DIR="$HOME/Downloads"
 * or an absolute path in double quotes.  0 when found, -1 otherwise. */
static int
user_dirs_download(const char *home, char *buf, size_t n)
{
	const char *cfg = getenv("XDG_CONFIG_HOME");
	char path[PATH_MAX], line[PATH_MAX];
	FILE *f;
	int found = -1;

	if (cfg != NULL && cfg[0] == '/')
		snprintf(path, sizeof path, "%s/user-dirs.dirs", cfg);
	else if (home != NULL && home[0] == '/')
		snprintf(path, sizeof path, "%s/.config/user-dirs.dirs", home);
	else
		return -1;
	f = fopen(path, "re");
	if (f == NULL)
		return -1;
	while (found < 0 && fgets(line, sizeof line, f) != NULL) {
		static const char key[] = "XDG_DOWNLOAD_DIR=\"";
		char *v, *end;
		struct strbuf sb;

		if (strncmp(line, key, sizeof key - 1) != 0)
			continue;
		v = line + sizeof key - 1;
		end = strchr(v, '"');
		if (end == NULL)
			continue;
		*end = '\0';
		strbuf_init(&sb, buf, n);
		if (strncmp(v, "$HOME", 5) == 0 && (v[5] == '/' || v[5] == '\0')) {
			if (home == NULL || home[0] != '/')
				continue;
			strbuf_add(&sb, home);
			v += 5;
		} else if (v[0] != '/') {
			continue;
		}
		strbuf_add(&sb, v);
		if (strbuf_finish(&sb) == 0)
			found = 0;
	}
	fclose(f);
	return found;
}

/* mkdir -p PATH; directories made here get 0700.  0 or -1 (errno). */
static int
make_dirs(const char *path)
{
	char dir[PATH_MAX];
	char *p;

	if (str_copy(dir, sizeof dir, path) != 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	return is_dir(dir) ? 0 : (errno = ENOTDIR, -1);
}

int
download_dir(char *buf, size_t n, char *err, size_t errn)
{
	const char *env = getenv("XDG_DOWNLOAD_DIR");
	const char *home = getenv("HOME");
	char path[PATH_MAX];

	if (env != NULL && *env != '\0') {
		/* Set explicitly: honour it or say why not, never fall back silently. */
		if (!is_dir(env)) {
			set_err(err, errn, _("XDG_DOWNLOAD_DIR is '%s', which is not a directory"), env);
			return -1;
		}
		if (str_copy(buf, n, env) != 0)
			goto too_long;
		return 0;
	}
	if (user_dirs_download(home, path, sizeof path) == 0 && is_dir(path)) {
		if (str_copy(buf, n, path) != 0)
			goto too_long;
		return 0;
	}
	if (home != NULL && home[0] == '/') {
		snprintf(path, sizeof path, "%s/Downloads", home);
		if (is_dir(path)) {
			if (str_copy(buf, n, path) != 0)
				goto too_long;
			return 0;
		}
	}
	/* Last, billtop's cache folder (made 0700 if missing), never the
	 * current directory: a file saved where nobody looks is lost. */
	if (cache_default_path(NULL, path, sizeof path) != 0 || !strrchr(path, '/')) {
		set_err(err, errn, "%s", _("no download directory: set XDG_DOWNLOAD_DIR or HOME"));
		return -1;
	}
	*strrchr(path, '/') = '\0';
	if (make_dirs(path) != 0) {
		set_err(err, errn, _("cannot create the download directory %s: %s"), path, strerror(errno));
		return -1;
	}
	if (str_copy(buf, n, path) != 0)
		goto too_long;
	return 0;
too_long:
	set_err(err, errn, _("the download directory's path is too long"));
	return -1;
}

int
download_file_name(const char *number, char *buf, size_t n)
{
	char safe[101];
	size_t len;

	if (n < 112 || text_safe_filename(number, safe, sizeof safe) != 0)
		return -1;
	/* "X." + ".pdf" would put ".." in the name: drop trailing dots. */
	len = strlen(safe);
	while (len > 1 && safe[len - 1] == '.')
		safe[--len] = '\0';
	if (len == 1 && safe[0] == '.')
		safe[0] = '_';
	snprintf(buf, n, "%s.pdf", safe);
	return 0;
}

int
download_candidate(const char *base, int k, char *buf, size_t n)
{
	const char *dot = strrchr(base, '.');
	int r;

	if (k < 0)
		return -1;
	if (k == 0)
		return str_copy(buf, n, base);
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	r = snprintf(buf, n, "%.*s-%d%s", (int)(dot - base), base, k, dot);
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

static int
join(char *buf, size_t n, const char *dir, const char *name)
{
	int r;

	if (strcmp(dir, ".") == 0)
		return str_copy(buf, n, name);
	r = snprintf(buf, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

int
download_target_open(struct download_target *t, const char *dir, const char *base,
                     enum download_mode mode)
{
	char path[PATH_MAX];
	struct stat st;
	int r;

	memset(t, 0, sizeof *t);
	t->fd = -1;
	t->mode = mode;
	if (str_copy(t->dir, sizeof t->dir, dir) != 0 || str_copy(t->base, sizeof t->base, base) != 0 ||
	    join(path, sizeof path, dir, base) != 0) {
		set_err(t->err, sizeof t->err, _("the file name '%s' is too long"), base);
		return -1;
	}
	if (mode == DL_EXACT && lstat(path, &st) == 0) {
		set_err(t->err, sizeof t->err, _("%s already exists; use --force to replace it"), path);
		return -1;
	}
	/* Hidden, named after the target (at most 200 bytes of it, to stay under NAME_MAX). */
	r = snprintf(t->tmp, sizeof t->tmp, "%s%s.%.200s.XXXXXX", strcmp(dir, ".") == 0 ? "" : dir,
	             strcmp(dir, ".") == 0 || dir[strlen(dir) - 1] == '/' ? "" : "/", base);
	if (r < 0 || (size_t)r >= sizeof t->tmp) {
		t->tmp[0] = '\0';
		set_err(t->err, sizeof t->err, _("the file name '%s' is too long"), base);
		return -1;
	}
	t->fd = mkostemp(t->tmp, O_CLOEXEC);
	if (t->fd < 0) {
		t->tmp[0] = '\0';
		set_err(t->err, sizeof t->err, _("cannot create a file in %s: %s"), dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* Moves src to dst unless dst exists (errno EEXIST then).  Atomic where the
 * file system can: renameat2(RENAME_NOREPLACE), else link + unlink. */
static int
move_noreplace(const char *src, const char *dst)
{
	int fd;

#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, src, AT_FDCWD, dst, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
#endif
	if (link(src, dst) == 0) {
		unlink(src);
		return 0;
	}
	if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK)
		return -1;
	/* No hard links here (FAT, some network file systems): reserve the name
	 * with O_EXCL, then rename over our own empty reservation. */
	fd = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	close(fd);
	if (rename(src, dst) != 0) {
		int e = errno;

		unlink(dst);
		errno = e;
		return -1;
	}
	return 0;
}

static int
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int r;

	if (fd < 0)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

int
download_target_commit(struct download_target *t)
{
	char magic[5], name[256], path[PATH_MAX];
	int k, last;

	if (t->fd < 0 || t->tmp[0] == '\0') {
		set_err(t->err, sizeof t->err, _("nothing to save"));
		return -1;
	}
	if (pread(t->fd, magic, sizeof magic, 0) != (ssize_t)sizeof magic ||
	    memcmp(magic, "%PDF-", sizeof magic) != 0) {
		set_err(t->err, sizeof t->err, _("the server did not send a PDF"));
		t->not_pdf = 1;
		goto fail;
	}
	if (fsync(t->fd) != 0 || close(t->fd) != 0) {
		t->fd = -1;
		set_err(t->err, sizeof t->err, _("cannot write to %s: %s"), t->tmp, strerror(errno));
		goto fail;
	}
	t->fd = -1;
	if (t->mode == DL_REPLACE) {
		if (join(path, sizeof path, t->dir, t->base) != 0 || rename(t->tmp, path) != 0) {
			set_err(t->err, sizeof t->err, _("cannot save %s: %s"), t->base, strerror(errno));
			goto fail;
		}
		goto done;
	}
	last = t->mode == DL_EXACT ? 0 : DOWNLOAD_MAX_SUFFIX;
	for (k = 0; k <= last; k++) {
		if (download_candidate(t->base, k, name, sizeof name) != 0 ||
		    join(path, sizeof path, t->dir, name) != 0) {
			set_err(t->err, sizeof t->err, _("the file name '%s' is too long"), t->base);
			goto fail;
		}
		if (move_noreplace(t->tmp, path) == 0)
			goto done;
		if (errno != EEXIST) {
			set_err(t->err, sizeof t->err, _("cannot save %s: %s"), path, strerror(errno));
			goto fail;
		}
	}
	if (t->mode == DL_EXACT)
		set_err(t->err, sizeof t->err, _("%s already exists; use --force to replace it"), path);
	else
		set_err(t->err, sizeof t->err, _("too many files named like %s already"), path);
	goto fail;
done:
	t->tmp[0] = '\0';
	str_copy(t->final, sizeof t->final, path);
	/* The rename is durable only once the directory entry is. */
	fsync_dir(t->dir);
	return 0;
fail:
	download_target_abort(t);
	return -1;
}

void
download_target_abort(struct download_target *t)
{
	if (t->fd >= 0) {
		close(t->fd);
		t->fd = -1;
	}
	if (t->tmp[0] != '\0') {
		unlink(t->tmp);
		t->tmp[0] = '\0';
	}
}

int
download_resolve(const char *number, const char *out_opt, int force,
                 char *dir, size_t dirn, char *base, size_t basen,
                 enum download_mode *mode, char *err, size_t errn)
{
	const char *slash;
	size_t len;

	if (out_opt == NULL || *out_opt == '\0' || is_dir(out_opt) ||
	    out_opt[strlen(out_opt) - 1] == '/') {
		if (out_opt == NULL || *out_opt == '\0') {
			if (download_dir(dir, dirn, err, errn) != 0)
				return -1;
		} else if (str_copy(dir, dirn, out_opt) != 0) {
			goto too_long;
		}
		if (download_file_name(number, base, basen) != 0)
			goto too_long;
		*mode = DL_UNIQUE;
		return 0;
	}
	/* -o FILE: the user chose this exact name. */
	slash = strrchr(out_opt, '/');
	if (slash == NULL) {
		if (str_copy(dir, dirn, ".") != 0 || str_copy(base, basen, out_opt) != 0)
			goto too_long;
	} else {
		len = slash == out_opt ? 1 : (size_t)(slash - out_opt);
		if (len >= dirn || str_copy(base, basen, slash + 1) != 0)
			goto too_long;
		memcpy(dir, out_opt, len);
		dir[len] = '\0';
	}
	*mode = force ? DL_REPLACE : DL_EXACT;
	return 0;
too_long:
	set_err(err, errn, _("the file name '%s' is too long"), out_opt ? out_opt : number);
	return -1;
}
