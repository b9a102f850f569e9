/* test_download.c: safe invoice file names from hostile numbers, the
 * download directory, and temp-file-then-rename saving that never overwrites. */
#include <config.h>

#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "client/download.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

/* Every invariant a name from an untrusted invoice number must hold. */
static void
assert_safe_name(const char *name)
{
	size_t len = strlen(name), i;

	assert_true(len > 4);
	assert_true(len <= 104);
	assert_string_equal(name + len - 4, ".pdf");
	assert_null(strchr(name, '/'));
	assert_null(strstr(name, ".."));
	assert_true(name[0] != '.' && name[0] != '-');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		assert_true(c > 0x20 && c < 0x7f);
	}
}

static void
test_name_plain(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(download_file_name("BT-2026-0031", buf, sizeof buf), 0);
	assert_string_equal(buf, "BT-2026-0031.pdf");
}

static void
test_name_traversal(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(download_file_name("../../etc/passwd", buf, sizeof buf), 0);
	assert_safe_name(buf);
	assert_non_null(strstr(buf, "etc_passwd"));
	assert_int_equal(download_file_name("/etc/passwd", buf, sizeof buf), 0);
	assert_safe_name(buf);
	assert_string_equal(buf, "_etc_passwd.pdf");
	assert_int_equal(download_file_name("..", buf, sizeof buf), 0);
	assert_safe_name(buf);
	assert_int_equal(download_file_name(".", buf, sizeof buf), 0);
	assert_safe_name(buf);
	assert_int_equal(download_file_name("...", buf, sizeof buf), 0);
	assert_safe_name(buf);
}

static void
test_name_separator(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(download_file_name("a/b", buf, sizeof buf), 0);
	assert_string_equal(buf, "a_b.pdf");
	assert_int_equal(download_file_name("a\\b", buf, sizeof buf), 0);
	assert_string_equal(buf, "a_b.pdf");
}

static void
test_name_controls_and_escapes(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(download_file_name("BT\x1b[31m-1\x1b]8;;http://x\x07\n\r\t\x7f\x9b", buf, sizeof buf), 0);
	assert_safe_name(buf);
	assert_null(strchr(buf, '\x1b'));
	assert_int_equal(download_file_name("Rechnung-\xc3\xa4\xe2\x80\xae", buf, sizeof buf), 0);
	assert_safe_name(buf);
}

static void
test_name_edge_cases(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(download_file_name("", buf, sizeof buf), 0);
	assert_string_equal(buf, "_.pdf");
	assert_int_equal(download_file_name(NULL, buf, sizeof buf), 0);
	assert_string_equal(buf, "_.pdf");
	/* A trailing dot would meet ".pdf" as "..". */
	assert_int_equal(download_file_name("BT-1.", buf, sizeof buf), 0);
	assert_string_equal(buf, "BT-1.pdf");
	assert_int_equal(download_file_name("-rf", buf, sizeof buf), 0);
	assert_string_equal(buf, "_rf.pdf");
	assert_int_equal(download_file_name(".hidden", buf, sizeof buf), 0);
	assert_safe_name(buf);
	assert_int_equal(download_file_name("x", buf, 16), -1);
}

static void
test_name_10k(void **state)
{
	char *big = malloc(10241), buf[128], path[PATH_MAX];
	char dir[] = "/tmp/billtop-dl-XXXXXX";
	int fd;

	(void)state;
	assert_non_null(big);
	memset(big, 'A', 10240);
	big[10240] = '\0';
	big[5000] = '/';
	assert_int_equal(download_file_name(big, buf, sizeof buf), 0);
	assert_safe_name(buf);
	/* 10 kB of dots: no ".." survives, and the name fits. */
	memset(big, '.', 10240);
	assert_int_equal(download_file_name(big, buf, sizeof buf), 0);
	assert_safe_name(buf);
	free(big);
	/* The bounded name is a name the file system accepts. */
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/%s", dir, buf);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	rmdir(dir);
}

static void
test_candidate(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(download_candidate("X.pdf", 0, buf, sizeof buf), 0);
	assert_string_equal(buf, "X.pdf");
	assert_int_equal(download_candidate("X.pdf", 1, buf, sizeof buf), 0);
	assert_string_equal(buf, "X-1.pdf");
	assert_int_equal(download_candidate("BT-2026-0031.pdf", 12, buf, sizeof buf), 0);
	assert_string_equal(buf, "BT-2026-0031-12.pdf");
	assert_int_equal(download_candidate("noext", 2, buf, sizeof buf), 0);
	assert_string_equal(buf, "noext-2");
	assert_int_equal(download_candidate("a.tar.pdf", 1, buf, sizeof buf), 0);
	assert_string_equal(buf, "a.tar-1.pdf");
	assert_int_equal(download_candidate("X.pdf", 1, buf, 5), -1);
}

/* A fresh empty directory per test. */
static int
setup_dir(void **state)
{
	char *dir = strdup("/tmp/billtop-dl-XXXXXX");

	if (dir == NULL || mkdtemp(dir) == NULL)
		return -1;
	*state = dir;
	return 0;
}

