/* test_config.c: the configuration file, profiles, environment and
 * token_command. */
#include <config.h>

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

#include "cli/cli.h"
#include "client/config.h"

static char dir[256];
static char path[512];

static int
setup(void **state)
{
	snprintf(dir, sizeof dir, "%s/billtop-config.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/config", dir);
	unsetenv("BILLTOP_URL");
	unsetenv("BILLTOP_TOKEN");
	return 0;
}

static int
teardown(void **state)
{
	char pwned[600];

	snprintf(pwned, sizeof pwned, "%s/pwned", dir);
	unlink(pwned);
	chmod(dir, 0700);
	unlink(path);
	rmdir(dir);
	return 0;
}

static void
write_config(const char *text, mode_t mode)
{
	FILE *f;

	unlink(path);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(chmod(path, mode), 0);
}

/* Loads and returns the error message ("" on success). */
static const char *
load(const char *profile, struct config *cfg)
{
	static struct client_err err;

	client_err_clear(&err);
	if (config_load(path, profile, cfg, &err) < 0) {
		assert_int_equal(err.kind, CERR_USAGE);
		config_free(cfg);
		return err.message;
	}
	return "";
}

static void
test_defaults_and_profile(void **state)
{
	struct config cfg;

	write_config("# billtop\n"
	             "url = https://billing.example.com/\n"
	             "token = file-token\n"
	             "refresh = 5m\n"
	             "\n"
	             "   # indented comment\n"
	             "[profile staging]\n"
	             "url = \"http://10.0.0.5:8080\"\n"
	             "allow_http = yes\n"
	             "refresh = 0\n"
	             "anomaly_factor = 5\n"
	             "[ profile  other ]\n"
	             "token_command = echo other\n", 0600);
	assert_string_equal(load(NULL, &cfg), "");
	assert_string_equal(cfg.url, "https://billing.example.com");   /* slash dropped */
	assert_string_equal(cfg.token, "file-token");
	assert_int_equal(cfg.refresh, 300);
	assert_int_equal(cfg.allow_http, 0);
	assert_int_equal(cfg.anomaly_factor, 3);   /* the default */
	assert_string_equal(cfg.url_from, "config:2");
	assert_int_equal(cfg.file_exists, 1);
	config_free(&cfg);

	assert_string_equal(load("staging", &cfg), "");
	assert_string_equal(cfg.url, "http://10.0.0.5:8080");
	assert_string_equal(cfg.token, "file-token");            /* inherited default */
	assert_int_equal(cfg.refresh, 0);
	assert_int_equal(cfg.allow_http, 1);
	assert_int_equal(cfg.anomaly_factor, 5);
	assert_string_equal(cfg.profile, "staging");
	config_free(&cfg);

	/* a profile's token_command replaces the default token */
	assert_string_equal(load("other", &cfg), "");
	assert_null(cfg.token);
	assert_string_equal(cfg.token_command, "echo other");
	assert_string_equal(cfg.url, "https://billing.example.com");
	config_free(&cfg);
}

static void
test_missing_file(void **state)
{
	struct config cfg;

	unlink(path);
	assert_string_equal(load(NULL, &cfg), "");
	assert_int_equal(cfg.file_exists, 0);
	assert_string_equal(cfg.url, "");
	assert_null(cfg.token);
	assert_int_equal(cfg.refresh, CONFIG_DEFAULT_REFRESH);
	config_free(&cfg);
	assert_non_null(strstr(load("work", &cfg), "unknown profile 'work'"));
}

