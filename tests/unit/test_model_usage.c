/* test_model_usage.c: Usage ranges, period boundaries, breakdowns, shares, zero rows, series. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "ui/model_usage.h"

static int64_t
at(const char *s)
{
	int64_t t = 0;

	assert_int_equal(time_parse_rfc3339(s, &t), 0);
	return t;
}

static const char *
day(int64_t t)
{
	static char buf[4][M_DAY];
	static int k;

	k = (k + 1) % 4;
	assert_int_equal(time_format_day(t, buf[k], sizeof buf[k]), 0);
	return buf[k];
}

static void
expect_range(enum usage_range r, const char *now, const char *ps, const char *pe, const char *from,
             const char *to)
{
	int64_t f = 0, t = 0;

	assert_int_equal(usage_range_days(r, at(now), at(ps), at(pe), &f, &t), 0);
	assert_string_equal(day(f), from);
	assert_string_equal(day(t), to);
	assert_true(f == time_day_start_utc(f) && t == time_day_start_utc(t));
}

static void
test_names(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < UR_COUNT; i++)
		assert_int_equal(usage_range_parse(usage_range_name((enum usage_range)i)), i);
	assert_int_equal(usage_range_parse("30"), -1);
	assert_int_equal(usage_range_parse("month"), -1);
	assert_int_equal(usage_by_parse("meter"), BY_METER);
	assert_int_equal(usage_by_parse("agent"), BY_AGENT);
	assert_int_equal(usage_by_parse("item"), BY_ITEM);
	assert_int_equal(usage_by_parse("line_item"), -1);
	/* b cycles through all three and comes back */
	assert_int_equal(usage_by_next(BY_ITEM), BY_METER);
	assert_int_equal(usage_by_next(BY_METER), BY_AGENT);
	assert_int_equal(usage_by_next(BY_AGENT), BY_ITEM);
	assert_int_equal(UR_DEFAULT, UR_30D);
}

static void
test_last_n_days(void **state)
{
	(void)state;
	/* the last N days end today (partial), so there are exactly N of them */
	expect_range(UR_7D, "2026-11-15T12:00:00Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-09",
	             "2026-11-15");
	expect_range(UR_30D, "2026-11-15T00:00:00Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-10-17",
	             "2026-11-15");
	expect_range(UR_90D, "2026-03-01T23:59:59Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2025-12-02",
	             "2026-03-01");
}

static void
test_period(void **state)
{
	int64_t f, t;

	(void)state;
	/* this period: from its first day to today */
	expect_range(UR_PERIOD, "2026-11-15T12:00:00Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-01",
	             "2026-11-15");
	/* the last instant of a period is still in it, the end is not */
	expect_range(UR_PERIOD, "2026-11-30T23:59:59Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-01",
	             "2026-11-30");
	/* a clock behind the period (skew) gives its first day, never an empty span */
	expect_range(UR_PERIOD, "2026-10-31T23:00:00Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-01",
	             "2026-11-01");
	/* no period known */
	assert_int_equal(usage_range_days(UR_PERIOD, at("2026-11-15T00:00:00Z"), M_NONE, M_NONE, &f, &t), -1);
	assert_int_equal(usage_range_days(UR_PREVIOUS, 0, 100, 100, &f, &t), -1);
}

