/* decode_items.c: account, plans, credits, grants, ledger, meters, agents,
 * usage and runs (docs/api.md) into model.h structs. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "client/decode.h"
#include "client/decode_priv.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/text.h"
#include "core/util.h"

static int
dec_account_obj(struct dctx *d, const json_t *o, struct account *a)
{
	json_t *sc;
	size_t mark;
	int v;

	memset(a, 0, sizeof *a);
	if (d_is_object(d, o) < 0 ||
	    d_str(d, o, "id", a->id, sizeof a->id, 0) < 0 ||
	    d_str(d, o, "name", a->name, sizeof a->name, D_TEXT) < 0 ||
	    d_enum(d, o, "role", role_parse, 0, 0, &v) < 0)
		return -1;
	a->role = (enum role)v;
	if (d_enum(d, o, "status", account_status_parse, 0, 0, &v) < 0)
		return -1;
	a->status = (enum account_status)v;
	if (d_str(d, o, "currency", a->currency, sizeof a->currency, 0) < 0)
		return -1;
	if (!currency_find(a->currency))
		return d_fail(d, "currency", _("unknown currency '%s'"), a->currency);
	/* every money object of the account (and the rest of the refresh) must carry it */
	d->currency = a->currency;
	if (d_str(d, o, "plan_id", a->plan_id, sizeof a->plan_id, 0) < 0 ||
	    d_time(d, o, "trial_end", D_NULL, &a->trial_end) < 0 ||
	    d_time(d, o, "current_period_start", 0, &a->period_start) < 0 ||
	    d_time(d, o, "current_period_end", 0, &a->period_end) < 0 ||
	    d_time(d, o, "next_billing_date", D_NULL, &a->next_billing) < 0 ||
	    d_obj(d, o, "scheduled_change", D_NULL, &sc) < 0)
		return -1;
	if (a->period_end <= a->period_start)
		return d_fail(d, "current_period_end", _("not after current_period_start"));
	a->scheduled_at = M_NONE;
	if (sc) {
		mark = d_push_key(d, "scheduled_change");
		if (d_str(d, sc, "plan_id", a->scheduled_plan_id, sizeof a->scheduled_plan_id, 0) < 0 ||
		    d_time(d, sc, "effective_at", 0, &a->scheduled_at) < 0)
			return -1;
		d_pop(d, mark);
	}
	if (d_bool(d, o, "runs_paused", &a->runs_paused) < 0 ||
	    d_enum(d, o, "runs_paused_reason", pause_reason_parse, D_NULL, PAUSE_NONE, &v) < 0)
		return -1;
	a->pause_reason = (enum pause_reason)v;
	if (d_url(d, o, "payment_update_url", a->payment_update_url,
	          sizeof a->payment_update_url, D_NULL) < 0 ||
	    d_url(d, o, "sales_url", a->sales_url, sizeof a->sales_url, D_NULL) < 0 ||
	    d_int(d, o, "tax_rate_bp", 0, 10000, 0, &a->tax_rate_bp) < 0 ||
	    d_time(d, o, "created_at", 0, &a->created_at) < 0)
		return -1;
	return 0;
}

int
decode_account(const json_t *root, struct account *out, struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, NULL, err);
	return dec_account_obj(&d, root, out);
}

int
decode_credit_summary(const json_t *root, struct credit_summary *s, struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, NULL, err);
	memset(s, 0, sizeof *s);
	if (d_is_object(&d, root) < 0 ||
	    d_int(&d, root, "balance", 0, INT64_MAX, 0, &s->balance) < 0 ||
	    d_int(&d, root, "allocated", 0, INT64_MAX, 0, &s->allocated) < 0 ||
	    d_int(&d, root, "consumed", 0, INT64_MAX, 0, &s->consumed) < 0 ||
	    d_int(&d, root, "remaining", 0, INT64_MAX, 0, &s->remaining) < 0 ||
	    d_int(&d, root, "period_allowance", 0, INT64_MAX, 0, &s->period_allowance) < 0 ||
	    d_int(&d, root, "period_used", 0, INT64_MAX, 0, &s->period_used) < 0 ||
	    d_int(&d, root, "period_overage", 0, INT64_MAX, 0, &s->period_overage) < 0 ||
	    d_int(&d, root, "scheduled", 0, INT64_MAX, 0, &s->scheduled) < 0)
		return -1;
	return 0;
}

