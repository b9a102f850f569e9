/* cache.c: opening the cache file safely (0600 in a 0700 directory), WAL and
 * busy timeout, moving a corrupt file aside (and nothing else), and the
 * helpers the other cache_*.c files share. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "client/cache.h"
#include "client/cache_priv.h"
#include "client/cache_write.h"
#include "core/i18n.h"
#include "core/util.h"

#define BUSY_TIMEOUT_MS 5000

/* ---- shared helpers ----------------------------------------------------- */

sqlite3_stmt *
cache_stmt(struct cache *c, const char *sql)
{
	int i;

	for (i = 0; i < CACHE_STMTS && c->stmts[i].sql; i++) {
		if (c->stmts[i].sql == sql) {
			sqlite3_reset(c->stmts[i].st);
			sqlite3_clear_bindings(c->stmts[i].st);
			return c->stmts[i].st;
		}
	}
	if (i == CACHE_STMTS) {
		cache_failf(c, "statement cache full");
		return NULL;
	}
	if (sqlite3_prepare_v2(c->db, sql, -1, &c->stmts[i].st, NULL) != SQLITE_OK) {
		cache_fail(c, _("preparing a query"));
		sqlite3_finalize(c->stmts[i].st);
		c->stmts[i].st = NULL;
		return NULL;
	}
	c->stmts[i].sql = sql;
	return c->stmts[i].st;
}

void
cache_stmts_clear(struct cache *c)
{
	int i;

	for (i = 0; i < CACHE_STMTS; i++) {
		sqlite3_finalize(c->stmts[i].st);
		c->stmts[i].st = NULL;
		c->stmts[i].sql = NULL;
	}
}

int
cache_fail(struct cache *c, const char *what)
{
	c->errcode = c->db ? sqlite3_extended_errcode(c->db) : 0;
	snprintf(c->err, sizeof c->err, "%s: %s: %s", c->path, what,
	         c->db ? sqlite3_errmsg(c->db) : _("not open"));
	return -1;
}

int
cache_failf(struct cache *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->err, sizeof c->err, fmt, ap);
	va_end(ap);
	return -1;
}

int
cache_exec(struct cache *c, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(c->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		c->errcode = sqlite3_extended_errcode(c->db);
		snprintf(c->err, sizeof c->err, "%s: %s", c->path, msg ? msg : sqlite3_errmsg(c->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

void
col_str(sqlite3_stmt *st, int i, char *dst, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	str_copy(dst, n, s ? (const char *)s : "");
}

int64_t
col_i64(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return M_NONE;
	return sqlite3_column_int64(st, i);
}

int
bind_i64(sqlite3_stmt *st, int i, int64_t v)
{
	if (v == M_NONE)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, v);
}

int
bind_str(sqlite3_stmt *st, int i, const char *s, int null_empty)
{
	if (!s || (null_empty && !*s))
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* ---- paths -------------------------------------------------------------- */

int
cache_default_path(const char *profile, char *buf, size_t n)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;
	int k;

	if (!profile || !*profile)
		profile = "default";
	if (xdg && xdg[0] == '/')
		k = snprintf(buf, n, "%s/billtop/%s.db", xdg, profile);
	else {
		if (!home || home[0] != '/') {
			pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home)
			return -1;
		k = snprintf(buf, n, "%s/.cache/billtop/%s.db", home, profile);
	}
	return k > 0 && (size_t)k < n ? 0 : -1;
}

/* mkdir -p of path's directory; directories created here get 0700. */
static int
make_parent_dirs(struct cache *c, const char *path)
{
	char dir[sizeof c->path];
	char *p;

	if (str_copy(dir, sizeof dir, path) < 0)
		return cache_failf(c, _("%s: path too long"), path);
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return 0;
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char save = *p;

			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				return cache_failf(c, _("cannot create the directory %s: %s"), dir,
				                   strerror(errno));
			*p = save;
			if (save == '\0')
				break;
		}
	}
	return 0;
}

/* Creates the file 0600 before sqlite sees it (sqlite gives -wal and -shm the
 * database file's mode), and tightens an existing file that is too open.
 * Read-only: only checks that a regular file is there.  A path billtop may
 * not open, a directory, a symbolic link or a device is the user's business:
 * an error naming the path, never a reason to move it aside. */
static int
prepare_file(struct cache *c)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char p[sizeof c->path + 8];
	struct stat st;
	size_t i;
	int fd, regular;

	/* O_NONBLOCK: a FIFO in the cache's place must not hang the open */
	fd = c->readonly
		? open(c->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK)
		: open(c->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK,
		       0600);
	if (fd < 0) {
		/* the link is not followed: it could lead anywhere the user can write */
		if (errno == ELOOP)
			return cache_failf(c, _("cannot open the cache %s: it is a symbolic link, which "
			                        "billtop does not follow; use --cache with the file it "
			                        "points to"), c->path);
		return cache_failf(c, _("cannot open the cache %s: %s"), c->path, strerror(errno));
	}
	regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	close(fd);
	if (!regular)
		return cache_failf(c, _("cannot open the cache %s: %s"), c->path,
		                   _("not a regular file"));
	for (i = 0; !c->readonly && i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", c->path, suffix[i]);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077))
			chmod(p, st.st_mode & 0600);
	}
	return 0;
}

