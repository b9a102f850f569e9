/*
 * emulate.h: billtopd --emulate openai|anthropic, the same seeded account served
 * in a provider's admin-API shapes (docs/sources.md lists every path, parameter
 * and field).  emulate.c holds what both share: the daily cost rows of the
 * account, the query parameters, exact decimal text and the JSON text builder;
 * emulate_openai.c and emulate_anthropic.c hold each provider's wire format.
 */
#ifndef BILLTOPD_EMULATE_H
#define BILLTOPD_EMULATE_H

#include <stddef.h>
#include <stdint.h>

#include "server/api.h"
#include "server/emulate_text.h"
#include "server/state.h"

enum emu_kind { EMU_NONE = 0, EMU_OPENAI, EMU_ANTHROPIC };

/* "openai" or "anthropic" into the kind; EMU_NONE for anything else. */
enum emu_kind emu_parse(const char *name);

/* --- dispatch (one per provider, chosen by rq->srv->emulate) --- */

/* Answers one request in the emulated provider's shapes (auth, routes, errors). */
void emu_dispatch(struct req *rq, struct resp *rs);
void emu_openai_dispatch(struct req *rq, struct resp *rs);
void emu_anthropic_dispatch(struct req *rq, struct resp *rs);
/* The provider's error body for an injected fault (--fault): 500, 503 or 429. */
void emu_fault(const struct srv *s, struct resp *rs, int status);
void emu_openai_error(struct resp *rs, int status, const char *type, const char *code,
                      const char *param, const char *msg);
void emu_anthropic_error(struct resp *rs, int status, const char *type, const char *msg);

/* --- answers --- */

/* Hands the text to rs as a 200 JSON body (or a 500 when building failed); frees b. */
void sb_answer(struct sb *b, struct resp *rs);

/* --- query parameters (repeatable ones too: group_by, group_by[]) --- */

#define EMU_MAX_ARGS 64

struct emu_args {
	size_t n;
	const char *key[EMU_MAX_ARGS], *val[EMU_MAX_ARGS];
	int too_many;
};

void emu_args_read(struct req *rq, struct emu_args *a);
/* The first value of key (or key "[]"), or NULL. */
const char *emu_arg(const struct emu_args *a, const char *key);
/* The first parameter whose name is not in the NULL-terminated list, or NULL. */
const char *emu_arg_unknown(const struct emu_args *a, const char *const *known);
/* 1 when a list parameter (key or key[]) is given and holds value; 0 when given and not; -1 when absent. */
int emu_arg_has(const struct emu_args *a, const char *key, const char *value);

/* --- the account's daily cost rows --- */

/* What a row is: a meter's usage by one agent, or a plan fee (agent_id ""). */
struct emu_row {
	char meter_id[ID_MAX];     /* "" for a fee */
	char name[128];            /* the meter's name, or the invoice line ("Pro plan, December 2026") */
	char agent_id[ID_MAX];     /* the project / workspace; "" for a fee */
	char unit[32], raw_unit[32];
	int64_t records, raw;
	int64_t micro;             /* cost in millionths of the currency's unit */
	int fee;
};

struct emu_rows {
	struct emu_row *r;         /* malloc'd */
	size_t n, cap;
};

/* The account's money: micro-units per minor unit, and the overage price per 1000 credits. */
struct emu_money {
	int64_t micro_per_minor;   /* USD: 10000 */
	int minor_scale;           /* decimals of a micro-unit amount in minor units: 6 - exponent (USD 4) */
	int64_t overage_per_1000;  /* minor units; 0 when the plan has none */
};

int emu_money_load(struct req *rq, struct emu_money *m);

/*
 * The rows of one UTC day (its 00:00Z epoch), appended to out: each
 * usage_daily row with its share of the day's overage credits priced at the
 * plan's overage price, and each plan fee billed for a period starting that
 * day.  The day's costs sum to what the native API bills for it.  0, or -1
 * (database error or overflow).
 */
int emu_day_rows(struct req *rq, const struct emu_money *m, int64_t day, struct emu_rows *out);

/* Group dimensions for emu_aggregate. */
#define EMU_BY_AGENT 1u      /* project_id, workspace_id */
#define EMU_BY_METER 2u      /* model */
#define EMU_BY_NAME  4u      /* line_item, description */
#define EMU_BY_KEY   8u      /* api_key_id: usage has the one admin key, a fee has none */

/*
 * Merges rows equal on dims (sums records, raw and micro); fields outside dims
 * are blanked.  Order: by the dims' values.  0, or -1 on overflow.
 */
int emu_aggregate(struct emu_rows *rows, unsigned dims);

void emu_rows_free(struct emu_rows *rows);

#endif
