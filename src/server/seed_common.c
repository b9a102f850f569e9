/* seed_common.c: what both seeds share: a fixed PRNG, the catalogue, synthetic days of usage. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/metering.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "server/engine.h"
#include "server/seed_common.h"

uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int64_t
rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static int
plan_insert(struct db *d, const char *id, const char *name, int rank, int64_t price, int64_t included,
            int64_t overage, const char *rate, const char *support, const char *features, int sales)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO plans(id, name, rank, price, included, overage, rate_limit,"
	                              " support, features, contact_sales) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");

	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, name);
	sqlite3_bind_int(st, 3, rank);
	db_bind_opt(st, 4, price, price < 0);
	db_bind_opt(st, 5, included, included < 0);
	db_bind_opt(st, 6, overage, overage < 0);
	db_bind_text(st, 7, rate);
	db_bind_text(st, 8, support);
	db_bind_text(st, 9, features);
	sqlite3_bind_int(st, 10, sales);
	return db_done(d, st);
}

int
seed_plans(struct db *d)
{
	if (plan_insert(d, "free", "Free", 0, 0, 10000, -1, "20 req/min", "Community",
	                "[\"All products\",\"10,000 credits a month\",\"Usage stops at the allowance\","
	                "\"Community support\"]", 0) < 0 ||
	    plan_insert(d, "starter", "Starter", 1, 5000, 40000, 125, "Standard", "Email",
	                "[\"All products\",\"40,000 credits a month\",\"Pay-as-you-go past the allowance\","
	                "\"Email support\"]", 0) < 0 ||
	    plan_insert(d, "pro", "Pro", 2, 50000, 400000, 125, "Standard", "Priority",
	                "[\"All products\",\"400,000 credits a month\",\"Pay-as-you-go past the allowance\","
	                "\"Priority support\",\"Usage exports\"]", 0) < 0 ||
	    plan_insert(d, "enterprise", "Enterprise", 3, -1, -1, -1, "Custom", "Dedicated",
	                "[\"Volume pricing\",\"SSO and audit logs\",\"Dedicated support engineer\","
	                "\"Custom contract and invoicing\"]", 1) < 0)
		return -1;
	return db_bump(d, "plans");
}

int
seed_meter(struct db *d, const struct meter_spec *m)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO meters(id, name, unit, raw_unit, raw_per_unit, increment,"
	                              " milli, line_item) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (!st)
		return -1;
	db_bind_text(st, 1, m->id);
	db_bind_text(st, 2, m->name);
	db_bind_text(st, 3, m->unit);
	db_bind_text(st, 4, m->raw_unit);
	sqlite3_bind_int64(st, 5, m->raw_per_unit);
	sqlite3_bind_int64(st, 6, m->increment);
	sqlite3_bind_int64(st, 7, m->milli);
	db_bind_text(st, 8, m->line_item);
	if (db_done(d, st) < 0)
		return -1;
	return db_bump(d, "meters");
}

int
seed_agent(struct db *d, const char *id, const char *name)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO agents(id, name) VALUES (?1, ?2)");

	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, name);
	if (db_done(d, st) < 0)
		return -1;
	return db_bump(d, "agents");
}

int
seed_method(struct db *d, const char *brand, const char *last4, int exp_month, int exp_year,
            const char *bank_name, int is_default, int64_t created_at, char *id_out, size_t n)
{
	sqlite3_stmt *st;
	char id[ID_MAX];

	if (db_next_id(d, "pm", 4, id, sizeof id) < 0)
		return -1;
	if (is_default) {
		st = db_stmt(d, "UPDATE payment_methods SET is_default = 0");
		if (!st || db_done(d, st) < 0)
			return -1;
	}
	st = db_stmt(d, "INSERT INTO payment_methods(id, type, brand, last4, exp_month, exp_year, bank_name,"
	                " is_default, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, bank_name ? "bank_account" : "card");
	db_bind_text(st, 3, brand);
	db_bind_text(st, 4, last4);
	db_bind_opt(st, 5, exp_month, bank_name != NULL);
	db_bind_opt(st, 6, exp_year, bank_name != NULL);
	db_bind_text(st, 7, bank_name);
	sqlite3_bind_int(st, 8, is_default);
	sqlite3_bind_int64(st, 9, created_at);
	if (db_done(d, st) < 0)
		return -1;
	if (id_out && str_copy(id_out, n, id) < 0)
		return -1;
	return db_bump(d, "payment_methods");
}

/*
 * Invents a row worth about `credits`: billed_raw is whole increments; raw
 * loses at most (increment - 1) per record to rounding, as real records do.
 */