static void
test_bad_lines(void **state)
{
	static const struct {
		const char *text;
		const char *message;     /* after "PATH:" */
	} cases[] = {
		{ "url = https://a.example\ncolour = blue\n", "2: unknown key 'colour'" },
		{ "just words\n", "1: expected 'key = value'" },
		{ "refresh = soon\n", "1: refresh: 'soon' is not a duration" },
		{ "refresh = 5d\n", "1: refresh: '5d' is not a duration" },
		{ "allow_http = maybe\n", "1: allow_http: expected yes or no, not 'maybe'" },
		{ "url = ftp://x\n", "1: url must start with https://" },
		{ "url = https://a\n\nurl = https://b\n", "3: 'url' is already set on line 1" },
		{ "[profile a]\n[profile a]\n", "2: profile 'a' is already defined on line 1" },
		{ "[server x]\n", "1: unknown section '[server x]'" },
		{ "[profile ../etc]\n", "1: bad profile name '../etc'" },
		{ "[profile x\n", "1: expected '[profile NAME]'" },
		{ "token =\n", "1: 'token' has no value" },
		{ "[profile b]\ntoken = t\ntoken_command = c\n",
		  "3: 'token' and token_command are both set in one section" },
		{ "anomaly_factor = 1\n", "1: anomaly_factor: expected a whole number from 2 to 100, not '1'" },
		{ "anomaly_factor = 2.5\n", "1: anomaly_factor: expected a whole number from 2 to 100, not '2.5'" },
		{ "anomaly_factor = 101\n", "1: anomaly_factor: expected a whole number from 2 to 100, not '101'" },
		{ "anomaly_factor = 99999999999\n",
		  "1: anomaly_factor: expected a whole number from 2 to 100, not '99999999999'" },
		/* lines in a profile that is not picked are checked too */
		{ "[profile unused]\nprofile = x\n", "2: unknown key 'profile'" },
	};
	struct config cfg;
	char want[1024];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_config(cases[i].text, 0600);
		snprintf(want, sizeof want, "%s:%s", path, cases[i].message);
		const char *got = load(NULL, &cfg);
		if (strncmp(got, want, strlen(want)) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s...\"", i, got, want);
	}
}

static void
test_unknown_profile(void **state)
{
	struct config cfg;
	char want[600];

	write_config("url = https://a.example\n[profile one]\n", 0644);
	snprintf(want, sizeof want, "unknown profile 'two': %s has no [profile two] section", path);
	assert_string_equal(load("two", &cfg), want);
	assert_non_null(strstr(load("bad/name", &cfg), "bad profile name 'bad/name'"));
}

static void
test_permissions(void **state)
{
	struct config cfg;
	char want[1200];

	snprintf(want, sizeof want,
	         "%s holds a token and other users may read it; refusing to use it.  "
	         "Run: chmod 600 %s", path, path);
	write_config("url = https://a.example\ntoken = secret\n", 0644);
	assert_string_equal(load(NULL, &cfg), want);
	write_config("url = https://a.example\ntoken = secret\n", 0640);
	assert_string_equal(load(NULL, &cfg), want);
	/* a token in any section counts */
	write_config("[profile x]\ntoken = secret\n", 0604);
	assert_string_equal(load(NULL, &cfg), want);
	write_config("url = https://a.example\ntoken = secret\n", 0600);
	assert_string_equal(load(NULL, &cfg), "");
	config_free(&cfg);
	/* no token: a readable file is fine (token_command keeps it elsewhere) */
	write_config("url = https://a.example\ntoken_command = pass billing\n", 0644);
	assert_string_equal(load(NULL, &cfg), "");
	config_free(&cfg);
}

/* token_command runs what the file says: a file others may change is refused
 * before anything runs, and so is one in a directory others may change. */
