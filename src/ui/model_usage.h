/* model_usage.h: the Usage tab's view model, separate from its drawing.
 *
 * A usage model is one span of UTC days broken down one way (line item,
 * meter or agent): per-day stacked series for the chart and one table row
 * per key.  It is built from the daily rollups (cache_usage_daily) when the
 * range, the breakdown or the data change, never per frame.  The pure
 * builders take plain arrays so the unit tests need no cache.
 */
#ifndef BILLTOP_MODEL_USAGE_H
#define BILLTOP_MODEL_USAGE_H

#include <stddef.h>
#include <stdint.h>

#include "client/cache.h"
#include "client/model.h"
#include "ui/model_common.h"

struct usage_source;

enum usage_range { UR_7D, UR_30D, UR_90D, UR_PERIOD, UR_PREVIOUS, UR_COUNT };
#define UR_DEFAULT UR_30D
#define USAGE_BY_DEFAULT BY_ITEM

/* "7d", "30d", "90d", "period", "previous" (command line and JSON). */
const char *usage_range_name(enum usage_range r);
int usage_range_parse(const char *s);           /* -1 when unknown */
/* Translated: "Last 30 days", "This period", "Previous period". */
const char *usage_range_label(enum usage_range r);
/* "meter", "agent", "item". */
const char *usage_by_name(enum usage_by by);
int usage_by_parse(const char *s);              /* -1 when unknown */
/* Translated: "by line item", "by meter", "by agent". */
const char *usage_by_label(enum usage_by by);
/* Translated line item names: "LLM", "Tool calls", "Storage". */
const char *line_item_label(enum line_item i);
/* The next breakdown in the cycle item -> meter -> agent -> item. */
enum usage_by usage_by_next(enum usage_by by);

/* The UTC days of a range, inclusive, as day starts.  The last N days end
 * today; the current period runs from its first day to today; the previous
 * period is the whole monthly period before the current one (its start is
 * found from whichever end of the current period kept the anchor day of the
 * month, so a 31st anchor survives a 30-day month).  0, or -1. */
int usage_range_days(enum usage_range r, int64_t now, int64_t period_start, int64_t period_end,
                     int64_t *from, int64_t *to);

/* The chart shows at most this many series: the largest keys and "Other". */
#define USAGE_MAX_SERIES 6

struct usage_series {
	char key[M_ID];               /* "" for "Other" */
	char label[M_NAME];
};

struct usage_col {                    /* one day of the chart */
	int64_t day;                  /* 00:00:00Z */
	char day_key[M_DAY];
	int64_t credits[USAGE_MAX_SERIES];
	int64_t total;
	int anomalies;                /* anomalies listed for this day (0: none) */
};

/* A day far above its trailing median (core/anomaly.h), per row key or the total. */
struct usage_anomaly {
	int64_t day;                  /* 00:00:00Z, inside the model's span */
	char day_key[M_DAY];
	char key[M_ID];               /* the row's key; "" for the day's total */
	char label[M_NAME];           /* the row's label; "Total" for the total */
	int64_t value;                /* credits that day */
	int64_t median;               /* of the ANOMALY_WINDOW days before */
	int32_t ratio_tenths;         /* value / median in tenths; -1: the median was 0 */
};

struct usage_line {                   /* one table row */
	char key[M_ID];
	char label[M_NAME];
	int series;                   /* chart series of this key; -1 none */
	int64_t credits;
	int64_t cost;                 /* minor units; M_NONE: included (no overage price) */
	int share_pm;                 /* per-mille of the span's total */
	/* Meter rows only (is_meter): the billed quantity and how it is billed. */
	int is_meter;
	int64_t raw;                  /* the records' raw quantity, summed as recorded */
	int64_t billed_raw;           /* each record rounded up to its increment, then summed */
	char raw_quantity[64];        /* "74,010 seconds" (the meter's raw unit) */
	char quantity[64];            /* "1,234 minutes" */
	char billed_how[96];          /* "rounded up to 1-minute increments" */
	/* Against the previous period (usage_model_compare; M_NONE until then):
	 * this period's days so far, and the same days of the previous one. */
	int64_t period_credits;
	int64_t prev_credits;
};

