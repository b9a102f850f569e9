/* api_usage.c: meters, agents, daily usage and runs. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "server/api.h"
#include "server/engine.h"
#include "server/jsonx.h"
#include "server/list.h"

static json_t *
meter_row(struct req *rq, sqlite3_stmt *st)
{
	(void)rq;
	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:s}",
	                 "id", (const char *)sqlite3_column_text(st, 0),
	                 "name", (const char *)sqlite3_column_text(st, 1),
	                 "unit", (const char *)sqlite3_column_text(st, 2),
	                 "raw_unit", (const char *)sqlite3_column_text(st, 3),
	                 "raw_per_unit", (json_int_t)sqlite3_column_int64(st, 4),
	                 "increment", (json_int_t)sqlite3_column_int64(st, 5),
	                 "credits_milli_per_unit", (json_int_t)sqlite3_column_int64(st, 6),
	                 "line_item", (const char *)sqlite3_column_text(st, 7));
}

static json_t *
agent_row(struct req *rq, sqlite3_stmt *st)
{
	(void)rq;
	return json_pack("{s:s, s:s}", "id", (const char *)sqlite3_column_text(st, 0),
	                 "name", (const char *)sqlite3_column_text(st, 1));
}

/* Lists ordered by id alone: exists_sql checks starting_after, page_sql reads from it on. */
static void
list_by_id(struct req *rq, struct resp *rs, const char *exists_sql, const char *page_sql,
           const char *version, list_row_fn row)
{
	struct list_params lp;
	sqlite3_stmt *st;
	char what[64];
	int r;

	if (list_params(rq, rs, &lp) < 0)
		return;
	if (lp.after) {
		st = db_stmt(rq->db, exists_sql);
		if (!st) {
			resp_internal(rs);
			return;
		}
		db_bind_text(st, 1, lp.after);
		r = db_row(rq->db, st);
		sqlite3_reset(st);
		if (r < 0) {
			resp_internal(rs);
			return;
		}
		if (r == 0) {
			list_unknown_after(rs, lp.after);
			return;
		}
	}
	st = db_stmt(rq->db, page_sql);
	if (st) {
		db_bind_text(st, 1, lp.after ? lp.after : "");
		sqlite3_bind_int64(st, 2, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, row);
	snprintf(what, sizeof what, "%s|%lld", version, (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, version, (const char *)NULL);
}

void
api_meters_list(struct req *rq, struct resp *rs)
{
	list_by_id(rq, rs, "SELECT 1 FROM meters WHERE id = ?1",
	           "SELECT id, name, unit, raw_unit, raw_per_unit, increment, milli, line_item FROM meters"
	           " WHERE id > ?1 ORDER BY id LIMIT ?2", "meters", meter_row);
}

void
api_agents_list(struct req *rq, struct resp *rs)
{
	list_by_id(rq, rs, "SELECT 1 FROM agents WHERE id = ?1",
	           "SELECT id, name FROM agents WHERE id > ?1 ORDER BY id LIMIT ?2", "agents", agent_row);
}

static json_t *
usage_row(struct req *rq, sqlite3_stmt *st)
{
	char id[160];
	const char *day = (const char *)sqlite3_column_text(st, 0);
	const char *meter = (const char *)sqlite3_column_text(st, 1);
	const char *agent = (const char *)sqlite3_column_text(st, 2);

	(void)rq;
	snprintf(id, sizeof id, "%s/%s/%s", day, meter, agent);
	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:I}",
	                 "id", id, "day", day, "meter_id", meter, "agent_id", agent,
	                 "records", (json_int_t)sqlite3_column_int64(st, 3),
	                 "raw", (json_int_t)sqlite3_column_int64(st, 4),
	                 "billed_raw", (json_int_t)sqlite3_column_int64(st, 5),
	                 "credits", (json_int_t)sqlite3_column_int64(st, 6));
}