static void
test_command_permissions(void **state)
{
	struct config cfg;
	struct client_err err;
	char text[1024], pwned[600], want[1600];
	struct stat st;

	snprintf(pwned, sizeof pwned, "%s/pwned", dir);
	snprintf(text, sizeof text, "token_command = touch %s; echo tok\n", pwned);
	snprintf(want, sizeof want, "%s sets token_command and other users may change it; "
	         "refusing to run it.  Run: chmod go-w %s", path, path);
	write_config(text, 0666);
	client_err_clear(&err);
	if (config_load(path, NULL, &cfg, &err) == 0) {
		config_resolve_token(&cfg, &err);    /* what a command would do next */
		config_free(&cfg);
		fail_msg("a 0666 file with token_command was accepted");
	}
	config_free(&cfg);
	assert_int_equal(err.kind, CERR_USAGE);
	assert_string_equal(err.message, want);
	assert_int_equal(stat(pwned, &st), -1);
	write_config(text, 0620);
	assert_string_equal(load(NULL, &cfg), want);
	/* in a profile that is not picked it still counts: the file is not safe */
	write_config("[profile x]\ntoken_command = echo tok\n", 0602);
	assert_non_null(strstr(load(NULL, &cfg), "other users may change it"));

	/* the directory: others could replace the file */
	write_config("token_command = echo tok\n", 0600);
	assert_int_equal(chmod(dir, 0777), 0);
	snprintf(want, sizeof want, "%s sets token_command but other users may change its "
	         "directory %s; refusing to use it.  Run: chmod go-w %s", path, dir, dir);
	assert_string_equal(load(NULL, &cfg), want);
	write_config("token = secret\n", 0600);
	assert_non_null(strstr(load(NULL, &cfg), "sets token but other users may change its directory"));
	assert_int_equal(chmod(dir, 0770), 0);
	assert_non_null(strstr(load(NULL, &cfg), "may change its directory"));
	/* sticky (like /tmp): others cannot rename or remove the file */
	assert_int_equal(chmod(dir, 01777), 0);
	assert_string_equal(load(NULL, &cfg), "");
	config_free(&cfg);
	assert_int_equal(chmod(dir, 0700), 0);
	/* no token and no command: nothing to protect */
	write_config("url = https://a.example\n", 0666);
	assert_string_equal(load(NULL, &cfg), "");
	config_free(&cfg);

	/* another user's file (only root can make one here) */
	write_config(text, 0600);
	if (geteuid() == 0) {
		assert_int_equal(chown(path, 65534, 65534), 0);
		snprintf(want, sizeof want, "%s sets token_command but belongs to another user "
		         "(uid 65534); refusing to use it", path);
		assert_string_equal(load(NULL, &cfg), want);
		assert_int_equal(stat(pwned, &st), -1);
	}
}

static void
test_environment(void **state)
{
	struct config cfg;
	struct client_err err;

	write_config("url = https://a.example\ntoken_command = false\n", 0600);
	setenv("BILLTOP_URL", "http://127.0.0.1:9/", 1);
	setenv("BILLTOP_TOKEN", "env-token", 1);
	assert_string_equal(load(NULL, &cfg), "");
	assert_string_equal(cfg.url, "http://127.0.0.1:9");
	assert_string_equal(cfg.url_from, "BILLTOP_URL");
	assert_string_equal(cfg.token, "env-token");
	assert_string_equal(cfg.token_command, "");   /* the env token wins; no command runs */
	client_err_clear(&err);
	assert_int_equal(config_resolve_token(&cfg, &err), 0);
	assert_string_equal(cfg.token, "env-token");
	/* --url beats everything */
	assert_int_equal(config_set_url(&cfg, "https://cli.example", "--url", &err), 0);
	assert_string_equal(cfg.url, "https://cli.example");
	assert_int_equal(config_set_url(&cfg, "billing.example.com", "--url", &err), -1);
	assert_string_equal(err.message,
	                    "--url: the URL must start with https:// (or http://) and hold no spaces");
	config_free(&cfg);
	setenv("BILLTOP_URL", "nonsense", 1);
	assert_non_null(strstr(load(NULL, &cfg), "BILLTOP_URL: the URL must start with"));
	unsetenv("BILLTOP_URL");
	unsetenv("BILLTOP_TOKEN");
}

/* user:password@host would leak into argv, the cache and messages: refused
 * wherever the URL comes from, without repeating it. */
