/* credits_draw.c: the Credits tab: summary with run-out, grants, ledger, purchase dialog. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/columns.h"
#include "ui/figures.h"
#include "ui/glyphs.h"
#include "ui/offered.h"
#include "ui/view_credits.h"

/* The summary: balance and its parts, the run-out, what is scheduled or expiring.  Rows used. */
static int
draw_summary(const struct credits_state *s, struct canvas *c, int x, int y, int w, int wrap)
{
	const struct credits_model *m = &s->m;
	const struct credit_summary *cs = &m->ctx.credits;
	char a[32], b[32], d[32], e[32], line[512], money[48], date[32];
	int rows = 0, i, st = ST_NORMAL;
	int64_t soon = 0, first = M_NONE;

	snprintf(line, sizeof line, _("Balance: %s credits"), fig_credits(a, sizeof a, cs->balance));
	rows += draw_wrap(c, x, y + rows, w, 1, cs->balance > 0 ? ST_BOLD : ST_ALERT, line);
	if (m->ctx.has_alloc) {
		/* This period's credits, one definition everywhere (docs/figures.md). */
		snprintf(line, sizeof line, _("This period: allocated %s, consumed %s, remaining %s"),
		         fig_credits(a, sizeof a, m->ctx.fc.allocated), fig_credits(b, sizeof b, m->ctx.fc.consumed),
		         fig_credits(d, sizeof d, m->ctx.fc.remaining));
		rows += draw_wrap(c, x, y + rows, w, wrap ? 2 : 1, ST_NORMAL, line);
		rows += draw_wrap(c, x, y + rows, w, wrap ? 2 : 1, ST_DIM,
		                  _("(allocated = consumed from grants this period + remaining on grants now)"));
	}

	fig_credits(e, sizeof e, m->ctx.burn.days > 0 ? m->ctx.burn.credits / m->ctx.burn.days : 0);
	switch (m->runout.state) {
	case RUNOUT_DATE:
		fig_date(date, sizeof date, m->runout.at);
		snprintf(line, sizeof line, _("Runs out on %s at %s credits a day (the last %d days)"), date, e,
		         m->ctx.burn.days);
		st = ST_WARN;
		break;
	case RUNOUT_ENOUGH:
		if (m->runout.no_burn)
			snprintf(line, sizeof line, "%s", _("Enough for this period: nothing was used in the last 7 days"));
		else
			snprintf(line, sizeof line, _("Enough for this period at %s credits a day (the last %d days)"), e,
			         m->ctx.burn.days);
		st = ST_OK;
		break;
	case RUNOUT_NO_DATA:
		snprintf(line, sizeof line, "%s", _("Run-out date: not enough data yet (fewer than 3 days of usage)"));
		st = ST_DIM;
		break;
	case RUNOUT_EMPTY:
		/* a plan without overage stops at zero until the reset: that date is the news */
		if (m->ctx.acct.status == ACCT_CANCELED ||
		    (m->ctx.acct.runs_paused && m->overage_per_1000 != M_NONE)) {
			snprintf(line, sizeof line, "%s", _("No credits left, and runs are stopped: nothing more is billed"));
		} else if (m->overage_per_1000 != M_NONE) {
			fig_money(c, money, sizeof money, m->overage_per_1000, m->ctx.acct.currency, "?");
			snprintf(line, sizeof line, _("No credits left: usage is billed as overage at %s per 1,000"), money);
		} else {
			fig_date(date, sizeof date, m->ctx.acct.period_end);
			snprintf(line, sizeof line, _("No credits left: usage stops until the period resets on %s"), date);
		}
		st = ST_ALERT;
		break;
	}
	rows += draw_wrap(c, x, y + rows, w, wrap ? 3 : 1, st, line);

	for (i = 0; i < m->ngrants; i++) {
		if (m->states[i] != GS_EXPIRING)
			continue;
		/* M_NONE ("n/a") once the sum passes 64 bits. */
		if (soon != M_NONE && money_add(soon, m->grants[i].remaining, &soon) != MONEY_OK)
			soon = M_NONE;
		if (first == M_NONE || m->grants[i].expires_at < first)
			first = m->grants[i].expires_at;
	}
	if (soon > 0 || soon == M_NONE) {
		fig_date(date, sizeof date, first);
		snprintf(line, sizeof line, _("! %s credits expire within 14 days (the first on %s)"),
		         fig_credits(a, sizeof a, soon), date);
		rows += draw_wrap(c, x, y + rows, w, wrap ? 2 : 1, ST_WARN, line);
	}
	if (cs->scheduled > 0) {
		snprintf(line, sizeof line, _("Scheduled: %s credits not available yet"), fig_credits(a, sizeof a, cs->scheduled));
		rows += draw_wrap(c, x, y + rows, w, 1, ST_DIM, line);
	}
	return rows;
}


