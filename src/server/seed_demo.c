/*
 * seed_demo.c: the demo account, Acme Robotics, replayed day by day through
 * the billing rules so usage, grants, ledger, invoices and charges agree.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "server/engine.h"
#include "server/seed.h"
#include "server/seed_common.h"

#define DEMO_SEED 0x5eed0acce55ULL

static const struct meter_spec demo_meters[] = {
	{ "agent_session_minutes", "Agent session minutes", "minute", "second", 60, 60, 2000, "tool_calls", 3 },
	{ "connection_minutes", "Connection minutes", "minute", "second", 60, 60, 1000, "tool_calls", 4 },
	{ "data_transfer_gb", "Data transfer", "GB", "byte", 1000000000, 10000000, 10000, "storage", 0 },
	{ "llm_tokens", "LLM tokens", "token", "token", 1, 1, 2, "llm", 1500 },
	{ "storage_gb_days", "Knowledge base storage", "GB-day", "MB-day", 1000, 1, 5000, "storage", 0 },
	{ "stt_seconds", "Speech-to-text", "second", "second", 1, 1, 150, "llm", 40 },
	{ "tool_calls", "Tool calls", "call", "call", 1, 1, 1000, "tool_calls", 1 },
	{ "tts_characters", "Text-to-speech", "character", "character", 1, 1, 20, "llm", 300 },
};

/* Who uses what, in credits on an ordinary weekday at full size. */
static const struct {
	const char *agent, *meter;
	int64_t credits;
} demo_cells[] = {
	{ "agt_support", "llm_tokens", 4000 },
	{ "agt_support", "tool_calls", 900 },
	{ "agt_support", "agent_session_minutes", 700 },
	{ "agt_support", "storage_gb_days", 150 },
	{ "agt_support", "data_transfer_gb", 60 },
	{ "agt_invoice", "llm_tokens", 3500 },
	{ "agt_invoice", "tool_calls", 600 },
	{ "agt_invoice", "storage_gb_days", 400 },
	{ "agt_invoice", "data_transfer_gb", 200 },
	{ "agt_invoice", "agent_session_minutes", 300 },
	{ "agt_voice", "stt_seconds", 1200 },
	{ "agt_voice", "tts_characters", 900 },
	{ "agt_voice", "connection_minutes", 800 },
	{ "agt_voice", "llm_tokens", 1200 },
	{ "agt_voice", "tool_calls", 200 },
};

#define NCELLS (sizeof demo_cells / sizeof demo_cells[0])
#define NMETERS (sizeof demo_meters / sizeof demo_meters[0])

int
seed_variant_valid(const char *v)
{
	return strcmp(v, "active") == 0 || strcmp(v, "trial") == 0 || strcmp(v, "past-due") == 0 ||
	       strcmp(v, "exhausted") == 0 || strcmp(v, "paused") == 0;
}

static int
ymd(int64_t t, int *y, int *m)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		return -1;
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	return 0;
}

/* Weekends are quieter; the account grows towards today. */
static int64_t
day_scale(int64_t day_start, int64_t first, int64_t last, int64_t size_ppm)
{
	int64_t wd = ((day_start / DAY_SECONDS) + 4) % 7; /* 0 = Sunday (1970-01-01 was a Thursday) */
	int64_t span = last > first ? last - first : 1;
	int64_t growth = 550000 + 600000 * (day_start - first) / span;

	return size_ppm * growth / 1000000 * (wd == 0 || wd == 6 ? 60 : 100) / 100;
}

/* The exhausted variant's usage this month is at least EXHAUST_BY's worth. */
#define EXHAUST_BY (14 * DAY_SECONDS)

/* Rolls the account to t, then reloads it. */
static int
roll_to(struct db *d, struct account *a, int64_t t)
{
	return eng_roll(d, t) < 0 || acct_load(d, a) < 0 ? -1 : 0;
}

void
seed_params_demo(struct seed_params *p, const char *variant)
{
	int exhausted = strcmp(variant, "exhausted") == 0;
	int trial_like = strcmp(variant, "trial") == 0 || strcmp(variant, "paused") == 0;

	memset(p, 0, sizeof *p);
	p->variant = variant;
	p->rng_seed = DEMO_SEED;
	str_copy(p->currency, sizeof p->currency, "USD");
	p->tax_rate_bp = 800;
	p->plan_id = exhausted ? "free" : "pro";
	p->size_ppm = trial_like ? 800000 : exhausted ? 80000 : 1350000; /* some Pro months run into overage */
	if (!trial_like && !exhausted) {
		p->customer_credit = 2000; /* a goodwill credit, applied to the first invoice */
		p->failed_charge = 1;
		p->buy1 = 50000;
		p->buy2 = 100000;
		p->promo1 = 50000;
		p->promo2 = 10000;
	}
}