static void
test_url_userinfo(void **state)
{
	static const char *const bad[] = {
		"https://user:s3cret@billing.example.com",
		"https://user@billing.example.com/v1",
		"http://:s3cret@127.0.0.1:8080/",
		"https://a:b@c@billing.example.com",
	};
	struct config cfg;
	struct client_err err;
	char text[256], want[1200];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		/* --url */
		memset(&cfg, 0, sizeof cfg);
		client_err_clear(&err);
		assert_int_equal(config_set_url(&cfg, bad[i], "--url", &err), -1);
		assert_int_equal(err.kind, CERR_USAGE);
		assert_string_equal(err.message, "--url: the URL must not contain a user name or "
		                    "password; put the token in the config");
		assert_string_equal(cfg.url, "");
		/* BILLTOP_URL */
		unlink(path);
		setenv("BILLTOP_URL", bad[i], 1);
		assert_string_equal(load(NULL, &cfg), "BILLTOP_URL: the URL must not contain a user "
		                    "name or password; put the token in the config");
		unsetenv("BILLTOP_URL");
		/* the file */
		snprintf(text, sizeof text, "refresh = 5m\nurl = %s\n", bad[i]);
		write_config(text, 0600);
		snprintf(want, sizeof want, "%s:2: the URL must not contain a user name or password; "
		         "put the token in the config", path);
		assert_string_equal(load(NULL, &cfg), want);
	}
	/* an @ after the host is not user info */
	memset(&cfg, 0, sizeof cfg);
	assert_int_equal(config_set_url(&cfg, "https://billing.example.com/t/@team?x=a@b", "--url", &err), 0);
	assert_string_equal(cfg.url, "https://billing.example.com/t/@team?x=a@b");
}

static void
test_token_command(void **state)
{
	struct config cfg;
	struct client_err err;

	write_config("token_command = printf 'tok-123 \\r\\nsecond line\\n'; echo noise >&2\n", 0644);
	assert_string_equal(load(NULL, &cfg), "");
	assert_null(cfg.token);
	client_err_clear(&err);
	assert_int_equal(config_resolve_token(&cfg, &err), 0);
	assert_string_equal(cfg.token, "tok-123");
	config_free(&cfg);

	write_config("token_command = echo partial; exit 3\n", 0644);
	assert_string_equal(load(NULL, &cfg), "");
	assert_int_equal(config_resolve_token(&cfg, &err), -1);
	assert_int_equal(err.kind, CERR_AUTH);
	assert_string_equal(err.message, "token_command failed (exit status 3)");
	assert_null(cfg.token);
	config_free(&cfg);

	write_config("token_command = printf '\\n'\n", 0644);
	assert_string_equal(load(NULL, &cfg), "");
	assert_int_equal(config_resolve_token(&cfg, &err), -1);
	assert_string_equal(err.message, "token_command printed no token on its first line");
	config_free(&cfg);

	/* a command that hangs is killed, with its children */
	write_config("token_command = sleep 30 & sleep 30\n", 0644);
	assert_string_equal(load(NULL, &cfg), "");
	cfg.token_timeout = 1;
	assert_int_equal(config_resolve_token(&cfg, &err), -1);
	assert_string_equal(err.message, "token_command did not finish within 1 seconds");
	config_free(&cfg);

	/* neither a token nor a command */
	write_config("url = https://a.example\n", 0644);
	assert_string_equal(load(NULL, &cfg), "");
	assert_int_equal(config_resolve_token(&cfg, &err), -1);
	assert_int_equal(err.kind, CERR_AUTH);
	assert_non_null(strstr(err.message, "no token"));
	config_free(&cfg);
}

