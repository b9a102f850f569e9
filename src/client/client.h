/* client.h: the one way every command resolves its configuration, profile,
 * cache path, token and network context, so `billtop sync`, the dashboard,
 * its worker and the other commands all agree.
 *
 * Resolution:
 *  - the config file: config_default_path() (XDG_CONFIG_HOME, ~/.config);
 *  - the profile: --profile NAME (an unknown one is an error naming it);
 *  - the URL: defaults < profile < BILLTOP_URL < --url;
 *  - the token: profile/default token or token_command < BILLTOP_TOKEN, run
 *    or read only when the network is wanted and not --offline;
 *  - the cache: --cache FILE, else cache_default_path(profile) (the profile
 *    "default" when none is picked);
 *  - --insecure turns TLS verification off (net_insecure() then says so).
 *
 *     struct client *cl;
 *     struct client_err err;
 *     if (client_open(opts, CLIENT_NET, &cl, &err) < 0) {
 *             fprintf(stderr, "billtop: %s\n", err.message);
 *             return client_err_exit_code(&err);
 *     }
 *     ... sync_run(client_source(cl), cl->net, cl->cache, ...), cache reads ...
 *     client_close(cl);
 */
#ifndef BILLTOP_CLIENT_H
#define BILLTOP_CLIENT_H

#include "cli/cli.h"
#include "client/cache.h"
#include "client/config.h"
#include "client/error.h"
#include "client/net.h"

struct client {
	struct config cfg;          /* resolved; cfg.token set when the net is open */
	char cache_path[1024];
	struct cache *cache;        /* NULL with CLIENT_NO_CACHE */
	const char *cache_note;     /* "moved a corrupt cache aside..." or NULL */
	struct net *net;            /* NULL unless CLIENT_NET (or client_net()) */
	int offline;                /* --offline */
	int insecure;               /* --insecure */
};

#define CLIENT_NET      1  /* open the network too: URL and token are required */
#define CLIENT_NO_CACHE 2  /* do not open the cache (actions that only POST) */
#define CLIENT_VERIFY   4  /* run an integrity check when opening the cache */

/*
 * Resolves everything above and opens what flags ask for.  0, or -1 with err:
 * CERR_USAGE (config, profile, URL, --offline with CLIENT_NET), CERR_AUTH (no
 * token, token_command failed), CERR_CACHE (the cache cannot be used).
 * *out is NULL on failure.
 */
int client_open(const struct cli_opts *opts, int flags, struct client **out,
                struct client_err *err);

/* Opens the network context later (the dashboard: only when it refreshes).
 * 0 (also when already open), or -1 with err. */
int client_net(struct client *c, struct client_err *err);

void client_close(struct client *c);

struct source_ops;
/* The source this profile reads (client/source.h): billtop for now; the
 * one place a configured source is picked. */
const struct source_ops *client_source(const struct client *c);

#endif