/* features: an array of strings, stored joined with "\n".  Prose: when they do
 * not all fit, the first whole features that fit are kept. */
static int
dec_features(struct dctx *d, const json_t *o, char *dst, size_t n)
{
	json_t *arr, *f;
	char one[M_TEXT];
	size_t i, mark, len = 0, k;

	dst[0] = '\0';
	if (d_array(d, o, "features", &arr) < 0)
		return -1;
	mark = d_push_key(d, "features");
	json_array_foreach(arr, i, f) {
		if (!json_is_string(f)) {
			d_push_index(d, i);
			return d_fail(d, NULL, _("expected string"));
		}
	}
	d_pop(d, mark);
	json_array_foreach(arr, i, f) {
		str_copy(one, sizeof one, json_string_value(f));
		text_sanitize(one);
		k = strlen(one);
		if (len == 0 && k >= n) {
			d_text_cut(one, n - 1);
			k = strlen(one);
		}
		if (len + (len ? 1 : 0) + k >= n)
			break;
		if (len)
			dst[len++] = '\n';
		memcpy(dst + len, one, k + 1);
		len += k;
	}
	return 0;
}

int
dec_plan(struct dctx *d, const json_t *o, struct plan *p)
{
	unsigned priced;

	if (d_str(d, o, "id", p->id, sizeof p->id, 0) < 0 ||
	    d_str(d, o, "name", p->name, sizeof p->name, D_TEXT) < 0 ||
	    d_int(d, o, "rank", 0, INT64_MAX, 0, &p->rank) < 0 ||
	    d_bool(d, o, "contact_sales", &p->contact_sales) < 0)
		return -1;
	/* contact-sales plans have no price and no allowance; every other plan must */
	priced = p->contact_sales ? D_NULL : 0;
	if (d_money(d, o, "price", 0, priced, &p->price) < 0 ||
	    d_str(d, o, "interval", p->interval, sizeof p->interval, 0) < 0 ||
	    d_int(d, o, "included_credits", 0, INT64_MAX, priced, &p->included_credits) < 0 ||
	    d_money(d, o, "overage_price_per_1000", 0, D_NULL, &p->overage_per_1000) < 0 ||
	    d_str(d, o, "rate_limit", p->rate_limit, sizeof p->rate_limit, D_TEXT | D_NULL) < 0 ||
	    d_str(d, o, "support", p->support, sizeof p->support, D_TEXT | D_NULL) < 0 ||
	    dec_features(d, o, p->features, sizeof p->features) < 0)
		return -1;
	str_copy(p->currency, sizeof p->currency, d->currency ? d->currency : "");
	return 0;
}

int
dec_grant(struct dctx *d, const json_t *o, struct grant *g)
{
	int v;

	if (d_str(d, o, "id", g->id, sizeof g->id, 0) < 0 ||
	    d_enum(d, o, "source", grant_source_parse, 0, 0, &v) < 0)
		return -1;
	g->source = (enum grant_source)v;
	if (d_str(d, o, "description", g->description, sizeof g->description, D_TEXT | D_NULL) < 0 ||
	    d_int(d, o, "amount", 0, INT64_MAX, 0, &g->amount) < 0 ||
	    d_int(d, o, "consumed", 0, INT64_MAX, 0, &g->consumed) < 0 ||
	    d_int(d, o, "remaining", 0, INT64_MAX, 0, &g->remaining) < 0 ||
	    d_time(d, o, "available_from", 0, &g->available_from) < 0 ||
	    d_time(d, o, "expires_at", D_NULL, &g->expires_at) < 0)
		return -1;
	if (g->consumed > g->amount)
		return d_fail(d, "consumed", _("more than the grant's amount"));
	return 0;
}

int
dec_ledger(struct dctx *d, const json_t *o, struct ledger_entry *l)
{
	int v;

	if (d_str(d, o, "id", l->id, sizeof l->id, 0) < 0 ||
	    d_time(d, o, "at", 0, &l->at) < 0 ||
	    d_enum(d, o, "kind", ledger_kind_parse, 0, 0, &v) < 0)
		return -1;
	l->kind = (enum ledger_kind)v;
	if (d_int(d, o, "credits", INT64_MIN + 1, INT64_MAX, 0, &l->credits) < 0 ||
	    d_int(d, o, "balance_after", INT64_MIN + 1, INT64_MAX, 0, &l->balance_after) < 0 ||
	    d_str(d, o, "grant_id", l->grant_id, sizeof l->grant_id, D_NULL) < 0 ||
	    d_str(d, o, "description", l->description, sizeof l->description, D_TEXT | D_NULL) < 0)
		return -1;
	return 0;
}

