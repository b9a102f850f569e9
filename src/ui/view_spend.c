/* view_spend.c: Overview and Usage of a spend source (view_spend.h). */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/source.h"
#include "client/cache_spend.h"
#include "client/config.h"
#include "client/decode_spend.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/chart.h"
#include "ui/theme.h"
#include "ui/view_spend.h"
#include "ui/widgets.h"

#define LABEL_W 24

int
spend_view_active(const struct app *app)
{
	return (app->source->caps & SRC_CAP_SPEND) != 0;
}

static void
table_free(struct spend_table *t)
{
	free(t->rows);
	free(t->minor);
	memset(t, 0, sizeof *t);
}

void
spend_view_free(struct spend_view *sv)
{
	if (!sv)
		return;
	table_free(&sv->items);
	table_free(&sv->groups);
	free(sv->day_minor);
	free(sv->day_labels);
	free(sv->day_label_ptrs);
	free(sv->tokens);
	free(sv->key_tokens);
	free(sv->key_names);
	free(sv->daily);
	free(sv);
}

static int
table_load(struct cache *c, const struct spend_figures *f, const char *dim, struct spend_table *t)
{
	if (cache_spend_totals(c, dim, f->month_from, f->today, &t->rows, &t->n) < 0)
		return -1;
	if (t->n > 0 && !(t->minor = calloc((size_t)t->n, sizeof *t->minor)))
		return -1;
	return spend_alloc(t->rows, t->n, f->org.currency, t->minor, &t->total);
}

/* The month's days for the chart, each day's cost split from the once-rounded
 * month total so the bars add up to the month to date. */
static int
days_load(struct cache *c, struct spend_view *sv)
{
	struct spend_row *r = NULL;
	int64_t *micro = NULL, total;
	int n = 0, i, rc = -1;

	if (cache_spend_per_day(c, sv->f.month_from, sv->f.today, &micro, &n) < 0)
		return -1;
	sv->ndays = n;
	if (!(r = calloc((size_t)n + 1, sizeof *r)) ||
	    !(sv->day_minor = calloc((size_t)n + 1, sizeof *sv->day_minor)) ||
	    !(sv->day_labels = calloc((size_t)n + 1, sizeof *sv->day_labels)) ||
	    !(sv->day_label_ptrs = calloc((size_t)n + 1, sizeof *sv->day_label_ptrs)))
		goto out;
	for (i = 0; i < n; i++) {
		r[i].amount = micro[i];
		/* "11-05" from the month's first day + i */
		snprintf(sv->day_labels[i], sizeof sv->day_labels[i], "%.2s-%02d", sv->f.month_from + 5,
		         (i + 1) % 100);
		sv->day_label_ptrs[i] = sv->day_labels[i];
	}
	rc = spend_alloc(r, n, sv->f.org.currency, sv->day_minor, &total);
out:
	free(r);
	free(micro);
	return rc;
}

int
spend_view_load(struct app *app, struct spend_view **out, char *err, size_t errsz)
{
	struct spend_view *sv;
	int anth;

	spend_view_free(*out);
	*out = NULL;
	sv = calloc(1, sizeof *sv);
	if (!sv) {
		snprintf(err, errsz, "%s", _("out of memory"));
		return -1;
	}
	if (spend_figures_load(app->cache, app->now, app->budget, app->budget_currency, &sv->f, err, errsz) < 0) {
		free(sv);
		return -1;
	}
	sv->nlines = spend_overview_lines(&sv->f, app->utf8 ? 0 : MONEY_FMT_ASCII, sv->lines, SPEND_ROWS);
	spend_budget_text(&sv->f, app->utf8 ? 0 : MONEY_FMT_ASCII, sv->banner, sizeof sv->banner);
	anth = strcmp(sv->f.org.source, "anthropic") == 0;
	snprintf(sv->item_title, sizeof sv->item_title, "%s", anth ? _("Cost by description") : _("Cost by line item"));
	snprintf(sv->group_title, sizeof sv->group_title, "%s", anth ? _("Cost by workspace") : _("Cost by project"));
	if (table_load(app->cache, &sv->f, anth ? "description" : "line_item", &sv->items) < 0 ||
	    table_load(app->cache, &sv->f, anth ? "workspace" : "project", &sv->groups) < 0 ||
	    days_load(app->cache, sv) < 0 ||
	    cache_spend_tokens(app->cache, sv->f.month_from, sv->f.today, &sv->tokens, &sv->ntokens) < 0 ||
	    cache_spend_key_tokens(app->cache, sv->f.month_from, sv->f.today, &sv->key_tokens,
	                           &sv->nkey_tokens) < 0 ||
	    cache_spend_names(app->cache, "api_key", &sv->key_names, &sv->nkey_names) < 0 ||
	    cache_spend_daily(app->cache, anth ? "description" : "line_item", sv->f.month_from, sv->f.today,
	                      &sv->daily, &sv->ndaily) < 0) {
		snprintf(err, errsz, _("the spend could not be read from the cache: %s"), cache_error(app->cache));
		spend_view_free(sv);
		return -1;
	}
	sv->sel = -1;
	*out = sv;
	return 0;
}