static void
invent_row(struct rng *r, const struct meter *m, int64_t per_record, int64_t credits,
           int64_t *records, int64_t *raw, int64_t *billed)
{
	const struct meter_def *def = &m->def;
	int64_t b, n, inc = def->increment, slack;

	b = credits * def->raw_per_unit * 1000 / (def->credits_milli_per_unit ? def->credits_milli_per_unit : 1);
	b = (b / inc) * inc;
	if (b < inc)
		b = inc;
	n = b / (per_record > 0 ? per_record * def->raw_per_unit : def->raw_per_unit);
	n = n * rng_range(r, 80, 120) / 100;
	if (n < 1)
		n = 1;
	if (n > b / inc)
		n = b / inc;
	slack = inc > 1 ? rng_range(r, 0, n * (inc - 1)) : 0;
	*records = n;
	*billed = b;
	*raw = b - slack;
}

/* Per agent and line item, what the day's rows added; split into runs. */
struct agent_day {
	const char *agent_id;
	int64_t llm, tool, storage;
};

static int
write_runs(struct db *d, struct rng *r, const struct agent_day *ad, int nruns, int64_t day_start, int64_t at)
{
	int64_t left[3] = { ad->llm, ad->tool, ad->storage }, part[3], start, span = at - day_start;
	sqlite3_stmt *st;
	char id[ID_MAX];
	int i, k;

	if (span < 600 || nruns < 1)
		return 0;
	for (i = 0; i < nruns; i++) {
		start = day_start + (span - 600) * (i * 2 + 1) / (nruns * 2) + rng_range(r, -300, 300);
		if (start < day_start)
			start = day_start;
		for (k = 0; k < 3; k++) {
			part[k] = i == nruns - 1 ? left[k] : left[k] * rng_range(r, 1, 2 * 100 / (nruns - i)) / 100;
			if (part[k] > left[k])
				part[k] = left[k];
			left[k] -= part[k];
		}
		if (db_next_id(d, "run", 7, id, sizeof id) < 0)
			return -1;
		st = db_stmt(d, "INSERT INTO runs(id, agent_id, started_at, ended_at, status, c_llm, c_tool, c_storage)"
		                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
		if (!st)
			return -1;
		db_bind_text(st, 1, id);
		db_bind_text(st, 2, ad->agent_id);
		sqlite3_bind_int64(st, 3, start);
		sqlite3_bind_int64(st, 4, start + rng_range(r, 4, 580));
		db_bind_text(st, 5, rng_range(r, 0, 99) < 4 ? "failed" : "succeeded");
		sqlite3_bind_int64(st, 6, part[0]);
		sqlite3_bind_int64(st, 7, part[1]);
		sqlite3_bind_int64(st, 8, part[2]);
		if (db_done(d, st) < 0)
			return -1;
	}
	return 0;
}

#define MAX_AGENTS 64

int
seed_spike_parse(const char *s, struct seed_spike *sp)
{
	char buf[128], *day, *fac, *end, stamp[32];
	long f;

	memset(sp, 0, sizeof *sp);
	if (str_copy(buf, sizeof buf, s) < 0 || (day = strchr(buf, ':')) == NULL)
		return -1;
	*day++ = '\0';
	if ((fac = strchr(day, ':')) == NULL)
		return -1;
	*fac++ = '\0';
	if (buf[0] == '\0' || str_copy(sp->meter, sizeof sp->meter, buf) < 0 || strlen(day) != 10)
		return -1;
	snprintf(stamp, sizeof stamp, "%sT00:00:00Z", day);
	if (time_parse_rfc3339(stamp, &sp->day) < 0)
		return -1;
	errno = 0;
	f = strtol(fac, &end, 10);
	if (errno || end == fac || *end || f < 2 || f > 1000)
		return -1;
	sp->factor = f;
	return 0;
}

int
seed_day(struct db *d, struct account *a, struct rng *r, const struct day_plan *p,
         int64_t day_start, int64_t at)
{
	struct agent_day ads[MAX_AGENTS];
	struct plan plan;
	const struct usage_cell *c;
	char day[16];
	int64_t balance = INT64_MAX, total = 0, credits, records, raw, billed, delta;
	size_t i, j, nad = 0;
	int capped, cut = 0;

	if (time_format_day(day_start, day, sizeof day) < 0 || plan_load(d, a->plan_id, &plan) != 1)
		return -1;
	capped = plan.overage < 0;
	if (a->paused_reason[0])
		return 0; /* the platform runs nothing while paused */
	if (capped && eng_balance(d, &balance) < 0)
		return -1;
	memset(ads, 0, sizeof ads);
	for (i = 0; i < p->ncells; i++) {
		c = &p->cells[i];
		credits = c->credits_per_day * p->scale_ppm / 1000000 * rng_range(r, 85, 115) / 100;
		if (p->spike && p->spike->meter[0] && p->spike->day == day_start &&
		    strcmp(p->spike->meter, c->meter->id) == 0)
			credits *= p->spike->factor;   /* factor <= 1000: no overflow at seed sizes */
		if (credits <= 0)
			continue;
		invent_row(r, c->meter, c->meter->def.increment > 1 ? 3 : 40, credits, &records, &raw, &billed);
		if (capped) {
			int64_t would;

			/* Only add the row when it fits in what is left. */
			if (meter_credits(&c->meter->def, billed, &would) != MONEY_OK)
				return -1;
			if (total + would > balance) {
				cut = 1;
				continue;
			}
		}
		if (eng_usage_add(d, day, c->meter, c->agent_id, records, raw, billed, &delta) < 0)
			return -1;
		total += delta;
		for (j = 0; j < nad && strcmp(ads[j].agent_id, c->agent_id) != 0; j++)
			;
		if (j == nad && nad < MAX_AGENTS)
			ads[nad++].agent_id = c->agent_id;
		if (j < nad) {
			if (strcmp(c->meter->line_item, "llm") == 0)
				ads[j].llm += delta;
			else if (strcmp(c->meter->line_item, "storage") == 0)
				ads[j].storage += delta;
			else
				ads[j].tool += delta;
		}
	}
	if (capped && cut && total < balance) {
		/* A heavy day on a capped plan uses the rest exactly: 500 tokens are one credit at 2 milli. */
		for (i = 0; i < p->ncells && strcmp(p->cells[i].meter->id, "llm_tokens") != 0; i++)
			;
		if (i < p->ncells && p->cells[i].meter->def.credits_milli_per_unit == 2) {
			int64_t tokens = (balance - total) * 500;

			if (eng_usage_add(d, day, p->cells[i].meter, p->cells[i].agent_id, 1, tokens, tokens, &delta) < 0)
				return -1;
			total += delta;
			for (j = 0; j < nad && strcmp(ads[j].agent_id, p->cells[i].agent_id) != 0; j++)
				;
			if (j < nad)
				ads[j].llm += delta;
		}
	}
	if (total == 0)
		return 0;
	if (db_bump_month(d, day) < 0)
		return -1;
	if (p->keep_runs)
		for (j = 0; j < nad; j++)
			if (write_runs(d, r, &ads[j], p->runs_per_agent, day_start, at) < 0)
				return -1;
	if (p->keep_runs && db_bump(d, "runs") < 0)
		return -1;
	if (eng_consume(d, a, at, day, total) != ENG_OK)
		return -1;
	return acct_save(d, a);
}