/* from/to as validated days; 0, or -1 with the 400 written.  required: both must be given. */
static int
day_range(struct req *rq, struct resp *rs, int required, const char **from, const char **to,
          int64_t *t_from, int64_t *t_to)
{
	*from = req_query(rq, "from");
	*to = req_query(rq, "to");
	if (required && (!*from || !*to)) {
		resp_error(rs, 400, "invalid_parameter", "from and to (YYYY-MM-DD) are both required.");
		return -1;
	}
	if (*from && day_parse(*from, t_from) < 0) {
		resp_error(rs, 400, "invalid_parameter", "from '%.40s' is not a date (YYYY-MM-DD).", *from);
		return -1;
	}
	if (*to && day_parse(*to, t_to) < 0) {
		resp_error(rs, 400, "invalid_parameter", "to '%.40s' is not a date (YYYY-MM-DD).", *to);
		return -1;
	}
	if (*from && *to && *t_to < *t_from) {
		resp_error(rs, 400, "invalid_parameter", "to must not be before from.");
		return -1;
	}
	return 0;
}

/* The usage ETag: the month counters of the window, so a closed month's never changes. */
static void
usage_etag(struct req *rq, struct resp *rs, const char *from, const char *to, int64_t limit)
{
	sqlite3_stmt *st = db_stmt(rq->db, "SELECT group_concat(month || ':' || v, ',') FROM usage_versions"
	                                   " WHERE month BETWEEN substr(?1, 1, 7) AND substr(?2, 1, 7)");
	char what[2048];
	const unsigned char *v = NULL;

	if (!st)
		return;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	if (db_row(rq->db, st) == 1)
		v = sqlite3_column_text(st, 0);
	snprintf(what, sizeof what, "usage|%s|%s|%lld|%s", from, to, (long long)limit,
	         v ? (const char *)v : "");
	sqlite3_reset(st);
	etag_from(rq, rs, what);
}

