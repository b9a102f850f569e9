/* banner.c: which notices the account's state calls for, and drawing them. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/app.h"
#include "ui/banner.h"
#include "ui/widgets.h"

/* Without a refresh interval, data older than this is called stale. */
#define STALE_DEFAULT (2 * 3600)

void
ago_format(int64_t now, int64_t then, char *buf, int n)
{
	int64_t d = now - then;
	long v;

	if (d < 60) {
		snprintf(buf, (size_t)n, "%s", _("just now"));
		return;
	}
	if (d < 3600) {
		v = (long)(d / 60);
		snprintf(buf, (size_t)n, P_("%ld min ago", "%ld min ago", v), v);
	} else if (d < 2 * 86400) {
		v = (long)(d / 3600);
		snprintf(buf, (size_t)n, P_("%ld h ago", "%ld h ago", v), v);
	} else {
		v = (long)(d / 86400);
		snprintf(buf, (size_t)n, P_("%ld day ago", "%ld days ago", v), v);
	}
}

static struct banner *
add(struct banner *out, int *n, int max, enum banner_kind kind, int style)
{
	struct banner *b;

	if (*n >= max)
		return NULL;
	b = &out[(*n)++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->style = style;
	return b;
}

static void
date_of(int64_t t, char *buf, size_t n)
{
	if (t == M_NONE || time_format_date(t, buf, n) != 0)
		snprintf(buf, n, "?");
}

static void
paused_text(const struct app *app, struct banner *b)
{
	char date[64];
	size_t k;

	switch (app->account.pause_reason) {
	case PAUSE_TRIAL_ENDED:
		snprintf(b->text, sizeof b->text, "%s",
		         _("Runs are paused: the trial ended with no payment method: "
		           "add one in Payment or pick Free in Plans."));
		break;
	case PAUSE_PAST_DUE:
		snprintf(b->text, sizeof b->text, "%s",
		         _("Runs are paused: an invoice is over 14 days past due; "
		           "fix payment in Payment."));
		break;
	case PAUSE_CREDITS_EXHAUSTED:
		date_of(app->account.period_end, date, sizeof date);
		snprintf(b->text, sizeof b->text,
		         _("Runs are paused: the credits are used up. They reset on %s; "
		           "upgrade in Plans to go on now."), date);
		break;
	case PAUSE_NONE:
	default:
		snprintf(b->text, sizeof b->text, "%s", _("Runs are paused."));
		break;
	}
	/* Whatever the reason: nothing is lost while paused. */
	k = strlen(b->text);
	snprintf(b->text + k, sizeof b->text - k, " %s",
	         _("Agents and workflows are kept and resume on reactivation."));
}

int
banners_collect(const struct app *app, struct banner *out, int max)
{
	const struct account *a = &app->account;
	struct time_left tl;
	struct banner *b;
	char left[64], date[64], ago[64];
	int n = 0;
	int64_t stale_after;

	if (app->have_account && app->access == ACCESS_OK) {
		if (a->status == ACCT_PAST_DUE && (b = add(out, &n, max, BANNER_PAST_DUE, ST_BANNER_ALERT))) {
			snprintf(b->text, sizeof b->text, "%s", _("Payment past due. Fix it at"));
			str_copy(b->url, sizeof b->url, a->payment_update_url);
		}
		if (a->runs_paused && (b = add(out, &n, max, BANNER_PAUSED, ST_BANNER_ALERT)))
			paused_text(app, b);
		/* A plan without overage at zero balance stops; paused says it already. */
		if (app->have_plan && app->plan.overage_per_1000 == M_NONE && app->have_credits &&
		    app->credits.balance <= 0 &&
		    !(a->runs_paused && a->pause_reason == PAUSE_CREDITS_EXHAUSTED) &&
		    (b = add(out, &n, max, BANNER_EXHAUSTED, ST_BANNER_ALERT))) {
			date_of(a->period_end, date, sizeof date);
			snprintf(b->text, sizeof b->text,
			         _("Credits used up: %s stops at its allowance. They reset on %s."),
			         app->plan.name, date);
		}
		if (a->status == ACCT_TRIALING && a->trial_end != M_NONE) {
			time_left_until(app->now, a->trial_end, &tl);
			if (time_left_format(&tl, left, sizeof left) != 0)
				left[0] = '\0';
			b = add(out, &n, max, BANNER_TRIAL,
			        tl.ended || tl.today || tl.days < 3 ? ST_BANNER_ALERT : ST_BANNER_WARN);
			if (b) {
				date_of(a->trial_end, date, sizeof date);
				if (tl.ended || tl.today)
					snprintf(b->text, sizeof b->text, _("Trial: %s (%s)."), left, date);
				else
					snprintf(b->text, sizeof b->text, _("Trial: %s (ends %s)."), left, date);
			}
		}
	}
	/* Items the last refresh left out: the figures miss them, on screen and in print. */
	if (app->sync_note[0] && (b = add(out, &n, max, BANNER_REFUSED, ST_BANNER_WARN)))
		snprintf(b->text, sizeof b->text, _("Not stored: %s"), app->sync_note);
	/* A print is a snapshot: the connection and the data's age are the
	 * dashboard's business (JSON carries synced_at). */
	if (app->headless)
		return n;
	if (app->insecure && (b = add(out, &n, max, BANNER_INSECURE, ST_BANNER_ALERT)))
		snprintf(b->text, sizeof b->text, "%s",
		         _("TLS verification is off (--insecure): the server is not authenticated."));
	if (app->synced_at != M_NONE)
		ago_format(app->now, app->synced_at, ago, sizeof ago);
	else
		snprintf(ago, sizeof ago, "%s", _("never"));
	if (app->offline) {
		if ((b = add(out, &n, max, BANNER_OFFLINE, ST_BANNER_INFO)))
			snprintf(b->text, sizeof b->text,
			         _("Offline (--offline): showing the cache, updated %s."), ago);
	} else if (app->net_failed && app->have_snapshot) {
		if ((b = add(out, &n, max, BANNER_OFFLINE, ST_BANNER_WARN)))
			snprintf(b->text, sizeof b->text,
			         _("Offline: the server cannot be reached; showing data from %s."), ago);
	} else if (app->synced_at != M_NONE && !app->refreshing) {
		stale_after = app->refresh_every > 0 ? 2 * app->refresh_every : STALE_DEFAULT;
		if (app->now - app->synced_at > stale_after &&
		    (b = add(out, &n, max, BANNER_STALE, ST_BANNER_WARN)))
			snprintf(b->text, sizeof b->text,
			         _("Stale data: last updated %s. Press r to refresh."), ago);
	}
	return n;
}

int
banner_rows(const struct canvas *c, const struct banner *b, int w)
{
	if (!b->url[0])
		return canvas_text_width(c, b->text) + 2 <= w ? 1 : 2;
	return canvas_text_width(c, b->text) + 1 + canvas_text_width(c, b->url) + 2 <= w ? 1 : 2;
}

int
banners_draw(struct canvas *c, int x, int y, int w, int max_rows, struct banner *b, int n)
{
	int i, rows = 0, need, used, ux, left;
	char more[64];

	for (i = 0; i < n && rows < max_rows; i++) {
		need = banner_rows(c, &b[i], w);
		b[i].link_w = 0;
		/* a row kept for each banner after this one (as many as fit), so a
		 * long notice never pushes a later one (TLS off) out of sight */
		left = n - i - 1 < max_rows - rows - 1 ? n - i - 1 : max_rows - rows - 1;
		if (rows + need + left > max_rows)
			need = 1;   /* squeezed: text and URL share one row */
		/* One row left and more banners than room: say how many are hidden. */
		if (rows == max_rows - 1 && i < n - 1) {
			canvas_fill(c, x, y + rows, w, 1, b[i].style, " ");
			snprintf(more, sizeof more, P_("(+%d more notice)", "(+%d more notices)", n - i - 1),
			         n - i - 1);
			used = canvas_text_width(c, more);
			draw_text_fit(c, x + 1, y + rows, w - used - 3, b[i].style, b[i].text);
			draw_text_right(c, x + w - 1, y + rows, used, b[i].style, more);
			rows++;
			break;
		}
		canvas_fill(c, x, y + rows, w, need, b[i].style, " ");
		if (!b[i].url[0] && need == 2) {
			/* A long notice wraps to a second row rather than lose its end. */
			rows += draw_wrap(c, x + 1, y + rows, w - 2, 2, b[i].style, b[i].text);
			continue;
		}
		used = draw_text_fit(c, x + 1, y + rows, w - 2, b[i].style, b[i].text);
		if (b[i].url[0]) {
			if (need == 2) {
				ux = x + 1;
				rows++;
			} else {
				ux = x + 1 + used + 1;
			}
			used = draw_text_fit(c, ux, y + rows, x + w - 1 - ux, ST_LINK, b[i].url);
			if (used == canvas_text_width(c, b[i].url)) {
				b[i].link_x = ux;
				b[i].link_y = y + rows;
				b[i].link_w = used;
			}
		}
		rows++;
	}
	return rows;
}