/* This period so far against the same days of the previous period: day 1..k
 * of each, k the days of this period up to today (today included); the
 * previous period's part is cut at its end when it is shorter. */
struct usage_compare {
	int ok;                       /* 0: no period (or no previous one) to compare */
	int days;                     /* k */
	int64_t from, to;             /* this period's days 1..k, inclusive day starts */
	int64_t prev_from, prev_to;   /* the previous period's days 1..k */
	int64_t credits, prev_credits;/* totals of the two spans */
};

/* What the Usage tab says about the current period (whatever range is shown). */
struct usage_period {
	int64_t start, end;
	int64_t used, allowance, overage;
	enum forecast_err proj_err;   /* OK, or TOO_LITTLE_DATA: no projection */
	int64_t projected;            /* credits at period end */
	int64_t projected_spend;      /* fee + projected overage + tax; M_NONE unknown */
	int64_t projected_overage;    /* credits billed as overage */
	int runs_out;                 /* a plan without overage runs out before the end */
	int64_t spent;                /* the running draft before tax; M_NONE unknown */
};

struct usage_model {
	enum usage_range range;
	enum usage_by by;
	int64_t from, to;             /* inclusive day starts */
	char currency[M_CUR];
	int64_t overage_per_1000;     /* M_NONE: costs are "included" */
	struct usage_period period;

	int nseries;
	struct usage_series series[USAGE_MAX_SERIES];
	int ndays;
	struct usage_col *days;       /* ndays, oldest first; owned */
	int64_t max_day;              /* the largest daily total (chart scale) */
	/* The same figures shaped for chart_draw (struct chart_data). */
	int64_t *values;              /* values[day * nseries + series]; owned */
	char (*slot_text)[8];         /* "11-20" per day; owned */
	const char **slot_labels;     /* pointers into slot_text; owned */
	const char *series_names[USAGE_MAX_SERIES]; /* into series[].label */

	int nlines;                   /* every key, zero-usage rows last */
	int nlines_used;              /* rows with credits > 0 (shown unless show_zero) */
	struct usage_line *lines;     /* owned */
	int64_t total_credits;
	int64_t total_cost;           /* M_NONE: included */

	struct usage_compare cmp;     /* usage_model_compare; cmp.ok 0 until then */

	int anomaly_factor;           /* the factor used; 0: not computed */
	int nanomalies;
	struct usage_anomaly *anomalies; /* newest day first; owned */
	unsigned char *marks;         /* ndays flags for chart_data.marks (1: listed); owned */
};

/* What a model is built from: the account facts, the meters and agents (for
 * names, units and zero rows), and the span's daily rollup rows. */
struct usage_input {
	const struct billing_ctx *ctx;
	const struct meter *meters;
	int nmeters;
	const struct agent *agents;
	int nagents;
	const struct usage_row *rows; /* cache_usage_daily(by, from, to) */
	int nrows;
};

/* Builds m for the days [from, to] (by `by`); range is recorded as given.
 * Rows outside [from, to] are ignored.  0, or -1 (out of memory / bad span). */
int usage_model_build(struct usage_model *m, const struct usage_input *in, enum usage_range range,
                      enum usage_by by, int64_t from, int64_t to);
void usage_model_free(struct usage_model *m);
/* a + b for credit sums, M_NONE when either is M_NONE or the sum does not
 * fit in 64 bits (shown as "n/a", never as a wrong number). */
int64_t usage_sum(int64_t a, int64_t b);

/* Finds the anomalies of m's span from rows covering [m->from - ANOMALY_WINDOW
 * days, m->to] (the same breakdown): each row key's daily series and the
 * daily total.  A day lists each key that spiked; the total is listed only
 * on a day where no single key did.  factor <= 0 computes nothing.  0, or
 * -1 (out of memory; m keeps no anomalies). */
