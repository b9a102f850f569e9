/* view_plans.c: the Plans tab: choose a plan with left/right (or j/k),
 * Enter to switch (confirm dialog, then POST /v1/subscription), c to cancel
 * a scheduled downgrade.  Claims left/right: they move between plans here. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/labels.h"
#include "ui/plans.h"

struct plans_view {
	struct plans_model m;
	int sel;
	int placed;      /* sel was put on the current plan once */
};

static const struct keyhelp keys[] = {
	{ N_("left/right"), N_("select the previous or next plan (also j/k)"), SA_NONE },
	{ N_("Home/End"), N_("the first or last plan"), SA_NONE },
	{ N_("Enter"), N_("switch to the selected plan (asks first)"), SA_PLAN_CHANGE },
	{ N_("c"), N_("cancel a scheduled downgrade"), SA_PLAN_CANCEL_SCHEDULED },
	{ NULL, NULL, SA_NONE }
};

static void
enter(struct plans_view *pv, struct app *app)
{
	const struct plans_model *m = &pv->m;
	const struct plan_row *r;
	struct action act;
	char text[768], title[128], date[64];

	if (pv->sel < 0 || pv->sel >= m->n)
		return;
	r = &m->rows[pv->sel];
	plans_action_text(m, pv->sel, app->utf8, text, sizeof text);
	if (r->is_current || r->is_scheduled) {
		app_message(app, r->plan.name, text);
		return;
	}
	if (r->plan.contact_sales) {
		snprintf(title, sizeof title, _("%s: talk to sales"), r->plan.name);
		app_message(app, title, text);
		return;
	}
	if (!app_can_change(app)) {
		app_message(app, _("Read only"), app_error_sentence("billing_read_only"));
		return;
	}
	memset(&act, 0, sizeof act);
	act.sa.kind = SA_PLAN_CHANGE;
	str_copy(act.sa.plan_id, sizeof act.sa.plan_id, r->plan.id);
	if (m->current >= 0 && r->plan.rank < m->rows[m->current].plan.rank) {
		date_label(m->acct.period_end, date, sizeof date);
		snprintf(act.done, sizeof act.done,
		         _("The downgrade to %s is scheduled for %s. You keep %s until then; "
		           "press c on the Plans tab to cancel it."),
		         r->plan.name, date, m->rows[m->current].plan.name);
		snprintf(title, sizeof title, _("Downgrade to %s?"), r->plan.name);
	} else {
		snprintf(act.done, sizeof act.done, _("You are now on %s."), r->plan.name);
		snprintf(title, sizeof title, _("Upgrade to %s?"), r->plan.name);
	}
	app_confirm(app, title, text, &act);
}

static void
cancel_scheduled(struct plans_view *pv, struct app *app)
{
	const struct plans_model *m = &pv->m;
	struct action act;
	char text[512], date[64];
	const char *to, *cur;

	if (!m->acct.scheduled_plan_id[0]) {
		app_message(app, _("Nothing to cancel"), _("No plan change is scheduled."));
		return;
	}
	if (!app_can_change(app)) {
		app_message(app, _("Read only"), app_error_sentence("billing_read_only"));
		return;
	}
	to = m->scheduled >= 0 ? m->rows[m->scheduled].plan.name : m->acct.scheduled_plan_id;
	cur = m->current >= 0 ? m->rows[m->current].plan.name : m->acct.plan_id;
	date_label(m->acct.scheduled_at, date, sizeof date);
	snprintf(text, sizeof text, _("Cancel the change to %s on %s? You stay on %s."), to, date, cur);
	memset(&act, 0, sizeof act);
	act.sa.kind = SA_PLAN_CANCEL_SCHEDULED;
	snprintf(act.done, sizeof act.done, _("The change to %s is cancelled. You stay on %s."), to, cur);
	app_confirm(app, _("Cancel the scheduled change?"), text, &act);
}

static int
key(struct view *v, struct app *app, int k)
{
	struct plans_view *pv = v->priv;

	if (!pv || pv->m.n == 0)
		return VIEW_IGNORED;
	switch (k) {
	case KEY_LEFT: case 'h': case 'k': case KEY_UP:
		if (pv->sel > 0)
			pv->sel--;
		return VIEW_HANDLED;
	case KEY_RIGHT: case 'l': case 'j': case KEY_DOWN:
		if (pv->sel < pv->m.n - 1)
			pv->sel++;
		return VIEW_HANDLED;
	case KEY_HOME: case 'g':
		pv->sel = 0;
		return VIEW_HANDLED;
	case KEY_END: case 'G':
		pv->sel = pv->m.n - 1;
		return VIEW_HANDLED;
	case '\n': case '\r': case KEY_ENTER:
		enter(pv, app);
		return VIEW_HANDLED;
	case 'c':
		cancel_scheduled(pv, app);
		return VIEW_HANDLED;
	default:
		return VIEW_IGNORED;
	}
}

static int
load(struct app *app, struct view *v, char *err, size_t errsz)
{
	struct plans_view *pv = v->priv;
	int prev_current = pv->m.current;

	if (plans_load(app->cache, app->now, &pv->m, err, errsz) != 0)
		return -1;
	pv->m.actions_off = ~app->source->actions;
	/* Start on the current plan; after a change follow it there. */
	if (!pv->placed || pv->m.current != prev_current) {
		pv->sel = pv->m.current >= 0 ? pv->m.current : 0;
		pv->placed = 1;
	}
	if (pv->sel >= pv->m.n)
		pv->sel = pv->m.n > 0 ? pv->m.n - 1 : 0;
	return 0;
}

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	struct plans_view *pv = v->priv;

	if (pv)
		plans_draw(&pv->m, pv->sel, c, l);
}

static void
state_free(void *p)
{
	struct plans_view *pv = p;

	plans_free(&pv->m);
}

const struct view_ops view_plans_ops = {
	.name = N_("Plans"),
	.id = "plans",
	.caps = SRC_CAP_PLANS,
	.state_size = sizeof(struct plans_view),
	.state_free = state_free,
	.load = load,
	.draw = draw,
	.key = key,
	.keys = keys,
};