static void
test_durations_and_paths(void **state)
{
	char buf[512];
	int s;

	assert_int_equal(config_parse_duration("0", &s), 0);
	assert_int_equal(s, 0);
	assert_int_equal(config_parse_duration("90", &s), 0);
	assert_int_equal(s, 90);
	assert_int_equal(config_parse_duration("30s", &s), 0);
	assert_int_equal(s, 30);
	assert_int_equal(config_parse_duration("5m", &s), 0);
	assert_int_equal(s, 300);
	assert_int_equal(config_parse_duration("1h", &s), 0);
	assert_int_equal(s, 3600);
	assert_int_equal(config_parse_duration("", &s), -1);
	assert_int_equal(config_parse_duration("-5", &s), -1);
	assert_int_equal(config_parse_duration("5 m", &s), -1);
	assert_int_equal(config_parse_duration("1h30m", &s), -1);
	assert_int_equal(config_parse_duration("999999999999", &s), -1);
	assert_int_equal(config_parse_duration("169h", &s), -1);

	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	assert_int_equal(config_default_path(buf, sizeof buf), 0);
	assert_string_equal(buf, "/x/conf/billtop/config");
	setenv("XDG_CONFIG_HOME", "relative", 1);    /* ignored, per the XDG spec */
	setenv("HOME", "/home/u", 1);
	assert_int_equal(config_default_path(buf, sizeof buf), 0);
	assert_string_equal(buf, "/home/u/.config/billtop/config");
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(config_default_path(buf, sizeof buf), 0);
	assert_string_equal(buf, "/home/u/.config/billtop/config");

	assert_true(config_profile_name_ok("work-2.eu_west"));
	assert_false(config_profile_name_ok(".hidden"));
	assert_false(config_profile_name_ok("a/b"));
	assert_false(config_profile_name_ok(""));
}

/* The exit codes of refusals (struct client_err, which config reports
 * through too): what the user named and the server does not know (404) or
 * will not take (422) is a usage error; other refusals are the server's. */
static void
test_exit_codes(void **state)
{
	static const struct {
		enum client_err_kind kind;
		int status, exit;
	} cases[] = {
		{ CERR_CLIENT, 404, EXIT_USAGE },
		{ CERR_CLIENT, 422, EXIT_USAGE },
		{ CERR_CLIENT, 400, EXIT_SERVER },
		{ CERR_CLIENT, 402, EXIT_SERVER },
		{ CERR_CLIENT, 405, EXIT_SERVER },
		{ CERR_CLIENT, 409, EXIT_SERVER },
		{ CERR_SERVER, 500, EXIT_SERVER },
		{ CERR_SERVER, 404, EXIT_SERVER },
		{ CERR_USAGE, 0, EXIT_USAGE },
		{ CERR_AUTH, 401, EXIT_AUTH },
		{ CERR_FORBIDDEN, 403, EXIT_AUTH },
		{ CERR_CACHE, 0, EXIT_CACHE },
		{ CERR_NONE, 0, EXIT_OK },
	};
	struct client_err err;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		client_err_clear(&err);
		err.http_status = cases[i].status;
		client_err_set(&err, cases[i].kind, "x");
		if (client_err_exit_code(&err) != cases[i].exit)
			fail_msg("case %zu (kind %d, HTTP %d): exit %d, want %d", i, (int)cases[i].kind,
			         cases[i].status, client_err_exit_code(&err), cases[i].exit);
	}
}

/* data/config.sample is valid, and means what its comments say. */
static void
test_sample(void **state)
{
	const char *top = getenv("top_srcdir");
	char src[1024], cmd[4096];
	struct config cfg;

	snprintf(src, sizeof src, "%s/data/config.sample", top ? top : ".");
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && chmod 600 '%s'", src, path, path);
	assert_int_equal(system(cmd), 0);
	assert_string_equal(load(NULL, &cfg), "");
	assert_string_equal(cfg.url, "https://billing.example.com");
	assert_string_equal(cfg.token_command, "pass show billing/api-token");
	assert_int_equal(cfg.refresh, 300);
	config_free(&cfg);
	assert_string_equal(load("staging", &cfg), "");
	assert_int_equal(cfg.refresh, 60);
	config_free(&cfg);
	assert_string_equal(load("local", &cfg), "");
	assert_string_equal(cfg.url, "http://127.0.0.1:8080");
	assert_string_equal(cfg.token, "local-dev-token");
	assert_string_equal(cfg.token_command, "");
	assert_int_equal(cfg.refresh, 0);
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults_and_profile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_profile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_command_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_environment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_url_userinfo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_token_command, setup, teardown),
		cmocka_unit_test_setup_teardown(test_durations_and_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sample, setup, teardown),
		cmocka_unit_test(test_exit_codes),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
