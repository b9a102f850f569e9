/* sync.c: one refresh: every resource fetched (conditionally), decoded page
 * by page and written inside one transaction. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/cache_write.h"
#include "client/decode.h"
#include "client/sync.h"
#include "client/sync_refused.h"
#include "client/config.h"
#include "client/source_spend.h"
#include "core/i18n.h"
#include "core/util.h"

#define PAGE_LIMIT 1000
#define MAX_RESTARTS 3
#define MAX_PAGES 1000000
#define DEFAULT_LOCK_WAIT_MS (10 * 60 * 1000)
#define RUNS_DAYS 90

enum { R_ACCOUNT, R_PLANS, R_CREDITS, R_GRANTS, R_LEDGER, R_METERS, R_AGENTS, R_USAGE,
       R_RUNS, R_INVOICES, R_PAYMENT_METHODS, R_CHARGES };

static const char *const names[SYNC_RESOURCES] = {
	"account", "plans", "credits", "grants", "ledger", "meters", "agents", "usage",
	"runs", "invoices", "payment_methods", "charges"
};

struct ctx {
	struct net *net;
	struct cache *cache;
	const struct sync_opts *o;
	struct sync_report *rep;
	struct client_err *err;
	int64_t now;
	struct account acct;       /* the account of this refresh (fetched or cached) */
	int meters_changed;
	int canceled;
	int64_t seq;               /* position of the next item in the current list */
	struct sync_result *cur;
};

const char *
sync_resource_name(int i)
{
	return i >= 0 && i < SYNC_RESOURCES ? names[i] : NULL;
}

static int
cache_err(struct ctx *x)
{
	client_err_set(x->err, cache_error_is_constraint(x->cache) ? CERR_BAD_DATA : CERR_CACHE,
	               "%s", cache_error_is_constraint(x->cache)
	               ? _("the server sent the same item twice in one list")
	               : cache_error(x->cache));
	return -1;
}

static int
progress(struct ctx *x)
{
	if (x->o->progress &&
	    x->o->progress(x->o->progress_arg, x->cur->resource, x->cur->pages, x->cur->items)) {
		x->canceled = 1;
		client_err_set(x->err, CERR_CANCELED, _("canceled"));
		return -1;
	}
	return 0;
}

/* Stores one decoded item (decode_page's callback). */
static int
put_item(void *arg, enum list_kind kind, const union list_item *it, struct client_err *err)
{
	struct ctx *x = arg;
	struct cache *c = x->cache;
	int64_t seq = x->seq++;
	int rc = -1;

	switch (kind) {
	case LIST_PLANS: rc = cache_put_plan(c, seq, &it->plan); break;
	case LIST_GRANTS: rc = cache_put_grant(c, seq, &it->grant); break;
	case LIST_LEDGER: rc = cache_put_ledger(c, seq, &it->ledger); break;
	case LIST_METERS: rc = cache_put_meter(c, seq, &it->meter); break;
	case LIST_AGENTS: rc = cache_put_agent(c, seq, &it->agent); break;
	case LIST_USAGE: rc = cache_put_usage(c, &it->usage); break;
	case LIST_RUNS: rc = cache_put_run(c, seq, &it->run); break;
	case LIST_INVOICES: rc = cache_put_invoice(c, seq, &it->invoice); break;
	case LIST_PAYMENT_METHODS: rc = cache_put_payment_method(c, seq, &it->pm); break;
	case LIST_CHARGES: rc = cache_put_charge(c, seq, &it->charge); break;
	}
	if (rc < 0)
		return cache_err(x);
	(void)err;
	return 0;
}

/* What to clear before the first page of a list is written. */
struct target {
	enum cache_table table;     /* lists */
	const char *from, *to;      /* usage windows (table ignored) */
};

static int
clear_target(struct ctx *x, const struct target *t)
{
	int rc = t->from ? cache_usage_clear(x->cache, t->from, t->to)
	                 : cache_clear(x->cache, t->table);

	return rc < 0 ? cache_err(x) : 0;
}

/*
 * Every page of path into the cache.  stored: the ETag to send on the first
 * page.  On success *unchanged tells a 304 and etag holds the list's ETag.
 */