int
dec_meter(struct dctx *d, const json_t *o, struct meter *m)
{
	int v;

	if (d_str(d, o, "id", m->id, sizeof m->id, 0) < 0 ||
	    d_str(d, o, "name", m->name, sizeof m->name, D_TEXT) < 0 ||
	    d_str(d, o, "unit", m->unit, sizeof m->unit, D_TEXT) < 0 ||
	    d_str(d, o, "raw_unit", m->raw_unit, sizeof m->raw_unit, D_TEXT) < 0 ||
	    d_int(d, o, "raw_per_unit", 1, INT64_MAX, 0, &m->raw_per_unit) < 0 ||
	    d_int(d, o, "increment", 1, INT64_MAX, 0, &m->increment) < 0 ||
	    d_int(d, o, "credits_milli_per_unit", 0, INT64_MAX, 0, &m->credits_milli_per_unit) < 0 ||
	    d_enum(d, o, "line_item", line_item_parse, 0, 0, &v) < 0)
		return -1;
	m->line_item = (enum line_item)v;
	return 0;
}

int
dec_agent(struct dctx *d, const json_t *o, struct agent *a)
{
	if (d_str(d, o, "id", a->id, sizeof a->id, 0) < 0 ||
	    d_str(d, o, "name", a->name, sizeof a->name, D_TEXT) < 0)
		return -1;
	return 0;
}

int
dec_usage(struct dctx *d, const json_t *o, struct usage_day *u)
{
	char id[3 * M_ID];

	/* the id is only the cursor; the key is (day, meter_id, agent_id) */
	if (d_str(d, o, "id", id, sizeof id, 0) < 0 ||
	    d_day(d, o, "day", u->day, sizeof u->day) < 0 ||
	    d_str(d, o, "meter_id", u->meter_id, sizeof u->meter_id, 0) < 0 ||
	    d_str(d, o, "agent_id", u->agent_id, sizeof u->agent_id, 0) < 0 ||
	    d_int(d, o, "records", 0, INT64_MAX, 0, &u->records) < 0 ||
	    d_int(d, o, "raw", 0, INT64_MAX, 0, &u->raw) < 0 ||
	    d_int(d, o, "billed_raw", 0, INT64_MAX, 0, &u->billed_raw) < 0 ||
	    d_int(d, o, "credits", 0, INT64_MAX, 0, &u->credits) < 0)
		return -1;
	return 0;
}

int
dec_run(struct dctx *d, const json_t *o, struct run *r)
{
	static const char *const items[ITEM_COUNT] = { "llm", "tool_calls", "storage" };
	json_t *cr;
	size_t mark;
	int v, i;

	if (d_str(d, o, "id", r->id, sizeof r->id, 0) < 0 ||
	    d_str(d, o, "agent_id", r->agent_id, sizeof r->agent_id, 0) < 0 ||
	    d_time(d, o, "started_at", 0, &r->started_at) < 0 ||
	    d_time(d, o, "ended_at", D_NULL, &r->ended_at) < 0 ||
	    d_enum(d, o, "status", run_status_parse, 0, 0, &v) < 0 ||
	    d_obj(d, o, "credits", 0, &cr) < 0)
		return -1;
	r->status = (enum run_status)v;
	mark = d_push_key(d, "credits");
	for (i = 0; i < ITEM_COUNT; i++)
		if (d_int(d, cr, items[i], 0, INT64_MAX, 0, &r->credits[i]) < 0)
			return -1;
	if (d_int(d, cr, "total", 0, INT64_MAX, 0, &r->credits_total) < 0)
		return -1;
	d_pop(d, mark);
	return 0;
}

int
decode_run(const json_t *root, struct run *out, struct client_err *err)
{
	struct dctx d;

	dctx_init(&d, NULL, err);
	memset(out, 0, sizeof *out);
	if (d_is_object(&d, root) < 0)
		return -1;
	return dec_run(&d, root, out);
}