/* PATH.corrupt-YYYYmmddTHHMMSS; the -wal goes along, the -shm is dropped. */
static int
move_aside(struct cache *c, const char *why)
{
	char aside[sizeof c->path + 64], from[sizeof c->path + 8], to[sizeof aside + 8];
	char stamp[20];
	time_t now = time(NULL);
	struct stat st;
	struct tm tm;
	int i, rc = -1;

	/* only ever a regular file billtop found corrupt; never a directory or a link */
	if (lstat(c->path, &st) < 0 || !S_ISREG(st.st_mode))
		return cache_failf(c, _("the cache %s is unusable (%s) and cannot be moved aside: %s"),
		                   c->path, why, _("not a regular file"));
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &tm);
	/* never over an earlier one (two in one second): -1, -2 ... */
	for (i = 0; i < 100 && rc < 0; i++) {
		if (i == 0)
			snprintf(aside, sizeof aside, "%s.corrupt-%s", c->path, stamp);
		else
			snprintf(aside, sizeof aside, "%s.corrupt-%s-%d", c->path, stamp, i);
		rc = renameat2(AT_FDCWD, c->path, AT_FDCWD, aside, RENAME_NOREPLACE);
		if (rc < 0 && (errno == EINVAL || errno == ENOSYS)) {
			/* a file system without RENAME_NOREPLACE */
			if (access(aside, F_OK) == 0) {
				errno = EEXIST;
				continue;
			}
			rc = rename(c->path, aside);
		}
		if (rc < 0 && errno != EEXIST)
			break;
	}
	if (rc < 0)
		return cache_failf(c, _("the cache %s is unusable (%s) and cannot be moved aside: %s"),
		                   c->path, why, strerror(errno));
	snprintf(from, sizeof from, "%s-wal", c->path);
	snprintf(to, sizeof to, "%s-wal", aside);
	rename(from, to);
	snprintf(from, sizeof from, "%s-shm", c->path);
	unlink(from);
	snprintf(c->note, sizeof c->note,
	         _("The cache %s was unusable (%s); it was moved to %s and a new one was "
	           "started."), c->path, why, aside);
	return 0;
}

/* Two billtops creating the cache at once both switch it to WAL; the one
 * that loses gets SQLITE_BUSY at once (sqlite does not wait on a lock
 * upgrade that could deadlock), so it tries again for a while. */
