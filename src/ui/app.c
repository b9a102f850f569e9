/* app.c: the dashboard's shared state: views, shared account data, dialogs. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client/sync_refused.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/glyphs.h"
#include "ui/refresh.h"

int64_t
app_clock(void)
{
	const char *s = getenv("BILLTOP_NOW");
	int64_t t;

	if (s && *s && time_parse_rfc3339(s, &t) == 0)
		return t;
	return (int64_t)time(NULL);
}

int64_t
app_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int
app_init(struct app *app, struct cache *cache, int headless)
{
	int i;

	memset(app, 0, sizeof *app);
	app->cache = cache;
	app->source = source_default();
	app->headless = headless;
	app->utf8 = glyphs_locale_utf8();
	app->now = app_clock();
	app->synced_at = M_NONE;
	app->next_refresh = M_NONE;
	for (i = 0; i < view_count && i < VIEW_MAX; i++) {
		app->views[i].ops = view_table[i];
		app->views[i].stale = 1;
		app->views[i].dirty = 1;
	}
	app->nviews = i;
	app->dirty = 1;
	app_reload(app);
	return 0;
}

void
app_free(struct app *app)
{
	int i;

	for (i = 0; i < app->nviews; i++) {
		struct view *v = &app->views[i];

		if (v->priv && v->ops->state_free)
			v->ops->state_free(v->priv);
		free(v->priv);
		v->priv = NULL;
	}
	refresh_free(app);
}

/* The first note a refresh left in the sync state (items refused), or "". */
static void
load_sync_note(struct app *app)
{
	struct sync_state *st = NULL;
	int n = 0, i;

	app->sync_note[0] = '\0';
	if (cache_sync_states(app->cache, &st, &n) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (sync_state_is_note(&st[i])) {
			snprintf(app->sync_note, sizeof app->sync_note, "%s: %s", st[i].resource,
			         st[i].last_error);
			break;
		}
	}
	free(st);
}

void
app_reload(struct app *app)
{
	int i;

	app->have_snapshot = 0;
	app->have_account = app->have_plan = app->have_credits = 0;
	app->synced_at = M_NONE;
	app->load_error[0] = '\0';
	if (app->cache) {
		/* One read transaction: a refresh committing meanwhile is seen whole or not at all. */
		cache_snapshot_begin(app->cache);
		app->have_snapshot = cache_has_snapshot(app->cache) == 1;
		app->have_account = cache_account(app->cache, &app->account) == 1;
		if (app->have_account)
			app->have_plan = cache_plan(app->cache, app->account.plan_id, &app->plan) == 1;
		app->have_credits = cache_credit_summary(app->cache, &app->credits) == 1;
		app->synced_at = cache_synced_at(app->cache);
		load_sync_note(app);
		cache_snapshot_end(app->cache);
	}
	/* A cached account of a role that may not see billing (the role can
	 * change after a snapshot was taken) is as forbidden as a 403. */
	if (app->have_account && !role_can_see_billing(app->account.role)) {
		app->access = ACCESS_FORBIDDEN;
		str_copy(app->role, sizeof app->role, role_str(app->account.role));
	}
	for (i = 0; i < app->nviews; i++) {
		app->views[i].stale = 1;
		app->views[i].dirty = 1;
	}
	app->dirty = 1;
}

int
app_load_view(struct app *app, int index)
{
	struct view *v;
	char err[sizeof app->load_error];
	int r;

	if (index < 0 || index >= app->nviews)
		return -1;
	v = &app->views[index];
	if (!v->stale)
		return 0;
	v->stale = 0;
	v->dirty = 1;
	app->load_error[0] = '\0';
	if (!v->ops->load || !app->cache || !app->have_snapshot)
		return 0;
	/* The view's state, made once for the whole session (view.h). */
	if (!v->priv && v->ops->state_size) {
		v->priv = calloc(1, v->ops->state_size);
		if (!v->priv) {
			v->stale = 1;
			app_set_error(app, "%s", _("out of memory"));
			return -1;
		}
		if (v->ops->state_init)
			v->ops->state_init(v->priv);
	}
	err[0] = '\0';
	/* The view reads several tables: all from the same commit. */
	cache_snapshot_begin(app->cache);
	r = v->ops->load(app, v, err, sizeof err);
	cache_snapshot_end(app->cache);
	if (r < 0)
		app_set_error(app, "%s", err[0] ? err : _("The cache could not be read."));
	return r;
}

struct view *
app_view(struct app *app)
{
	return &app->views[app->cur];
}

void
app_switch(struct app *app, int index)
{
	if (app->nviews <= 0)
		return;
	index %= app->nviews;
	if (index < 0)
		index += app->nviews;
	if (index != app->cur) {
		app->cur = index;
		app->views[index].dirty = 1;
		app->load_error[0] = '\0';
	}
	app->dirty = 1;
}

void
app_set_error(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->load_error, sizeof app->load_error, fmt, ap);
	va_end(ap);
	app->dirty = 1;
}

/* An action the source cannot do (its key is not shown, but was pressed):
 * says so instead of asking or sending.  1 when it did. */
static int
refuse_unoffered(struct app *app, const struct action *act)
{
	struct dialog *d = &app->dialog;

	if (!act || source_can(app->source, act->sa.kind))
		return 0;
	memset(d, 0, sizeof *d);
	d->kind = DLG_ERROR;
	str_copy(d->title, sizeof d->title, _("Not offered"));
	/* TRANSLATORS: %s is the source's name: "OpenAI cannot do this from billtop." */
	snprintf(d->body, sizeof d->body, _("%s cannot do this from billtop."), app->source->display);
	app->dirty = 1;
	return 1;
}

