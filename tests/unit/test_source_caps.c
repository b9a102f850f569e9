/* test_source_caps.c: what a source offers drives the screen and print
 * (client/source.h, ui/offered.h), over a fake struct source_ops with
 * spend only, no plans, credits, invoices or payment methods, and no
 * actions: the not-offered sentence and screen (OSC 8 link unless ASCII),
 * print's exit code, the ? overlay and key bars filtered by the actions
 * mask, an action refused before it is sent; and typed actions on the
 * worker's pipe. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "client/source.h"
#include "ui/app.h"
#include "ui/compose.h"
#include "ui/glyphs.h"
#include "ui/hyperlink.h"
#include "ui/offered.h"

#define CONSOLE "https://console.example.com/settings/billing"

static const struct source_ops fake = {
	.name = "fake",
	.display = "Fakely",
	.console_url = CONSOLE,
	.caps = SRC_CAP_ACCOUNT | SRC_CAP_USAGE | SRC_CAP_SPEND,
	.actions = 0,
};

static const struct source_ops fake_no_console = {
	.name = "fake2",
	.display = "Other",
	.console_url = NULL,
	.caps = SRC_CAP_SPEND,
	.actions = SRC_ACT(SA_PLAN_CHANGE),
};

static int
contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

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

static void
test_table(void **state)
{
	(void)state;
	assert_ptr_equal(source_find("billtop"), &source_billtop);
	assert_ptr_equal(source_default(), &source_billtop);
	assert_null(source_find("nope"));
	assert_null(source_find(NULL));
	assert_null(source_billtop.console_url);
	/* billtop offers every tab and every action: nothing changes for it */
	assert_true(source_offers(&source_billtop, SRC_CAP_PLANS | SRC_CAP_CREDITS | SRC_CAP_USAGE |
	                          SRC_CAP_RUNS | SRC_CAP_INVOICES | SRC_CAP_PAYMENT));
	for (int k = SA_NONE + 1; k < SA_COUNT; k++)
		assert_true(source_can(&source_billtop, (enum source_action_kind)k));
	assert_false(source_can(&source_billtop, SA_NONE));
	assert_false(source_can(&fake, SA_CREDITS_BUY));
}

static void
test_sentence(void **state)
{
	char buf[512];

	(void)state;
	source_not_offered(&fake, SRC_CAP_INVOICES | SRC_CAP_PAYMENT, buf, sizeof buf);
	assert_string_equal(buf, "Fakely's API has no invoices or payment methods: see them at " CONSOLE);
	source_not_offered(&fake, SRC_CAP_PLANS | SRC_CAP_CREDITS | SRC_CAP_INVOICES, buf, sizeof buf);
	assert_string_equal(buf, "Fakely's API has no plans, credits or invoices: see them at " CONSOLE);
	source_not_offered(&fake_no_console, SRC_CAP_PLANS, buf, sizeof buf);
	assert_string_equal(buf, "Other's API has no plans.");
}

static void
test_tabs_and_print_exit(void **state)
{
	char buf[512];
	int i;

	(void)state;
	assert_int_equal(EXIT_NOT_OFFERED, 8);
	/* billtop: every tab offered, print exits as before */
	for (i = 0; i < view_count; i++) {
		assert_int_equal(offered_missing(&source_billtop, view_table[i]), 0);
		assert_int_equal(offered_print_exit(&source_billtop, view_table[i], buf, sizeof buf), EXIT_OK);
		assert_string_equal(buf, "");
	}
	/* the fake: overview and usage shown; the billing tabs not */
	assert_int_equal(offered_missing(&fake, &view_overview_ops), 0);
	assert_int_equal(offered_missing(&fake, &view_usage_ops), 0);
	assert_int_equal(offered_missing(&fake, &view_payment_ops), SRC_CAP_PAYMENT);
	assert_int_equal(offered_print_exit(&fake, &view_usage_ops, buf, sizeof buf), EXIT_OK);
	assert_int_equal(offered_print_exit(&fake, &view_invoices_ops, buf, sizeof buf), EXIT_NOT_OFFERED);
	assert_string_equal(buf, "Fakely's API has no invoices: see them at " CONSOLE);
	assert_int_equal(offered_print_exit(&fake, &view_payment_ops, buf, sizeof buf), EXIT_NOT_OFFERED);
	assert_string_equal(buf, "Fakely's API has no payment methods: see them at " CONSOLE);
	assert_int_equal(offered_print_exit(&fake, &view_plans_ops, buf, sizeof buf), EXIT_NOT_OFFERED);
	assert_int_equal(offered_print_exit(&fake, &view_credits_ops, buf, sizeof buf), EXIT_NOT_OFFERED);
	/* a source with spend only still gets the Usage tab (cost by day) */
	assert_int_equal(offered_missing(&fake_no_console, &view_usage_ops), 0);
}

