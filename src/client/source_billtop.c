/* source_billtop.c: the billtop source (docs/api.md): what it offers, and its
 * refresh: every resource fetched (conditionally), decoded page by page and
 * written into the transaction sync_run() holds open.  Its actions are in
 * source_billtop_act.c, its requests and paging in source_billtop_page.c. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client/cache_write.h"
#include "client/source.h"
#include "client/source_billtop.h"
#include "client/sync.h"
#include "client/sync_refused.h"
#include "core/i18n.h"
#include "core/util.h"

#define RUNS_DAYS 90
#define BT_RESOURCES 12

int bt_act(struct net *n, const struct source_action *a, struct source_action_result *r,
           struct client_err *err);
static int bt_refresh(struct net *n, struct cache *c, const struct sync_opts *o,
                      struct sync_report *rep);

const struct source_ops source_billtop = {
	.name = "billtop",
	.display = "billtop",
	.console_url = NULL,
	.caps = SRC_CAP_ACCOUNT | SRC_CAP_PLANS | SRC_CAP_CREDITS | SRC_CAP_USAGE |
	        SRC_CAP_RUNS | SRC_CAP_INVOICES | SRC_CAP_PAYMENT,
	.actions = SRC_ACT(SA_PLAN_CHANGE) | SRC_ACT(SA_PLAN_CANCEL_SCHEDULED) |
	           SRC_ACT(SA_CREDITS_BUY) | SRC_ACT(SA_PAYMENT_DEFAULT) |
	           SRC_ACT(SA_PAYMENT_SETUP) | SRC_ACT(SA_INVOICE_PDF),
	.refresh = bt_refresh,
	.act = bt_act,
};

enum { R_ACCOUNT, R_PLANS, R_CREDITS, R_GRANTS, R_LEDGER, R_METERS, R_AGENTS, R_USAGE,
       R_RUNS, R_INVOICES, R_PAYMENT_METHODS, R_CHARGES };

static const char *const names[BT_RESOURCES] = {
	"account", "plans", "credits", "grants", "ledger", "meters", "agents", "usage",
	"runs", "invoices", "payment_methods", "charges"
};

struct ctx {
	struct net *net;
	struct cache *cache;
	const struct sync_opts *o;
	struct client_err *err;
	int64_t now;
	struct account acct;       /* the account of this refresh (fetched or cached) */
	int meters_changed;
	int64_t seq;               /* position of the next item in the current list */
	struct sync_result *cur;
	/* the list being read */
	struct bt_pager *pg;
	const char *from, *to;     /* usage window to clear (else table) */
	enum cache_table table;
	int64_t refused0;          /* usage: refused in the windows before this one */
};

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

/* The first page of a (re)start arrived: clear what the list replaces. */
static int
list_begin(void *arg, struct client_err *err)
{
	struct ctx *x = arg;
	int rc;

	(void)err;
	x->seq = 0;
	rc = x->from ? cache_usage_clear(x->cache, x->from, x->to) : cache_clear(x->cache, x->table);
	return rc < 0 ? cache_err(x) : 0;
}

/* The counts so far into the current result, then the spinner. */
static void
count(struct ctx *x)
{
	x->cur->pages = x->pg->pages;
	x->cur->items = x->pg->items;
	if (x->pg->refused_msg[0] && !x->cur->refused_msg[0])
		str_copy(x->cur->refused_msg, sizeof x->cur->refused_msg, x->pg->refused_msg);
	x->cur->refused = x->refused0 + x->pg->refused;
}

static int
list_page(void *arg, int pages, int64_t items, struct client_err *err)
{
	struct ctx *x = arg;

	(void)pages;
	(void)items;
	(void)err;
	count(x);
	return progress(x);
}

/*
 * Every page of path into the cache (the table, or the usage window from-to).
 * stored: the ETag to send on the first page.  On success *unchanged tells a
 * 304 and etag holds the list's ETag.
 */
static int
fetch_list(struct ctx *x, const char *path, enum list_kind kind, enum cache_table table,
           const char *from, const char *to, const char *stored, int *unchanged,
           char *etag, size_t etag_n)
{
	struct bt_pager pg;
	int rc;

	memset(&pg, 0, sizeof pg);
	pg.stored_etag = stored;
	pg.currency = x->acct.currency;
	pg.item = put_item;
	pg.arg = x;
	pg.begin = list_begin;
	pg.page_done = list_page;
	x->pg = &pg;
	x->table = table;
	x->from = from;
	x->to = to;
	x->refused0 = x->cur->refused;
	rc = bt_page_walk(x->net, path, kind, &pg, x->err);
	if (rc == 0 && !pg.unchanged)
		count(x);
	*unchanged = pg.unchanged;
	str_copy(etag, etag_n, pg.etag);
	x->pg = NULL;
	return rc;
}

/* A list resource: conditional fetch, replace, record the state. */
static int
sync_list(struct ctx *x, int r, const char *path, enum list_kind kind, enum cache_table table)
{
	char stored[256], etag[256];
	int unchanged;

	if (cache_etag(x->cache, names[r], stored, sizeof stored) < 0)
		return cache_err(x);
	if (fetch_list(x, path, kind, table, NULL, NULL, stored, &unchanged, etag, sizeof etag) < 0)
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
	if (bt_get(x->net, path, stored, &resp, x->err) < 0)
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
		win_refused = x->cur->refused;
		if (fetch_list(x, path, LIST_USAGE, CT_COUNT, from, to, stored, &unchanged,
		               etag, sizeof etag) < 0) {
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


static int
bt_refresh(struct net *n, struct cache *c, const struct sync_opts *o, struct sync_report *rep)
{
	struct ctx x;
	int r;

	memset(&x, 0, sizeof x);
	x.net = n;
	x.cache = c;
	x.o = o;
	x.err = &rep->err;
	x.now = rep->started_at;
	rep->nres = BT_RESOURCES;
	for (r = 0; r < BT_RESOURCES; r++)
		rep->res[r].resource = names[r];
	for (r = 0; r < BT_RESOURCES; r++) {
		x.cur = &rep->res[r];
		if (sync_one(&x, r) < 0) {
			x.cur->outcome = SYNC_FAILED;
			rep->failed = names[r];
			return -1;
		}
	}
	return 0;
}