/* One row of the grants table. */
struct grant_row {
	const struct grant *g;
	enum grant_state st;
};

static int
state_past(enum grant_state st)
{
	return st == GS_EXPIRED || st == GS_USED_UP;
}

/* The rows the table lists, in order, into rows[max] (NULL: only counts):
 * the current grants and (a print) the first PRINT_PAST_GRANTS past ones,
 * then (the dashboard, after a) the page of past grants read.  Returns how
 * many; *hidden: past grants not listed. */
static int
grant_rows(const struct credits_state *s, struct grant_row *rows, int max, int *hidden)
{
	const struct credits_model *m = &s->m;
	int i, n = 0, past = 0;

	*hidden = m->npast;   /* the past grants not read */
	for (i = 0; i < m->ngrants; i++) {
		if (state_past(m->states[i]) && (!s->headless || past++ >= PRINT_PAST_GRANTS)) {
			++*hidden;
			continue;
		}
		if (rows != NULL && n < max)
			rows[n] = (struct grant_row){ &m->grants[i], m->states[i] };
		n++;
	}
	if (s->headless || !s->all_grants)
		return n;
	*hidden -= m->npast_page;
	for (i = 0; i < m->npast_page; i++, n++)
		if (rows != NULL && n < max)
			rows[n] = (struct grant_row){ &m->past[i], m->past_states[i] };
	return n;
}

enum { GC_MARK, GC_NAME, GC_SOURCE, GC_AMOUNT, GC_USED, GC_LEFT, GC_FROM, GC_EXPIRES, GC_N };

/* The table's title: what is hidden and the key that shows it. */
static void
grants_title(struct credits_state *s, int shown_past, char *line, size_t n)
{
	const struct credits_model *m = &s->m;
	int hidden = m->npast;
	char a[32], b[32], d[32];

	if (s->headless) {
		grant_rows(s, NULL, 0, &hidden);
		if (hidden > 0)
			snprintf(line, n, P_("Credit grants (%s more expired or used up: --format json lists every one)",
			                     "Credit grants (%s more expired or used up: --format json lists every one)",
			                     (unsigned long)hidden), fig_credits(a, sizeof a, hidden));
		else
			snprintf(line, n, "%s", _("Credit grants"));
		return;
	}
	if (m->npast == 0)
		snprintf(line, n, "%s", _("Credit grants"));
	else if (!s->all_grants)
		snprintf(line, n, P_("Credit grants (%d expired or used up hidden; a: show)",
		                     "Credit grants (%d expired or used up hidden; a: show)", (unsigned long)m->npast),
		         m->npast);
	else if (shown_past > 0)
		snprintf(line, n, _("Credit grants (past grants %s-%s of %s; ]/[: more, a: hide)"),
		         fig_credits(a, sizeof a, m->past_offset + 1), fig_credits(b, sizeof b, m->past_offset + shown_past),
		         fig_credits(d, sizeof d, m->npast));
	else
		snprintf(line, n, P_("Credit grants (%s past grant; a: hide)", "Credit grants (%s past grants; a: hide)",
		                     (unsigned long)m->npast), fig_credits(a, sizeof a, m->npast));
}