static void
test_screen(void **state)
{
	struct canvas *c;
	char *s;

	(void)state;
	/* UTF-8: the sentence, the URL on its own line, and an OSC 8 link */
	hyperlink_reset();
	c = canvas_new(80, 12, 1);
	assert_non_null(c);
	offered_draw(&fake, &view_invoices_ops, c, 0, 0, 80, 12);
	s = dump(c);
	assert_true(contains(s, "Fakely's API has no invoices: see them at"));
	assert_true(contains(s, CONSOLE));
	free(s);
	assert_int_equal(hyperlink_count(), 1);
	canvas_free(c);
	/* ASCII (plain) mode: the same words, no escape sequence registered */
	hyperlink_reset();
	c = canvas_new(80, 12, 0);
	offered_draw(&fake, &view_invoices_ops, c, 0, 0, 80, 12);
	s = dump(c);
	assert_true(contains(s, CONSOLE));
	free(s);
	assert_int_equal(hyperlink_count(), 0);
	canvas_free(c);
	/* an offered tab draws nothing */
	hyperlink_reset();
	c = canvas_new(80, 12, 1);
	offered_draw(&fake, &view_usage_ops, c, 0, 0, 80, 12);
	assert_int_equal(canvas_rows_used(c), 0);
	canvas_free(c);
}

/* The whole frame: the Payment tab of the fake shows the screen, not the tab. */
static void
test_frame(void **state)
{
	struct app app;
	struct canvas *c;
	struct frame f;
	char *s;

	(void)state;
	app_init(&app, NULL, 0);
	app.source = &fake;
	app.have_snapshot = 1;
	app.cur = view_find("payment");
	hyperlink_reset();
	c = canvas_new(100, 30, 1);
	compose_frame(&app, c, &f);
	s = dump(c);
	assert_true(contains(s, "Fakely's API has no payment methods: see them at"));
	free(s);
	assert_true(hyperlink_count() >= 1);
	canvas_free(c);
	app_free(&app);
}

static void
test_keys_filtered(void **state)
{
	static const struct keybar_item items[] = {
		{ N_("left/right: choose a plan"), SA_NONE }, { N_("Enter: switch to it"), SA_PLAN_CHANGE },
		{ N_("c: cancel a scheduled change"), SA_PLAN_CANCEL_SCHEDULED }, { NULL, 0 }
	};
	static const struct keybar kb = {
		N_("left/right: choose a plan   Enter: switch to it   c: cancel a scheduled change"), items
	};
	const struct glyphs *g = glyphs_for(0);
	const struct keyhelp *k;
	char buf[256];
	int shown;

	(void)state;
	/* every action: the line as one message, as before */
	assert_string_equal(keybar_text(g, &kb, source_billtop.actions, buf, sizeof buf),
	                    "left/right: choose a plan   Enter: switch to it   c: cancel a scheduled change");
	/* none: only the keys that do not act */
	assert_string_equal(keybar_text(g, &kb, fake.actions, buf, sizeof buf), "left/right: choose a plan");
	/* some */
	assert_string_equal(keybar_text(g, &kb, fake_no_console.actions, buf, sizeof buf),
	                    "left/right: choose a plan   Enter: switch to it");
	/* the ? overlay: Plans' Enter and c go with the actions */
	shown = 0;
	for (k = view_plans_ops.keys; k->keys; k++)
		if (keyhelp_shown(k, fake.actions) && (strcmp(k->keys, "Enter") == 0 || strcmp(k->keys, "c") == 0))
			shown++;
	assert_int_equal(shown, 0);
	for (k = view_plans_ops.keys; k->keys; k++)
		assert_true(keyhelp_shown(k, source_billtop.actions));
	for (k = view_payment_ops.keys; k->keys; k++)
		if (strcmp(k->keys, "a") == 0)
			assert_false(keyhelp_shown(k, fake.actions));
	for (k = view_credits_ops.keys; k->keys; k++)
		if (strcmp(k->keys, "p") == 0)
			assert_false(keyhelp_shown(k, fake.actions));
}

