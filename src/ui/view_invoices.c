/* view_invoices.c: the Invoices tab: state, keys and the view ops.
 * Drawing is in view_invoices_draw.c, the PDF download in invoice_dl.c. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/i18n.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/invoice_dl.h"
#include "ui/view.h"
#include "ui/view_invoices.h"

void
invoices_state_init(struct invoices_state *s)
{
	memset(s, 0, sizeof *s);
	invoices_model_init(&s->m);
	s->note_style = ST_NORMAL;
}

int
invoices_state_select(struct cache *c, struct invoices_state *s, int row, char *err, size_t errsz)
{
	if (row >= s->m.total)
		row = s->m.total - 1;
	if (row < 0)
		row = 0;
	s->pos.n = s->m.total;
	s->pos.sel = row;
	if (s->m.total == 0)
		return invoices_model_load_detail(c, &s->m, -1, err, errsz);
	/* The rows a screen around the selection can show are read. */
	if (invoices_model_cover(c, &s->m, row, s->list_rows + 2, err, errsz) < 0)
		return -1;
	return invoices_model_load_detail(c, &s->m, row, err, errsz);
}

int
invoices_state_load(struct cache *c, int64_t now, struct invoices_state *s, char *err, size_t errsz)
{
	char keep[M_ID] = "";
	int row = 0, at, r;

	if (s->loaded && s->m.detail_index >= 0)
		str_copy(keep, sizeof keep, s->m.detail.id);
	if (invoices_model_load(c, now, s->m.filter, s->headless && s->print_rows <= 0, &s->m, err, errsz) < 0)
		return -1;
	/* A print's page: the top rows, whatever invoice gets selected below. */
	if (s->headless && s->print_rows > 0 && invoices_model_read_top(c, &s->m, s->print_rows, err, errsz) < 0)
		return -1;
	row = s->loaded ? s->pos.sel : invoices_initial_row(&s->m);
	/* Opening the tab: the running period's draft, or the invoice asked for;
	 * a reload keeps the selected invoice where it went. */
	r = 0;
	if (!s->loaded && s->want[0] != '\0')
		r = cache_invoice_index(c, s->m.filter, s->want, &at);
	else if (keep[0] != '\0')
		r = cache_invoice_index(c, s->m.filter, keep, &at);
	if (r < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		return -1;
	}
	if (r == 1)
		row = at;
	s->loaded = 1;
	if (invoices_state_select(c, s, row, err, errsz) < 0)
		return -1;
	/* (again when the selection's detail moved the window: it is read) */
	if (s->headless && s->print_rows > 0 && invoices_model_read_top(c, &s->m, s->print_rows, err, errsz) < 0)
		return -1;
	return 0;
}

void
invoices_state_free(struct invoices_state *s)
{
	invoice_dl_free(s->dl.job);
	s->dl.job = NULL;
	invoices_model_free(&s->m);
}

static void
note(struct invoices_state *s, int style, const char *msg)
{
	str_copy(s->note, sizeof s->note, msg);
	s->note_style = style;
}

/* view_ops.find for the framework's `/` prompt (keys.c): the next (dir 1)
 * or previous (-1) invoice whose number or amount matches, in the whole
 * list (SQL), not only the rows read. */
static int
find(struct view *v, struct app *app, const char *query, int dir, int from_sel, char *msg, size_t msgsz)
{
	struct invoices_state *s = v->priv;
	char err[256];
	int n = s->m.total, at = -1;

	/* n/N start next to the selection and wrap around. */
	if (n > 0 && invoices_model_find(app->cache, &s->m, query,
	                                 ((s->pos.sel + (from_sel ? 0 : dir)) % n + n) % n, dir,
	                                 &at, &n, err, sizeof err) < 0) {
		str_copy(msg, msgsz, err);
		return -1;
	}
	if (at < 0) {
		snprintf(msg, msgsz, _("No invoice matches \"%s\"."), query);
		return 0;
	}
	if (invoices_state_select(app->cache, s, at, err, sizeof err) < 0) {
		str_copy(msg, msgsz, err);
		return -1;
	}
	snprintf(msg, msgsz, P_("\"%s\": %d match (n/N: next/previous)", "\"%s\": %d matches (n/N: next/previous)", n),
	         query, n);
	return 1;
}

