/* model_usage_load.c: Usage models from the cache's daily rollups and runs. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/cache.h"
#include "core/anomaly.h"
#include "core/i18n.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/model_usage.h"

int
usage_source_load(struct cache *c, int64_t now, struct usage_source *src, char *err, size_t errsz)
{
	memset(src, 0, sizeof *src);
	src->anomaly_factor = ANOMALY_FACTOR_DEFAULT;
	if (billing_ctx_load(c, now, &src->ctx, err, errsz) < 0)
		return -1;
	if (cache_meters(c, &src->meters, &src->nmeters) < 0 || cache_agents(c, &src->agents, &src->nagents) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		usage_source_free(src);
		return -1;
	}
	return 0;
}

void
usage_source_free(struct usage_source *src)
{
	free(src->meters);
	free(src->agents);
	src->meters = NULL;
	src->agents = NULL;
	src->nmeters = src->nagents = 0;
}

const char *
usage_agent_name(const struct usage_source *src, const char *agent_id)
{
	int i;

	for (i = 0; i < src->nagents; i++)
		if (strcmp(src->agents[i].id, agent_id) == 0)
			return src->agents[i].name;
	return agent_id;
}

static int
load_span(struct cache *c, const struct usage_source *src, struct usage_model *m, enum usage_range range,
          enum usage_by by, int64_t from, int64_t to, char *err, size_t errsz)
{
	struct usage_input in = { &src->ctx, src->meters, src->nmeters, src->agents, src->nagents, NULL, 0 };
	struct usage_row *rows = NULL;
	char from_s[M_DAY], to_s[M_DAY];
	int rc = -1;

	memset(m, 0, sizeof *m);
	if (time_format_day(range != UR_COUNT ? from - (int64_t)ANOMALY_WINDOW * DAY_SECS : from, from_s,
	                    sizeof from_s) < 0 ||
	    time_format_day(to, to_s, sizeof to_s) < 0 || time_format_day(to, to_s, sizeof to_s) < 0) {
		snprintf(err, errsz, "%s", _("the date range is out of bounds"));
		goto out;
	}
	if (cache_usage_daily(c, by, from_s, to_s, &rows, &in.nrows) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		goto out;
	}
	in.rows = rows;
	/* The rows start ANOMALY_WINDOW days before a range (the anomalies'
	 * trailing medians); usage_model_build ignores those outside the span. */
	if (usage_model_build(m, &in, range, by, from, to) < 0 ||
	    usage_model_anomalies(m, rows, in.nrows, range != UR_COUNT ? src->anomaly_factor : 0) < 0) {
		usage_model_free(m);
		snprintf(err, errsz, "%s", _("out of memory"));
		goto out;
	}
	rc = 0;
out:
	free(rows);
	return rc;
}

int
usage_model_load(struct cache *c, const struct usage_source *src, struct usage_model *m, enum usage_range range,
                 enum usage_by by, char *err, size_t errsz)
{
	int64_t from, to;

	if (usage_range_days(range, src->ctx.now, src->ctx.acct.period_start, src->ctx.acct.period_end, &from, &to) < 0) {
		memset(m, 0, sizeof *m);
		snprintf(err, errsz, "%s", _("the account has no billing period in the cache"));
		return -1;
	}
	if (load_span(c, src, m, range, by, from, to, err, errsz) < 0)
		return -1;
	if (usage_model_compare(c, src, m, err, errsz) < 0) {
		usage_model_free(m);
		return -1;
	}
	return 0;
}

int
usage_model_load_day(struct cache *c, const struct usage_source *src, struct usage_model *m, int64_t day,
                     enum usage_by by, char *err, size_t errsz)
{
	day = time_day_start_utc(day);
	return load_span(c, src, m, UR_COUNT, by, day, day, err, errsz);
}

int
usage_runs_load(struct cache *c, const struct usage_source *src, struct usage_runs *r, const char *agent_id,
                int64_t day, char *err, size_t errsz)
{
	int i, k;

	memset(r, 0, sizeof *r);
	str_copy(r->agent_id, sizeof r->agent_id, agent_id);
	str_copy(r->agent_name, sizeof r->agent_name, usage_agent_name(src, agent_id));
	r->day = time_day_start_utc(day);
	if (cache_runs(c, agent_id, r->day, r->day + DAY_SECS, &r->runs, &r->nruns) < 0) {
		snprintf(err, errsz, "%s", cache_error(c));
		r->runs = NULL;
		r->nruns = 0;
		return -1;
	}
	for (i = 0; i < r->nruns; i++) {
		for (k = 0; k < ITEM_COUNT; k++)
			r->item_totals[k] = usage_sum(r->item_totals[k], r->runs[i].credits[k]);
		r->total = usage_sum(r->total, r->runs[i].credits_total);
	}
	return 0;
}

void
usage_runs_free(struct usage_runs *r)
{
	free(r->runs);
	r->runs = NULL;
	r->nruns = 0;
}
