/* test_compose.c: whole frames without a terminal: layout at every size,
 * banners, the tab bar, keys, help and dialogs. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include <curses.h>

#include "core/timeutil.h"
#include "ui/app.h"
#include "ui/banner.h"
#include "ui/compose.h"
#include "ui/glyphs.h"
#include "ui/refresh.h"
#include "ui/tui.h"

static char *
dump(const struct canvas *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(canvas_write(c, f), 0);
	fclose(f);
	return buf;
}

/* Composes app at w x h and returns the text. */
static char *
frame_text(struct app *app, int w, int h, int utf8, struct frame *f)
{
	struct canvas *c = canvas_new(w, h, utf8);
	struct frame local;
	char *s;

	assert_non_null(c);
	compose_frame(app, c, f ? f : &local);
	s = dump(c);
	canvas_free(c);
	return s;
}

static int64_t
t(const char *s)
{
	int64_t v;

	assert_int_equal(time_parse_rfc3339(s, &v), 0);
	return v;
}

/* An app with no cache, then the shared data of an account as if loaded. */
static void
app_with_account(struct app *app, enum account_status st)
{
	app_init(app, NULL, 0);
	app->offline = 0;
	app->now = t("2026-11-15T12:00:00Z");
	app->have_snapshot = 1;
	app->have_account = 1;
	snprintf(app->account.name, sizeof app->account.name, "Acme Robotics");
	app->account.status = st;
	app->account.role = ROLE_OWNER;
	app->account.trial_end = M_NONE;
	app->account.period_end = t("2026-12-01T00:00:00Z");
	app->synced_at = app->now - 60;
	snprintf(app->account.payment_update_url, sizeof app->account.payment_update_url,
	         "https://billing.example.com/pay/acct_demo");
}

static int
contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static void
test_too_small_at_every_size(void **state)
{
	struct app app;
	static const int sizes[][2] = { { 39, 24 }, { 80, 11 }, { 10, 4 }, { 1, 1 }, { 2, 30 } };
	size_t i;
	char *s;

	(void)state;
	app_with_account(&app, ACCT_ACTIVE);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		s = frame_text(&app, sizes[i][0], sizes[i][1], 1, NULL);
		if (sizes[i][0] >= 10 && sizes[i][1] >= 4)
			assert_true(contains(s, "terminal") && contains(s, "40x12"));
		free(s);
	}
	app_free(&app);
}

static void
test_minimum_size_has_tabs_and_status(void **state)
{
	struct app app;
	char *s;

	(void)state;
	app_with_account(&app, ACCT_ACTIVE);
	s = frame_text(&app, 40, 12, 1, NULL);
	assert_false(contains(s, "too small"));
	/* The current tab keeps its name; the others their numbers. */
	assert_true(contains(s, "[1 Overview]"));
	assert_true(contains(s, " 6 "));
	assert_true(contains(s, "? help"));
	free(s);
	s = frame_text(&app, 80, 24, 1, NULL);
	assert_true(contains(s, "billtop"));
	assert_true(contains(s, "2 Credits") && contains(s, "6 Plans"));
	/* the age with the time in UTC, said so, which stays true when the age is old */
	assert_true(contains(s, "updated 11:59 UTC (1 min ago)"));
	assert_true(contains(s, "q quit"));
	free(s);
	/* an update on another day names the date as well */
	app.synced_at = app.now - 3 * 86400;
	s = frame_text(&app, 80, 24, 1, NULL);
	assert_true(contains(s, "updated 2026-11-12 12:00 UTC (3 days ago)"));
	free(s);
	app_free(&app);
}

static void
test_loading_screen_when_cache_empty(void **state)
{
	struct app app;
	char *s;

	(void)state;
	app_init(&app, NULL, 0);
	snprintf(app.url, sizeof app.url, "http://127.0.0.1:9");
	s = frame_text(&app, 80, 24, 0, NULL);
	assert_true(contains(s, "Loading your billing data"));
	assert_true(contains(s, "http://127.0.0.1:9"));
	free(s);
	snprintf(app.last_error, sizeof app.last_error, "connection refused");
	s = frame_text(&app, 80, 24, 0, NULL);
	assert_true(contains(s, "Could not load"));
	assert_true(contains(s, "connection refused"));
	assert_true(contains(s, "Press r to try again"));
	free(s);
	app.offline = 1;
	s = frame_text(&app, 80, 24, 0, NULL);
	assert_true(contains(s, "The cache is empty"));
	assert_true(contains(s, "--offline"));
	free(s);
	app_free(&app);
}

