/* config.c: reading the configuration file, its profiles and the environment. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/config.h"
#include "core/anomaly.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/util.h"

enum key { K_URL, K_TOKEN, K_TOKEN_COMMAND, K_REFRESH, K_ALLOW_HTTP, K_THEME, K_SOURCE, K_BUDGET,
            K_ANOMALY_FACTOR, K_COUNT };
static const char *const key_names[K_COUNT] = {
	"url", "token", "token_command", "refresh", "allow_http", "theme", "source", "budget",
	"anomaly_factor"
};

/* What one section (the defaults, or a profile) sets. */
struct layer {
	int line[K_COUNT];        /* 0 when the key is not set */
	char url[1024];
	char token_command[1024];
	char *token;
	int refresh;
	int allow_http;
	char theme[8];
	int source;
	int64_t budget;
	char budget_currency[4];
	int anomaly_factor;
};

struct parser {
	const char *path;
	int lineno;
	struct client_err *err;
	char (*sections)[64];     /* profile names seen, for duplicates */
	int *section_lines;
	int nsections;
};

static void
wipe_free(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

static void
layer_free(struct layer *l)
{
	wipe_free(l->token);
	l->token = NULL;
}

int
config_default_path(char *buf, size_t n)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;
	int k;

	/* XDG: a relative path is invalid and must be ignored */
	if (xdg && xdg[0] == '/')
		k = snprintf(buf, n, "%s/billtop/config", xdg);
	else {
		if (!home || home[0] != '/') {
			pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home)
			return -1;
		k = snprintf(buf, n, "%s/.config/billtop/config", home);
	}
	return k > 0 && (size_t)k < n ? 0 : -1;
}

int
config_profile_name_ok(const char *name)
{
	const char *p;

	if (!name || !*name || name[0] == '.' || strlen(name) >= 64)
		return 0;
	for (p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' && *p != '-')
			return 0;
	return 1;
}

int
config_parse_duration(const char *s, int *seconds)
{
	long v = 0, mult = 1;
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p)) {
		v = v * 10 + (*p - '0');
		if (v > 7L * 86400)
			return -1;
		p++;
	}
	switch (*p) {
	case '\0': break;
	case 's': p++; break;
	case 'm': mult = 60; p++; break;
	case 'h': mult = 3600; p++; break;
	default: return -1;
	}
	if (*p != '\0' || v * mult > 7L * 86400)
		return -1;
	*seconds = (int)(v * mult);
	return 0;
}