int
spend_view_key(struct spend_view *sv, int key)
{
	switch (key) {
	case KEY_LEFT:
	case 'h':
		if (sv->ndays <= 0)
			return VIEW_IGNORED;
		sv->sel = sv->sel < 0 ? sv->ndays - 1 : sv->sel > 0 ? sv->sel - 1 : 0;
		return VIEW_HANDLED;
	case KEY_RIGHT:
	case 'l':
		if (sv->ndays <= 0)
			return VIEW_IGNORED;
		sv->sel = sv->sel < 0 ? sv->ndays - 1 : sv->sel + 1 < sv->ndays ? sv->sel + 1 : sv->sel;
		return VIEW_HANDLED;
	case 27:
		if (sv->sel < 0)
			return VIEW_IGNORED;
		sv->sel = -1;
		return VIEW_HANDLED;
	default:
		return VIEW_IGNORED;
	}
}

/* The selected day: its rows by item, split from the day's bar so they add
 * up to it.  Returns the next row. */
static int
draw_day(const struct spend_view *sv, struct canvas *c, int x, int y, int w, int bottom)
{
	char day[11], buf[160], m[64];
	struct spend_row *rows;
	int64_t *minor, total;
	int i, k = 0, first = -1;
	/* the selected day of the month, 1..31 (two digits, so it fits) */
	unsigned dom = sv->sel < 0 ? 1u : sv->sel > 30 ? 31u : (unsigned)sv->sel + 1u;

	snprintf(day, sizeof day, "%.8s%02u", sv->f.month_from, dom);
	for (i = 0; i < sv->ndaily; i++)
		if (strcmp(sv->daily[i].day, day) == 0) {
			if (first < 0)
				first = i;
			k++;
		}
	money_format(m, sizeof m, sv->day_minor[sv->sel], sv->f.org.currency, c->utf8 ? 0 : MONEY_FMT_ASCII);
	snprintf(buf, sizeof buf, _("%s: %s (Esc: the whole month)"), day, m);
	draw_text_fit(c, x, y++, w, ST_BOLD, buf);
	if (k == 0)
		return y + 1;
	minor = calloc((size_t)k, sizeof *minor);
	if (!minor)
		return y + 1;
	/* the day's rows are contiguous (ordered by day, then key), split so
	 * they add up to the day's bar */
	rows = &sv->daily[first];
	if (spend_split(rows, k, sv->f.org.currency, sv->day_minor[sv->sel], minor, &total) < 0)
		memset(minor, 0, (size_t)k * sizeof *minor);
	for (i = 0; i < k && y < bottom; i++, y++) {
		money_format(m, sizeof m, minor[i], sv->f.org.currency, c->utf8 ? 0 : MONEY_FMT_ASCII);
		draw_text_fit(c, x + 2, y, w - 18, ST_NORMAL, rows[i].name[0] ? rows[i].name : _("(none)"));
		draw_text_right(c, x + w, y, 16, ST_NORMAL, m);
	}
	free(minor);
	return y + 1;
}