int usage_model_anomalies(struct usage_model *m, const struct usage_row *rows, int nrows, int factor);
/* The day index of the next anomaly older than day index `from` (the newest
 * after the oldest; from -1 or past the end: the newest); -1 when none. */
int usage_anomaly_next_day(const struct usage_model *m, int from);
/* The first anomaly on day index d, else the newest; NULL when none. */
const struct usage_anomaly *usage_anomaly_for_day(const struct usage_model *m, int d);
/* "11-12: Tool calls 4.1x usual" (or "… 250 credits, usually none"). */
void usage_anomaly_text(const struct usage_anomaly *a, char *buf, size_t n);

/* The two spans of struct usage_compare for a period [start, end) at now.
 * 0, or -1 when there is no period. */
int usage_compare_spans(int64_t now, int64_t period_start, int64_t period_end, struct usage_compare *cmp);
/* (now - before) / before in tenths of a percent, rounded toward zero
 * (123 = +12.3%), capped at +-INT32_MAX.  0, or -1 when before <= 0 (no
 * percentage: "new" when now > 0). */
int usage_change_tenths(int64_t now, int64_t before, int32_t *tenths);
/* "+12.3%", "-4.0%", "new" (nothing before), "" (neither). */
void usage_change_text(int64_t now, int64_t before, char *buf, size_t n);
/* The totals of struct usage_compare from the cache: the one computation
 * the Overview, the Usage table and print use.  0 (cmp->ok 0 when there is
 * no period, or the account did not exist on the previous period's first
 * day: nothing to compare with), or -1 with err. */
int usage_compare_load(struct cache *c, const struct account *acct, int64_t now, struct usage_compare *cmp, char *err,
                       size_t errsz);
/* Fills m->cmp (usage_compare_load) and every line's period_credits / prev_credits from the cache
 * (the model's breakdown).  0, or -1 with err. */
int usage_model_compare(struct cache *c, const struct usage_source *src, struct usage_model *m, char *err,
                        size_t errsz);

/* The current period's figures: used, allowance, projection, spend. */
void usage_period_compute(const struct billing_ctx *ctx, struct usage_period *p);

/* Rows shown in the table: every row with show_zero, else the used ones. */
int usage_model_visible(const struct usage_model *m, int show_zero);

/* Loading from the cache.  The meters and agents are loaded once per data
 * change into a usage_source; models are then built from it per range. */
struct usage_source {
	struct billing_ctx ctx;
	struct meter *meters;
	int nmeters;
	struct agent *agents;
	int nagents;
	int anomaly_factor;           /* ANOMALY_FACTOR_DEFAULT unless the caller sets the profile's */
};
int usage_source_load(struct cache *c, int64_t now, struct usage_source *src, char *err, size_t errsz);
void usage_source_free(struct usage_source *src);
const char *usage_agent_name(const struct usage_source *src, const char *agent_id);
/* A range of the account (usage_range_days on its current period). */
int usage_model_load(struct cache *c, const struct usage_source *src, struct usage_model *m,
                     enum usage_range range, enum usage_by by, char *err, size_t errsz);
/* One day by agent (the first drill-down level), or by line item (its split). */
int usage_model_load_day(struct cache *c, const struct usage_source *src, struct usage_model *m,
                         int64_t day, enum usage_by by, char *err, size_t errsz);

/* The second drill-down level: one agent's runs on one day. */
struct usage_runs {
	char agent_id[M_ID];
	char agent_name[M_NAME];
	int64_t day;
	int nruns;
	struct run *runs;             /* newest first; owned */
	int64_t item_totals[ITEM_COUNT];
	int64_t total;
};
int usage_runs_load(struct cache *c, const struct usage_source *src, struct usage_runs *r,
                    const char *agent_id, int64_t day, char *err, size_t errsz);
void usage_runs_free(struct usage_runs *r);

#endif
