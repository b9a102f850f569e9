/* source_spend.c: what the OpenAI and Anthropic sources share: the refetch
 * window, the sink that writes rows into the cache, the paging loop. */
#include <config.h>

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "client/cache_spend.h"
#include "client/cache_write.h"
#include "client/decode_spend.h"
#include "client/source_spend.h"
#include "client/spend_json.h"
#include "core/timeutil.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/util.h"

#define MAX_PAGES 10000
#define DAY 86400

static int
cache_failed(struct spend_run *r)
{
	client_err_set(&r->rep->err, CERR_CACHE, "%s", cache_error(r->cache));
	return spend_fail(r);
}

int
spend_fail(struct spend_run *r)
{
	if (r->cur) {
		r->cur->outcome = SYNC_FAILED;
		r->rep->failed = r->cur->resource;
	}
	return -1;
}

void
spend_resource(struct spend_run *r, int i, const char *name)
{
	r->cur = &r->rep->res[i];
	r->cur->resource = name;
	if (r->rep->nres < i + 1)
		r->rep->nres = i + 1;   /* sync_run and `billtop sync` read res[0 .. nres) */
}

int
spend_begin(struct spend_run *r, struct net *n, struct cache *c, const struct sync_opts *o,
            struct sync_report *rep, const char *source)
{
	struct spend_org org;
	int64_t today, from, last;
	int had;

	r->net = n;
	r->cache = c;
	r->o = o;
	r->rep = rep;
	r->source = source;
	r->now = o->now ? o->now : (int64_t)time(NULL);
	today = r->now - r->now % DAY;
	r->to = today + DAY;
	from = time_month_start_utc(r->now, -SPEND_HISTORY_MONTHS);
	had = cache_spend_org(c, &org);
	if (had < 0)
		return cache_failed(r);
	if (had == 1 && strcmp(org.source, source) == 0 && time_parse_day(org.last_day, &last) == 0 && last > 0) {
		from = time_month_start_utc(r->now, 0);
		if (last - SPEND_REFETCH_DAYS * DAY < from)
			from = last - SPEND_REFETCH_DAYS * DAY;
		str_copy(r->first_day, sizeof r->first_day, org.first_day);
	} else {
		/* another source wrote this cache: none of its rows are ours */
		had = 0;
		if (cache_spend_clear_from(c, "0000-00-00") < 0)
			return cache_failed(r);
	}
	r->from = from;
	time_format_day(r->from, r->from_day, sizeof r->from_day);
	time_format_day(today, r->to_day, sizeof r->to_day);
	if (!had || strcmp(r->from_day, r->first_day) < 0)
		str_copy(r->first_day, sizeof r->first_day, r->from_day);
	if (cache_spend_clear_from(c, r->from_day) < 0)
		return cache_failed(r);
	return 0;
}

/* The sink: rows into the cache. */
static int
sink_cost(void *arg, const char *day, const char *item, const char *group, int64_t micro,
          const char *currency, struct client_err *err)
{
	struct spend_run *r = arg;

	if (!r->currency[0])
		str_copy(r->currency, sizeof r->currency, currency);
	else if (strcmp(r->currency, currency) != 0) {
		client_err_set(err, CERR_BAD_DATA, _("costs in two currencies (%s and %s): billtop shows one"),
		               r->currency, currency);
		return -1;
	}
	if (cache_spend_add_cost(r->cache, day, r->item_dim, item, item, micro, currency) < 0 ||
	    cache_spend_add_cost(r->cache, day, r->group_dim, group, group[0] ? "" : r->no_group,
	                         micro, currency) < 0 ||
	    cache_spend_add_cost(r->cache, day, SPEND_DIM_TOTAL, "", "", micro, currency) < 0) {
		client_err_set(err, CERR_CACHE, "%s", cache_error(r->cache));
		return -1;
	}
	r->cur->items++;
	return 0;
}

static int
sink_tokens(void *arg, const char *day, const char *model, const char *api_key, const char *kind,
            int64_t qty, struct client_err *err)
{
	struct spend_run *r = arg;

	if (qty == 0)
		return 0;
	if (cache_spend_add_tokens(r->cache, day, model, kind, qty) < 0 ||
	    (r->by_key && cache_spend_add_key_tokens(r->cache, day, api_key, kind, qty) < 0)) {
		client_err_set(err, CERR_CACHE, "%s", cache_error(r->cache));
		return -1;
	}
	r->cur->items++;
	return 0;
}

static int
sink_name(void *arg, const char *id, const char *name, struct client_err *err)
{
	struct spend_run *r = arg;

	if (cache_spend_put_name(r->cache, r->names_dim ? r->names_dim : r->group_dim, id, name) < 0) {
		client_err_set(err, CERR_CACHE, "%s", cache_error(r->cache));
		return -1;
	}
	r->cur->items++;
	return 0;
}

/* The provider's own message of an error body ({"error": {"message"}} for
 * both), sanitised; "" when there is none. */