static int
fetch_list(struct ctx *x, const char *path, enum list_kind kind, const struct target *t,
           const char *stored, int *unchanged, char *etag, size_t etag_n)
{
	char url[1024], esc[3 * M_ID + 1], after[M_ID];
	struct net_response resp;
	struct page_info info;
	const char *sep = strchr(path, '?') ? "&" : "?";
	json_t *root;
	int restarts = 0, page;
	int64_t refused0 = x->cur->refused;   /* usage: the windows before this one */

	*unchanged = 0;
restart:
	after[0] = '\0';
	etag[0] = '\0';
	x->seq = 0;
	x->cur->pages = 0;
	x->cur->items = 0;
	x->cur->refused = refused0;
	for (page = 0; page < MAX_PAGES; page++) {
		if (after[0] && net_escape(after, esc, sizeof esc) < 0) {
			client_err_set(x->err, CERR_BAD_DATA, _("an item id is too long to page after"));
			return -1;
		}
		snprintf(url, sizeof url, "%s%slimit=%d%s%s", path, sep, PAGE_LIMIT,
		         after[0] ? "&starting_after=" : "", after[0] ? esc : "");
		if (net_get(x->net, url, page == 0 && restarts == 0 ? stored : NULL, &resp, x->err) < 0) {
			net_response_free(&resp);
			return -1;
		}
		if (resp.status == 304) {
			net_response_free(&resp);
			*unchanged = 1;
			return progress(x);
		}
		if (page == 0) {
			str_copy(etag, etag_n, resp.etag);
			if (clear_target(x, t) < 0)
				goto fail;
		} else if (strcmp(resp.etag, etag) != 0) {
			/* the list changed under us: its pages no longer fit together */
			net_response_free(&resp);
			if (++restarts > MAX_RESTARTS) {
				client_err_set(x->err, CERR_SERVER,
				               _("the list kept changing while it was read; try again"));
				return -1;
			}
			goto restart;
		}
		root = decode_parse(resp.body, resp.len, x->err);
		if (!root)
			goto fail;
		if (decode_page(root, kind, x->acct.currency, put_item, x, &info, x->err) < 0) {
			json_decref(root);
			goto fail;
		}
		json_decref(root);
		net_response_free(&resp);
		x->cur->pages++;
		x->cur->items += info.items;
		if (info.refused && !x->cur->refused)
			str_copy(x->cur->refused_msg, sizeof x->cur->refused_msg, info.refused_msg);
		x->cur->refused += info.refused;
		if (progress(x) < 0)
			return -1;
		if (!info.has_more)
			return 0;
		if (info.items == 0) {
			client_err_set(x->err, CERR_BAD_DATA, _("an empty page says more follow"));
			return -1;
		}
		str_copy(after, sizeof after, info.last_id);
	}
	client_err_set(x->err, CERR_BAD_DATA, _("more than %d pages"), MAX_PAGES);
	return -1;
fail:
	net_response_free(&resp);
	return -1;
}

/* A list resource: conditional fetch, replace, record the state. */
static int
sync_list(struct ctx *x, int r, const char *path, enum list_kind kind, enum cache_table table)
{
	char stored[256], etag[256];
	struct target t = { table, NULL, NULL };
	int unchanged;

	if (cache_etag(x->cache, names[r], stored, sizeof stored) < 0)
		return cache_err(x);
	if (fetch_list(x, path, kind, &t, stored, &unchanged, etag, sizeof etag) < 0)
		return -1;
	x->cur->outcome = unchanged ? SYNC_UNCHANGED : SYNC_FETCHED;
	/* with items refused, no ETag: the next refresh reads the list again
	 * and says so again, and the note stays in the sync state meanwhile */
	if (cache_state_success(x->cache, names[r], x->now, unchanged ? NULL :
	                        x->cur->refused ? "" : etag) < 0 ||
	    (x->cur->refused && sync_note_refused(x->cache, names[r], x->cur) < 0))
		return cache_err(x);
	return 0;
}