static void
test_previous_period(void **state)
{
	(void)state;
	expect_range(UR_PREVIOUS, "2026-11-15T12:00:00Z", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-10-01",
	             "2026-10-31");
	/* anchored on the 31st: a 30-day month clamps the start, the end keeps the 31st */
	expect_range(UR_PREVIOUS, "2026-12-05T00:00:00Z", "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z", "2026-10-31",
	             "2026-11-29");
	/* ... and February clamps the end, the start keeps it */
	expect_range(UR_PREVIOUS, "2027-02-05T00:00:00Z", "2027-01-31T00:00:00Z", "2027-02-28T00:00:00Z", "2026-12-31",
	             "2027-01-30");
	expect_range(UR_PREVIOUS, "2027-03-05T00:00:00Z", "2027-02-28T00:00:00Z", "2027-03-31T00:00:00Z", "2027-01-31",
	             "2027-02-27");
	expect_range(UR_PREVIOUS, "2027-04-05T00:00:00Z", "2027-03-31T00:00:00Z", "2027-04-30T00:00:00Z", "2027-02-28",
	             "2027-03-30");
	/* anchored on the 30th in a leap February */
	expect_range(UR_PREVIOUS, "2028-03-05T00:00:00Z", "2028-02-29T00:00:00Z", "2028-03-30T00:00:00Z", "2028-01-30",
	             "2028-02-28");
	/* a period starting mid-day: its first day is shared by both periods */
	expect_range(UR_PREVIOUS, "2026-11-20T00:00:00Z", "2026-11-15T09:30:00Z", "2026-12-15T09:30:00Z", "2026-10-15",
	             "2026-11-15");
	/* across a year */
	expect_range(UR_PREVIOUS, "2027-01-10T00:00:00Z", "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z", "2026-12-01",
	             "2026-12-31");
}

static void
test_share(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(share_permille(1, 3), 333);
	assert_int_equal(share_permille(2, 3), 667);
	assert_int_equal(share_permille(1, 2000), 1);   /* 0.05% rounds half up */
	assert_int_equal(share_permille(1, 2001), 0);
	assert_int_equal(share_permille(5, 0), 0);
	assert_int_equal(share_permille(0, 10), 0);
	assert_int_equal(share_permille(10, 10), 1000);
	assert_int_equal(share_permille(INT64_MAX, INT64_MAX), 1000);
	assert_int_equal(share_permille(INT64_MAX / 2, INT64_MAX), 500);
	assert_int_equal(share_format(123, buf, sizeof buf), 0);
	assert_string_equal(buf, "12.3%");
	assert_int_equal(share_format(1000, buf, sizeof buf), 0);
	assert_string_equal(buf, "100.0%");
	assert_int_equal(share_format(7, buf, sizeof buf), 0);
	assert_string_equal(buf, "0.7%");
	assert_int_equal(share_format(1000, buf, 5), -1);
	assert_string_equal(buf, "");
}

static void
test_burn_window(void **state)
{
	int64_t f = 0, t = 0;

	(void)state;
	/* an old account: the 7 complete days before today */
	assert_int_equal(burn_window_days(at("2026-11-15T12:00:00Z"), at("2026-01-01T09:00:00Z"), 7, &f, &t), 7);
	assert_string_equal(day(f), "2026-11-08");
	assert_string_equal(day(t), "2026-11-14");
	/* created 3 days ago mid-day: its first day is partial, two complete days remain */
	assert_int_equal(burn_window_days(at("2026-11-15T12:00:00Z"), at("2026-11-12T09:30:00Z"), 7, &f, &t), 2);
	assert_string_equal(day(f), "2026-11-13");
	/* created at midnight: that day counts */
	assert_int_equal(burn_window_days(at("2026-11-15T12:00:00Z"), at("2026-11-12T00:00:00Z"), 7, &f, &t), 3);
	assert_string_equal(day(f), "2026-11-12");
	/* created today: nothing */
	assert_int_equal(burn_window_days(at("2026-11-15T12:00:00Z"), at("2026-11-15T01:00:00Z"), 7, &f, &t), 0);
}

/* --- building models --- */

static struct billing_ctx ctx;
static const struct meter meters[] = {
	{ "connection_minutes", "Connection minutes", "minute", "second", 60, 60, 1000, ITEM_TOOL_CALLS },
	{ "data_transfer", "Data transfer", "GB", "byte", 1000000000, 10000000, 5000, ITEM_STORAGE },
	{ "llm_tokens", "LLM tokens", "token", "token", 1, 1, 2, ITEM_LLM },
	{ "tts_characters", "TTS characters", "character", "character", 1, 1, 1, ITEM_LLM },
};
static const struct agent agents[] = {
	{ "agt_a", "Alpha" }, { "agt_b", "Bravo" }, { "agt_c", "Charlie" }, { "agt_d", "Delta" },
	{ "agt_e", "Echo" }, { "agt_f", "Foxtrot" }, { "agt_g", "Golf" }, { "agt_h", "Hotel" },
};