int
seed_demo(struct db *d, const char *variant, const struct seed_spike *spike, int64_t now)
{
	struct seed_params p;

	seed_params_demo(&p, variant);
	p.spike = spike;
	return seed_account(d, &p, now);
}

int
seed_account(struct db *d, const struct seed_params *sp, int64_t now)
{
	const char *variant = sp->variant;
	struct meter meters[NMETERS];
	struct usage_cell cells[NCELLS];
	struct account a;
	struct day_plan dp;
	struct purchase_out po;
	struct rng r = { sp->rng_seed };
	int64_t month0, start, today, day, at, size_ppm = 1000000, fail_day = -1, fix_day = -1, back_day = -1;
	int64_t buy1 = -1, buy2 = -1, promo_day = -1;
	int trial = strcmp(variant, "trial") == 0, paused = strcmp(variant, "paused") == 0;
	int exhausted = strcmp(variant, "exhausted") == 0, past_due = strcmp(variant, "past-due") == 0;
	int y, m;
	char pm_card[ID_MAX], pm_bank[ID_MAX];
	size_t i, j;

	if (seed_plans(d) < 0)
		return -1;
	for (i = 0; i < NMETERS; i++) {
		if (seed_meter(d, &demo_meters[i]) < 0 || meter_load(d, demo_meters[i].id, &meters[i]) != 1)
			return -1;
	}
	if (seed_agent(d, "agt_invoice", "Invoice parser") < 0 ||
	    seed_agent(d, "agt_support", "Support triage") < 0 ||
	    seed_agent(d, "agt_voice", "Voice concierge") < 0)
		return -1;
	for (i = 0; i < NCELLS; i++) {
		for (j = 0; j < NMETERS && strcmp(meters[j].id, demo_cells[i].meter) != 0; j++)
			;
		cells[i].meter = &meters[j];
		cells[i].agent_id = demo_cells[i].agent;
		cells[i].credits_per_day = demo_cells[i].credits;
	}

	today = time_day_start_utc(now);
	if (ymd(now, &y, &m) < 0)
		return -1;
	{
		/* The first of this month, 00:00Z. */
		char buf[48];

		snprintf(buf, sizeof buf, "%04d-%02d-01T00:00:00Z", y, m);
		if (time_parse_rfc3339(buf, &month0) < 0)
			return -1;
	}

	memset(&a, 0, sizeof a);
	str_copy(a.id, sizeof a.id, "acct_demo");
	str_copy(a.name, sizeof a.name, "Acme Robotics");
	str_copy(a.currency, sizeof a.currency, sp->currency);
	a.tax_rate_bp = sp->tax_rate_bp;
	a.trial_end = NO_TIME;
	if (trial || paused) {
		/* A new sign-up on a 14-day Pro trial. */
		a.trial_end = trial ? now + 9 * DAY_SECONDS + 5 * 3600 : now - 2 * DAY_SECONDS - 3 * 3600;
		start = a.trial_end - 14 * DAY_SECONDS;
		a.created_at = start;
		str_copy(a.status, sizeof a.status, "trialing");
		str_copy(a.plan_id, sizeof a.plan_id, "pro");
		size_ppm = sp->size_ppm;
	} else {
		start = time_add_months(month0, -4);
		a.created_at = start - 3 * DAY_SECONDS + 9 * 3600 + 30 * 60;
		str_copy(a.status, sizeof a.status, "active");
		str_copy(a.plan_id, sizeof a.plan_id, exhausted ? "free" : sp->plan_id);
		size_ppm = sp->size_ppm;
		a.customer_credit = sp->customer_credit;
		if (sp->failed_charge) {
			fail_day = time_add_months(start, 2);
			fix_day = fail_day + DAY_SECONDS;
			back_day = fail_day + 6 * DAY_SECONDS;
		}
		if (sp->buy1 > 0)
			buy1 = time_add_months(start, 1) + 12 * DAY_SECONDS;
		if (sp->buy2 > 0)
			buy2 = time_add_months(start, 3) + 5 * DAY_SECONDS;
		if (sp->promo1 > 0 || sp->promo2 > 0)
			promo_day = today - 2 * DAY_SECONDS;
	}
	a.anchor = start;
	a.period_start = start;
	a.period_end = start;
	if (acct_create(d, &a) < 0)
		return -1;

	pm_card[0] = pm_bank[0] = '\0';
	if (!paused) {
		/* The card on file expires within 60 days of now (a banner-worthy date). */
		int em, ey;

		if (ymd(now + 30 * DAY_SECONDS, &ey, &em) < 0)
			return -1;
		if (trial || exhausted)
			ey += 2;
		if (seed_method(d, "visa", "4242", em, ey, NULL, 1, a.created_at + 600, pm_card, sizeof pm_card) < 0)
			return -1;
	}
	if (eng_period_start(d, &a, start) < 0 || acct_load(d, &a) < 0)
		return -1;

	memset(&dp, 0, sizeof dp);
	dp.cells = cells;
	dp.ncells = NCELLS;
	dp.runs_per_agent = 4;
	dp.spike = sp->spike;
	for (day = time_day_start_utc(start); day <= today; day += DAY_SECONDS) {
		if (fail_day >= 0 && day == fail_day) {
			/* One invoice charge declines; the next day a bank account pays it. */
			str_copy(a.fail_next_charge, sizeof a.fail_next_charge, "Card declined: insufficient funds");
			if (acct_save(d, &a) < 0)
				return -1;
		}
		if (past_due && day == month0) {
			/* The card starts declining before the last period closes. */
			sqlite3_stmt *st = db_stmt(d, "UPDATE payment_methods SET decline_reason = ?1 WHERE id = ?2");

			if (!st)
				return -1;
			db_bind_text(st, 1, "Card declined: insufficient funds");
			db_bind_text(st, 2, pm_card);
			if (db_done(d, st) < 0)
				return -1;
		}
		if (roll_to(d, &a, day) < 0)
			return -1;
		if (day == fix_day) {
			if (seed_method(d, NULL, "6789", 0, 0, "First Platypus Bank", 0, day + 10 * 3600,
			                pm_bank, sizeof pm_bank) < 0 ||
			    eng_set_default(d, &a, pm_bank, day + 10 * 3600 + 120) < 0)
				return -1;
		}
		if (day == back_day && eng_set_default(d, &a, pm_card, day + 15 * 3600) < 0)
			return -1;
		if ((day == buy1 || day == buy2) &&
		    eng_purchase(d, &a, day + 15 * 3600 + 20 * 60, day == buy1 ? sp->buy1 : sp->buy2, &po) != ENG_OK)
			return -1;
		if (day == promo_day && sp->promo1 > 0 &&
		    eng_grant(d, day + 10 * 3600, "promotion", "Launch week bonus", sp->promo1, day + 10 * 3600,
		              today + 8 * DAY_SECONDS, NULL, 0) < 0)
			return -1;
		if (day == promo_day && sp->promo2 > 0 &&
		    eng_grant(d, day + 10 * 3600, "promotion", "Webinar bonus", sp->promo2, today + 3 * DAY_SECONDS,
		              today + 33 * DAY_SECONDS, NULL, 0) < 0)
			return -1;
		if (acct_save(d, &a) < 0)
			return -1;
		at = day == today ? now : day + DAY_SECONDS - 1;
		if (day < start)
			continue; /* signed up during this day: usage starts tomorrow */
		/* The day's usage is entered at its end, after the day's events (a trial's end). */
		if (roll_to(d, &a, at) < 0)
			return -1;
		dp.keep_runs = day >= today - 89 * DAY_SECONDS;
		dp.scale_ppm = day_scale(day, start, today, size_ppm);
		if (day == today)
			dp.scale_ppm = dp.scale_ppm * (now - day) / DAY_SECONDS;
		if (exhausted && day >= month0 && now - month0 < EXHAUST_BY) {
			/* Early in the month the Free allowance would still last: the
			 * usage of EXHAUST_BY goes into the days so far, so the credits
			 * are used up on any clock, not only in the second half. */
			int64_t elapsed = now - month0 > 60 ? now - month0 : 60;

			dp.scale_ppm = dp.scale_ppm * EXHAUST_BY / elapsed;
		}
		if (seed_day(d, &a, &r, &dp, day, at) < 0)
			return -1;
	}
	if (roll_to(d, &a, now) < 0)
		return -1;
	return eng_draft_refresh(d, &a);
}