static void
test_forbidden_screen(void **state)
{
	struct app app;
	char *s;

	(void)state;
	app_with_account(&app, ACCT_ACTIVE);
	app.access = ACCESS_FORBIDDEN;
	snprintf(app.role, sizeof app.role, "viewer");
	s = frame_text(&app, 80, 24, 1, NULL);
	assert_true(contains(s, "Your role (viewer) cannot see billing."));
	assert_true(contains(s, "owner, admin and billing reader"));
	free(s);
	app_free(&app);
}

static void
test_banners(void **state)
{
	struct app app;
	struct banner b[BANNER_MAX];
	char *s;
	int n;

	(void)state;
	/* Trial: 9 days left, a warning; under 3 days, urgent. */
	app_with_account(&app, ACCT_TRIALING);
	app.account.trial_end = t("2026-11-24T12:00:00Z");
	n = banners_collect(&app, b, BANNER_MAX);
	assert_int_equal(n, 1);
	assert_int_equal(b[0].kind, BANNER_TRIAL);
	assert_int_equal(b[0].style, ST_BANNER_WARN);
	assert_true(contains(b[0].text, "9 days left"));
	app.account.trial_end = t("2026-11-17T10:00:00Z");
	banners_collect(&app, b, BANNER_MAX);
	assert_int_equal(b[0].style, ST_BANNER_ALERT);
	app.account.trial_end = t("2026-11-15T20:00:00Z");
	banners_collect(&app, b, BANNER_MAX);
	assert_true(contains(b[0].text, "ends today"));
	app_free(&app);

	/* Past due with its link, paused, TLS off; drawn in order of urgency. */
	app_with_account(&app, ACCT_PAST_DUE);
	app.account.runs_paused = 1;
	app.account.pause_reason = PAUSE_PAST_DUE;
	app.insecure = 1;
	n = banners_collect(&app, b, BANNER_MAX);
	assert_int_equal(n, 3);
	assert_int_equal(b[0].kind, BANNER_PAST_DUE);
	assert_string_equal(b[0].url, "https://billing.example.com/pay/acct_demo");
	assert_int_equal(b[1].kind, BANNER_PAUSED);
	assert_int_equal(b[2].kind, BANNER_INSECURE);
	s = frame_text(&app, 80, 24, 1, NULL);
	assert_true(contains(s, "Payment past due"));
	assert_true(contains(s, "https://billing.example.com/pay/acct_demo"));
	assert_true(contains(s, "Runs are paused"));
	assert_true(contains(s, "TLS verification is off"));
	free(s);
	/* Below 24 rows one row of banners says how many more there are. */
	s = frame_text(&app, 80, 20, 1, NULL);
	assert_true(contains(s, "(+2 more notices)"));
	free(s);
	app_free(&app);

	/* Credits used up on a plan without overage: the reset date. */
	app_with_account(&app, ACCT_ACTIVE);
	app.have_plan = 1;
	snprintf(app.plan.name, sizeof app.plan.name, "Free");
	app.plan.overage_per_1000 = M_NONE;
	app.have_credits = 1;
	app.credits.balance = 0;
	n = banners_collect(&app, b, BANNER_MAX);
	assert_int_equal(n, 1);
	assert_int_equal(b[0].kind, BANNER_EXHAUSTED);
	assert_true(contains(b[0].text, "2026-12-01"));
	/* Stale: last success older than twice the refresh interval. */
	app.credits.balance = 10;
	app.refresh_every = 300;
	app.synced_at = app.now - 3600;
	n = banners_collect(&app, b, BANNER_MAX);
	assert_int_equal(n, 1);
	assert_int_equal(b[0].kind, BANNER_STALE);
	app.net_failed = 1;
	banners_collect(&app, b, BANNER_MAX);
	assert_int_equal(b[0].kind, BANNER_OFFLINE);
	app_free(&app);
}

static void
test_keys_switch_tabs(void **state)
{
	struct app app;

	(void)state;
	app_with_account(&app, ACCT_ACTIVE);
	app.have_snapshot = 0;   /* views get no keys while loading: globals only */
	tui_key(&app, '3');
	assert_int_equal(app.cur, 2);
	tui_key(&app, '\t');
	assert_int_equal(app.cur, 3);
	tui_key(&app, KEY_BTAB);
	tui_key(&app, KEY_BTAB);
	assert_int_equal(app.cur, 1);
	tui_key(&app, KEY_LEFT);
	tui_key(&app, KEY_LEFT);
	assert_int_equal(app.cur, 5);   /* wraps around */
	tui_key(&app, KEY_RIGHT);
	assert_int_equal(app.cur, 0);
	tui_key(&app, '9');             /* no ninth tab: nothing */
	assert_int_equal(app.cur, 0);
	tui_key(&app, 'q');
	assert_true(app.quit);
	app_free(&app);
}

