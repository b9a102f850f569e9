/* view_payment.c: the Payment tab: state, keys and the view ops.
 * Drawing is in view_payment_draw.c. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/i18n.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/view.h"
#include "ui/view_payment.h"

void
payment_state_init(struct payment_state *s)
{
	memset(s, 0, sizeof *s);
	payment_model_init(&s->m);
	s->charges_limit = CHARGES_PAGE_DEFAULT;
	s->note_style = ST_NORMAL;
}

int
payment_state_load(struct cache *c, int64_t now, struct payment_state *s, char *err, size_t errsz)
{
	char keep[M_ID] = "";
	int i;

	if (s->pos.sel >= 0 && s->pos.sel < s->m.nmethods)
		str_copy(keep, sizeof keep, s->m.methods[s->pos.sel].id);
	if (payment_model_load(c, now, s->charges_offset, s->charges_limit, &s->m, err, errsz) < 0)
		return -1;
	/* A page past the end (fewer charges since): the last page. */
	if (s->m.ncharges == 0 && s->charges_offset > 0 && s->m.charges_total > 0) {
		s->charges_offset = (s->m.charges_total - 1) / s->charges_limit * s->charges_limit;
		if (payment_model_load_charges(c, &s->m, s->charges_offset, s->charges_limit, err, errsz) < 0)
			return -1;
	}
	s->pos.n = s->m.nmethods;
	for (i = 0; keep[0] != '\0' && i < s->m.nmethods; i++)
		if (strcmp(s->m.methods[i].id, keep) == 0)
			s->pos.sel = i;
	list_clamp(&s->pos, s->m.nmethods > 0 ? s->m.nmethods : 1);
	return 0;
}

void
payment_state_free(struct payment_state *s)
{
	payment_model_free(&s->m);
}

static void
note(struct payment_state *s, int style, const char *msg)
{
	str_copy(s->note, sizeof s->note, msg);
	s->note_style = style;
}

/* The setup answer: keep the URL for the panel (the dialog says it is below). */
static void
setup_done(struct app *app, struct view *v, const struct source_action_result *r, char *done,
           int done_size)
{
	struct payment_state *s = v != NULL ? v->priv : NULL;

	(void)app;
	if (s == NULL)
		return;
	if (!r->setup.url[0]) {
		snprintf(done, (size_t)done_size, "%s",
		         _("The server's answer could not be read: it names no page."));
		s->show_setup = 0;
	} else {
		s->setup = r->setup;
		s->show_setup = 1;
		snprintf(done, (size_t)done_size, "%s",
		         _("The page to add a payment method is on the Payment tab, with a QR code for a phone."));
	}
	v->dirty = 1;
}

static void
add_method(struct view *v, struct app *app, struct payment_state *s)
{
	struct action act;

	if (!app_can_change(app)) {
		note(s, ST_WARN, _("Your role can read billing but not change it: ask an owner or admin."));
		return;
	}
	memset(&act, 0, sizeof act);
	act.sa.kind = SA_PAYMENT_SETUP;
	act.on_success = setup_done;
	act.view = v;
	app_run_action(app, &act);
}

static void
make_default(struct view *v, struct app *app, struct payment_state *s)
{
	const struct payment_method *pm;
	struct action act;
	char label[M_NAME], body[512];

	if (s->m.nmethods == 0 || s->pos.sel < 0 || s->pos.sel >= s->m.nmethods)
		return;
	pm = &s->m.methods[s->pos.sel];
	pm_label(pm, label, sizeof label);
	if (pm->is_default) {
		snprintf(body, sizeof body, _("%s is already the default."), label);
		note(s, ST_NORMAL, body);
		return;
	}
	if (!app_can_change(app)) {
		note(s, ST_WARN, _("Your role can read billing but not change it: ask an owner or admin."));
		return;
	}
	memset(&act, 0, sizeof act);
	act.sa.kind = SA_PAYMENT_DEFAULT;
	str_copy(act.sa.payment_method_id, sizeof act.sa.payment_method_id, pm->id);
	snprintf(act.done, sizeof act.done, _("%s is now the default payment method."), label);
	act.view = v;
	snprintf(body, sizeof body,
	         _("Make %s the default payment method?  Future invoices are charged to it; "
	           "if the account is past due, the open invoice is charged to it at once."), label);
	app_confirm(app, _("Default payment method"), body, &act);
}