void
api_usage_daily(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	const char *from, *to;
	char cur[160], *meter = NULL, *agent = NULL;
	int64_t tf = 0, tt = 0;
	int r;

	if (list_params(rq, rs, &lp) < 0 || day_range(rq, rs, 1, &from, &to, &tf, &tt) < 0)
		return;
	if (lp.after) {
		/* "DAY/METER/AGENT" names one row. */
		if (str_copy(cur, sizeof cur, lp.after) == 0 && (meter = strchr(cur, '/')) != NULL) {
			*meter++ = '\0';
			agent = strchr(meter, '/');
			if (agent)
				*agent++ = '\0';
		}
		r = 0;
		if (agent) {
			st = db_stmt(rq->db, "SELECT 1 FROM usage_daily WHERE day = ?1 AND meter_id = ?2 AND agent_id = ?3");
			if (!st) {
				resp_internal(rs);
				return;
			}
			db_bind_text(st, 1, cur);
			db_bind_text(st, 2, meter);
			db_bind_text(st, 3, agent);
			r = db_row(rq->db, st);
			sqlite3_reset(st);
			if (r < 0) {
				resp_internal(rs);
				return;
			}
		}
		if (r == 0) {
			list_unknown_after(rs, lp.after);
			return;
		}
		st = db_stmt(rq->db, "SELECT day, meter_id, agent_id, records, raw, billed_raw, credits"
		                     " FROM usage_daily WHERE day BETWEEN ?1 AND ?2"
		                     " AND (day, meter_id, agent_id) > (?3, ?4, ?5)"
		                     " ORDER BY day, meter_id, agent_id LIMIT ?6");
		if (st) {
			db_bind_text(st, 3, cur);
			db_bind_text(st, 4, meter);
			db_bind_text(st, 5, agent);
		}
	} else {
		st = db_stmt(rq->db, "SELECT day, meter_id, agent_id, records, raw, billed_raw, credits"
		                     " FROM usage_daily WHERE day BETWEEN ?1 AND ?2"
		                     " ORDER BY day, meter_id, agent_id LIMIT ?6");
	}
	if (st) {
		db_bind_text(st, 1, from);
		db_bind_text(st, 2, to);
		sqlite3_bind_int64(st, 6, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, usage_row);
	if (rs->status == 200)
		usage_etag(rq, rs, from, to, lp.limit);
}

/* A run; NULL (an internal error) if its line items do not add up in 64 bits. */
static json_t *
run_json(const char *id, const char *agent, int64_t started, int64_t ended,
         const char *status, int64_t llm, int64_t tool, int64_t storage)
{
	int64_t total;

	if (money_add(llm, tool, &total) != MONEY_OK || money_add(total, storage, &total) != MONEY_OK)
		return NULL;
	return json_pack("{s:s, s:s, s:o, s:o, s:s, s:{s:I, s:I, s:I, s:I}}",
	                 "id", id, "agent_id", agent, "started_at", jx_time(started),
	                 "ended_at", ended == NO_TIME ? json_null() : jx_time(ended),
	                 "status", status,
	                 "credits", "llm", (json_int_t)llm, "tool_calls", (json_int_t)tool,
	                 "storage", (json_int_t)storage, "total", (json_int_t)total);
}

static json_t *
run_row(struct req *rq, sqlite3_stmt *st)
{
	(void)rq;
	return run_json((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
	                sqlite3_column_int64(st, 2),
	                sqlite3_column_type(st, 3) == SQLITE_NULL ? NO_TIME : sqlite3_column_int64(st, 3),
	                (const char *)sqlite3_column_text(st, 4), sqlite3_column_int64(st, 5),
	                sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7));
}

#define RUN_COLS "id, agent_id, started_at, ended_at, status, c_llm, c_tool, c_storage"

void
api_runs_list(struct req *rq, struct resp *rs)
{
	struct list_params lp;
	sqlite3_stmt *st;
	const char *from, *to, *agent = req_query(rq, "agent_id");
	int64_t tf = 0, tt = 0, k[2] = { INT64_MAX, INT64_MAX };
	char what[256];

	if (list_params(rq, rs, &lp) < 0 || day_range(rq, rs, 0, &from, &to, &tf, &tt) < 0)
		return;
	if (!from)
		tf = INT64_MIN;
	tt = to ? tt + DAY_SECONDS : INT64_MAX;
	if (lp.after && list_cursor(rq, rs, "SELECT started_at, seq FROM runs WHERE id = ?1", lp.after, k, 2) != 1)
		return;
	if (agent)
		st = db_stmt(rq->db, "SELECT " RUN_COLS " FROM runs WHERE agent_id = ?5 AND started_at >= ?1"
		                     " AND started_at < ?2 AND (started_at, seq) < (?3, ?4)"
		                     " ORDER BY started_at DESC, seq DESC LIMIT ?6");
	else
		st = db_stmt(rq->db, "SELECT " RUN_COLS " FROM runs WHERE started_at >= ?1"
		                     " AND started_at < ?2 AND (started_at, seq) < (?3, ?4) AND ?5 IS NULL"
		                     " ORDER BY started_at DESC, seq DESC LIMIT ?6");
	if (st) {
		sqlite3_bind_int64(st, 1, tf);
		sqlite3_bind_int64(st, 2, tt);
		sqlite3_bind_int64(st, 3, k[0]);
		sqlite3_bind_int64(st, 4, k[1]);
		db_bind_text(st, 5, agent);
		sqlite3_bind_int64(st, 6, lp.limit + 1);
	}
	list_answer(rq, rs, st, lp.limit, run_row);
	snprintf(what, sizeof what, "runs|%s|%s|%.100s|%lld", from ? from : "", to ? to : "",
	         agent ? agent : "", (long long)lp.limit);
	if (rs->status == 200)
		etag_versions(rq, rs, what, "runs", (const char *)NULL);
}

#define MAX_RECORDS 1000

void
api_runs_create(struct req *rq, struct resp *rs)
{
	json_t *body = req_json_object(rq, rs, 0), *agent, *recs, *rec, *mid, *raw;
	struct run_record records[MAX_RECORDS];
	struct meter meters[64];
	struct run_out out;
	struct account a;
	size_t nrec, nmeters = 0, i, j;
	enum eng_result r;
	char until[32];
	int found;

	if (!body)
		return;
	agent = json_object_get(body, "agent_id");
	recs = json_object_get(body, "records");
	if (!json_is_string(agent) || !json_is_array(recs) || json_array_size(recs) == 0) {
		resp_error(rs, 400, "bad_request", "agent_id (a string) and records (a non-empty array) are required.");
		goto out;
	}
	nrec = json_array_size(recs);
	if (nrec > MAX_RECORDS) {
		resp_error(rs, 400, "bad_request", "A run carries at most %d records.", MAX_RECORDS);
		goto out;
	}
	{
		sqlite3_stmt *st = db_stmt(rq->db, "SELECT 1 FROM agents WHERE id = ?1");

		if (!st) {
			resp_internal(rs);
			goto out;
		}
		db_bind_text(st, 1, json_string_value(agent));
		found = db_row(rq->db, st);
		sqlite3_reset(st);
		if (found < 0) {
			resp_internal(rs);
			goto out;
		}
		if (!found) {
			resp_error(rs, 400, "bad_request", "No agent has the id '%.64s'.", json_string_value(agent));
			goto out;
		}
	}
	json_array_foreach(recs, i, rec) {
		mid = json_object_get(rec, "meter_id");
		raw = json_object_get(rec, "raw");
		if (!json_is_string(mid) || !json_is_integer(raw)) {
			resp_error(rs, 400, "bad_request",
			           "records[%zu] needs meter_id (a string) and raw (an integer, 0 or more).", i);
			goto out;
		}
		if (json_integer_value(raw) < 0 || json_integer_value(raw) > RUN_RAW_MAX) {
			resp_error(rs, 422, "invalid_amount", "records[%zu].raw must be an integer from 0 to %lld.",
			           i, (long long)RUN_RAW_MAX);
			goto out;
		}
		for (j = 0; j < nmeters && strcmp(meters[j].id, json_string_value(mid)) != 0; j++)
			;
		if (j == nmeters) {
			found = nmeters < sizeof meters / sizeof meters[0]
			        ? meter_load(rq->db, json_string_value(mid), &meters[nmeters]) : 0;
			if (found < 0) {
				resp_internal(rs);
				goto out;
			}
			if (!found) {
				resp_error(rs, 400, "bad_request", "records[%zu]: no meter has the id '%.64s'.", i,
				           json_string_value(mid));
				goto out;
			}
			nmeters++;
		}
		records[i].meter = &meters[j];
		records[i].raw = json_integer_value(raw);
	}
	if (acct_load(rq->db, &a) < 0) {
		resp_internal(rs);
		goto out;
	}
	r = eng_run(rq->db, &a, json_string_value(agent), rq->now, rq->now, records, nrec, &out);
	switch (r) {
	case ENG_OK:
		resp_json(rs, 201, run_json(out.id, json_string_value(agent), rq->now, rq->now, "succeeded",
		                            out.credits_llm, out.credits_tool, out.credits_storage));
		break;
	case ENG_PAUSED:
		time_format_rfc3339(a.period_end, until, sizeof until);
		if (strcmp(a.paused_reason, "credits_exhausted") == 0)
			resp_error(rs, 402, a.paused_reason, "Runs are paused: the %s plan's credits are used up "
			           "until %s.", a.plan_id, until);
		else if (strcmp(a.paused_reason, "past_due") == 0)
			resp_error(rs, 402, a.paused_reason, "Runs are paused: an invoice is past due; set a "
			           "working default payment method.");
		else
			resp_error(rs, 402, a.paused_reason, "Runs are paused: the trial ended without a "
			           "payment method.");
		break;
	case ENG_EXHAUSTED:
		time_format_rfc3339(a.period_end, until, sizeof until);
		resp_error(rs, 402, "credits_exhausted",
		           "The run needs more credits than the balance; the %s plan's credits reset on %s.",
		           a.plan_id, until);
		break;
	case ENG_RANGE:
		/* Part of the run may be written: run_handler rolls it back (d->overflow is set). */
		resp_error(rs, 422, "invalid_amount",
		           "records[%zu].raw: this run would take the day's usage, the period's credits or the "
		           "invoice past the largest amount billtopd can count.", out.range_record);
		break;
	default:
		resp_internal(rs);
		break;
	}
out:
	json_decref(body);
}