/* A single object: account or credits. */
static int
sync_object(struct ctx *x, int r, const char *path)
{
	char stored[256];
	struct net_response resp;
	struct credit_summary cs;
	struct account old;
	json_t *root = NULL;
	int rc = -1, had;

	if (cache_etag(x->cache, names[r], stored, sizeof stored) < 0)
		return cache_err(x);
	/* the account's currency is needed for everything else: without a
	 * cached account, fetch it whole */
	had = r == R_ACCOUNT ? cache_account(x->cache, &old) : 0;
	if (had < 0)
		return cache_err(x);
	if (r == R_ACCOUNT && had == 0)
		stored[0] = '\0';
	if (net_get(x->net, path, stored, &resp, x->err) < 0)
		goto out;
	if (resp.status == 304) {
		x->cur->outcome = SYNC_UNCHANGED;
		if (r == R_ACCOUNT)
			x->acct = old;
		if (cache_state_success(x->cache, names[r], x->now, NULL) < 0)
			cache_err(x);
		else
			rc = progress(x);
		goto out;
	}
	root = decode_parse(resp.body, resp.len, x->err);
	if (!root)
		goto out;
	if (r == R_ACCOUNT) {
		if (decode_account(root, &x->acct, x->err) < 0)
			goto out;
		/* another currency: every stored money figure is stale, fetch all */
		if (had == 1 && strcmp(old.currency, x->acct.currency) != 0 &&
		    cache_etags_forget(x->cache) < 0) {
			cache_err(x);
			goto out;
		}
		if (cache_put_account(x->cache, &x->acct) < 0) {
			cache_err(x);
			goto out;
		}
	} else {
		if (decode_credit_summary(root, &cs, x->err) < 0)
			goto out;
		if (cache_put_credit_summary(x->cache, &cs) < 0) {
			cache_err(x);
			goto out;
		}
	}
	x->cur->outcome = SYNC_FETCHED;
	x->cur->pages = 1;
	x->cur->items = 1;
	if (cache_state_success(x->cache, names[r], x->now, resp.etag) < 0) {
		cache_err(x);
		goto out;
	}
	rc = progress(x);
out:
	json_decref(root);
	net_response_free(&resp);
	return rc;
}

static void
utc(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	gmtime_r(&tt, tm);
}