/* A key pressed for an action the source cannot do: said, not sent. */
static void
test_action_refused(void **state)
{
	struct app app;
	struct action act;

	(void)state;
	app_init(&app, NULL, 0);
	app.source = &fake;
	memset(&act, 0, sizeof act);
	act.sa.kind = SA_CREDITS_BUY;
	act.sa.credits = 1000;
	app_confirm(&app, "Buy?", "text", &act);
	assert_int_equal(app.dialog.kind, DLG_ERROR);
	assert_true(contains(app.dialog.body, "Fakely cannot do this"));
	app.dialog.kind = DLG_NONE;
	app_run_action(&app, &act);
	assert_int_equal(app.dialog.kind, DLG_ERROR);
	assert_false(app.refreshing);
	app_free(&app);
}

static void
test_action_wire(void **state)
{
	struct source_action a, b;
	struct source_action_result r, q;
	char buf[1024];

	(void)state;
	memset(&a, 0, sizeof a);
	a.kind = SA_PAYMENT_DEFAULT;
	snprintf(a.payment_method_id, sizeof a.payment_method_id, "pm_1/../x");
	assert_int_equal(source_action_format(&a, buf, sizeof buf), 0);
	assert_true(contains(buf, "kind=default_payment_method\n"));
	assert_int_equal(source_action_read(buf, &b), 0);
	assert_int_equal(b.kind, SA_PAYMENT_DEFAULT);
	assert_string_equal(b.payment_method_id, "pm_1/../x");
	a.kind = SA_CREDITS_BUY;
	a.credits = INT64_C(9007199254740993);   /* no double in the way */
	assert_int_equal(source_action_format(&a, buf, sizeof buf), 0);
	assert_int_equal(source_action_read(buf, &b), 0);
	assert_true(b.credits == INT64_C(9007199254740993));
	/* a newline cannot forge a field */
	a.kind = SA_PLAN_CHANGE;
	snprintf(a.plan_id, sizeof a.plan_id, "pro\nkind=buy_credits");
	assert_int_equal(source_action_format(&a, buf, sizeof buf), -1);
	/* the PDF download never travels to the worker */
	memset(&a, 0, sizeof a);
	a.kind = SA_INVOICE_PDF;
	assert_int_equal(source_action_format(&a, buf, sizeof buf), -1);
	assert_int_equal(source_action_read("kind=invoice_pdf\n", &b), -1);
	assert_int_equal(source_action_read("kind=buy_credits\ncredits=12x\n", &b), -1);
	/* the result: the setup link */
	memset(&r, 0, sizeof r);
	snprintf(r.setup.url, sizeof r.setup.url, "https://pay.example.com/setup/abc");
	r.setup.expires_at = 1795000000;
	assert_true(source_action_result_format(&r, buf, sizeof buf) > 0);
	assert_int_equal(source_action_result_read(buf, &q), 0);
	assert_string_equal(q.setup.url, r.setup.url);
	assert_true(q.setup.expires_at == r.setup.expires_at);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_sentence),
		cmocka_unit_test(test_tabs_and_print_exit),
		cmocka_unit_test(test_screen),
		cmocka_unit_test(test_frame),
		cmocka_unit_test(test_keys_filtered),
		cmocka_unit_test(test_action_refused),
		cmocka_unit_test(test_action_wire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
