/* client.c: config, profile, cache and network resolved once, the same way
 * for every command. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/client.h"
#include "client/source.h"
#include "core/i18n.h"
#include "core/util.h"

int
client_net(struct client *c, struct client_err *err)
{
	struct net_opts no;

	if (c->net)
		return 0;
	if (c->offline) {
		client_err_set(err, CERR_USAGE, _("--offline: billtop may not use the network"));
		return -1;
	}
	if (!c->cfg.url[0]) {
		client_err_set(err, CERR_USAGE,
		               _("no server URL: set url in %s, BILLTOP_URL, or use --url"),
		               c->cfg.path);
		return -1;
	}
	/* the URL policy first: never run a token_command for a URL we refuse */
	if (net_url_allowed(c->cfg.url, c->cfg.allow_http, err) < 0)
		return -1;
	if (config_resolve_token(&c->cfg, err) < 0)
		return -1;
	memset(&no, 0, sizeof no);
	no.base_url = c->cfg.url;
	no.token = c->cfg.token;
	no.insecure = c->insecure;
	no.allow_http = c->cfg.allow_http;
	no.auth = c->cfg.source == CONFIG_SOURCE_ANTHROPIC ? NET_AUTH_ANTHROPIC : NET_AUTH_BEARER;
	return net_open(&no, &c->net, err);
}

int
client_open(const struct cli_opts *opts, int flags, struct client **out, struct client_err *err)
{
	struct client *c;

	*out = NULL;
	client_err_clear(err);
	c = calloc(1, sizeof *c);
	if (!c) {
		client_err_set(err, CERR_USAGE, _("out of memory"));
		return -1;
	}
	c->offline = opts->offline;
	c->insecure = opts->insecure;
	if (config_load(NULL, opts->profile, &c->cfg, err) < 0)
		goto fail;
	if (opts->url && config_set_url(&c->cfg, opts->url, "--url", err) < 0)
		goto fail;
	if (opts->source && (c->cfg.source = config_parse_source(opts->source)) < 0) {
		client_err_set(err, CERR_USAGE, _("--source: unknown source '%s' (billtop, openai or anthropic)"),
		               opts->source);
		goto fail;
	}
	if (opts->cache) {
		if (str_copy(c->cache_path, sizeof c->cache_path, opts->cache) < 0) {
			client_err_set(err, CERR_USAGE, _("--cache: the path is too long"));
			goto fail;
		}
	} else if (cache_default_path(opts->profile, c->cache_path, sizeof c->cache_path) < 0) {
		client_err_set(err, CERR_CACHE,
		               _("cannot work out where the cache goes: set HOME or XDG_CACHE_HOME, "
		                 "or use --cache FILE"));
		goto fail;
	}
	/* the network before the cache: a bad URL or token should not touch files */
	if ((flags & CLIENT_NET) && client_net(c, err) < 0)
		goto fail;
	if (!(flags & CLIENT_NO_CACHE)) {
		if (cache_open_ex(c->cache_path, (flags & CLIENT_VERIFY) ? CACHE_OPEN_VERIFY : 0,
		                  &c->cache, &c->cache_note) < 0) {
			client_err_set(err, CERR_CACHE, "%s", cache_error(c->cache));
			goto fail;
		}
	}
	*out = c;
	return 0;
fail:
	client_close(c);
	return -1;
}

void
client_close(struct client *c)
{
	if (!c)
		return;
	cache_close(c->cache);
	net_close(c->net);
	config_free(&c->cfg);
	free(c);
}

const struct source_ops *
client_source(const struct client *c)
{
	const struct source_ops *s = source_find(config_source_name(c->cfg.source));

	return s ? s : source_default();
}