static void
setup_ctx(int64_t overage)
{
	memset(&ctx, 0, sizeof ctx);
	ctx.now = at("2026-11-15T12:00:00Z");
	str_copy(ctx.acct.currency, sizeof ctx.acct.currency, "USD");
	str_copy(ctx.acct.plan_id, sizeof ctx.acct.plan_id, "pro");
	ctx.acct.period_start = at("2026-11-01T00:00:00Z");
	ctx.acct.period_end = at("2026-12-01T00:00:00Z");
	ctx.acct.created_at = at("2026-07-15T09:30:00Z");
	ctx.has_plan = 1;
	str_copy(ctx.plan.name, sizeof ctx.plan.name, "Pro");
	ctx.plan.price = 50000;
	ctx.plan.overage_per_1000 = overage;
	ctx.plan.included_credits = 400000;
	ctx.credits.balance = 356000;
	ctx.credits.period_allowance = 400000;
	ctx.credits.period_used = 44000;
	ctx.burn_err = FORECAST_OK;
	ctx.burn.credits = 7000;
	ctx.burn.days = 7;
}

static struct usage_row
row(const char *d, const char *key, int64_t billed, int64_t credits)
{
	struct usage_row r;

	memset(&r, 0, sizeof r);
	str_copy(r.day, sizeof r.day, d);
	str_copy(r.key, sizeof r.key, key);
	r.raw = r.billed_raw = billed;
	r.credits = credits;
	return r;
}

static const struct usage_line *
line(const struct usage_model *m, const char *key)
{
	int i;

	for (i = 0; i < m->nlines; i++)
		if (strcmp(m->lines[i].key, key) == 0)
			return &m->lines[i];
	fail_msg("no line %s", key);
	return NULL;
}

static void
build(struct usage_model *m, const struct usage_row *rows, int n, enum usage_by by, const char *from,
      const char *to)
{
	struct usage_input in = { &ctx, meters, 4, agents, 8, rows, n };
	int64_t f, t;

	assert_int_equal(model_day_parse(from, &f), 0);
	assert_int_equal(model_day_parse(to, &t), 0);
	assert_int_equal(usage_model_build(m, &in, UR_7D, by, f, t), 0);
}

static void
test_by_item(void **state)
{
	const struct usage_row rows[] = {
		row("2026-11-08", "llm", 0, 999),        /* before the span: ignored */
		row("2026-11-09", "llm", 0, 600),
		row("2026-11-09", "tool_calls", 0, 150),
		row("2026-11-11", "llm", 0, 250),
		row("2026-11-15", "tool_calls", 0, 1),
		row("2026-11-16", "tool_calls", 0, 999), /* after: ignored */
	};
	struct usage_model m;
	int i;

	(void)state;
	setup_ctx(125);
	build(&m, rows, 6, BY_ITEM, "2026-11-09", "2026-11-15");
	assert_int_equal(m.ndays, 7);
	assert_string_equal(m.days[0].day_key, "2026-11-09");
	assert_string_equal(m.days[6].day_key, "2026-11-15");
	assert_string_equal(m.slot_labels[6], "11-15");
	assert_true(m.total_credits == 1001);
	/* the three line items are always the series, in their fixed order */
	assert_int_equal(m.nseries, 3);
	assert_string_equal(m.series_names[0], "LLM");
	assert_string_equal(m.series_names[1], "Tool calls");
	assert_string_equal(m.series_names[2], "Storage");
	assert_true(m.days[0].credits[0] == 600 && m.days[0].credits[1] == 150 && m.days[0].total == 750);
	assert_true(m.values[0 * 3 + 1] == 150 && m.values[2 * 3 + 0] == 250 && m.values[6 * 3 + 1] == 1);
	assert_true(m.days[1].total == 0);
	assert_true(m.max_day == 750);
	/* rows: largest first; storage has no usage and is hidden unless asked */
	assert_int_equal(m.nlines, 3);
	assert_int_equal(m.nlines_used, 2);
	assert_int_equal(usage_model_visible(&m, 0), 2);
	assert_int_equal(usage_model_visible(&m, 1), 3);
	assert_string_equal(m.lines[0].key, "llm");
	assert_string_equal(m.lines[1].key, "tool_calls");
	assert_string_equal(m.lines[2].key, "storage");
	assert_true(m.lines[2].credits == 0 && m.lines[2].share_pm == 0);
	/* 850/1001 = 849.15 per mille; 151/1001 = 150.85 */
	assert_int_equal(m.lines[0].share_pm, 849);
	assert_int_equal(m.lines[1].share_pm, 151);
	/* cost at $1.25 per 1,000 rounded up to the cent: 850 -> 106.25 -> 107 */
	assert_true(m.lines[0].cost == 107);
	assert_true(m.lines[1].cost == 19);
	assert_true(m.lines[2].cost == 0);
	assert_true(m.total_cost == 126);
	assert_false(m.lines[0].is_meter);
	for (i = 0; i < m.nlines; i++)
		assert_int_equal(m.lines[i].series, strcmp(m.lines[i].key, "llm") == 0 ? 0 :
		                                    strcmp(m.lines[i].key, "tool_calls") == 0 ? 1 : 2);
	usage_model_free(&m);
}