/* The grants table in at most `rows` rows (header included); rows used. */
static int
draw_grants(struct credits_state *s, struct canvas *c, int x, int y, int w, int rows)
{
	const struct credits_model *m = &s->m;
	struct grant_row *list;
	struct column cols[GC_N];
	char a[32], line[M_TEXT + 64], date[32], left[64];
	int i, r = 0, n, hidden, st, max = m->ngrants + m->npast_page, ncur = 0, shown_past;
	struct time_left tl;

	list = calloc((size_t)(max > 0 ? max : 1), sizeof *list);
	if (list == NULL)
		return 0;
	n = grant_rows(s, list, max, &hidden);
	for (i = 0; i < n; i++)
		ncur += list[i].g >= m->grants && list[i].g < m->grants + m->ngrants;
	/* Past grants that fit: the table's rows less its title, header and the current grants. */
	shown_past = rows - 2 - ncur < n - ncur ? rows - 2 - ncur : n - ncur;
	if (shown_past < 0)
		shown_past = 0;
	if (!s->headless && s->all_grants)
		s->past_rows = shown_past > 0 ? shown_past : 1;
	grants_title(s, shown_past, line, sizeof line);
	draw_text_fit(c, x, y + r++, w, ST_BOLD, line);
	if (r >= rows)
		goto out;
	if (n == 0) {
		draw_text_fit(c, x, y + r++, w, ST_DIM, _("No credit grants."));
		goto out;
	}
	memset(cols, 0, sizeof cols);
	cols[GC_MARK] = (struct column){ "", 1, 0, 0, 0, 0, 0 };
	cols[GC_NAME] = (struct column){ _("Grant"), w >= 90 ? 24 : w >= 70 ? 16 : 12, 0, 0, 1, 0, 0 };
	cols[GC_SOURCE] = (struct column){ _("Source"), 14, 0, 5, 0, 0, 0 };
	cols[GC_AMOUNT] = (struct column){ _("Amount"), 10, 1, 2, 0, 0, 0 };
	cols[GC_USED] = (struct column){ _("Consumed"), 10, 1, 4, 0, 0, 0 };
	cols[GC_LEFT] = (struct column){ _("Remaining"), 10, 1, 0, 0, 0, 0 };
	/* the available-from date: kept from 80 columns, a grant counts from it */
	cols[GC_FROM] = (struct column){ _("From"), 10, 0, 3, 0, 0, 0 };
	cols[GC_EXPIRES] = (struct column){ _("Expires"), 24, 0, 1, 0, 0, 0 };
	columns_fit(cols, GC_N, w, 1);
	/* Narrow: the expiry as a bare date. */
	if (cols[GC_EXPIRES].w == 0) {
		cols[GC_EXPIRES].width = 10;
		columns_fit(cols, GC_N, w, 1);
	}
	columns_header(c, x, y + r++, cols, GC_N, ST_DIM);
	for (i = 0; i < n && r < rows; i++) {
		const struct grant *g = list[i].g;
		enum grant_state gs = list[i].st;

		st = gs == GS_EXPIRING ? ST_WARN : gs == GS_ACTIVE ? ST_NORMAL : ST_DIM;
		/* Expiring soon: a mark as well as the style, so it reads in monochrome. */
		columns_cell(c, x, y + r, &cols[GC_MARK], ST_WARN, gs == GS_EXPIRING ? "!" : "");
		/* The description names the grant; without a Source column it says the source too. */
		if (!g->description[0])
			snprintf(line, sizeof line, "%s", grant_source_label(g->source));
		else if (cols[GC_SOURCE].w == 0 && strcasestr(g->description, grant_source_label(g->source)) == NULL)
			snprintf(line, sizeof line, "%s: %s", grant_source_label(g->source), g->description);
		else
			snprintf(line, sizeof line, "%s", g->description);
		columns_cell(c, x, y + r, &cols[GC_NAME], st, line);
		columns_cell(c, x, y + r, &cols[GC_SOURCE], st, grant_source_label(g->source));
		columns_cell(c, x, y + r, &cols[GC_AMOUNT], st, fig_credits(a, sizeof a, g->amount));
		columns_cell(c, x, y + r, &cols[GC_USED], st, fig_credits(a, sizeof a, g->consumed));
		columns_cell(c, x, y + r, &cols[GC_LEFT], st,
		             gs == GS_SCHEDULED ? _("scheduled") : fig_credits(a, sizeof a, g->remaining));
		columns_cell(c, x, y + r, &cols[GC_FROM], st, fig_date(date, sizeof date, g->available_from));
		if (gs == GS_SCHEDULED && cols[GC_FROM].w == 0) {
			/* Without the Available column, a scheduled grant says when it starts. */
			snprintf(line, sizeof line, _("from %s"), fig_date(date, sizeof date, g->available_from));
		} else if (g->expires_at == M_NONE) {
			snprintf(line, sizeof line, "%s", _("never"));
		} else {
			fig_date(date, sizeof date, g->expires_at);
			left[0] = '\0';
			if (gs == GS_EXPIRING && cols[GC_EXPIRES].w >= 24) {
				time_left_until(m->ctx.now, g->expires_at, &tl);
				time_left_format(&tl, left, sizeof left);
			} else if (gs == GS_EXPIRED && cols[GC_EXPIRES].w >= 24) {
				str_copy(left, sizeof left, _("expired"));
			}
			snprintf(line, sizeof line, left[0] ? "%s (%s)" : "%s", date, left);
		}
		columns_cell(c, x, y + r, &cols[GC_EXPIRES], st, line);
		r++;
	}
out:
	free(list);
	return r;
}

