/* config.h: billtop's configuration file, profiles and environment.
 *
 * File: $XDG_CONFIG_HOME/billtop/config, else ~/.config/billtop/config.
 *
 *     # comments take a whole line
 *     url = https://billing.example.com
 *     token_command = pass show billing/token
 *     refresh = 5m
 *
 *     [profile staging]
 *     url = http://127.0.0.1:8080
 *     token = dev-token
 *     allow_http = yes
 *
 * Keys before any section are the defaults; a [profile NAME] section overrides
 * them when that profile is picked (--profile NAME).  Keys: url, token,
 * token_command, refresh (seconds, or 30s/5m/1h; 0 = off), allow_http (yes/no),
 * source (billtop, openai or anthropic: which API the url speaks,
 * docs/sources.md), budget (an amount and a currency: "500.00 USD", the
 * month's budget of a spend source).
 * A value is the rest of the line, trimmed; surrounding double quotes are
 * removed.  A key set twice in one section, an unknown key or section, or a
 * bad value is an error "FILE:LINE: what".  In one layer `token` and
 * `token_command` replace each other (a profile with token_command ignores a
 * default token).
 *
 * Precedence, lowest first: defaults, the profile, BILLTOP_URL/BILLTOP_TOKEN,
 * --url (applied by client_open).
 *
 * The token lives only in memory (wiped when freed): never in the cache, a
 * log, the screen or any argv.  A file that sets token or token_command is
 * refused unless the user owns it, its directory is not writable by others
 * (unless sticky), and others may not write it (a token: not read it either);
 * the message gives the exact chmod to run.
 */
#ifndef BILLTOP_CONFIG_H
#define BILLTOP_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "client/error.h"

#define CONFIG_DEFAULT_REFRESH 300          /* seconds */
#define CONFIG_TOKEN_COMMAND_TIMEOUT 30     /* seconds */

struct config {
	char path[4096];          /* the file consulted (it may not exist) */
	int file_exists;
	char profile[64];         /* the profile picked, "" for none */
	char url[1024];           /* "" when none is configured */
	char token_command[1024]; /* "" when none */
	char *token;              /* heap, wiped by config_free; NULL until known */
	int refresh;              /* seconds; 0 = no background refresh */
	int allow_http;           /* plain http:// allowed to non-loopback hosts */
	char url_from[64];        /* where url came from, for messages: "BILLTOP_URL" ... */
	int token_timeout;        /* seconds token_command may take */
	char theme[8];            /* "dark", "light", "mono"; "" for the default (dark) */
	int source;               /* CONFIG_SOURCE_*; --source overrides */
	int64_t budget;           /* minor units of budget_currency; -1: none */
	char budget_currency[4];
	int anomaly_factor;       /* a day above this x its trailing median is an anomaly (core/anomaly.h) */
};

#define CONFIG_SOURCE_BILLTOP   0
#define CONFIG_SOURCE_OPENAI    1
#define CONFIG_SOURCE_ANTHROPIC 2
/* "billtop", "openai", "anthropic" to CONFIG_SOURCE_*, or -1. */
int config_parse_source(const char *s);
const char *config_source_name(int source);
/* "500.00 USD": exact minor units (> 0) and the currency.  0 or -1. */
/* "3": ANOMALY_FACTOR_MIN..ANOMALY_FACTOR_MAX, or -1. */
int config_parse_anomaly_factor(const char *s);
int config_parse_budget(const char *s, int64_t *minor, char currency[4]);

/* $XDG_CONFIG_HOME/billtop/config or ~/.config/billtop/config.  0 or -1. */
int config_default_path(char *buf, size_t n);

/*
 * Reads path (a missing file is an empty configuration), picks profile (NULL
 * or "" for the defaults alone; an unknown profile is an error naming it),
 * then applies BILLTOP_URL and BILLTOP_TOKEN.  Does not run token_command.
 * 0, or -1 with err (CERR_USAGE).  config_free() in both cases.
 */
int config_load(const char *path, const char *profile, struct config *cfg,
                struct client_err *err);

/*
 * Makes sure cfg->token is set: runs token_command when there is no token
 * yet, through /bin/sh -c with stdin /dev/null and stderr passed through,
 * killed after cfg->token_timeout seconds; the first line of its stdout is
 * the token.  No token and no command: CERR_AUTH.  0 or -1.
 */
int config_resolve_token(struct config *cfg, struct client_err *err);

/* Sets the URL (checked; trailing slashes dropped); from names its source
 * for messages ("--url").  0, or -1 with err (CERR_USAGE). */
int config_set_url(struct config *cfg, const char *url, const char *from,
                   struct client_err *err);

/* Sets the token (copied; the old one wiped).  0 or -1 (out of memory). */
int config_set_token(struct config *cfg, const char *token);

/* Parses a refresh interval: "0", "90", "30s", "5m", "1h".  0 or -1. */
int config_parse_duration(const char *s, int *seconds);

/* A profile name is [A-Za-z0-9._-]+ not starting with '.' (it names a file). */
int config_profile_name_ok(const char *name);

/* Wipes and frees the token. */
void config_free(struct config *cfg);

#endif