void
app_confirm(struct app *app, const char *title, const char *body, const struct action *act)
{
	struct dialog *d = &app->dialog;

	if (refuse_unoffered(app, act))
		return;
	memset(d, 0, sizeof *d);
	d->kind = DLG_CONFIRM;
	str_copy(d->title, sizeof d->title, title);
	str_copy(d->body, sizeof d->body, body);
	if (act)
		d->act = *act;
	app->dirty = 1;
}

void
app_message(struct app *app, const char *title, const char *body)
{
	struct dialog *d = &app->dialog;

	memset(d, 0, sizeof *d);
	d->kind = DLG_INFO;
	str_copy(d->title, sizeof d->title, title);
	str_copy(d->body, sizeof d->body, body);
	app->dirty = 1;
}

void
app_run_action(struct app *app, const struct action *act)
{
	struct dialog *d = &app->dialog;
	struct action copy = *act;

	if (refuse_unoffered(app, act))
		return;
	memset(d, 0, sizeof *d);
	d->act = copy;
	if (app->offline || app->refresh_off) {
		d->kind = DLG_ERROR;
		str_copy(d->title, sizeof d->title, _("Not sent"));
		if (app->offline)
			str_copy(d->body, sizeof d->body,
			         _("billtop runs with --offline, so nothing can be sent to the server. "
			           "Start it without --offline to make changes."));
		else
			str_copy(d->body, sizeof d->body, app->last_error);
		app->dirty = 1;
		return;
	}
	d->kind = DLG_BUSY;
	str_copy(d->title, sizeof d->title, _("Sending"));
	str_copy(d->body, sizeof d->body, _("Sending the request to the server..."));
	app->dirty = 1;
	if (refresh_start(app, &d->act) != 0) {
		d->kind = DLG_ERROR;
		str_copy(d->title, sizeof d->title, _("Not sent"));
		snprintf(d->body, sizeof d->body, "%s", app->last_error[0] ? app->last_error
		         : _("billtop could not start the request."));
	}
}

void
app_refresh(struct app *app)
{
	if (app->headless || app->refreshing)
		return;
	if (app->offline) {
		str_copy(app->notice, sizeof app->notice,
		         _("--offline: billtop shows the cache and never refreshes"));
		app->dirty = 1;
		return;
	}
	if (app->refresh_off) {
		str_copy(app->notice, sizeof app->notice, app->last_error);
		app->dirty = 1;
		return;
	}
	refresh_start(app, NULL);
	app->dirty = 1;
}

int
app_can_change(const struct app *app)
{
	return app->have_account && role_can_change_billing(app->account.role);
}

struct code_sentence {
	const char *code;
	const char *sentence;
};

/* docs/api.md's error table, in words a person can act on. */
static const struct code_sentence sentences[] = {
	{ "bad_request", N_("The server did not accept the request billtop sent. This is a bug in billtop; please report it.") },
	{ "malformed_json", N_("The server could not read the request billtop sent. This is a bug in billtop; please report it.") },
	{ "invalid_parameter", N_("The server refused a value in the request. This is a bug in billtop; please report it.") },
	{ "unauthorized", N_("The server did not accept your token. Check the token in your billtop configuration.") },
	{ "credits_exhausted", N_("Your credits are used up and your plan does not continue past its allowance.") },
	{ "card_declined", N_("Your card was declined. Update your payment method in the Payment tab and try again.") },
	{ "no_payment_method", N_("There is no payment method on file. Add one in the Payment tab first.") },
	{ "billing_forbidden", N_("Your role cannot see billing. Owners, admins and billing readers can; ask one of them.") },
	{ "billing_read_only", N_("Your role can see billing but not change it. Ask an owner or an admin to make this change.") },
	{ "not_found", N_("The server no longer knows this item. Refresh (r) and try again.") },
	{ "method_not_allowed", N_("The server does not allow this request. This is a bug in billtop; please report it.") },
	{ "account_past_due", N_("Your account is past due, so the plan cannot change now. Fix your payment method in the Payment tab first; plan changes work again once the open invoice is paid.") },
	{ "no_scheduled_change", N_("There is no scheduled plan change to cancel; it may have been cancelled already.") },
	{ "already_on_plan", N_("You are already on this plan.") },
	{ "idempotency_key_reused", N_("The server saw this request before with different content. Try again.") },
	{ "purchase_unavailable", N_("Your plan cannot buy extra credits. Move to a paid plan to buy credits.") },
	{ "plan_not_found", N_("The server no longer offers this plan. Refresh (r) to see the current plans.") },
	{ "contact_sales", N_("This plan is arranged with the sales team, not self-serve.") },
	{ "invalid_amount", N_("The amount is out of range.") },
	{ "rate_limited", N_("The server is busy right now (too many requests). Try again in a moment.") },
	{ "internal", N_("The server had an internal error. Try again later.") },
	{ "unavailable", N_("The server is briefly unavailable. Try again in a moment.") },
	{ NULL, NULL }
};

const char *
app_error_sentence(const char *code)
{
	const struct code_sentence *s;

	if (!code || !*code)
		return NULL;
	for (s = sentences; s->code; s++)
		if (strcmp(s->code, code) == 0)
			return _(s->sentence);
	return NULL;
}