static void
test_tab_clicks(void **state)
{
	struct app app;
	struct frame f;
	char *s;

	(void)state;
	app_with_account(&app, ACCT_ACTIVE);
	s = frame_text(&app, 80, 24, 1, &f);
	free(s);
	assert_int_equal(f.ntabs, 6);
	assert_int_equal(frame_tab_at(&f, f.tab_x0[5]), 5);
	assert_int_equal(frame_tab_at(&f, f.tab_x1[5] - 1), 5);
	assert_int_equal(frame_tab_at(&f, 0), -1);   /* the title */
	app_free(&app);
}

static void
test_help_overlay(void **state)
{
	struct app app;
	char *s;

	(void)state;
	app_with_account(&app, ACCT_ACTIVE);
	app.have_snapshot = 0;
	tui_key(&app, '6');
	tui_key(&app, '?');
	assert_true(app.help);
	s = frame_text(&app, 80, 24, 1, NULL);
	assert_true(contains(s, "Keys: Plans"));
	assert_true(contains(s, "cancel a scheduled downgrade"));   /* the tab's keys */
	assert_true(contains(s, "refresh from the server now"));    /* the global ones */
	/* The arrow keys by the glyph table: arrows in UTF-8, words in ASCII. */
	assert_true(contains(s, "\u2190/\u2192"));
	assert_true(contains(s, "j/k, \u2191/\u2193"));
	assert_false(contains(s, "left/right"));
	free(s);
	s = frame_text(&app, 80, 24, 0, NULL);
	assert_true(contains(s, "left/right"));
	assert_true(contains(s, "j/k, up/down"));
	free(s);
	tui_key(&app, 'x');   /* any key closes it, and does nothing else */
	assert_false(app.help);
	assert_int_equal(app.cur, 5);
	assert_false(app.quit);
	app_free(&app);
}

static void
test_dialogs(void **state)
{
	struct app app;
	struct action act;
	char *s;

	(void)state;
	app_with_account(&app, ACCT_ACTIVE);
	app.offline = 1;   /* confirming must not start a worker here */
	memset(&act, 0, sizeof act);
	act.sa.kind = SA_PLAN_CHANGE;
	snprintf(act.sa.plan_id, sizeof act.sa.plan_id, "pro");
	app_confirm(&app, "Upgrade to Pro?", "Upgrade to Pro now: $450.00 more per month, charged today.", &act);
	s = frame_text(&app, 80, 24, 0, NULL);
	assert_true(contains(s, "Upgrade to Pro?"));
	assert_true(contains(s, "$450.00 more per month"));
	assert_true(contains(s, "y/Enter: confirm"));
	free(s);
	/* Keys go to the dialog: '1' does not switch tabs. */
	tui_key(&app, '1');
	assert_int_equal(app.dialog.kind, DLG_CONFIRM);
	tui_key(&app, 27);
	assert_int_equal(app.dialog.kind, DLG_NONE);
	/* Confirming while offline explains why nothing was sent. */
	app_confirm(&app, "Upgrade to Pro?", "text", &act);
	tui_key(&app, 'y');
	assert_int_equal(app.dialog.kind, DLG_ERROR);
	assert_true(contains(app.dialog.body, "--offline"));
	tui_key(&app, '\n');
	assert_int_equal(app.dialog.kind, DLG_NONE);
	app_free(&app);
}

static void
test_error_sentences(void **state)
{
	(void)state;
	assert_non_null(app_error_sentence("account_past_due"));
	assert_true(contains(app_error_sentence("account_past_due"), "past due"));
	assert_true(contains(app_error_sentence("no_payment_method"), "payment method"));
	assert_null(app_error_sentence("something_new"));
	assert_null(app_error_sentence(""));
}

static void
test_ascii_frame_has_no_high_bytes(void **state)
{
	struct app app;
	char *s;
	size_t i;

	(void)state;
	app_with_account(&app, ACCT_TRIALING);
	app.account.trial_end = t("2026-11-24T12:00:00Z");
	app.refreshing = 1;   /* the spinner too */
	s = frame_text(&app, 80, 24, 0, NULL);
	for (i = 0; s[i]; i++)
		assert_true((unsigned char)s[i] < 0x80);
	free(s);
	app_free(&app);
}