static int
set_wal(struct cache *c)
{
	int waited = 0;

	while (cache_exec(c, "PRAGMA journal_mode = WAL") < 0) {
		if ((c->errcode & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			return -1;
		sqlite3_sleep(20);
		waited += 20;
	}
	return 0;
}

/* Only what says the file's content is not a database: permissions, locks
 * and I/O errors are not the file's fault, and moving it would lose it. */
static int
is_corruption(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* One attempt: open, configure, check, migrate.  Returns 0, -1 (fatal),
 * 1 (the file is corrupt: move it aside and try again), with *why, or 2
 * (read-only, and the schema is older: open it for writing to migrate). */
static int
open_once(struct cache *c, int verify, char *why, size_t whyn)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((!c->readonly && make_parent_dirs(c, c->path) < 0) || prepare_file(c) < 0)
		return -1;
	rc = sqlite3_open_v2(c->path, &c->db, SQLITE_OPEN_NOFOLLOW | (c->readonly
	                     ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE),
	                     NULL);
	if (rc != SQLITE_OK)
		goto bad;
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, BUSY_TIMEOUT_MS);
	/* reading the schema is the first thing that touches the file's pages */
	rc = sqlite3_prepare_v2(c->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode(c->db);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		goto bad;
	/* a read-only handle reads the journal mode the writers set */
	if (!c->readonly && (set_wal(c) < 0 ||
	                     cache_exec(c, "PRAGMA synchronous = NORMAL") < 0)) {
		rc = sqlite3_errcode(c->db);
		if (is_corruption(rc))
			goto bad;
		return -1;
	}
	if (verify) {
		char result[64] = "";

		rc = sqlite3_prepare_v2(c->db, "PRAGMA quick_check(1)", -1, &st, NULL);
		if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
			col_str(st, 0, result, sizeof result);
		else
			rc = sqlite3_errcode(c->db);
		sqlite3_finalize(st);
		if (rc != SQLITE_OK)
			goto bad;
		if (strcmp(result, "ok") != 0) {
			snprintf(why, whyn, _("the integrity check failed"));
			return 1;
		}
	}
	rc = cache_migrate(c);
	if (rc == 1)
		return 2;
	if (rc < 0) {
		if (c->newer)
			return -1;
		rc = sqlite3_errcode(c->db);
		if (is_corruption(rc))
			goto bad;
		return -1;
	}
	return 0;
bad:
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
		cache_fail(c, _("the cache is locked by another billtop"));
		return -1;
	}
	snprintf(why, whyn, "%s", c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
	if (!is_corruption(rc)) {
		cache_fail(c, _("opening the cache"));
		return -1;
	}
	return 1;
}

static void
close_db(struct cache *c)
{
	cache_stmts_clear(c);
	if (c->db)
		sqlite3_close(c->db);
	c->db = NULL;
}

int
cache_open_ex(const char *path, int flags, struct cache **out, const char **note)
{
	struct cache *c;
	char why[512];
	mode_t old;
	int rc;

	*out = NULL;
	if (note)
		*note = NULL;
	c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	*out = c;
	if (str_copy(c->path, sizeof c->path, path) < 0)
		return cache_failf(c, _("%s: path too long"), path);
	/* nothing this process creates while opening may be readable by others */
	old = umask(077);
	c->readonly = (flags & CACHE_OPEN_READONLY) != 0;
	rc = open_once(c, flags & CACHE_OPEN_VERIFY, why, sizeof why);
	if (rc == 2 || rc == 1) {
		/* migrating, or starting afresh, is a write */
		close_db(c);
		c->readonly = 0;
	}
	if (rc == 2)
		rc = open_once(c, flags & CACHE_OPEN_VERIFY, why, sizeof why);
	if (rc == 1) {
		close_db(c);
		rc = move_aside(c, why) < 0 ? -1 : open_once(c, 0, why, sizeof why);
		if (rc == 1)
			rc = cache_failf(c, _("the cache %s is unusable even after starting afresh: %s"),
			                 c->path, why);
	}
	umask(old);
	if (rc < 0) {
		close_db(c);
		return -1;
	}
	if (note && c->note[0])
		*note = c->note;
	return 0;
}

int
cache_is_corrupt(const struct cache *c)
{
	return (c->errcode & 0xff) == SQLITE_CORRUPT || (c->errcode & 0xff) == SQLITE_NOTADB;
}

int
cache_recover(struct cache *c)
{
	char why[512], was[sizeof c->err];
	mode_t old;
	int rc;

	snprintf(was, sizeof was, "%s", sqlite3_errstr(c->errcode));
	cache_stmts_clear(c);
	close_db(c);
	c->in_tx = c->snapshot = 0;
	old = umask(077);
	rc = move_aside(c, was);
	if (rc == 0) {
		rc = open_once(c, 0, why, sizeof why);
		if (rc == 1)
			rc = cache_failf(c, _("the cache %s is unusable even after starting afresh: %s"),
			                 c->path, why);
	}
	umask(old);
	if (rc < 0) {
		close_db(c);
		return -1;
	}
	return 0;
}

const char *
cache_note(const struct cache *c)
{
	return c->note[0] ? c->note : NULL;
}

int
cache_open(const char *path, struct cache **out, const char **note)
{
	return cache_open_ex(path, 0, out, note);
}

void
cache_close(struct cache *c)
{
	if (!c)
		return;
	close_db(c);
	free(c);
}

const char *
cache_error(const struct cache *c)
{
	if (!c)
		return _("out of memory");
	return c->err[0] ? c->err : _("no error");
}

const char *
cache_path(const struct cache *c)
{
	return c->path;
}

/* ---- consistent reads --------------------------------------------------- */

int
cache_snapshot_begin(struct cache *c)
{
	if (c->in_tx || c->snapshot)
		return 0;
	if (cache_exec(c, "BEGIN") < 0)
		return -1;
	c->snapshot = 1;
	return 0;
}

void
cache_snapshot_end(struct cache *c)
{
	if (!c->snapshot)
		return;
	sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL);
	c->snapshot = 0;
}

/* ---- meta and sync state ------------------------------------------------ */

int64_t
cache_synced_at(struct cache *c)
{
	static const char sql[] = "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'synced_at'";
	sqlite3_stmt *st = cache_stmt(c, sql);
	int64_t v = M_NONE;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = col_i64(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

int
cache_has_snapshot(struct cache *c)
{
	return cache_synced_at(c) != M_NONE;
}

int
cache_sync_states(struct cache *c, struct sync_state **out, int *n)
{
	static const char count_sql[] = "SELECT count(*) FROM sync_state";
	static const char sql[] =
		"SELECT resource, last_success, last_attempt, last_error, etag FROM sync_state"
		" ORDER BY CASE resource WHEN 'account' THEN 0 WHEN 'plans' THEN 1"
		" WHEN 'credits' THEN 2 WHEN 'grants' THEN 3 WHEN 'ledger' THEN 4"
		" WHEN 'meters' THEN 5 WHEN 'agents' THEN 6 WHEN 'usage' THEN 7"
		" WHEN 'runs' THEN 8 WHEN 'invoices' THEN 9 WHEN 'payment_methods' THEN 10"
		" WHEN 'charges' THEN 11 ELSE 12 END, resource";
	sqlite3_stmt *st;
	struct sync_state *a;
	int total, i = 0, rc;

	*out = NULL;
	*n = 0;
	st = cache_stmt(c, count_sql);
	if (!st || sqlite3_step(st) != SQLITE_ROW)
		return st ? cache_fail(c, _("reading the sync state")) : -1;
	total = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	a = calloc(total > 0 ? (size_t)total : 1, sizeof *a);
	if (!a)
		return cache_failf(c, _("out of memory"));
	st = cache_stmt(c, sql);
	if (!st) {
		free(a);
		return -1;
	}
	while (i < total && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		col_str(st, 0, a[i].resource, sizeof a[i].resource);
		a[i].last_success = col_i64(st, 1);
		a[i].last_attempt = col_i64(st, 2);
		col_str(st, 3, a[i].last_error, sizeof a[i].last_error);
		col_str(st, 4, a[i].etag, sizeof a[i].etag);
		i++;
	}
	sqlite3_reset(st);
	*out = a;
	*n = i;
	return 0;
}