void
spend_view_draw_overview(const struct spend_view *sv, struct canvas *c, const struct layout *l)
{
	int y = l->y + (l->h >= 14 ? 1 : 0), i, bottom = l->y + l->h;

	if (l->w < 20)
		return;
	if (sv->banner[0] && y < bottom) {
		draw_text_fit(c, l->x, y++, l->w, sv->f.budget_state == BUDGET_100 ? ST_ALERT : ST_WARN, sv->banner);
		if (y < bottom)
			y++;
	}
	for (i = 0; i < sv->nlines && y < bottom; i++, y++)
		draw_field(c, l->x, y, l->w < 60 ? 18 : LABEL_W, l->w, sv->lines[i].label,
		           i == 2 || i == 3 ? ST_BOLD : ST_NORMAL, sv->lines[i].value);
	if (sv->f.budget > 0 && y + 1 < bottom) {
		y++;
		draw_gauge(c, l->x, y, l->w < 40 ? l->w : 40, sv->f.mtd, sv->f.budget,
		           sv->f.budget_state == BUDGET_100 ? ST_ALERT : sv->f.budget_state == BUDGET_80 ? ST_WARN : ST_OK,
		           ST_DIM);
	}
}

static int
draw_table(const struct spend_view *sv, const struct spend_table *t, const char *title, struct canvas *c,
           int x, int y, int w, int bottom)
{
	char m[64];
	int i;

	if (y >= bottom)
		return y;
	draw_text_fit(c, x, y++, w, ST_BOLD, title);
	for (i = 0; i < t->n && y < bottom - 1; i++, y++) {
		money_format(m, sizeof m, t->minor[i], sv->f.org.currency, c->utf8 ? 0 : MONEY_FMT_ASCII);
		draw_text_fit(c, x + 2, y, w - 18, ST_NORMAL, t->rows[i].name[0] ? t->rows[i].name : _("(none)"));
		draw_text_right(c, x + w, y, 16, ST_NORMAL, m);
	}
	if (y < bottom) {
		money_format(m, sizeof m, t->total, sv->f.org.currency, c->utf8 ? 0 : MONEY_FMT_ASCII);
		draw_text_fit(c, x + 2, y, w - 18, ST_DIM, _("Total"));
		draw_text_right(c, x + w, y++, 16, ST_BOLD, m);
	}
	return y + 1;
}

/* The name of an API key (its id when none is known). */
static const char *
api_key_name(const struct spend_view *sv, const char *id)
{
	int i;

	if (!id[0])
		return _("(no API key)");
	for (i = 0; i < sv->nkey_names; i++)
		if (strcmp(sv->key_names[i].key, id) == 0)
			return sv->key_names[i].name;
	return id;
}

/* Tokens and requests by model, or by API key (by_key): rows key = model or
 * key id, name = kind.  Returns the next row. */