static int
teardown_dir(void **state)
{
	char *dir = *state, path[PATH_MAX];
	struct dirent *e;
	DIR *d = opendir(dir);

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
	free(dir);
	return 0;
}

static int
count_entries(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
read_file(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "rb");
	size_t k;

	assert_non_null(f);
	k = fread(buf, 1, n - 1, f);
	buf[k] = '\0';
	fclose(f);
}

static void
save(const char *dir, const char *base, enum download_mode mode, const char *body, char *final, size_t n)
{
	struct download_target t;

	assert_int_equal(download_target_open(&t, dir, base, mode), 0);
	assert_int_equal(write(t.fd, body, strlen(body)), (ssize_t)strlen(body));
	assert_int_equal(download_target_commit(&t), 0);
	assert_int_equal(snprintf(final, n, "%s", t.final) < (int)n, 1);
}

static void
test_commit_never_overwrites(void **state)
{
	const char *dir = *state;
	char final[PATH_MAX], want[PATH_MAX], buf[256];
	struct stat st;

	save(dir, "BT-1.pdf", DL_UNIQUE, pdf, final, sizeof final);
	snprintf(want, sizeof want, "%s/BT-1.pdf", dir);
	assert_string_equal(final, want);
	read_file(final, buf, sizeof buf);
	assert_string_equal(buf, pdf);
	assert_int_equal(stat(final, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	save(dir, "BT-1.pdf", DL_UNIQUE, "%PDF-second", final, sizeof final);
	snprintf(want, sizeof want, "%s/BT-1-1.pdf", dir);
	assert_string_equal(final, want);
	save(dir, "BT-1.pdf", DL_UNIQUE, "%PDF-third", final, sizeof final);
	snprintf(want, sizeof want, "%s/BT-1-2.pdf", dir);
	assert_string_equal(final, want);

	/* The first file is untouched, and no temporary file is left. */
	snprintf(want, sizeof want, "%s/BT-1.pdf", dir);
	read_file(want, buf, sizeof buf);
	assert_string_equal(buf, pdf);
	assert_int_equal(count_entries(dir), 3);
}

static void
test_abort_leaves_nothing(void **state)
{
	const char *dir = *state;
	struct download_target t;

	assert_int_equal(download_target_open(&t, dir, "BT-2.pdf", DL_UNIQUE), 0);
	assert_int_equal(count_entries(dir), 1);
	assert_int_equal(write(t.fd, "%PDF-1.4 half", 13), 13);
	download_target_abort(&t);
	download_target_abort(&t);
	assert_int_equal(count_entries(dir), 0);
}

static void
test_not_a_pdf(void **state)
{
	const char *dir = *state;
	struct download_target t;

	assert_int_equal(download_target_open(&t, dir, "BT-3.pdf", DL_UNIQUE), 0);
	assert_int_equal(write(t.fd, "<html>", 6), 6);
	assert_int_equal(download_target_commit(&t), -1);
	assert_non_null(strstr(t.err, "PDF"));
	assert_int_equal(count_entries(dir), 0);
	/* An empty body is not a PDF either. */
	assert_int_equal(download_target_open(&t, dir, "BT-3.pdf", DL_UNIQUE), 0);
	assert_int_equal(download_target_commit(&t), -1);
	assert_int_equal(count_entries(dir), 0);
}

static void
test_exact_and_replace(void **state)
{
	const char *dir = *state;
	struct download_target t;
	char final[PATH_MAX], path[PATH_MAX], buf[256];

	save(dir, "mine.pdf", DL_EXACT, pdf, final, sizeof final);
	snprintf(path, sizeof path, "%s/mine.pdf", dir);
	assert_string_equal(final, path);
	/* Exact name taken: refused before anything is written. */
	assert_int_equal(download_target_open(&t, dir, "mine.pdf", DL_EXACT), -1);
	assert_non_null(strstr(t.err, "--force"));
	/* Taken between open and commit: refused at commit, nothing replaced. */
	assert_int_equal(download_target_open(&t, dir, "late.pdf", DL_EXACT), 0);
	assert_int_equal(write(t.fd, "%PDF-new", 8), 8);
	snprintf(path, sizeof path, "%s/late.pdf", dir);
	assert_int_equal(close(open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)), 0);
	assert_int_equal(download_target_commit(&t), -1);
	read_file(path, buf, sizeof buf);
	assert_string_equal(buf, "");
	/* --force replaces. */
	save(dir, "mine.pdf", DL_REPLACE, "%PDF-replaced", final, sizeof final);
	read_file(final, buf, sizeof buf);
	assert_string_equal(buf, "%PDF-replaced");
	assert_int_equal(count_entries(dir), 2);
}

static void
test_open_missing_dir(void **state)
{
	struct download_target t;

	(void)state;
	assert_int_equal(download_target_open(&t, "/nonexistent/billtop", "x.pdf", DL_UNIQUE), -1);
	assert_non_null(strstr(t.err, "/nonexistent/billtop"));
	download_target_abort(&t);
}

static void
test_download_dir(void **state)
{
	const char *home = *state;
	char buf[PATH_MAX], want[PATH_MAX], err[512], cfg[PATH_MAX];
	FILE *f;

	unsetenv("XDG_DOWNLOAD_DIR");
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", home, 1);
	/* No ~/Downloads: the cache folder, made 0700, never ".". */
	unsetenv("XDG_CACHE_HOME");
	assert_int_equal(download_dir(buf, sizeof buf, err, sizeof err), 0);
	snprintf(want, sizeof want, "%s/.cache/billtop", home);
	assert_string_equal(buf, want);
	{
		struct stat st;
		assert_int_equal(stat(want, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0700);
	}
	/* ~/Downloads when it exists. */
	snprintf(want, sizeof want, "%s/Downloads", home);
	assert_int_equal(mkdir(want, 0700), 0);
	assert_int_equal(download_dir(buf, sizeof buf, err, sizeof err), 0);
	assert_string_equal(buf, want);
	/* user-dirs.dirs names another one. */
	snprintf(cfg, sizeof cfg, "%s/cfg", home);
	assert_int_equal(mkdir(cfg, 0700), 0);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	snprintf(cfg, sizeof cfg, "%s/cfg/user-dirs.dirs", home);
	f = fopen(cfg, "w");
	assert_non_null(f);
	fputs("# comment\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOWNLOAD_DIR=\"$HOME/Dl\"\n", f);
	fclose(f);
	snprintf(want, sizeof want, "%s/Dl", home);
	assert_int_equal(mkdir(want, 0700), 0);
	assert_int_equal(download_dir(buf, sizeof buf, err, sizeof err), 0);
	assert_string_equal(buf, want);
	/* $XDG_DOWNLOAD_DIR wins, and must exist. */
	setenv("XDG_DOWNLOAD_DIR", home, 1);
	assert_int_equal(download_dir(buf, sizeof buf, err, sizeof err), 0);
	assert_string_equal(buf, home);
	setenv("XDG_DOWNLOAD_DIR", "/nonexistent/dl", 1);
	assert_int_equal(download_dir(buf, sizeof buf, err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/dl"));
	unsetenv("XDG_DOWNLOAD_DIR");
	unsetenv("XDG_CONFIG_HOME");
	unlink(cfg);
	snprintf(cfg, sizeof cfg, "%s/cfg", home);
	rmdir(cfg);
	rmdir(want);
	snprintf(want, sizeof want, "%s/Downloads", home);
	rmdir(want);
}

static void
test_resolve(void **state)
{
	const char *home = *state;
	char dir[PATH_MAX], base[256], err[512];
	enum download_mode mode;

	setenv("XDG_DOWNLOAD_DIR", home, 1);
	assert_int_equal(download_resolve("../x", NULL, 0, dir, sizeof dir, base, sizeof base, &mode, err, sizeof err), 0);
	assert_string_equal(dir, home);
	assert_safe_name(base);
	assert_int_equal(mode, DL_UNIQUE);
	/* -o DIR: into that directory, still never overwriting. */
	assert_int_equal(download_resolve("BT-9", "/tmp", 0, dir, sizeof dir, base, sizeof base, &mode, err, sizeof err), 0);
	assert_string_equal(dir, "/tmp");
	assert_string_equal(base, "BT-9.pdf");
	assert_int_equal(mode, DL_UNIQUE);
	/* -o FILE: exactly that name; --force replaces. */
	assert_int_equal(download_resolve("BT-9", "/tmp/a/inv.pdf", 0, dir, sizeof dir, base, sizeof base, &mode, err, sizeof err), 0);
	assert_string_equal(dir, "/tmp/a");
	assert_string_equal(base, "inv.pdf");
	assert_int_equal(mode, DL_EXACT);
	assert_int_equal(download_resolve("BT-9", "inv.pdf", 1, dir, sizeof dir, base, sizeof base, &mode, err, sizeof err), 0);
	assert_string_equal(dir, ".");
	assert_string_equal(base, "inv.pdf");
	assert_int_equal(mode, DL_REPLACE);
	assert_int_equal(download_resolve("BT-9", "/inv.pdf", 0, dir, sizeof dir, base, sizeof base, &mode, err, sizeof err), 0);
	assert_string_equal(dir, "/");
	unsetenv("XDG_DOWNLOAD_DIR");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_plain),
		cmocka_unit_test(test_name_traversal),
		cmocka_unit_test(test_name_separator),
		cmocka_unit_test(test_name_controls_and_escapes),
		cmocka_unit_test(test_name_edge_cases),
		cmocka_unit_test(test_name_10k),
		cmocka_unit_test(test_candidate),
		cmocka_unit_test_setup_teardown(test_commit_never_overwrites, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_abort_leaves_nothing, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_not_a_pdf, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_exact_and_replace, setup_dir, teardown_dir),
		cmocka_unit_test(test_open_missing_dir),
		cmocka_unit_test_setup_teardown(test_download_dir, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_resolve, setup_dir, teardown_dir),
	};

	return cmocka_run_group_tests_name("download", tests, NULL, NULL);
}
