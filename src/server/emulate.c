/* emulate.c: what the OpenAI and Anthropic emulations share (see emulate.h). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "core/money.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "server/emulate.h"
#include "server/engine.h"

enum emu_kind
emu_parse(const char *name)
{
	if (strcmp(name, "openai") == 0)
		return EMU_OPENAI;
	if (strcmp(name, "anthropic") == 0)
		return EMU_ANTHROPIC;
	return EMU_NONE;
}

void
emu_dispatch(struct req *rq, struct resp *rs)
{
	if (rq->srv->emulate == EMU_OPENAI)
		emu_openai_dispatch(rq, rs);
	else
		emu_anthropic_dispatch(rq, rs);
}

void
emu_fault(const struct srv *s, struct resp *rs, int status)
{
	if (s->emulate == EMU_OPENAI) {
		if (status == 429)
			emu_openai_error(rs, 429, "requests", "rate_limit_exceeded", NULL,
			                 "Rate limit reached for requests (injected fault).");
		else
			emu_openai_error(rs, status, "server_error", NULL, NULL,
			                 "The server had an error while processing your request (injected fault).");
	} else {
		if (status == 429)
			emu_anthropic_error(rs, 429, "rate_limit_error", "Rate limited (injected fault).");
		else if (status == 503)
			emu_anthropic_error(rs, 503, "overloaded_error", "Overloaded (injected fault).");
		else
			emu_anthropic_error(rs, status, "api_error", "Internal server error (injected fault).");
	}
}

void
sb_answer(struct sb *b, struct resp *rs)
{
	if (b->failed || !b->p) {
		free(b->p);
		memset(b, 0, sizeof *b);
		resp_internal(rs);
		return;
	}
	free(rs->body);
	rs->body = b->p;
	rs->len = b->len;
	rs->status = 200;
	rs->ctype = "application/json";
	memset(b, 0, sizeof *b);
}

/* --- query parameters --- */

static enum MHD_Result
arg_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct emu_args *a = cls;

	(void)kind;
	if (a->n == EMU_MAX_ARGS) {
		a->too_many = 1;
		return MHD_NO;
	}
	a->key[a->n] = key;
	a->val[a->n] = value ? value : "";
	a->n++;
	return MHD_YES;
}

void
emu_args_read(struct req *rq, struct emu_args *a)
{
	memset(a, 0, sizeof *a);
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, arg_cb, a);
}

/* key equals name or name + "[]". */
static int
key_is(const char *key, const char *name)
{
	size_t n = strlen(name);

	return strncmp(key, name, n) == 0 && (key[n] == '\0' || strcmp(key + n, "[]") == 0);
}

const char *
emu_arg(const struct emu_args *a, const char *key)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (key_is(a->key[i], key))
			return a->val[i];
	return NULL;
}

const char *
emu_arg_unknown(const struct emu_args *a, const char *const *known)
{
	size_t i, k;

	for (i = 0; i < a->n; i++) {
		for (k = 0; known[k] && !key_is(a->key[i], known[k]); k++)
			;
		if (!known[k])
			return a->key[i];
	}
	return NULL;
}

int
emu_arg_has(const struct emu_args *a, const char *key, const char *value)
{
	size_t i;
	int given = 0;

	for (i = 0; i < a->n; i++) {
		if (!key_is(a->key[i], key))
			continue;
		given = 1;
		if (strcmp(a->val[i], value) == 0)
			return 1;
	}
	return given ? 0 : -1;
}

/* --- cost rows --- */

int
emu_money_load(struct req *rq, struct emu_money *m)
{
	const struct currency *c = currency_find(rq->currency);
	struct account a;
	struct plan p;
	int i;

	if (!c || c->exponent > 3 || acct_load(rq->db, &a) < 0 || plan_load(rq->db, a.plan_id, &p) != 1)
		return -1;
	m->micro_per_minor = 1;
	for (i = c->exponent; i < 6; i++)
		m->micro_per_minor *= 10;
	m->minor_scale = 6 - c->exponent;
	m->overage_per_1000 = p.overage > 0 ? p.overage : 0;
	return 0;
}

static struct emu_row *
row_new(struct emu_rows *out)
{
	struct emu_row *r;
	size_t cap;

	if (out->n == out->cap) {
		cap = out->cap ? out->cap * 2 : 64;
		r = realloc(out->r, cap * sizeof *r);
		if (!r)
			return NULL;
		out->r = r;
		out->cap = cap;
	}
	r = &out->r[out->n++];
	memset(r, 0, sizeof *r);
	return r;
}

/* floor(a * b / c) for a, b, c >= 0, c > 0; -1 on overflow. */
static int
mul_div(int64_t a, int64_t b, int64_t c, int64_t *out)
{
	__int128 p = (__int128)a * b;

	p /= c;
	if (p > INT64_MAX)
		return -1;
	*out = (int64_t)p;
	return 0;
}

/* The fees of periods starting on the day: the plan lines of period invoices (not one-offs). */
static int
fee_rows(struct req *rq, const struct emu_money *m, int64_t day, struct emu_rows *out)
{
	sqlite3_stmt *st = db_stmt(rq->db, "SELECT l.description, l.amount FROM invoices i"
	                                   " JOIN invoice_lines l ON l.invoice_seq = i.seq"
	                                   " WHERE l.unit = 'month' AND i.period_end > i.period_start"
	                                   " AND i.status <> 'void' AND i.period_start >= ?1 AND i.period_start < ?2"
	                                   " ORDER BY i.period_start, l.pos");
	struct emu_row *r;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, day);
	sqlite3_bind_int64(st, 2, day + DAY_SECONDS);
	while ((rc = db_row(rq->db, st)) == 1) {
		r = row_new(out);
		if (!r || db_col_copy(st, 0, r->name, sizeof r->name) < 0 ||
		    __builtin_mul_overflow(sqlite3_column_int64(st, 1), m->micro_per_minor, &r->micro)) {
			rc = -1;
			break;
		}
		r->fee = 1;
		r->records = 1;
		str_copy(r->unit, sizeof r->unit, "month");
	}
	sqlite3_reset(st);
	return rc;
}