static void
test_included_without_overage(void **state)
{
	const struct usage_row rows[] = { row("2026-11-10", "llm", 0, 500) };
	struct usage_model m;

	(void)state;
	setup_ctx(M_NONE);
	build(&m, rows, 1, BY_ITEM, "2026-11-09", "2026-11-15");
	assert_true(m.overage_per_1000 == M_NONE);
	assert_true(m.lines[0].cost == M_NONE);
	assert_true(m.total_cost == M_NONE);
	usage_model_free(&m);
}

static void
test_by_meter(void **state)
{
	const struct usage_row rows[] = {
		row("2026-11-14", "connection_minutes", 120, 2),
		row("2026-11-14", "data_transfer", 1200000000, 6),
		row("2026-11-15", "connection_minutes", 60, 1),
		row("2026-11-15", "retired_meter", 5, 5),   /* not in the meter list */
	};
	struct usage_model m;
	const struct usage_line *l;

	(void)state;
	setup_ctx(125);
	build(&m, rows, 4, BY_METER, "2026-11-14", "2026-11-15");
	assert_int_equal(m.nlines, 5);
	assert_int_equal(m.nlines_used, 3);
	assert_true(m.total_credits == 14);
	l = line(&m, "connection_minutes");
	assert_true(l->is_meter && l->credits == 3 && l->billed_raw == 180);
	assert_string_equal(l->quantity, "3 minutes");
	assert_string_equal(l->billed_how, "rounded up to 1-minute increments");
	l = line(&m, "data_transfer");
	assert_string_equal(l->quantity, "1.20 GB");
	assert_string_equal(l->billed_how, "rounded up to 0.01 GB steps");
	assert_int_equal(l->share_pm, 429);
	l = line(&m, "llm_tokens");
	assert_true(l->credits == 0);
	assert_string_equal(l->quantity, "0 tokens");
	assert_string_equal(l->billed_how, "billed per token");
	/* an unknown meter keeps its id and is still counted */
	l = line(&m, "retired_meter");
	assert_string_equal(l->label, "retired_meter");
	assert_false(l->is_meter);
	assert_true(l->credits == 5);
	/* largest credits first; zero rows by name at the end */
	assert_string_equal(m.lines[0].key, "data_transfer");
	assert_string_equal(m.lines[1].key, "retired_meter");
	assert_string_equal(m.lines[2].key, "connection_minutes");
	assert_string_equal(m.lines[3].key, "llm_tokens");
	assert_string_equal(m.lines[4].key, "tts_characters");
	/* few keys: every used one is its own series, in table order */
	assert_int_equal(m.nseries, 3);
	assert_string_equal(m.series[0].key, "data_transfer");
	assert_true(m.days[1].credits[1] == 5 && m.days[1].credits[2] == 1 && m.days[1].total == 6);
	usage_model_free(&m);
}