static int
days_in_month(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* Usage: one window per calendar month, from the account's first month to
 * the month of now (or of the period's end, if the server's clock is ahead). */
static int
sync_usage(struct ctx *x)
{
	char month[32], from[48], to[48], first_day[48];
	char path[128], stored[256], etag[256];
	struct tm a, b;
	int64_t end = x->now, pages = 0, items = 0, win_refused;
	int y, m, unchanged, nwin = 0, nfetched = 0;
	struct target t;

	if (x->acct.period_end != M_NONE && x->acct.period_end - 1 > end)
		end = x->acct.period_end - 1;
	utc(x->acct.created_at, &a);
	utc(end, &b);
	/* a century of monthly windows is a broken account, not a long history */
	if (x->acct.created_at > end || (b.tm_year - a.tm_year) * 12 + b.tm_mon - a.tm_mon > 1200) {
		client_err_set(x->err, CERR_BAD_DATA,
		               _("account.created_at is after now or a century ago"));
		return -1;
	}
	snprintf(first_day, sizeof first_day, "%04d-%02d-01", a.tm_year + 1900, a.tm_mon + 1);
	for (y = a.tm_year + 1900, m = a.tm_mon + 1;
	     y < b.tm_year + 1900 || (y == b.tm_year + 1900 && m <= b.tm_mon + 1);
	     m == 12 ? (y++, m = 1) : m++) {
		snprintf(month, sizeof month, "%04d-%02d", y, m);
		snprintf(from, sizeof from, "%s-01", month);
		snprintf(to, sizeof to, "%s-%02d", month, days_in_month(y, m));
		snprintf(path, sizeof path, "/v1/usage/daily?from=%s&to=%s", from, to);
		if (cache_window_etag(x->cache, month, stored, sizeof stored) < 0)
			return cache_err(x);
		t.from = from;
		t.to = to;
		t.table = CT_COUNT;
		win_refused = x->cur->refused;
		if (fetch_list(x, path, LIST_USAGE, &t, stored, &unchanged, etag, sizeof etag) < 0) {
			if (x->err->kind == CERR_BAD_DATA)
				client_err_prefix(x->err, month);   /* which window */
			return -1;
		}
		nwin++;
		pages += x->cur->pages;
		items += x->cur->items;
		if (!unchanged) {
			nfetched++;
			if (cache_usage_rebuild(x->cache, from, to) < 0 ||
			    /* a window with items refused keeps no ETag: the next
			     * refresh reads it again and says so again (as sync_list) */
			    cache_window_put(x->cache, month, x->cur->refused > win_refused ? "" : etag, x->now) < 0)
				return cache_err(x);
		}
	}
	/* rows before the account existed cannot be right: drop them */
	if (cache_usage_trim(x->cache, first_day) < 0)
		return cache_err(x);
	/* months not refetched still carry the old meter -> line item mapping */
	if (x->meters_changed && nfetched < nwin && cache_usage_rebuild_items(x->cache) < 0)
		return cache_err(x);
	x->cur->pages = (int)pages;
	x->cur->items = items;
	x->cur->windows = nwin;
	x->cur->windows_fetched = nfetched;
	x->cur->outcome = nfetched ? SYNC_FETCHED : SYNC_UNCHANGED;
	if (cache_state_success(x->cache, names[R_USAGE], x->now, NULL) < 0 ||
	    (x->cur->refused && sync_note_refused(x->cache, names[R_USAGE], x->cur) < 0))
		return cache_err(x);
	return 0;
}

/* Runs: the last 90 days (the server keeps no more), newest first. */
static int
sync_runs(struct ctx *x)
{
	char from[M_DAY], to[M_DAY], path[128];
	int64_t lo = x->now, hi = x->now;
	struct tm tm;

	/* cover the server's clock too, should it differ from ours */
	if (x->acct.period_start != M_NONE && x->acct.period_start < lo)
		lo = x->acct.period_start;
	if (x->acct.period_end != M_NONE && x->acct.period_end > hi)
		hi = x->acct.period_end;
	utc(lo - (int64_t)RUNS_DAYS * 86400, &tm);
	strftime(from, sizeof from, "%Y-%m-%d", &tm);
	utc(hi, &tm);
	strftime(to, sizeof to, "%Y-%m-%d", &tm);
	snprintf(path, sizeof path, "/v1/runs?from=%s&to=%s", from, to);
	return sync_list(x, R_RUNS, path, LIST_RUNS, CT_RUNS);
}

static int
sync_one(struct ctx *x, int r)
{
	int rc;

	switch (r) {
	case R_ACCOUNT: return sync_object(x, r, "/v1/account");
	case R_PLANS: return sync_list(x, r, "/v1/plans", LIST_PLANS, CT_PLANS);
	case R_CREDITS: return sync_object(x, r, "/v1/credits");
	case R_GRANTS: return sync_list(x, r, "/v1/credits/grants", LIST_GRANTS, CT_GRANTS);
	case R_LEDGER: return sync_list(x, r, "/v1/credits/ledger", LIST_LEDGER, CT_LEDGER);
	case R_METERS:
		rc = sync_list(x, r, "/v1/meters", LIST_METERS, CT_METERS);
		x->meters_changed = rc == 0 && x->cur->outcome == SYNC_FETCHED;
		return rc;
	case R_AGENTS: return sync_list(x, r, "/v1/agents", LIST_AGENTS, CT_AGENTS);
	case R_USAGE: return sync_usage(x);
	case R_RUNS: return sync_runs(x);
	case R_INVOICES: return sync_list(x, r, "/v1/invoices", LIST_INVOICES, CT_INVOICES);
	case R_PAYMENT_METHODS:
		return sync_list(x, r, "/v1/payment_methods", LIST_PAYMENT_METHODS,
		                 CT_PAYMENT_METHODS);
	case R_CHARGES: return sync_list(x, r, "/v1/charges", LIST_CHARGES, CT_CHARGES);
	}
	return -1;
}

/* After a rollback: the attempt and the error, in a small transaction of
 * their own (best effort: the refresh has failed already). */
static void
record_failure(struct ctx *x, int failed_at)
{
	int r;

	if (cache_begin(x->cache, 2000) < 0)
		return;
	for (r = 0; r < failed_at; r++)
		cache_state_attempt(x->cache, names[r], x->now);
	if (failed_at < SYNC_RESOURCES)
		cache_state_failure(x->cache, names[failed_at], x->now, x->err->message);
	if (cache_commit(x->cache) < 0)
		cache_rollback(x->cache);
}

static int run_once(struct net *n, struct cache *c, const struct sync_opts *opts,
                    struct sync_report *rep);

int
sync_run(struct net *n, struct cache *c, const struct sync_opts *opts, struct sync_report *rep)
{
	int rc = run_once(n, c, opts, rep);

	/* a corrupt file is not worth keeping: move it aside, start over once */
	if (rc < 0 && rep->err.kind == CERR_CACHE && cache_is_corrupt(c)) {
		if (cache_recover(c) < 0) {
			client_err_set(&rep->err, CERR_CACHE, "%s", cache_error(c));
			return -1;
		}
		rc = run_once(n, c, opts, rep);
		rep->note = cache_note(c);
	}
	return rc;
}

static int
run_once(struct net *n, struct cache *c, const struct sync_opts *opts, struct sync_report *rep)
{
	static const struct sync_opts defaults;
	struct ctx x;
	int r = 0;

	memset(rep, 0, sizeof *rep);
	memset(&x, 0, sizeof x);
	x.net = n;
	x.cache = c;
	x.o = opts ? opts : &defaults;
	x.rep = rep;
	x.err = &rep->err;
	x.now = x.o->now ? x.o->now : (int64_t)time(NULL);
	rep->started_at = x.now;
	for (r = 0; r < SYNC_RESOURCES; r++)
		rep->res[r].resource = names[r];

	if (cache_begin_notify(c, x.o->lock_wait_ms > 0 ? x.o->lock_wait_ms : DEFAULT_LOCK_WAIT_MS,
	                       x.o->waiting, x.o->progress_arg) < 0) {
		client_err_set(x.err, CERR_CACHE, "%s", cache_error(c));
		return -1;
	}
	/* a provider's spend API (source_spend.h); the source_ops table
	 * replaces this dispatch */
	if (x.o->source == CONFIG_SOURCE_OPENAI || x.o->source == CONFIG_SOURCE_ANTHROPIC) {
		for (r = 0; r < SYNC_RESOURCES; r++)
			rep->res[r].resource = NULL;
		r = (x.o->source == CONFIG_SOURCE_OPENAI ? openai_refresh : anthropic_refresh)
			(n, c, x.o, rep) == 0 ? SYNC_RESOURCES : -1;
		if (r < 0) {
			cache_rollback(c);
			if (x.err->kind != CERR_CANCELED && rep->failed && cache_begin(c, 2000) == 0) {
				cache_state_failure(c, rep->failed, x.now, x.err->message);
				if (cache_commit(c) < 0)
					cache_rollback(c);
			}
			rep->finished_at = (int64_t)time(NULL);
			return -1;
		}
	}
	for (r = x.o->source == CONFIG_SOURCE_BILLTOP ? 0 : SYNC_RESOURCES; r < SYNC_RESOURCES; r++) {
		x.cur = &rep->res[r];
		if (sync_one(&x, r) < 0) {
			x.cur->outcome = SYNC_FAILED;
			rep->failed = names[r];
			break;
		}
	}
	if (r == SYNC_RESOURCES) {
		if (cache_set_synced_at(c, x.now) < 0 || cache_commit(c) < 0) {
			client_err_set(x.err, CERR_CACHE, "%s", cache_error(c));
			cache_rollback(c);
			record_failure(&x, SYNC_RESOURCES);
			rep->finished_at = (int64_t)time(NULL);
			return -1;
		}
		rep->committed = 1;
		rep->finished_at = (int64_t)time(NULL);
		return 0;
	}
	cache_rollback(c);
	if (x.err->kind != CERR_CANCELED)
		record_failure(&x, r);
	rep->finished_at = (int64_t)time(NULL);
	return -1;
}