static int
page(struct app *app, struct payment_state *s, int dir)
{
	char err[256];
	int off = s->charges_offset + dir * s->charges_limit;

	if (off < 0 || off >= s->m.charges_total)
		return VIEW_HANDLED;
	s->charges_offset = off;
	if (payment_model_load_charges(app->cache, &s->m, off, s->charges_limit, err, sizeof err) < 0)
		note(s, ST_ALERT, err);
	return VIEW_HANDLED;
}

static int
key(struct view *v, struct app *app, int k)
{
	struct payment_state *s = v->priv;

	if (s == NULL)
		return VIEW_IGNORED;
	s->pos.n = s->m.nmethods;
	if (list_key(&s->pos, k, s->pos.n > 0 ? s->pos.n : 1))
		return VIEW_HANDLED;
	switch (k) {
	case '\n': case '\r': case KEY_ENTER: case 'D':
		make_default(v, app, s);
		return VIEW_HANDLED;
	case 'a':
		add_method(v, app, s);
		return VIEW_HANDLED;
	case ']': case '>':
		return page(app, s, 1);
	case '[': case '<':
		return page(app, s, -1);
	case 27:
		if (s->show_setup || s->note[0] != '\0') {
			s->show_setup = 0;
			note(s, ST_NORMAL, "");
			return VIEW_HANDLED;
		}
		return VIEW_IGNORED;
	default:
		return VIEW_IGNORED;
	}
}

struct pm_find {
	const struct payment_state *s;
	const char *query;
};

static int
pm_match(void *ctx, int i)
{
	const struct pm_find *f = ctx;
	const struct payment_method *pm = &f->s->m.methods[i];
	char text[256];

	snprintf(text, sizeof text, "%s %s %s %02d/%d%s", pm->brand, pm->last4, pm->bank_name,
	         pm->exp_month, pm->exp_year, pm->is_default ? " default" : "");
	return text_icontains(text, f->query);
}

/* `/`: a method by brand, last four digits, bank or expiry. */
static int
find(struct view *v, struct app *app, const char *query, int dir, int from_sel, char *msg, size_t msgsz)
{
	struct payment_state *s = v->priv;
	struct pm_find f = { s, query };
	int i;

	(void)app;
	i = list_find(s->m.nmethods, s->pos.sel, dir, from_sel, pm_match, &f);
	if (i < 0)
		return 0;
	s->pos.sel = i;
	list_found_note(msg, msgsz, query, i, s->m.nmethods);
	return 1;
}

static void
state_init(void *s)
{
	payment_state_init(s);
}

static void
state_free(void *s)
{
	payment_state_free(s);
}

static int
load(struct app *app, struct view *v, char *err, size_t errsz)
{
	struct payment_state *s = v->priv;

	s->headless = app->headless;
	return payment_state_load(app->cache, app->now, s, err, errsz);
}

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	if (v->priv != NULL)
		payment_draw(v->priv, c, l);
}

static const struct keyhelp keys[] = {
	{ N_("j/k"), N_("select a payment method"), SA_NONE },
	{ N_("Enter/D"), N_("make the selected method the default (asks first)"), SA_PAYMENT_DEFAULT },
	{ N_("a"), N_("add a method on the vendor's page (link and QR code)"), SA_PAYMENT_SETUP },
	{ N_("]/["), N_("older or newer charges"), SA_NONE },
	{ N_("Esc"), N_("close the add-a-method panel"), SA_NONE },
	{ NULL, NULL, SA_NONE }
};

const struct view_ops view_payment_ops = {
	.name = N_("Payment"),
	.id = "payment",
	.caps = SRC_CAP_PAYMENT,
	.state_size = sizeof(struct payment_state),
	.state_init = state_init,
	.state_free = state_free,
	.load = load,
	.draw = draw,
	.key = key,
	.keys = keys,
	.find = find,
};