static void
provider_message(const struct net_response *resp, char *out, size_t n)
{
	struct client_err e;
	json_t *root, *m;

	out[0] = '\0';
	memset(&e, 0, sizeof e);
	if (!resp->body || !(root = spend_parse(resp->body, resp->len, &e)))
		return;
	m = json_object_get(json_object_get(root, "error"), "message");
	if (json_is_string(m))
		str_copy(out, n, json_string_value(m));
	json_decref(root);
	text_sanitize(out);
}

/* A 401 or 403 in the provider's terms: which key it needs. */
static void
auth_error(struct spend_run *r, const struct net_response *resp)
{
	struct client_err *err = &r->rep->err;
	char msg[256];
	int anth = strcmp(r->source, "anthropic") == 0;
	int status = err->http_status;
	enum client_err_kind kind = err->kind;

	provider_message(resp, msg, sizeof msg);
	if (anth)
		client_err_set(err, kind, _("Anthropic refused the key (%d%s%s): an Anthropic Admin API key "
		                            "(sk-ant-admin...) is needed: an organisation admin creates one "
		                            "under Console, Settings, Admin keys; give it through token, "
		                            "token_command or BILLTOP_TOKEN"),
		               status, msg[0] ? ": " : "", msg);
	else
		client_err_set(err, kind, _("OpenAI refused the key (%d%s%s): an OpenAI admin key "
		                            "(sk-admin-...) is needed: an organisation owner creates one under "
		                            "Organization settings, Admin keys; a project or user key cannot "
		                            "read the organisation's costs; give it through token, "
		                            "token_command or BILLTOP_TOKEN"),
		               status, msg[0] ? ": " : "", msg);
	err->http_status = status;
}

json_t *
spend_get(struct spend_run *r, const char *path)
{
	struct net_response resp;
	json_t *root = NULL;

	if (net_get(r->net, path, NULL, &resp, &r->rep->err) == 0)
		root = spend_parse(resp.body, resp.len, &r->rep->err);
	else if (r->rep->err.kind == CERR_AUTH || r->rep->err.kind == CERR_FORBIDDEN)
		auth_error(r, &resp);
	net_response_free(&resp);
	return root;
}

int
spend_fetch_all(struct spend_run *r, const char *path, const char *pager, spend_decode_fn decode)
{
	struct spend_sink sink = { r, sink_cost, sink_tokens, sink_name };
	struct spend_page pg;
	char url[2048], esc[1600];
	json_t *root;
	int page;

	if ((strcmp(pager, "after") == 0 || strcmp(pager, "after_id") == 0) && !r->names_keep)
		if (cache_spend_clear_names(r->cache, r->names_dim ? r->names_dim : r->group_dim) < 0)
			return cache_failed(r);
	pg.next[0] = '\0';
	for (page = 0; page < MAX_PAGES; page++) {
		if (pg.next[0] && net_escape(pg.next, esc, sizeof esc) < 0) {
			client_err_set(&r->rep->err, CERR_BAD_DATA, _("next_page is too long"));
			return spend_fail(r);
		}
		snprintf(url, sizeof url, "%s%s%s%s%s", path, page ? "&" : "", page ? pager : "",
		         page ? "=" : "", page ? esc : "");
		root = spend_get(r, url);
		if (!root)
			return spend_fail(r);
		if (decode(root, &sink, &pg, &r->rep->err) < 0) {
			json_decref(root);
			if (r->rep->err.kind == CERR_BAD_DATA)
				client_err_prefix(&r->rep->err, r->cur->resource);
			return spend_fail(r);
		}
		json_decref(root);
		r->cur->pages++;
		if (r->o->progress &&
		    r->o->progress(r->o->progress_arg, r->cur->resource, r->cur->pages, r->cur->items)) {
			client_err_set(&r->rep->err, CERR_CANCELED, _("canceled"));
			return spend_fail(r);
		}
		if (!pg.has_more) {
			r->cur->outcome = SYNC_FETCHED;
			if (cache_state_success(r->cache, r->cur->resource, r->now, NULL) < 0)
				return cache_failed(r);
			return 0;
		}
		if (pg.buckets == 0) {
			client_err_set(&r->rep->err, CERR_BAD_DATA, _("an empty page says more follow"));
			return spend_fail(r);
		}
	}
	client_err_set(&r->rep->err, CERR_BAD_DATA, _("more than %d pages"), MAX_PAGES);
	return spend_fail(r);
}

int
spend_finish(struct spend_run *r, const char *org_name)
{
	struct spend_org org;

	memset(&org, 0, sizeof org);
	str_copy(org.source, sizeof org.source, r->source);
	str_copy(org.name, sizeof org.name, org_name);
	str_copy(org.currency, sizeof org.currency, r->currency[0] ? r->currency : "USD");
	str_copy(org.first_day, sizeof org.first_day, r->first_day);
	str_copy(org.last_day, sizeof org.last_day, r->to_day);
	if (cache_spend_put_org(r->cache, &org) < 0)
		return cache_failed(r);
	return 0;
}
