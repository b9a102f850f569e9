/*
 * seed_large.c: a large account for performance work: N days of usage for 30
 * meters x 50 agents (1,500 daily rows a day), runs for the last 90 days.
 * Heavy usage past the allowance is topped up automatically with 50,000
 * purchased credits whenever the balance drops under 20,000; every purchase
 * is invoiced and charged, which yields thousands of invoices and charges and
 * tens of thousands of ledger entries over two years.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/timeutil.h"
#include "core/util.h"
#include "server/engine.h"
#include "server/seed.h"
#include "server/seed_common.h"

#define LARGE_SEED 0x1a26e5eedULL
#define NAGENTS 50

static const struct meter_spec large_meters[] = {
	{ "agent_session_minutes", "Agent session minutes", "minute", "second", 60, 60, 2000, "tool_calls", 3 },
	{ "browser_minutes", "Browser minutes", "minute", "second", 60, 60, 3000, "tool_calls", 2 },
	{ "cache_reads", "Cache reads", "read", "read", 1, 1, 50, "storage", 200 },
	{ "code_exec_seconds", "Code execution", "second", "second", 1, 1, 200, "tool_calls", 20 },
	{ "connection_minutes", "Connection minutes", "minute", "second", 60, 60, 1000, "tool_calls", 4 },
	{ "data_transfer_gb", "Data transfer", "GB", "byte", 1000000000, 10000000, 10000, "storage", 0 },
	{ "email_sends", "Emails sent", "email", "email", 1, 1, 500, "tool_calls", 1 },
	{ "embedding_tokens", "Embedding tokens", "token", "token", 1, 1, 1, "llm", 2000 },
	{ "fine_tune_tokens", "Fine-tuning tokens", "token", "token", 1, 1, 8, "llm", 5000 },
	{ "function_calls", "Function calls", "call", "call", 1, 1, 1000, "tool_calls", 1 },
	{ "guardrail_checks", "Guardrail checks", "check", "check", 1, 1, 250, "llm", 1 },
	{ "image_generations", "Image generations", "image", "image", 1, 1, 40000, "llm", 1 },
	{ "llm_tokens", "LLM tokens", "token", "token", 1, 1, 2, "llm", 1500 },
	{ "logs_gb", "Log ingestion", "GB", "byte", 1000000000, 10000000, 20000, "storage", 0 },
	{ "ocr_pages", "OCR pages", "page", "page", 1, 1, 3000, "llm", 2 },
	{ "phone_minutes", "Phone minutes", "minute", "second", 60, 60, 4000, "tool_calls", 3 },
	{ "queue_messages", "Queue messages", "message", "message", 1, 1, 20, "storage", 100 },
	{ "realtime_audio_seconds", "Realtime audio", "second", "second", 1, 1, 300, "llm", 30 },
	{ "reranker_tokens", "Reranker tokens", "token", "token", 1, 1, 1, "llm", 3000 },
	{ "sms_messages", "SMS messages", "message", "message", 1, 1, 8000, "tool_calls", 1 },
	{ "storage_gb_days", "Knowledge base storage", "GB-day", "MB-day", 1000, 1, 5000, "storage", 0 },
	{ "stt_seconds", "Speech-to-text", "second", "second", 1, 1, 150, "llm", 40 },
	{ "tool_calls", "Tool calls", "call", "call", 1, 1, 1000, "tool_calls", 1 },
	{ "traces_gb_days", "Trace storage", "GB-day", "MB-day", 1000, 1, 3000, "storage", 0 },
	{ "translation_characters", "Translation", "character", "character", 1, 1, 10, "llm", 500 },
	{ "tts_characters", "Text-to-speech", "character", "character", 1, 1, 20, "llm", 300 },
	{ "vector_queries", "Vector queries", "query", "query", 1, 1, 100, "storage", 5 },
	{ "vision_tokens", "Vision tokens", "token", "token", 1, 1, 4, "llm", 1000 },
	{ "web_searches", "Web searches", "search", "search", 1, 1, 5000, "tool_calls", 1 },
	{ "webhook_deliveries", "Webhook deliveries", "delivery", "delivery", 1, 1, 100, "tool_calls", 1 },
};

#define NMETERS (sizeof large_meters / sizeof large_meters[0])

static const char *const teams[10] = {
	"Support", "Billing", "Routing", "Dispatch", "Claims",
	"Inventory", "Returns", "Onboarding", "Compliance", "Scheduling"
};
static const char *const roles[5] = { "triage", "assistant", "parser", "concierge", "auditor" };

int
seed_large(struct db *d, long days, int64_t now)
{
	static struct usage_cell cells[NMETERS * NAGENTS];
	static char agent_ids[NAGENTS][16];
	struct meter meters[NMETERS];
	struct account a;
	struct day_plan dp;
	struct rng r = { LARGE_SEED };
	char name[64];
	int64_t today = time_day_start_utc(now), start, day, at, wd;
	size_t i, j, n = 0;

	if (seed_plans(d) < 0)
		return -1;
	for (i = 0; i < NMETERS; i++)
		if (seed_meter(d, &large_meters[i]) < 0 || meter_load(d, large_meters[i].id, &meters[i]) != 1)
			return -1;
	for (i = 0; i < NAGENTS; i++) {
		snprintf(agent_ids[i], sizeof agent_ids[i], "agt_%03zu", i + 1);
		snprintf(name, sizeof name, "%s %s", teams[i % 10], roles[i / 10]);
		if (seed_agent(d, agent_ids[i], name) < 0)
			return -1;
	}
	for (i = 0; i < NAGENTS; i++) {
		for (j = 0; j < NMETERS; j++) {
			cells[n].meter = &meters[j];
			cells[n].agent_id = agent_ids[i];
			cells[n].credits_per_day = rng_range(&r, 200, 1300);
			n++;
		}
	}

	start = today - (int64_t)days * DAY_SECONDS;
	memset(&a, 0, sizeof a);
	str_copy(a.id, sizeof a.id, "acct_large");
	str_copy(a.name, sizeof a.name, "Globex Logistics");
	str_copy(a.currency, sizeof a.currency, "USD");
	str_copy(a.status, sizeof a.status, "active");
	str_copy(a.plan_id, sizeof a.plan_id, "pro");
	a.tax_rate_bp = 800;
	a.trial_end = NO_TIME;
	a.created_at = start - 2 * DAY_SECONDS + 11 * 3600;
	a.anchor = start;
	a.period_start = a.period_end = start;
	a.recharge_below = 20000;
	a.recharge_credits = 50000;
	if (acct_create(d, &a) < 0 ||
	    seed_method(d, "mastercard", "4444", 12, 2030, NULL, 1, a.created_at + 900, NULL, 0) < 0 ||
	    eng_period_start(d, &a, start) < 0 || acct_load(d, &a) < 0)
		return -1;

	memset(&dp, 0, sizeof dp);
	dp.cells = cells;
	dp.ncells = n;
	dp.runs_per_agent = 2;
	for (day = start; day <= today; day += DAY_SECONDS) {
		at = day == today ? now : day + DAY_SECONDS - 1;
		if (eng_roll(d, at) < 0 || acct_load(d, &a) < 0)
			return -1;
		wd = ((day / DAY_SECONDS) + 4) % 7;
		dp.scale_ppm = wd == 0 || wd == 6 ? 700000 : 1000000;
		if (day == today)
			dp.scale_ppm = dp.scale_ppm * (now - day) / DAY_SECONDS;
		dp.keep_runs = day >= today - 89 * DAY_SECONDS;
		if (seed_day(d, &a, &r, &dp, day, at) < 0)
			return -1;
	}
	if (eng_roll(d, now) < 0 || acct_load(d, &a) < 0)
		return -1;
	return eng_draft_refresh(d, &a);
}