static void
start_download(struct app *app, struct invoices_state *s)
{
	const struct invoice *inv;
	char err[512];

	if (s->m.detail_index < 0 || s->m.detail_index != s->pos.sel)
		return;
	if (s->dl.active) {
		note(s, ST_WARN, _("A download is already running."));
		return;
	}
	inv = &s->m.detail;
	if (app->offline) {
		note(s, ST_WARN, _("billtop runs with --offline: the PDF cannot be fetched."));
		return;
	}
	if (!source_can(app->source, SA_INVOICE_PDF)) {
		char words[512];

		snprintf(words, sizeof words, _("%s cannot do this from billtop."), app->source->display);
		note(s, ST_WARN, words);
		return;
	}
	if (invoice_dl_start(app, inv->id, inv->number, &s->dl.job, s->dl.name, sizeof s->dl.name,
	                     err, sizeof err) < 0) {
		note(s, ST_ALERT, err);
		return;
	}
	s->dl.active = 1;
	s->dl.done = 0;
	s->dl.total = -1;
	note(s, ST_NORMAL, "");
}

static int
key(struct view *v, struct app *app, int k)
{
	struct invoices_state *s = v->priv;
	char err[256];
	int before;

	if (s == NULL)
		return VIEW_IGNORED;
	before = s->pos.sel;
	s->pos.n = s->m.total;
	if (list_key(&s->pos, k, s->list_rows > 1 ? s->list_rows - 1 : 1)) {
		if (s->pos.sel != before && invoices_state_select(app->cache, s, s->pos.sel, err, sizeof err) < 0)
			note(s, ST_ALERT, err);
		return VIEW_HANDLED;
	}
	switch (k) {
	case 'f':
		s->m.filter = invoice_filter_next(s->m.filter);
		if (invoices_state_load(app->cache, app->now, s, err, sizeof err) < 0)
			note(s, ST_ALERT, err);
		return VIEW_HANDLED;
	case 'd':
		start_download(app, s);
		return VIEW_HANDLED;
	case 'o':
		s->show_link = !s->show_link;
		return VIEW_HANDLED;
	case 27:
		if (s->show_link || s->note[0] != '\0') {
			s->show_link = 0;
			note(s, ST_NORMAL, "");
			return VIEW_HANDLED;
		}
		return VIEW_IGNORED;
	default:
		return VIEW_IGNORED;
	}
}

static void
state_init(void *s)
{
	invoices_state_init(s);
}

static void
state_free(void *s)
{
	invoices_state_free(s);
}

static int
load(struct app *app, struct view *v, char *err, size_t errsz)
{
	struct invoices_state *s = v->priv;

	s->headless = app->headless;
	return invoices_state_load(app->cache, app->now, s, err, errsz);
}

static void
draw(struct view *v, struct canvas *c, const struct layout *l)
{
	struct invoices_state *s = v->priv;

	if (s == NULL)
		return;
	s->m.now = l->now;
	invoices_draw(s, c, l);
}

/* The download's child reports progress; the main loop calls this when its
 * pipe is readable. */
static void
job_ready(struct view *v, struct app *app)
{
	struct invoices_state *s = v->priv;
	char msg[512];
	int finished = 0, ok = 0;

	if (s == NULL || s->dl.job == NULL)
		return;
	invoice_dl_read(s->dl.job, &s->dl.done, &s->dl.total, &finished, &ok, msg, sizeof msg);
	v->dirty = 1;
	if (!finished)
		return;
	invoice_dl_free(s->dl.job);
	s->dl.job = NULL;
	s->dl.active = 0;
	note(s, ok ? ST_OK : ST_ALERT, msg);
	(void)app;
}

static int
job_fd(struct view *v)
{
	struct invoices_state *s = v->priv;

	return s != NULL && s->dl.job != NULL ? invoice_dl_fd(s->dl.job) : -1;
}

static const struct keyhelp keys[] = {
	{ N_("j/k"), N_("select an invoice"), SA_NONE },
	{ N_("/"), N_("search by number or amount (Enter: find, Esc: cancel)"), SA_NONE },
	{ N_("n/N"), N_("next or previous match"), SA_NONE },
	{ N_("f"), N_("show one status: all, draft, issued, paid, past due, void"), SA_NONE },
	{ N_("d"), N_("download the PDF to the download directory"), SA_INVOICE_PDF },
	{ N_("o"), N_("show the hosted invoice link"), SA_NONE },
	{ NULL, NULL, SA_NONE }
};

const struct view_ops view_invoices_ops = {
	.name = N_("Invoices"),
	.id = "invoices",
	.caps = SRC_CAP_INVOICES,
	.state_size = sizeof(struct invoices_state),
	.state_init = state_init,
	.state_free = state_free,
	.load = load,
	.draw = draw,
	.key = key,
	.keys = keys,
	.find = find,
	.job_fd = job_fd,
	.job_ready = job_ready,
};