static void
test_by_agent_other(void **state)
{
	struct usage_row rows[8];
	struct usage_model m;
	int i;

	(void)state;
	setup_ctx(125);
	/* eight agents spending 80, 70, ... 10: five series and "Other" */
	for (i = 0; i < 8; i++)
		rows[i] = row("2026-11-15", agents[i].id, 0, 80 - 10 * i);
	build(&m, rows, 8, BY_AGENT, "2026-11-15", "2026-11-15");
	assert_int_equal(m.ndays, 1);
	assert_int_equal(m.nseries, 6);
	assert_string_equal(m.series_names[0], "Alpha");
	assert_string_equal(m.series_names[4], "Echo");
	assert_string_equal(m.series_names[5], "Other");
	assert_string_equal(m.series[5].key, "");
	assert_true(m.days[0].credits[5] == 30 + 20 + 10);
	assert_true(m.days[0].total == 360);
	assert_int_equal(line(&m, "agt_h")->series, 5);
	assert_int_equal(line(&m, "agt_e")->series, 4);
	/* shares of every row add up to about 100% */
	{
		int sum = 0;

		for (i = 0; i < m.nlines; i++)
			sum += m.lines[i].share_pm;
		assert_in_range(sum, 998, 1002);
	}
	usage_model_free(&m);

	/* exactly six agents with usage: no "Other" needed */
	build(&m, rows, 6, BY_AGENT, "2026-11-15", "2026-11-15");
	assert_int_equal(m.nseries, 6);
	assert_string_equal(m.series_names[5], "Foxtrot");
	assert_int_equal(m.nlines_used, 6);
	assert_int_equal(m.nlines, 8);
	usage_model_free(&m);
}

/* Figures the decoder accepts (up to INT64_MAX each) whose sums do not fit:
 * the sums are M_NONE ("n/a"), never wrapped, and the chart saturates. */
static void
test_huge_values(void **state)
{
	const int64_t big = INT64_C(1) << 62;
	const struct usage_row rows[] = {
		row("2026-11-14", "tool_calls", 0, big),
		row("2026-11-15", "tool_calls", 0, big),
		row("2026-11-15", "tool_calls", 0, big),
		row("2026-11-15", "llm", 0, 5),
	};
	struct usage_model m;
	const struct usage_line *l;

	(void)state;
	assert_true(usage_sum(big, big) == M_NONE);
	assert_true(usage_sum(M_NONE, 1) == M_NONE);
	assert_true(usage_sum(big, big - 1) == INT64_MAX);
	setup_ctx(125);
	build(&m, rows, 4, BY_ITEM, "2026-11-09", "2026-11-15");
	l = line(&m, "tool_calls");
	assert_true(l->credits == M_NONE);
	assert_true(l->cost == M_NONE);
	assert_int_equal(l->share_pm, 0);
	assert_true(line(&m, "llm")->credits == 5);
	assert_true(m.total_credits == M_NONE);
	assert_true(m.total_cost == M_NONE);
	/* the overflowed row still counts as used and sorts first */
	assert_int_equal(m.nlines_used, 2);
	assert_string_equal(m.lines[0].key, "tool_calls");
	assert_true(m.days[5].total == big);
	assert_true(m.days[6].credits[1] == INT64_MAX && m.days[6].total == INT64_MAX);
	assert_true(m.max_day == INT64_MAX);
	usage_model_free(&m);

	/* the period's projection with a balance near the top of the range */
	setup_ctx(125);
	ctx.credits.balance = INT64_MAX;
	ctx.credits.period_used = big;
	ctx.credits.period_overage = -big;
	build(&m, rows, 1, BY_ITEM, "2026-11-09", "2026-11-15");
	assert_true(m.period.used == big);
	usage_model_free(&m);
}