enum { LC_WHEN, LC_KIND, LC_CREDITS, LC_BALANCE, LC_DESC, LC_N };

static int
draw_ledger(struct credits_state *s, struct canvas *c, int x, int y, int w, int rows)
{
	const struct credits_model *m = &s->m;
	const struct glyphs *g = glyphs_for(c->utf8);
	struct column cols[LC_N];
	char a[32], b[32], line[512], when[48];
	int r = 0, body, i, k, st, first;

	if (rows < 1)
		return 0;
	body = rows - 2;
	if (m->ledger_total == 0)
		snprintf(line, sizeof line, _("Ledger (%s): no entries"), ledger_kind_label(m->ledger_kind));
	else if (s->headless)
		snprintf(line, sizeof line, _("Ledger (%s): the newest %s of %s, newest first"),
		         ledger_kind_label(m->ledger_kind), fig_credits(a, sizeof a, m->nledger),
		         fig_credits(b, sizeof b, m->ledger_total));
	else {
		first = s->ledger.top + 1;
		k = s->ledger.top + (body > 0 ? body : 0);
		if (k > m->ledger_total)
			k = m->ledger_total;
		snprintf(line, sizeof line, _("Ledger (%s): %d-%d of %s, newest first"), ledger_kind_label(m->ledger_kind),
		         first, k, fig_credits(b, sizeof b, m->ledger_total));
	}
	r += draw_wrap(c, x, y + r, w, s->headless ? 2 : 1, ST_BOLD, line);
	if (r >= rows || m->nledger == 0)
		return r;
	memset(cols, 0, sizeof cols);
	cols[LC_WHEN] = (struct column){ _("When"), w >= 60 ? 20 : 10, 0, 0, 0, 0, 0 };
	cols[LC_KIND] = (struct column){ _("Kind"), 10, 0, 1, 0, 0, 0 };
	cols[LC_CREDITS] = (struct column){ _("Credits"), 10, 1, 0, 0, 0, 0 };
	cols[LC_BALANCE] = (struct column){ _("Balance"), 10, 1, 2, 0, 0, 0 };
	cols[LC_DESC] = (struct column){ _("Description"), 12, 0, 3, 1, 0, 0 };
	columns_fit(cols, LC_N, w - 2, 2);
	columns_header(c, x + 2, y + r++, cols, LC_N, ST_DIM);
	for (k = 0; r < rows; k++) {
		const struct ledger_entry *e;

		i = (s->headless ? k : s->ledger.top + k) - m->ledger_offset;
		if (i < 0 || i >= m->nledger)
			break;
		e = &m->ledger[i];
		st = e->credits < 0 ? ST_NORMAL : ST_OK;
		if (w >= 60)
			time_format_datetime(e->at, when, sizeof when);
		else
			time_format_date(e->at, when, sizeof when);
		columns_cell(c, x + 2, y + r, &cols[LC_WHEN], ST_NORMAL, when);
		columns_cell(c, x + 2, y + r, &cols[LC_KIND], ST_NORMAL, ledger_kind_label(e->kind));
		if (e->credits > 0)
			snprintf(a, sizeof a, "+%s", fig_credits(line, sizeof line, e->credits));
		else
			fig_credits(a, sizeof a, e->credits);
		columns_cell(c, x + 2, y + r, &cols[LC_CREDITS], st, a);
		columns_cell(c, x + 2, y + r, &cols[LC_BALANCE], ST_NORMAL, fig_credits(a, sizeof a, e->balance_after));
		columns_cell(c, x + 2, y + r, &cols[LC_DESC], ST_DIM, e->description);
		if (!s->headless)
			canvas_list_row(c, y + r, s->ledger.top + k, s->ledger.sel);
		if (!s->headless && s->ledger.top + k == s->ledger.sel) {
			canvas_text(c, x, y + r, 1, ST_SELECTED, g->pointer);
			canvas_style(c, x + 2, y + r, columns_width(cols, LC_N), ST_SELECTED);
		}
		r++;
	}
	return r;
}

