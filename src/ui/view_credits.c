/* view_credits.c: the Credits tab: balance, run-out, grants, ledger, buying credits.
 *
 * The state lives in struct credits_state (credits_state.c loads it,
 * credits_draw.c draws it); the Buy dialog is dialog_purchase.c.  A purchase
 * is one POST through app_confirm (fresh Idempotency-Key, then a refresh):
 * the balance and the ledger change only when the server confirmed.
 */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/view.h"
#include "ui/view_credits.h"
#include "ui/widgets.h"

static const struct keyhelp keys[] = {
	{ N_("up/down"), N_("move in the ledger (PgUp/PgDn: a page)"), SA_NONE },
	{ N_("f"), N_("filter the ledger by kind"), SA_NONE },
	{ N_("a"), N_("show or hide expired and used-up grants"), SA_NONE },
	{ N_("]/["), N_("the next or previous page of them (after a)"), SA_NONE },
	{ N_("p"), N_("buy credits"), SA_CREDITS_BUY },
	{ N_("left/right"), N_("in the Buy dialog: choose a preset amount"), SA_NONE },
	{ NULL, NULL, SA_NONE }
};

static void
state_init(void *s)
{
	credits_state_init(s);
}

static void
state_free(void *s)
{
	credits_state_free(s);
}

static int
load(struct app *app, struct view *v, char *err, size_t errsz)
{
	struct credits_state *s = v->priv;

	s->headless = app->headless;
	s->actions_off = ~app->source->actions;
	if (credits_state_load(s, app->cache, app->now) < 0) {
		snprintf(err, errsz, _("Credits could not be read from the cache: %s"), s->err);
		return -1;
	}
	return 0;
}

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	if (v->priv != NULL)
		credits_draw(v->priv, c, l);
}

static void
start_purchase(struct credits_state *s, struct app *app)
{
	char method[M_NAME];

	if (s->m.refused) {
		app_message(app, _("Buying credits"), s->m.refusal);
		return;
	}
	credits_state_method_label(s, method, sizeof method);
	purchase_open(&s->dlg, s->m.overage_per_1000, s->m.ctx.acct.tax_rate_bp, s->m.ctx.acct.currency, s->m.ctx.plan.name, method);
}

/* Enter on a valid amount: the confirmation, which sends the purchase on y. */
static void
confirm_purchase(struct credits_state *s, struct app *app, int64_t credits)
{
	struct action act;
	char title[128], body[1024];

	memset(&act, 0, sizeof act);
	act.sa.kind = SA_CREDITS_BUY;
	act.sa.credits = credits;
	purchase_confirm_text(&s->dlg, credits, app->utf8, title, sizeof title, body, sizeof body);
	snprintf(act.done, sizeof act.done, "%s", _("The credits were bought; the balance and the ledger show them now."));
	s->dlg.open = 0;
	app_confirm(app, title, body, &act);
}

static int
key(struct view *v, struct app *app, int k)
{
	struct credits_state *s = v->priv;
	int64_t credits = 0;

	if (s == NULL || !s->loaded)
		return VIEW_IGNORED;
	/* The dialog has the focus: it takes every key (digits, Tab, q included). */
	if (s->dlg.open) {
		if (purchase_key(&s->dlg, k, &credits) == PK_CONFIRM)
			confirm_purchase(s, app, credits);
		return VIEW_HANDLED;
	}
	switch (k) {
	case 'p':
		start_purchase(s, app);
		return VIEW_HANDLED;
	case 'f':
		if (credits_state_next_kind(s, app->cache) < 0)
			app_set_error(app, _("Credits could not be read from the cache: %s"), s->err);
		return VIEW_HANDLED;
	case 'a':
		if (credits_state_toggle_past(s, app->cache) < 0)
			app_set_error(app, _("Credits could not be read from the cache: %s"), s->err);
		return VIEW_HANDLED;
	case ']':
	case '[':
		if (!s->all_grants)
			return VIEW_IGNORED;
		if (credits_state_page_past(s, app->cache, k == ']' ? 1 : -1) < 0)
			app_set_error(app, _("Credits could not be read from the cache: %s"), s->err);
		return VIEW_HANDLED;
	default:
		if (!list_key(&s->ledger, k, s->ledger_rows > 0 ? s->ledger_rows : 1))
			return VIEW_IGNORED;
		if (credits_state_sync_page(s, app->cache) < 0)
			app_set_error(app, _("Credits could not be read from the cache: %s"), s->err);
		return VIEW_HANDLED;
	}
}

/* The ledger is read from the cache a chunk at a time while searching, so
 * `/` finds an entry anywhere in it, not only on the page loaded. */
#define FIND_CHUNK 512

struct ledger_find {
	struct cache *cache;
	int kind, dir;
	const char *query;
	struct ledger_entry *rows;   /* owned */
	int first, n;
};

static int
ledger_match(void *ctx, int i)
{
	struct ledger_find *f = ctx;
	const struct ledger_entry *e;
	int total, start;

	if (!f->rows || i < f->first || i >= f->first + f->n) {
		free(f->rows);
		f->rows = NULL;
		start = f->dir < 0 ? i - FIND_CHUNK + 1 : i;
		if (start < 0)
			start = 0;
		if (cache_ledger(f->cache, f->kind, start, FIND_CHUNK, &f->rows, &f->n, &total) < 0)
			return -1;
		f->first = start;
		if (i < f->first || i >= f->first + f->n)
			return 0;
	}
	e = &f->rows[i - f->first];
	return text_icontains(e->description, f->query) || text_icontains(ledger_kind_label(e->kind), f->query);
}

/* `/`: a ledger entry by its description or kind, in the whole ledger of
 * the kind shown. */
static int
find(struct view *v, struct app *app, const char *query, int dir, int from_sel, char *msg, size_t msgsz)
{
	struct credits_state *s = v->priv;
	struct ledger_find f = { app->cache, s->m.ledger_kind, dir, query, NULL, 0, 0 };
	int i;

	if (s == NULL || !s->loaded || s->dlg.open)
		return 0;
	i = list_find(s->m.ledger_total, s->ledger.sel, dir, from_sel, ledger_match, &f);
	free(f.rows);
	if (i == -2) {
		snprintf(msg, msgsz, _("Credits could not be read from the cache: %s"), cache_error(app->cache));
		return -1;
	}
	if (i < 0)
		return 0;
	s->ledger.n = s->m.ledger_total;
	s->ledger.sel = i;
	if (credits_state_sync_page(s, app->cache) < 0) {
		snprintf(msg, msgsz, _("Credits could not be read from the cache: %s"), s->err);
		return -1;
	}
	list_found_note(msg, msgsz, query, i, s->m.ledger_total);
	return 1;
}

const struct view_ops view_credits_ops = {
	.name = N_("Credits"),
	.id = "credits",
	.caps = SRC_CAP_CREDITS,
	.state_size = sizeof(struct credits_state),
	.state_init = state_init,
	.state_free = state_free,
	.load = load,
	.draw = draw,
	.key = key,
	.keys = keys,
	.find = find,
};
