/* compose.c: tab bar, banners, view, status line and overlays in one canvas. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/compose.h"
#include "ui/glyphs.h"
#include "ui/hyperlink.h"
#include "ui/offered.h"
#include "ui/widgets.h"

const struct keyhelp global_keys[] = {
	{ N_("1-6"), N_("go to a tab"), SA_NONE },
	{ N_("Tab/S-Tab"), N_("next or previous tab"), SA_NONE },
	{ N_("left/right"), N_("previous or next tab (if the tab does not use them)"), SA_NONE },
	{ N_("j/k, up/down"), N_("move in lists"), SA_NONE },
	{ N_("PgUp/PgDn, Space"), N_("a page up or down (Space: down)"), SA_NONE },
	{ N_("Home/End, g/G"), N_("first or last item"), SA_NONE },
	{ N_("mouse"), N_("click a tab or a row; the wheel moves in lists"), SA_NONE },
	{ N_("/"), N_("search the list (then n/N: next or previous match)"), SA_NONE },
	{ N_("Enter"), N_("open the selected item"), SA_NONE },
	{ N_("Esc"), N_("back; close a dialog"), SA_NONE },
	{ N_("r, F5"), N_("refresh from the server now"), SA_NONE },
	{ N_("Ctrl-L"), N_("repaint the whole screen"), SA_NONE },
	{ N_("?, F1"), N_("this help; any key closes it"), SA_NONE },
	{ N_("q, F10"), N_("quit"), SA_NONE },
	{ NULL, NULL, SA_NONE }
};

static void
draw_too_small(struct canvas *c)
{
	char msg[128];

	snprintf(msg, sizeof msg, _("terminal too small: need %dx%d"), MIN_W, MIN_H);
	canvas_clear(c);
	draw_wrap(c, 0, 0, c->w, c->h, ST_BOLD, msg);
}

static void
draw_tabbar(struct app *app, struct canvas *c, struct frame *f)
{
	const char *title = PACKAGE;
	char label[64];
	int i, x = 0, full = 0, st, tw, names;

	canvas_fill(c, 0, 0, c->w, 1, ST_TAB, " ");
	/* Full names with the title if they fit, then without it, then numbers
	 * for every tab but the current one. */
	for (i = 0; i < app->nviews; i++)
		full += canvas_text_width(c, _(app->views[i].ops->name)) + 4;
	tw = canvas_text_width(c, title) + 2;
	names = full <= c->w;
	if (full + tw <= c->w) {
		canvas_text(c, 1, 0, -1, ST_TITLE, title);
		canvas_style(c, 0, 0, tw, ST_TITLE);
		x = tw;
	}
	f->ntabs = 0;
	for (i = 0; i < app->nviews && i < 8; i++) {
		st = i == app->cur ? ST_TAB_ACTIVE : ST_TAB;
		/* The current tab is bracketed: marked without colour too. */
		if (i == app->cur)
			snprintf(label, sizeof label, "[%d %s]", i + 1, _(app->views[i].ops->name));
		else if (names)
			snprintf(label, sizeof label, " %d %s ", i + 1, _(app->views[i].ops->name));
		else
			snprintf(label, sizeof label, " %d ", i + 1);
		f->tab_x0[i] = x;
		x += canvas_text(c, x, 0, c->w - x, st, label);
		f->tab_x1[i] = x;
		f->ntabs = i + 1;
	}
	/* The account on the right when there is room. */
	if (app->have_account && c->w - x > 12)
		draw_text_right(c, c->w - 1, 0, c->w - x - 2, ST_TAB, app->account.name);
}

/* The UTC time of t ("14:02 UTC"), with its date when that is not today's. */
static void
synced_when(int64_t now, int64_t t, char *buf, size_t n)
{
	char d0[32], d1[32], dt[64];
	size_t len;

	if (time_format_datetime(t, dt, sizeof dt) < 0) {
		str_copy(buf, n, "?");
		return;
	}
	len = strlen(dt);
	/* dt is d1, a space, then the time of day */
	if (time_format_date(now, d0, sizeof d0) == 0 && time_format_date(t, d1, sizeof d1) == 0 &&
	    strcmp(d0, d1) == 0 && len > strlen(d1) + 1)
		str_copy(buf, n, dt + strlen(d1) + 1);
	else
		str_copy(buf, n, dt);
}