/* http:// or https://, no spaces or controls; trailing slashes dropped. */
static int
url_ok(char *url)
{
	size_t len;
	const char *p;

	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		return 0;
	for (p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return 0;
	len = strlen(url);
	while (len > 0 && url[len - 1] == '/')
		url[--len] = '\0';
	return strlen(url) > 8 || (strncmp(url, "http://", 7) == 0 && strlen(url) > 7);
}

/* user:password@ in the authority: it would end up in argv (the dashboard's
 * worker), the cache (errors naming the URL) and messages. */
static int
has_userinfo(const char *url)
{
	const char *p = strstr(url, "://");

	for (p = p ? p + 3 : url; *p && *p != '/' && *p != '?' && *p != '#'; p++)
		if (*p == '@')
			return 1;
	return 0;
}

#define USERINFO_MSG N_("the URL must not contain a user name or password; put the token in the config")

static int perr(struct parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
perr(struct parser *ps, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	client_err_set(ps->err, CERR_USAGE, "%s:%d: %s", ps->path, ps->lineno, msg);
	return -1;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

static int
set_key(struct parser *ps, struct layer *l, char *key, char *value)
{
	size_t vlen = strlen(value);
	char line[16];
	int k;

	for (k = 0; k < K_COUNT; k++)
		if (strcmp(key, key_names[k]) == 0)
			break;
	if (k == K_COUNT)
		return perr(ps, _("unknown key '%s'"), key);
	if (l->line[k]) {
		snprintf(line, sizeof line, "%d", l->line[k]);
		client_err_set(ps->err, CERR_USAGE, _("%s:%d: '%s' is already set on line %s"),
		               ps->path, ps->lineno, key_names[k], line);
		return -1;
	}
	if (vlen >= 2 && value[0] == '"' && value[vlen - 1] == '"') {
		value[vlen - 1] = '\0';
		value++;
	}
	if (!*value)
		return perr(ps, _("'%s' has no value"), key_names[k]);
	switch (k) {
	case K_URL:
		if (str_copy(l->url, sizeof l->url, value) < 0 || !url_ok(l->url))
			return perr(ps, _("url must start with https:// (or http://) and hold no spaces"));
		if (has_userinfo(l->url))
			return perr(ps, "%s", _(USERINFO_MSG));
		break;
	case K_TOKEN:
		if (l->line[K_TOKEN_COMMAND])
			return perr(ps, _("'%s' and token_command are both set in one section"), "token");
		wipe_free(l->token);
		l->token = strdup(value);
		if (!l->token)
			return perr(ps, _("out of memory"));
		break;
	case K_TOKEN_COMMAND:
		if (l->line[K_TOKEN])
			return perr(ps, _("'%s' and token_command are both set in one section"), "token");
		if (str_copy(l->token_command, sizeof l->token_command, value) < 0)
			return perr(ps, _("token_command is too long"));
		break;
	case K_REFRESH:
		if (config_parse_duration(value, &l->refresh) < 0)
			return perr(ps, _("refresh: '%s' is not a duration (seconds, or like 30s, 5m, 1h; at most 7 days)"),
			            value);
		break;
	case K_ALLOW_HTTP:
		if (strcmp(value, "yes") == 0)
			l->allow_http = 1;
		else if (strcmp(value, "no") == 0)
			l->allow_http = 0;
		else
			return perr(ps, _("allow_http: expected yes or no, not '%s'"), value);
		break;
	case K_THEME:
		if (strcmp(value, "dark") != 0 && strcmp(value, "light") != 0 &&
		    strcmp(value, "mono") != 0)
			return perr(ps, _("theme: expected dark, light or mono, not '%s'"), value);
		str_copy(l->theme, sizeof l->theme, value);
		break;
	case K_SOURCE:
		if ((l->source = config_parse_source(value)) < 0)
			return perr(ps, _("source: unknown source '%s' (billtop, openai or anthropic)"), value);
		break;
	case K_BUDGET:
		if (config_parse_budget(value, &l->budget, l->budget_currency) < 0)
			return perr(ps, _("budget: '%s' is not an amount and a currency, like 500.00 USD"), value);
		break;
	case K_ANOMALY_FACTOR:
		if ((l->anomaly_factor = config_parse_anomaly_factor(value)) < 0)
			return perr(ps, _("anomaly_factor: expected a whole number from %d to %d, not '%s'"),
			            ANOMALY_FACTOR_MIN, ANOMALY_FACTOR_MAX, value);
		break;
	}
	l->line[k] = ps->lineno;
	return 0;
}

/* "[profile NAME]": returns the section's layer (prof, or scratch for others). */
static int
section(struct parser *ps, char *s, const char *want, struct layer *prof,
        struct layer *scratch, struct layer **cur, int *found)
{
	char *end = strchr(s, ']'), *name;
	void *p;
	int i;

	if (!end || *trim(end + 1) != '\0')
		return perr(ps, _("expected '[profile NAME]'"));
	*end = '\0';
	name = trim(s + 1);
	if (strncmp(name, "profile", 7) != 0 || (name[7] != ' ' && name[7] != '\t'))
		return perr(ps, _("unknown section '[%s]' (expected [profile NAME])"), name);
	name = trim(name + 7);
	if (!config_profile_name_ok(name))
		return perr(ps, _("bad profile name '%s' (letters, digits, '.', '_', '-')"), name);
	for (i = 0; i < ps->nsections; i++) {
		if (strcmp(ps->sections[i], name) == 0) {
			char line[16];

			snprintf(line, sizeof line, "%d", ps->section_lines[i]);
			client_err_set(ps->err, CERR_USAGE,
			               _("%s:%d: profile '%s' is already defined on line %s"),
			               ps->path, ps->lineno, name, line);
			return -1;
		}
	}
	p = realloc(ps->sections, (size_t)(ps->nsections + 1) * sizeof *ps->sections);
	if (!p)
		return perr(ps, _("out of memory"));
	ps->sections = p;
	p = realloc(ps->section_lines, (size_t)(ps->nsections + 1) * sizeof *ps->section_lines);
	if (!p)
		return perr(ps, _("out of memory"));
	ps->section_lines = p;
	str_copy(ps->sections[ps->nsections], sizeof ps->sections[0], name);
	ps->section_lines[ps->nsections++] = ps->lineno;

	layer_free(scratch);
	memset(scratch, 0, sizeof *scratch);
	if (want && strcmp(want, name) == 0) {
		*cur = prof;
		*found = 1;
	} else {
		*cur = scratch;   /* checked like the others, then dropped */
	}
	return 0;
}

static int
parse_file(struct parser *ps, FILE *f, const char *want, struct layer *def,
           struct layer *prof, int *found, int *has_token, int *has_command)
{
	struct layer scratch, *cur = def;
	char *line = NULL, *s, *eq;
	size_t cap = 0;
	ssize_t len;
	int rc = -1;

	memset(&scratch, 0, sizeof scratch);
	while ((len = getline(&line, &cap, f)) != -1) {
		ps->lineno++;
		if (len > 8192) {
			perr(ps, _("line too long"));
			goto out;
		}
		if ((size_t)len != strlen(line)) {
			perr(ps, _("the line holds a NUL byte"));
			goto out;
		}
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '[') {
			if (section(ps, s, want, prof, &scratch, &cur, found) < 0)
				goto out;
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			perr(ps, _("expected 'key = value'"));
			goto out;
		}
		*eq = '\0';
		if (set_key(ps, cur, trim(s), trim(eq + 1)) < 0)
			goto out;
		if (cur->line[K_TOKEN] == ps->lineno)
			*has_token = 1;
		if (cur->line[K_TOKEN_COMMAND] == ps->lineno)
			*has_command = 1;
	}
	if (ferror(f)) {
		client_err_set(ps->err, CERR_USAGE, _("%s: cannot read: %s"), ps->path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	layer_free(&scratch);
	if (line) {
		explicit_bzero(line, cap);   /* it may have held the token */
		free(line);
	}
	return rc;
}

/* Copies a layer's keys over cfg; token and token_command replace each other. */
static void
apply_layer(struct config *cfg, struct layer *l, const char *path)
{
	if (l->line[K_URL]) {
		str_copy(cfg->url, sizeof cfg->url, l->url);
		snprintf(cfg->url_from, sizeof cfg->url_from, "%.48s:%d",
		         strrchr(path, '/') ? strrchr(path, '/') + 1 : path, l->line[K_URL]);
	}
	if (l->line[K_TOKEN] || l->line[K_TOKEN_COMMAND]) {
		wipe_free(cfg->token);
		cfg->token = l->token;     /* moves ownership */
		l->token = NULL;
		str_copy(cfg->token_command, sizeof cfg->token_command, l->token_command);
	}
	if (l->line[K_REFRESH])
		cfg->refresh = l->refresh;
	if (l->line[K_ALLOW_HTTP])
		cfg->allow_http = l->allow_http;
	if (l->line[K_THEME])
		str_copy(cfg->theme, sizeof cfg->theme, l->theme);
	if (l->line[K_SOURCE])
		cfg->source = l->source;
	if (l->line[K_BUDGET]) {
		cfg->budget = l->budget;
		str_copy(cfg->budget_currency, sizeof cfg->budget_currency, l->budget_currency);
	}
	if (l->line[K_ANOMALY_FACTOR])
		cfg->anomaly_factor = l->anomaly_factor;
}

int
config_parse_anomaly_factor(const char *s)
{
	int v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > ANOMALY_FACTOR_MAX)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v >= ANOMALY_FACTOR_MIN && v <= ANOMALY_FACTOR_MAX ? v : -1;
}

int
config_parse_source(const char *s)
{
	if (strcmp(s, "billtop") == 0)
		return CONFIG_SOURCE_BILLTOP;
	if (strcmp(s, "openai") == 0)
		return CONFIG_SOURCE_OPENAI;
	if (strcmp(s, "anthropic") == 0)
		return CONFIG_SOURCE_ANTHROPIC;
	return -1;
}

const char *
config_source_name(int source)
{
	return source == CONFIG_SOURCE_OPENAI ? "openai"
	     : source == CONFIG_SOURCE_ANTHROPIC ? "anthropic" : "billtop";
}

int
config_parse_budget(const char *s, int64_t *minor, char currency[4])
{
	char amount[64];
	const char *sp = strchr(s, ' ');
	size_t k;

	if (!sp || (size_t)(sp - s) >= sizeof amount)
		return -1;
	k = (size_t)(sp - s);
	memcpy(amount, s, k);
	amount[k] = '\0';
	while (*sp == ' ')
		sp++;
	if (strlen(sp) != 3 || !currency_find(sp))
		return -1;
	if (money_parse(amount, sp, minor) != MONEY_OK || *minor <= 0)
		return -1;
	memcpy(currency, sp, 4);
	return 0;
}

/*
 * A file that hands billtop a token, or a command to run, must be the user's
 * own, in a directory other users cannot change, and writable by no one else
 * (a token: not even readable).  st is the open file's, so the mode checked
 * is the mode of what was read.  0, or -1 with err.
 */
static int
check_private(const char *path, const struct stat *st, int has_token, int has_command,
              struct client_err *err)
{
	const char *key = has_token ? "token" : "token_command";
	char dir[PATH_MAX];
	struct stat ds;
	char *slash;

	if (!has_token && !has_command)
		return 0;
	if (st->st_uid != geteuid()) {
		client_err_set(err, CERR_USAGE,
		               _("%s sets %s but belongs to another user (uid %lu); refusing to use it"),
		               path, key, (unsigned long)st->st_uid);
		return -1;
	}
	str_copy(dir, sizeof dir, path);
	slash = strrchr(dir, '/');
	if (!slash)
		str_copy(dir, sizeof dir, ".");
	else
		slash[slash == dir ? 1 : 0] = '\0';
	if (stat(dir, &ds) < 0) {
		client_err_set(err, CERR_USAGE, _("%s: cannot open: %s"), dir, strerror(errno));
		return -1;
	}
	/* others could swap the file for their own; a sticky directory (/tmp) forbids that */
	if ((ds.st_mode & (S_IWGRP | S_IWOTH)) && !(ds.st_mode & S_ISVTX)) {
		client_err_set(err, CERR_USAGE,
		               _("%s sets %s but other users may change its directory %s; "
		                 "refusing to use it.  Run: chmod go-w %s"), path, key, dir, dir);
		return -1;
	}
	if (has_token && (st->st_mode & (S_IRWXG | S_IRWXO))) {
		client_err_set(err, CERR_USAGE,
		               _("%s holds a token and other users may read it; "
		                 "refusing to use it.  Run: chmod 600 %s"), path, path);
		return -1;
	}
	if (has_command && (st->st_mode & (S_IWGRP | S_IWOTH))) {
		client_err_set(err, CERR_USAGE,
		               _("%s sets token_command and other users may change it; "
		                 "refusing to run it.  Run: chmod go-w %s"), path, path);
		return -1;
	}
	return 0;
}

static int
read_file(struct config *cfg, const char *profile, struct client_err *err)
{
	struct parser ps;
	struct layer def, prof;
	struct stat st;
	FILE *f = NULL;
	int fd, found = 0, has_token = 0, has_command = 0, rc = -1;

	memset(&ps, 0, sizeof ps);
	memset(&def, 0, sizeof def);
	memset(&prof, 0, sizeof prof);
	ps.path = cfg->path;
	ps.err = err;
	fd = open(cfg->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENOTDIR) {
			rc = 0;
			goto check_profile;
		}
		client_err_set(err, CERR_USAGE, _("%s: cannot open: %s"), cfg->path, strerror(errno));
		return -1;
	}
	cfg->file_exists = 1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		client_err_set(err, CERR_USAGE, _("%s: not a regular file"), cfg->path);
		close(fd);
		return -1;
	}
	f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		client_err_set(err, CERR_USAGE, _("%s: cannot open: %s"), cfg->path, strerror(errno));
		return -1;
	}
	if (parse_file(&ps, f, profile, &def, &prof, &found, &has_token, &has_command) < 0)
		goto out;
	if (check_private(cfg->path, &st, has_token, has_command, err) < 0)
		goto out;
	rc = 0;
check_profile:
	if (profile && *profile && !found) {
		client_err_set(err, CERR_USAGE, cfg->file_exists
		               ? _("unknown profile '%s': %s has no [profile %s] section")
		               : _("unknown profile '%s': %s does not exist (no [profile %s] section)"),
		               profile, cfg->path, profile);
		rc = -1;
		goto out;
	}
	if (rc == 0) {
		apply_layer(cfg, &def, cfg->path);
		apply_layer(cfg, &prof, cfg->path);
	}
out:
	layer_free(&def);
	layer_free(&prof);
	free(ps.sections);
	free(ps.section_lines);
	if (f)
		fclose(f);
	return rc;
}