static void
test_empty(void **state)
{
	struct usage_model m;
	int64_t f;

	(void)state;
	setup_ctx(125);
	build(&m, NULL, 0, BY_METER, "2026-10-17", "2026-11-15");
	assert_int_equal(m.ndays, 30);
	assert_int_equal(m.nlines_used, 0);
	assert_int_equal(m.nlines, 4);
	assert_int_equal(m.nseries, 0);
	assert_true(m.total_credits == 0 && m.max_day == 0);
	usage_model_free(&m);
	/* a span that ends before it starts is refused */
	{
		struct usage_input in = { &ctx, meters, 4, agents, 8, NULL, 0 };

		assert_int_equal(model_day_parse("2026-11-15", &f), 0);
		assert_int_equal(usage_model_build(&m, &in, UR_7D, BY_ITEM, f, f - DAY_SECS), -1);
	}
	assert_int_equal(model_day_parse("2026-02-30", &f), -1);
	assert_int_equal(model_day_parse("2026-11-1", &f), -1);
}

static void
test_period_projection(void **state)
{
	struct usage_period p;

	(void)state;
	setup_ctx(125);
	/* the Usage tab's period figures are the period forecast's, copied */
	ctx.fc_err = FORECAST_OK;
	ctx.has_fc_so_far = 1;
	ctx.fc.spend_so_far = 51250;
	ctx.fc.projected = 655000;
	ctx.fc.overage = 164000;
	ctx.fc.total = 76140;
	usage_period_compute(&ctx, &p);
	assert_int_equal(p.proj_err, FORECAST_OK);
	assert_true(p.used == 44000 && p.allowance == 400000);
	assert_true(p.spent == 51250 && p.projected == 655000);
	assert_true(p.projected_overage == 164000 && p.projected_spend == 76140);

	/* fewer than 3 days: no projection, said as such */
	ctx.fc_err = FORECAST_TOO_LITTLE_DATA;
	ctx.burn_err = FORECAST_TOO_LITTLE_DATA;
	usage_period_compute(&ctx, &p);
	assert_int_equal(p.proj_err, FORECAST_TOO_LITTLE_DATA);
	assert_true(p.projected_spend == M_NONE);

	/* a contact-sales plan has no price: no spend so far */
	ctx.has_fc_so_far = 0;
	usage_period_compute(&ctx, &p);
	assert_true(p.spent == M_NONE);
}

/* Issue 17, item 3: the model's anomalies from rows that start 14 days
 * before the span; newest first, marks per day, the sentence. */
static void
test_anomalies(void **state)
{
	struct usage_row rows[40];
	struct usage_model m;
	char d[M_DAY], text[128];
	int64_t t0;
	int i, n = 0;

	(void)state;
	assert_int_equal(model_day_parse("2026-10-26", &t0), 0);
	for (i = 0; i < 21; i++) {   /* 2026-10-26 .. 2026-11-15 */
		time_format_day(t0 + (int64_t)i * DAY_SECS, d, sizeof d);
		rows[n++] = row(d, "llm", 0, i == 20 ? 501 : i == 18 ? 1000 : 100);
	}
	rows[n++] = row("2026-11-15", "tool_calls", 0, 99);   /* a median of 0, under the floor */
	build(&m, rows, n, BY_ITEM, "2026-11-09", "2026-11-15");
	assert_int_equal(usage_model_anomalies(&m, rows, n, 3), 0);
	assert_int_equal(m.anomaly_factor, 3);
	assert_int_equal(m.nanomalies, 2);
	/* newest first: 11-15 at 501 / 100 (the 11-13 spike does not move the median) */
	assert_string_equal(m.anomalies[0].day_key, "2026-11-15");
	assert_string_equal(m.anomalies[0].key, "llm");
	assert_int_equal(m.anomalies[0].median, 100);
	assert_int_equal(m.anomalies[0].ratio_tenths, 50);
	usage_anomaly_text(&m.anomalies[0], text, sizeof text);
	assert_string_equal(text, "11-15: LLM 5.0x usual");
	assert_string_equal(m.anomalies[1].day_key, "2026-11-13");
	assert_int_equal(m.anomalies[1].ratio_tenths, 100);
	assert_int_equal(m.marks[6], 1);
	assert_int_equal(m.marks[4], 1);
	assert_int_equal(m.marks[5], 0);
	/* 'a' from today goes to 11-13, then wraps to the newest */
	assert_int_equal(usage_anomaly_next_day(&m, 6), 4);
	assert_int_equal(usage_anomaly_next_day(&m, 4), 6);
	assert_ptr_equal(usage_anomaly_for_day(&m, 4), &m.anomalies[1]);
	assert_ptr_equal(usage_anomaly_for_day(&m, 5), &m.anomalies[0]);
	/* a larger factor: only 11-13 (10x) */
	assert_int_equal(usage_model_anomalies(&m, rows, n, 6), 0);
	assert_int_equal(m.nanomalies, 1);
	assert_string_equal(m.anomalies[0].day_key, "2026-11-13");
	/* factor 0: none */
	assert_int_equal(usage_model_anomalies(&m, rows, n, 0), 0);
	assert_int_equal(m.nanomalies, 0);
	usage_model_free(&m);
}