static void
test_worker_protocol(void **state)
{
	static const char job_text[] = "tok-123\n1\nkind=plan_change\nplan_id=pro\"x\ncredits=0\n";
	struct worker_job job;
	char buf[1024], *out = NULL;
	size_t len = 0;
	FILE *f;
	int k;

	(void)state;
	f = fmemopen((void *)job_text, sizeof job_text - 1, "r");
	assert_non_null(f);
	assert_int_equal(worker_job_read(f, &job), 0);
	fclose(f);
	assert_string_equal(job.token, "tok-123");
	assert_true(job.has_action);
	/* typed fields, never a path or a body: the source builds those */
	assert_int_equal(job.act.kind, SA_PLAN_CHANGE);
	assert_string_equal(job.act.plan_id, "pro\"x");
	/* A sync job: no action. */
	f = fmemopen((void *)"tok\n0\n", 6, "r");
	assert_int_equal(worker_job_read(f, &job), 0);
	fclose(f);
	assert_false(job.has_action);
	assert_int_equal(job.act.kind, SA_NONE);
	/* An action the worker does not know is refused, not guessed. */
	f = fmemopen((void *)"tok\n1\nkind=refund\n", 19, "r");
	assert_int_equal(worker_job_read(f, &job), -1);
	fclose(f);
	/* A truncated job is refused. */
	f = fmemopen((void *)"tok\n1", 5, "r");
	assert_int_equal(worker_job_read(f, &job), -1);
	fclose(f);
	/* Results are key=value lines; a newline in a message cannot forge a key. */
	k = worker_result_format(buf, sizeof buf, 0, 409, 0, "account_past_due", "",
	                         "no\nok=1");
	assert_true(k > 0);
	assert_non_null(strstr(buf, "ok=0\n"));
	assert_non_null(strstr(buf, "code=account_past_due\n"));
	assert_non_null(strstr(buf, "message=no ok=1\n"));
	assert_null(strstr(buf, "\nok=1"));
	f = open_memstream(&out, &len);
	assert_int_equal(worker_record(f, "sync", buf, (size_t)k), 0);
	fclose(f);
	snprintf(buf, sizeof buf, "sync %d\n", k);
	assert_int_equal(strncmp(out, buf, strlen(buf)), 0);
	assert_int_equal(len, strlen(buf) + (size_t)k);
	free(out);
}

/* The arrow keys in hints: the glyph table's, one way everywhere. */
static void
test_key_glyphs(void **state)
{
	const struct glyphs *u = glyphs_for(1), *a = glyphs_for(0);
	char buf[128];

	(void)state;
	assert_string_equal(glyphs_keys_lr(u), "\u2190/\u2192");
	assert_string_equal(glyphs_keys_ud(u), "\u2191/\u2193");
	assert_string_equal(glyphs_keys_lr(a), "left/right");
	assert_string_equal(glyphs_keys_ud(a), "up/down");
	assert_string_equal(glyphs_hint(u, "j/k, up/down", buf, sizeof buf), "j/k, \u2191/\u2193");
	assert_string_equal(glyphs_hint(u, "left/right", buf, sizeof buf), "\u2190/\u2192");
	assert_string_equal(glyphs_hint(u, "PgUp/PgDn", buf, sizeof buf), "PgUp/PgDn");
	assert_string_equal(glyphs_hint(a, "j/k, up/down", buf, sizeof buf), "j/k, up/down");
	assert_string_equal(glyphs_hint(u, "left/right: choose a plan   Enter: switch to it", buf, sizeof buf),
	                    "\u2190/\u2192: choose a plan   Enter: switch to it");
	assert_string_equal(glyphs_hint(a, "p: buy   up/down: ledger", buf, sizeof buf), "p: buy   up/down: ledger");
}

/* The one clock (app_clock): BILLTOP_NOW when it is RFC 3339, else the
 * system clock; app_init takes the session's "now" from it. */
static void
test_clock(void **state)
{
	struct app app;
	int64_t before;

	(void)state;
	setenv("BILLTOP_NOW", "2026-11-15T12:00:00Z", 1);
	assert_int_equal(app_clock(), t("2026-11-15T12:00:00Z"));
	app_init(&app, NULL, 1);
	assert_int_equal(app.now, t("2026-11-15T12:00:00Z"));
	app_free(&app);
	setenv("BILLTOP_NOW", "next tuesday", 1);
	before = (int64_t)time(NULL);
	assert_true(app_clock() >= before && app_clock() <= before + 60);
	setenv("BILLTOP_NOW", "", 1);
	assert_true(app_clock() >= before);
	unsetenv("BILLTOP_NOW");
	assert_true(app_clock() >= before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_too_small_at_every_size),
		cmocka_unit_test(test_minimum_size_has_tabs_and_status),
		cmocka_unit_test(test_loading_screen_when_cache_empty),
		cmocka_unit_test(test_forbidden_screen),
		cmocka_unit_test(test_banners),
		cmocka_unit_test(test_keys_switch_tabs),
		cmocka_unit_test(test_tab_clicks),
		cmocka_unit_test(test_help_overlay),
		cmocka_unit_test(test_dialogs),
		cmocka_unit_test(test_error_sentences),
		cmocka_unit_test(test_ascii_frame_has_no_high_bytes),
		cmocka_unit_test(test_worker_protocol),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_key_glyphs),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	setenv("TZ", "UTC", 1);
	unsetenv("BILLTOP_NOW");
	return cmocka_run_group_tests_name("compose", tests, NULL, NULL);
}