static void
draw_status(struct app *app, struct canvas *c, int y)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	char left[600], ago[64], when[64];
	const char *hint;
	int st = ST_STATUS, hw;

	canvas_fill(c, 0, y, c->w, 1, ST_STATUS, " ");
	if (app->searching) {
		snprintf(left, sizeof left, "/%s_  %s", app->query, _("(Enter: find, Esc: cancel)"));
	} else if (app->refreshing) {
		snprintf(left, sizeof left, "%s %s", g->spin[app->spin % g->nspin], _("Refreshing..."));
	} else if (app->notice[0]) {
		snprintf(left, sizeof left, "%s", app->notice);
	} else if (app->offline) {
		snprintf(left, sizeof left, "%s", _("offline"));
	} else if (app->last_error[0]) {
		snprintf(left, sizeof left, "%s %s", app->net_failed ? _("offline:") : _("error:"),
		         app->last_error);
		st = ST_STATUS;
	} else if (app->synced_at != M_NONE) {
		/* Frames are only made when something changed (an idle dashboard
		 * writes nothing), so the age can be old; the clock time beside it
		 * is right whatever the age says. */
		ago_format(app->now, app->synced_at, ago, sizeof ago);
		synced_when(app->now, app->synced_at, when, sizeof when);
		/* TRANSLATORS: "updated 14:02 (3 min ago)"; the first %s is a time in UTC (or date and time), with "UTC". */
		snprintf(left, sizeof left, _("updated %s (%s)"), when, ago);
	} else {
		snprintf(left, sizeof left, "%s", _("not updated yet"));
	}
	hint = c->w >= FULL_W ? _("r refresh  ? help  q quit") : _("? help");
	hw = canvas_text_width(c, hint);
	draw_text_right(c, c->w - 1, y, hw, ST_STATUS, hint);
	draw_text_fit(c, 1, y, c->w - hw - 3, st, left);
}

/* A screen in place of the view: a heading and a paragraph. */
static void
draw_notice(struct canvas *c, const struct layout *l, int style, const char *head, const char *body)
{
	int y = l->y + (l->h > 8 ? 1 : 0), w = l->w - 4;

	if (w < 1)
		return;
	y += draw_wrap(c, l->x + 2, y, w, l->y + l->h - y, style, head);
	y++;
	if (body && y < l->y + l->h)
		draw_wrap(c, l->x + 2, y, w, l->y + l->h - y, ST_NORMAL, body);
}

static void
draw_loading(struct app *app, struct canvas *c, const struct layout *l)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	char head[700], body[900];

	if (app->offline) {
		draw_notice(c, l, ST_BOLD, _("The cache is empty."),
		            _("billtop runs with --offline, so it cannot fetch anything. "
		              "Run it once without --offline (or run `billtop sync`) to fill the cache."));
		return;
	}
	if (app->refreshing || !app->last_error[0]) {
		snprintf(head, sizeof head, "%s %s", g->spin[app->spin % g->nspin],
		         _("Loading your billing data..."));
		snprintf(body, sizeof body, _("This is the first start: billtop fetches everything from %s "
		                              "once; later starts open at once from the local cache."),
		         app->url[0] ? app->url : _("the server"));
		draw_notice(c, l, ST_BOLD, head, body);
		return;
	}
	snprintf(body, sizeof body, _("%s\n\nPress r to try again, q to quit."), app->last_error);
	draw_notice(c, l, ST_ALERT, _("Could not load your billing data."), body);
}

static void
draw_forbidden(struct app *app, struct canvas *c, const struct layout *l)
{
	char head[200];

	if (app->role[0])
		snprintf(head, sizeof head, _("Your role (%s) cannot see billing."), app->role);
	else
		snprintf(head, sizeof head, "%s", _("Your role cannot see billing."));
	draw_notice(c, l, ST_ALERT, head,
	            _("Billing is visible to the roles owner, admin and billing reader. "
	              "Ask an owner or an admin of the account for one of these roles "
	              "(billing reader is enough to look), then press r."));
}

static void
draw_help(struct app *app, struct canvas *c, int top, int bottom)
{
	const struct keyhelp *vk = app_view(app)->ops->keys;
	const struct glyphs *g = glyphs_for(c->utf8);
	int w = c->w - 4 > 70 ? 70 : c->w - 4, h, x, y, i, rows, kw = 14;
	char title[128], keys[128];

	rows = 1;
	for (i = 0; global_keys[i].keys; i++)
		rows++;
	if (vk && vk[0].keys) {
		rows += 2;
		for (i = 0; vk[i].keys; i++)
			rows += keyhelp_shown(&vk[i], app->source->actions);
	}
	h = rows + 3;
	if (h > bottom - top)
		h = bottom - top;
	if (w < 20 || h < 4)
		return;
	x = (c->w - w) / 2;
	y = top + (bottom - top - h) / 2;
	snprintf(title, sizeof title, _("Keys: %s"), _(app_view(app)->ops->name));
	draw_box(c, x, y, w, h, ST_DIALOG, title);
	hyperlink_drop_in(x, y, w, h);
	rows = y + 1;
	if (vk && vk[0].keys) {
		draw_text_fit(c, x + 2, rows++, w - 4, ST_BOLD, _("This tab"));
		for (i = 0; vk[i].keys && rows < y + h - 2; i++) {
			if (!keyhelp_shown(&vk[i], app->source->actions))
				continue;
			draw_text_fit(c, x + 2, rows, kw - 1, ST_BOLD, glyphs_hint(g, vk[i].keys, keys, sizeof keys));
			draw_text_fit(c, x + 2 + kw, rows, w - 4 - kw, ST_DIALOG, _(vk[i].what));
			rows++;
		}
		rows++;
	}
	if (rows < y + h - 2)
		draw_text_fit(c, x + 2, rows++, w - 4, ST_BOLD, _("Everywhere"));
	for (i = 0; global_keys[i].keys && rows < y + h - 2; i++, rows++) {
		draw_text_fit(c, x + 2, rows, kw - 1, ST_BOLD, glyphs_hint(g, global_keys[i].keys, keys, sizeof keys));
		draw_text_fit(c, x + 2 + kw, rows, w - 4 - kw, ST_DIALOG, _(global_keys[i].what));
	}
	draw_text_fit(c, x + 2, y + h - 2, w - 4, ST_DIM, _("Press any key to close."));
}