/* Issue 17, item 4: day 1..k of both periods, and the change in tenths. */
static void
test_compare(void **state)
{
	struct usage_compare k;
	char buf[32];
	int32_t t;

	(void)state;
	assert_int_equal(usage_compare_spans(at("2026-11-15T12:00:00Z"), at("2026-11-01T00:00:00Z"),
	                                     at("2026-12-01T00:00:00Z"), &k), 0);
	assert_true(k.ok);
	assert_int_equal(k.days, 15);
	assert_string_equal(day(k.from), "2026-11-01");
	assert_string_equal(day(k.to), "2026-11-15");
	assert_string_equal(day(k.prev_from), "2026-10-01");
	assert_string_equal(day(k.prev_to), "2026-10-15");
	/* day 31 of March against a 28-day February: all of February */
	assert_int_equal(usage_compare_spans(at("2027-03-31T08:00:00Z"), at("2027-03-01T00:00:00Z"),
	                                     at("2027-04-01T00:00:00Z"), &k), 0);
	assert_int_equal(k.days, 31);
	assert_string_equal(day(k.prev_from), "2027-02-01");
	assert_string_equal(day(k.prev_to), "2027-02-28");
	/* the first day of a period */
	assert_int_equal(usage_compare_spans(at("2026-11-01T00:00:01Z"), at("2026-11-01T00:00:00Z"),
	                                     at("2026-12-01T00:00:00Z"), &k), 0);
	assert_int_equal(k.days, 1);
	assert_string_equal(day(k.prev_to), "2026-10-01");

	assert_int_equal(usage_change_tenths(1125, 1000, &t), 0);
	assert_int_equal(t, 125);
	assert_int_equal(usage_change_tenths(995, 1000, &t), 0);
	assert_int_equal(t, -5);
	assert_int_equal(usage_change_tenths(1, 3, &t), 0);
	assert_int_equal(t, -666);   /* toward zero */
	assert_int_equal(usage_change_tenths(5, 3, &t), 0);
	assert_int_equal(t, 666);
	assert_int_equal(usage_change_tenths(0, 1000, &t), 0);
	assert_int_equal(t, -1000);
	assert_int_equal(usage_change_tenths(10, 0, &t), -1);
	assert_int_equal(usage_change_tenths(INT64_MAX, 1, &t), 0);
	assert_int_equal(t, INT32_MAX);
	usage_change_text(1125, 1000, buf, sizeof buf);
	assert_string_equal(buf, "+12.5%");
	usage_change_text(995, 1000, buf, sizeof buf);
	assert_string_equal(buf, "-0.5%");
	usage_change_text(7, 0, buf, sizeof buf);
	assert_string_equal(buf, "new");
	usage_change_text(0, 0, buf, sizeof buf);
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_last_n_days),
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_previous_period),
		cmocka_unit_test(test_share),
		cmocka_unit_test(test_burn_window),
		cmocka_unit_test(test_by_item),
		cmocka_unit_test(test_included_without_overage),
		cmocka_unit_test(test_by_meter),
		cmocka_unit_test(test_by_agent_other),
		cmocka_unit_test(test_huge_values),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_period_projection),
		cmocka_unit_test(test_anomalies),
		cmocka_unit_test(test_compare),
	};

	setlocale(LC_ALL, "C");
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests_name("model_usage", tests, NULL, NULL);
}