int
emu_day_rows(struct req *rq, const struct emu_money *m, int64_t day, struct emu_rows *out)
{
	sqlite3_stmt *st;
	struct emu_row *r;
	char dtext[16];
	int64_t over = 0, total = 0, cum = 0, credits, lo, hi, share, per_credit;
	int rc;

	if (time_format_day(day, dtext, sizeof dtext) != 0 || fee_rows(rq, m, day, out) < 0)
		return -1;
	/* The day's overage (credits past the allowance), as the ledger recorded it. */
	st = db_stmt(rq->db, "SELECT coalesce(-sum(credits), 0) FROM ledger WHERE kind = 'overage' AND day = ?1");
	if (!st)
		return -1;
	db_bind_text(st, 1, dtext);
	rc = db_row(rq->db, st);
	if (rc == 1)
		over = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	st = db_stmt(rq->db, "SELECT coalesce(sum(credits), 0) FROM usage_daily WHERE day = ?1");
	if (rc != 1 || !st)
		return -1;
	db_bind_text(st, 1, dtext);
	rc = db_row(rq->db, st);
	if (rc == 1)
		total = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != 1 || over < 0 || total < 0)
		return -1;
	if (over > total)
		over = total; /* never more overage than usage; the ledger keeps them equal */
	/* micro per credit of overage = price per 1000 credits * micro per minor / 1000, exact for exponents <= 3. */
	if (__builtin_mul_overflow(m->overage_per_1000, m->micro_per_minor / 1000, &per_credit))
		return -1;
	st = db_stmt(rq->db, "SELECT u.meter_id, m.name, u.agent_id, m.unit, m.raw_unit, u.records, u.raw, u.credits"
	                     " FROM usage_daily u JOIN meters m ON m.id = u.meter_id WHERE u.day = ?1"
	                     " ORDER BY u.meter_id, u.agent_id");
	if (!st)
		return -1;
	db_bind_text(st, 1, dtext);
	while ((rc = db_row(rq->db, st)) == 1) {
		r = row_new(out);
		if (!r) {
			rc = -1;
			break;
		}
		db_col_copy(st, 0, r->meter_id, sizeof r->meter_id);
		db_col_copy(st, 1, r->name, sizeof r->name);
		db_col_copy(st, 2, r->agent_id, sizeof r->agent_id);
		db_col_copy(st, 3, r->unit, sizeof r->unit);
		db_col_copy(st, 4, r->raw_unit, sizeof r->raw_unit);
		r->records = sqlite3_column_int64(st, 5);
		r->raw = sqlite3_column_int64(st, 6);
		credits = sqlite3_column_int64(st, 7);
		/*
		 * The row's share of the day's overage: the cumulative split
		 * floor(over * cum / total) differenced, so the shares sum to the
		 * day's overage exactly (no credit lost to rounding).
		 */
		share = 0;
		if (total > 0 && over > 0) {
			if (mul_div(over, cum, total, &lo) < 0 || money_add(cum, credits, &cum) != MONEY_OK ||
			    mul_div(over, cum, total, &hi) < 0) {
				rc = -1;
				break;
			}
			share = hi - lo;
		}
		if (__builtin_mul_overflow(share, per_credit, &r->micro)) {
			rc = -1;
			break;
		}
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

static unsigned cmp_dims; /* the dims of the running sort: only one request sorts at a time (srv lock) */

static int
row_cmp(const void *pa, const void *pb)
{
	const struct emu_row *a = pa, *b = pb;
	int c = 0;

	if (cmp_dims & EMU_BY_NAME)
		c = strcmp(a->name, b->name);
	if (!c && (cmp_dims & EMU_BY_AGENT))
		c = strcmp(a->agent_id, b->agent_id);
	if (!c && (cmp_dims & EMU_BY_METER))
		c = strcmp(a->meter_id, b->meter_id);
	if (!c && (cmp_dims & EMU_BY_KEY))
		c = a->fee - b->fee;
	return c;
}

int
emu_aggregate(struct emu_rows *rows, unsigned dims)
{
	size_t i, o = 0;
	struct emu_row *r;

	for (i = 0; i < rows->n; i++) {
		r = &rows->r[i];
		if (!(dims & EMU_BY_NAME))
			r->name[0] = '\0';
		if (!(dims & EMU_BY_AGENT))
			r->agent_id[0] = '\0';
		if (!(dims & EMU_BY_METER))
			r->meter_id[0] = '\0';
	}
	cmp_dims = dims;
	if (rows->n > 1)
		qsort(rows->r, rows->n, sizeof rows->r[0], row_cmp);
	for (i = 0; i < rows->n; i++) {
		if (o > 0 && row_cmp(&rows->r[o - 1], &rows->r[i]) == 0) {
			r = &rows->r[o - 1];
			if (money_add(r->records, rows->r[i].records, &r->records) != MONEY_OK ||
			    money_add(r->raw, rows->r[i].raw, &r->raw) != MONEY_OK ||
			    money_add(r->micro, rows->r[i].micro, &r->micro) != MONEY_OK)
				return -1;
			r->fee = r->fee && rows->r[i].fee;
			continue;
		}
		if (o != i)
			rows->r[o] = rows->r[i];
		o++;
	}
	rows->n = o;
	return 0;
}

void
emu_rows_free(struct emu_rows *rows)
{
	free(rows->r);
	memset(rows, 0, sizeof *rows);
}