int
config_set_token(struct config *cfg, const char *token)
{
	char *t = strdup(token);

	if (!t)
		return -1;
	wipe_free(cfg->token);
	cfg->token = t;
	return 0;
}

int
config_load(const char *path, const char *profile, struct config *cfg, struct client_err *err)
{
	const char *env;

	memset(cfg, 0, sizeof *cfg);
	cfg->refresh = CONFIG_DEFAULT_REFRESH;
	cfg->budget = -1;
	cfg->anomaly_factor = ANOMALY_FACTOR_DEFAULT;
	cfg->token_timeout = CONFIG_TOKEN_COMMAND_TIMEOUT;
	if (path) {
		if (str_copy(cfg->path, sizeof cfg->path, path) < 0) {
			client_err_set(err, CERR_USAGE, _("the configuration path is too long"));
			return -1;
		}
	} else if (config_default_path(cfg->path, sizeof cfg->path) < 0) {
		client_err_set(err, CERR_USAGE,
		               _("cannot find the configuration directory: set HOME or XDG_CONFIG_HOME"));
		return -1;
	}
	if (profile && *profile) {
		if (!config_profile_name_ok(profile)) {
			client_err_set(err, CERR_USAGE,
			               _("bad profile name '%s' (letters, digits, '.', '_', '-')"), profile);
			return -1;
		}
		str_copy(cfg->profile, sizeof cfg->profile, profile);
	}
	if (read_file(cfg, profile, err) < 0)
		return -1;

	env = getenv("BILLTOP_URL");
	if (env && *env && config_set_url(cfg, env, "BILLTOP_URL", err) < 0)
		return -1;
	env = getenv("BILLTOP_TOKEN");
	if (env && *env) {
		if (config_set_token(cfg, env) < 0) {
			client_err_set(err, CERR_USAGE, _("out of memory"));
			return -1;
		}
		cfg->token_command[0] = '\0';
	}
	return 0;
}

int
config_set_url(struct config *cfg, const char *url, const char *from, struct client_err *err)
{
	char tmp[sizeof cfg->url];

	if (str_copy(tmp, sizeof tmp, url) < 0 || !url_ok(tmp)) {
		client_err_set(err, CERR_USAGE,
		               _("%s: the URL must start with https:// (or http://) and hold no spaces"),
		               from);
		return -1;
	}
	if (has_userinfo(tmp)) {
		explicit_bzero(tmp, sizeof tmp);
		client_err_set(err, CERR_USAGE, "%s: %s", from, _(USERINFO_MSG));
		return -1;
	}
	str_copy(cfg->url, sizeof cfg->url, tmp);
	str_copy(cfg->url_from, sizeof cfg->url_from, from);
	return 0;
}

void
config_free(struct config *cfg)
{
	wipe_free(cfg->token);
	cfg->token = NULL;
}