static int
draw_tokens(const struct spend_view *sv, const struct spend_row *t, int nt, int by_key, struct canvas *c,
            const struct layout *l, int y)
{
	int bottom = l->y + l->h, i, j, len;
	int64_t in, out, req, web, vbytes, sessions;
	const char *label;
	char buf[256];

	if (y >= bottom || (by_key && nt == 0))
		return y;
	draw_text_fit(c, l->x, y++, l->w, ST_BOLD, by_key ? _("Tokens and requests by API key")
	              : _("Tokens and requests by model"));
	for (i = 0; i < nt && y < bottom; i = j, y++) {
		in = out = req = web = vbytes = sessions = 0;
		for (j = i; j < nt && strcmp(t[j].key, t[i].key) == 0; j++) {
			if (strcmp(t[j].name, TOK_INPUT) == 0 || strcmp(t[j].name, TOK_CACHE_READ) == 0 ||
			    strcmp(t[j].name, TOK_CACHE_WRITE) == 0 ||
			    strcmp(t[j].name, TOK_MODERATION) == 0)
				in += t[j].amount;
			else if (strcmp(t[j].name, TOK_OUTPUT) == 0)
				out += t[j].amount;
			else if (strcmp(t[j].name, TOK_REQUESTS) == 0)
				req = t[j].amount;
			else if (strcmp(t[j].name, TOK_WEB_SEARCH) == 0)
				web = t[j].amount;
			else if (strcmp(t[j].name, TOK_VECTOR_BYTES) == 0)
				vbytes = t[j].amount;
			else if (strcmp(t[j].name, TOK_SESSIONS) == 0)
				sessions = t[j].amount;
		}
		label = by_key ? api_key_name(sv, t[i].key) : t[i].key[0] ? t[i].key : _("(all models)");
		if (!by_key && !t[i].key[0] && !in && !out && !req && (vbytes || sessions)) {
			/* OpenAI's vector stores and code interpreter sessions have no model */
			label = _("(no model)");
			snprintf(buf, sizeof buf, _("%lld vector store byte-days, %lld code interpreter sessions"),
			         (long long)vbytes, (long long)sessions);
			/* a longer figure: the row's width but for the short label */
			draw_text_fit(c, l->x + 2, y, 12, ST_NORMAL, label);
			draw_text_right(c, l->x + l->w, y, l->w - 16, ST_NORMAL, buf);
			continue;
		}
		len = snprintf(buf, sizeof buf, _("%lld input, %lld output, %lld requests"), (long long)in,
		               (long long)out, (long long)req);
		/* Anthropic's server tool use: the web searches the model made */
		if (web && len > 0 && (size_t)len < sizeof buf)
			snprintf(buf + len, sizeof buf - (size_t)len, _(", %lld web searches"), (long long)web);
		draw_text_fit(c, l->x + 2, y, l->w / 2 - 2, ST_NORMAL, label);
		draw_text_right(c, l->x + l->w, y, l->w / 2, ST_NORMAL, buf);
	}
	return y + 1;
}

void
spend_view_draw_usage(const struct spend_view *sv, struct canvas *c, const struct layout *l)
{
	static const char *const series[] = { N_("Cost") };
	const char *names[1];
	struct chart_data d = { .nslots = 0 };   /* every field, marks included */
	struct chart_opts o = { sv->sel, 0 };
	char buf[256];
	int y = l->y, bottom = l->y + l->h, ch, half;

	if (l->w < 20)
		return;
	snprintf(buf, sizeof buf, _("%s spend, %s to %s (cents per day)"), spend_source_title(sv->f.org.source),
	         sv->f.month_from, sv->f.today);
	draw_text_fit(c, l->x, y++, l->w, ST_BOLD, buf);
	names[0] = _(series[0]);
	d.nslots = sv->ndays;
	d.nseries = 1;
	d.values = sv->day_minor;
	d.slot_labels = sv->day_label_ptrs;
	d.series_names = names;
	ch = l->h >= 30 ? 10 : l->h >= 20 ? 7 : 0;
	if (ch && chart_draw(c, l->x, y, l->w, ch, &d, &o, NULL) == 0)
		y += ch + 1;
	if (sv->sel >= 0 && sv->sel < sv->ndays) {
		draw_day(sv, c, l->x, y, l->w, bottom);
		return;
	}
	half = l->w >= 100 ? l->w / 2 - 1 : l->w;
	if (half != l->w) {
		int y2 = draw_table(sv, &sv->groups, sv->group_title, c, l->x + half + 2, y, half - 2, bottom);

		y = draw_table(sv, &sv->items, sv->item_title, c, l->x, y, half, bottom);
		if (y2 > y)
			y = y2;
	} else {
		y = draw_table(sv, &sv->items, sv->item_title, c, l->x, y, l->w, bottom);
		y = draw_table(sv, &sv->groups, sv->group_title, c, l->x, y, l->w, bottom);
	}
	if (y >= bottom)
		return;
	y = draw_tokens(sv, sv->tokens, sv->ntokens, 0, c, l, y);
	draw_tokens(sv, sv->key_tokens, sv->nkey_tokens, 1, c, l, y);
}