static void
draw_dialog(struct app *app, struct canvas *c, int top, int bottom)
{
	const struct glyphs *g = glyphs_for(c->utf8);
	const struct dialog *d = &app->dialog;
	int w = c->w - 4 > 64 ? 64 : c->w - 4, h, x, y, bh, st;
	char foot[128], title[160];

	if (w < 16)
		return;
	switch (d->kind) {
	case DLG_CONFIRM:
		snprintf(foot, sizeof foot, "%s", _("y/Enter: confirm   n/Esc: cancel"));
		break;
	case DLG_BUSY:
		snprintf(foot, sizeof foot, "%s %s", g->spin[app->spin % g->nspin], _("Waiting for the server..."));
		break;
	default:
		snprintf(foot, sizeof foot, "%s", _("Enter/Esc: close"));
		break;
	}
	bh = draw_wrap(NULL, 0, 0, w - 4, -1, 0, d->body);
	h = bh + 4;
	if (h > bottom - top)
		h = bottom - top;
	if (h < 3)
		return;
	x = (c->w - w) / 2;
	y = top + (bottom - top - h) / 2;
	st = d->kind == DLG_ERROR ? ST_ALERT : ST_DIALOG;
	if (d->kind == DLG_ERROR)
		snprintf(title, sizeof title, "%s %s", "!", d->title);
	else
		snprintf(title, sizeof title, "%s", d->title);
	draw_box(c, x, y, w, h, ST_DIALOG, title);
	hyperlink_drop_in(x, y, w, h);
	if (d->kind == DLG_ERROR)
		canvas_style(c, x + 2, y, canvas_text_width(c, title) + 2, ST_ALERT);
	draw_wrap(c, x + 2, y + 1, w - 4, h - 3, st == ST_ALERT ? ST_DIALOG : st, d->body);
	if (h >= 4)
		draw_text_fit(c, x + 2, y + h - 2, w - 4, ST_BOLD, foot);
}

void
compose_frame(struct app *app, struct canvas *c, struct frame *f)
{
	struct layout l;
	struct view *v;
	int rows, max_banner_rows, y, i;

	canvas_clear(c);
	memset(f, 0, sizeof *f);
	if (c->w < MIN_W || c->h < MIN_H) {
		draw_too_small(c);
		return;
	}
	draw_tabbar(app, c, f);
	max_banner_rows = c->h >= FULL_H ? 3 : 1;
	f->nbanners = banners_collect(app, f->banners, BANNER_MAX);
	rows = banners_draw(c, 0, 1, c->w, max_banner_rows, f->banners, f->nbanners);
	/* A URL drawn whole becomes an OSC 8 link too (tui.c writes them). */
	for (i = 0; i < f->nbanners; i++)
		if (f->banners[i].link_w > 0)
			hyperlink_add(f->banners[i].link_x, f->banners[i].link_y, ST_LINK,
			              f->banners[i].url, f->banners[i].url);
	y = 1 + rows;
	view_layout(&l, 0, y, c->w, c->h - 1 - y);
	l.compact = c->w < FULL_W || c->h < FULL_H;
	l.now = app->now;
	v = app_view(app);
	v->rows = l.h;
	if (app->access == ACCESS_FORBIDDEN)
		draw_forbidden(app, c, &l);
	else if (!app->have_snapshot)
		draw_loading(app, c, &l);
	else if (offered_missing(app->source, v->ops))
		offered_draw(app->source, v->ops, c, l.x, l.y, l.w, l.h);
	else if (app->load_error[0])
		draw_notice(c, &l, ST_ALERT, _("This tab could not be shown."), app->load_error);
	else if (v->ops->draw)
		v->ops->draw(v, c, &l);
	v->dirty = 0;
	draw_status(app, c, c->h - 1);
	if (app->dialog.kind != DLG_NONE)
		draw_dialog(app, c, 1, c->h - 1);
	else if (app->help)
		draw_help(app, c, 1, c->h - 1);
}

int
frame_tab_at(const struct frame *f, int x)
{
	int i;

	for (i = 0; i < f->ntabs; i++)
		if (x >= f->tab_x0[i] && x < f->tab_x1[i])
			return i;
	return -1;
}