void
credits_draw(struct credits_state *s, struct canvas *c, const struct layout *l)
{
	int x = l->x, y = l->y, w = l->w, bottom = l->y + l->h, table_rows, hidden, rest;
	int page = s->headless;

	if (!s->loaded)
		return;
	y += draw_summary(s, c, x, y, w, page);
	y++;
	table_rows = grant_rows(s, NULL, 0, &hidden) + 2;
	if (!page) {
		/* The grants get up to a third of what is left; the ledger the rest. */
		rest = bottom - y - 2;
		if (table_rows > rest / 3 + 2)
			table_rows = rest / 3 + 2;
		if (table_rows < 3)
			table_rows = 3;
	}
	y += draw_grants(s, c, x, y, w, table_rows);
	y++;
	if (page) {
		draw_ledger(s, c, x, y, w, s->m.nledger + 3);
		return;
	}
	rest = bottom - y - 1;
	s->ledger_rows = rest - 2 > 0 ? rest - 2 : 1;
	draw_ledger(s, c, x, y, w, rest);
	{
		char hint[256];

		static const struct keybar_item wide_items[] = {
			{ N_("p: buy credits"), SA_CREDITS_BUY }, { N_("f: ledger kind"), SA_NONE },
			{ N_("a: all grants"), SA_NONE }, { N_("up/down: ledger"), SA_NONE }, { NULL, 0 }
		};
		static const struct keybar_item narrow_items[] = {
			{ N_("p: buy"), SA_CREDITS_BUY }, { N_("f: kind"), SA_NONE },
			{ N_("a: all grants"), SA_NONE }, { NULL, 0 }
		};
		static const struct keybar wide = {
			N_("p: buy credits   f: ledger kind   a: all grants   up/down: ledger"), wide_items
		};
		static const struct keybar narrow = { N_("p: buy   f: kind   a: all grants"), narrow_items };

		draw_text_fit(c, x, bottom - 1, w, ST_DIM,
		              keybar_text(glyphs_for(c->utf8), w >= 64 ? &wide : &narrow, ~s->actions_off,
		                          hint, sizeof hint));
	}
	if (s->dlg.open)
		purchase_draw(&s->dlg, c, l->x, l->y, l->w, l->h);
}
