/* model_usage.c: ranges, breakdowns and the Usage view model, from plain arrays. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/allocate.h"
#include "core/credits.h"
#include "core/i18n.h"
#include "core/metering.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/chart.h"
#include "ui/model_usage.h"

static const char *const range_names[UR_COUNT] = { "7d", "30d", "90d", "period", "previous" };
static const int range_lengths[UR_COUNT] = { 7, 30, 90, 0, 0 };

const char *
usage_range_name(enum usage_range r)
{
	return (unsigned)r < UR_COUNT ? range_names[r] : "";
}

int
usage_range_parse(const char *s)
{
	int i;

	for (i = 0; i < UR_COUNT; i++)
		if (strcmp(s, range_names[i]) == 0)
			return i;
	return -1;
}

const char *
usage_range_label(enum usage_range r)
{
	switch (r) {
	case UR_7D: return _("Last 7 days");
	case UR_30D: return _("Last 30 days");
	case UR_90D: return _("Last 90 days");
	case UR_PERIOD: return _("This period");
	case UR_PREVIOUS: return _("Previous period");
	default: return "";
	}
}

const char *
usage_by_name(enum usage_by by)
{
	switch (by) {
	case BY_METER: return "meter";
	case BY_AGENT: return "agent";
	case BY_ITEM: return "item";
	}
	return "";
}

int
usage_by_parse(const char *s)
{
	if (strcmp(s, "meter") == 0)
		return BY_METER;
	if (strcmp(s, "agent") == 0)
		return BY_AGENT;
	if (strcmp(s, "item") == 0)
		return BY_ITEM;
	return -1;
}

const char *
usage_by_label(enum usage_by by)
{
	switch (by) {
	case BY_METER: return _("by meter");
	case BY_AGENT: return _("by agent");
	case BY_ITEM: return _("by line item");
	}
	return "";
}

const char *
line_item_label(enum line_item i)
{
	switch (i) {
	case ITEM_LLM: return _("LLM");
	case ITEM_TOOL_CALLS: return _("Tool calls");
	case ITEM_STORAGE: return _("Storage");
	default: return "";
	}
}

enum usage_by
usage_by_next(enum usage_by by)
{
	switch (by) {
	case BY_ITEM: return BY_METER;
	case BY_METER: return BY_AGENT;
	default: return BY_ITEM;
	}
}

/* Day of month (1-31) of an instant, UTC. */
static int
day_of_month(int64_t t)
{
	char buf[M_DAY];

	if (time_format_day(t, buf, sizeof buf) < 0)
		return 0;
	return (buf[8] - '0') * 10 + (buf[9] - '0');
}

int
usage_range_days(enum usage_range r, int64_t now, int64_t period_start, int64_t period_end,
                 int64_t *from, int64_t *to)
{
	int64_t today = time_day_start_utc(now), prev_start, last;

	switch (r) {
	case UR_7D:
	case UR_30D:
	case UR_90D:
		*to = today;
		*from = today - (int64_t)(range_lengths[r] - 1) * DAY_SECS;
		return 0;
	case UR_PERIOD:
	case UR_PREVIOUS:
		break;
	default:
		return -1;
	}
	if (period_start == M_NONE || period_end == M_NONE || period_end <= period_start)
		return -1;
	if (r == UR_PERIOD) {
		*from = time_day_start_utc(period_start);
		last = time_day_start_utc(period_end - 1);
		*to = today < last ? today : last;
		if (*to < *from)
			*to = *from;
		return 0;
	}
	/* A month shorter than the anchor day clamps one end of the period (never
	 * both); the other end still carries the anchor day. */
	if (day_of_month(period_start) >= day_of_month(period_end))
		prev_start = time_add_months(period_start, -1);
	else
		prev_start = time_add_months(period_end, -2);
	if (prev_start == M_NONE || prev_start >= period_start)
		return -1;
	*from = time_day_start_utc(prev_start);
	*to = time_day_start_utc(period_start - 1);
	return 0;
}

int
usage_model_visible(const struct usage_model *m, int show_zero)
{
	return show_zero ? m->nlines : m->nlines_used;
}

void
usage_model_free(struct usage_model *m)
{
	free(m->days);
	free(m->lines);
	free(m->values);
	free(m->slot_text);
	free(m->slot_labels);
	free(m->anomalies);
	free(m->marks);
	memset(m, 0, sizeof *m);
}

static int
cmp_line_key(const void *a, const void *b)
{
	return strcmp(((const struct usage_line *)a)->key, ((const struct usage_line *)b)->key);
}

int64_t
usage_sum(int64_t a, int64_t b)
{
	int64_t out;

	if (a == M_NONE || b == M_NONE || money_add(a, b, &out) != MONEY_OK)
		return M_NONE;
	return out;
}

/* An overflowed sum (M_NONE) is larger than any figure. */
static int64_t
credits_rank(int64_t credits)
{
	return credits == M_NONE ? INT64_MAX : credits;
}

/* Largest credits first, then by label; zero rows (credits 0) end up last. */
static int
cmp_line_credits(const void *a, const void *b)
{
	const struct usage_line *x = a, *y = b;
	int c;

	if (credits_rank(x->credits) != credits_rank(y->credits))
		return credits_rank(x->credits) > credits_rank(y->credits) ? -1 : 1;
	c = strcmp(x->label, y->label);
	return c != 0 ? c : strcmp(x->key, y->key);
}

static struct usage_line *
find_line(struct usage_line *lines, int n, const char *key)
{
	struct usage_line probe;

	if (str_copy(probe.key, sizeof probe.key, key) < 0)
		return NULL;
	return bsearch(&probe, lines, (size_t)n, sizeof *lines, cmp_line_key);
}

/* English plural for a unit the server names in the singular ("minute" ->
 * "minutes"); units with a capital (GB) or ending in 's' stay as they are. */
static void
unit_for(const char *unit, int plural, char *buf, size_t n)
{
	const char *p;
	int lower = unit[0] != '\0';

	for (p = unit; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && *p != ' ')
			lower = 0;
	if (plural && lower && unit[strlen(unit) - 1] != 's') {
		struct strbuf sb;

		strbuf_init(&sb, buf, n);
		strbuf_add(&sb, unit);
		strbuf_addc(&sb, 's');
		if (strbuf_finish(&sb) == 0)
			return;
	}
	str_copy(buf, n, unit);
}

static void
fill_meter_line(struct usage_line *l, const struct meter *mt)
{
	struct meter_def def = { mt->raw_per_unit, mt->increment, mt->credits_milli_per_unit };
	char unit[48];

	l->is_meter = 1;
	struct meter_def raw_def = { 1, 1, 0 };   /* the raw unit itself: whole numbers */

	unit_for(mt->unit, l->billed_raw != mt->raw_per_unit, unit, sizeof unit);
	if (meter_format_quantity(&def, unit, l->billed_raw, l->quantity, sizeof l->quantity) < 0)
		l->quantity[0] = '\0';
	unit_for(mt->raw_unit, l->raw != 1, unit, sizeof unit);
	if (meter_format_quantity(&raw_def, unit, l->raw, l->raw_quantity, sizeof l->raw_quantity) < 0)
		l->raw_quantity[0] = '\0';
	if (meter_describe_rounding(&def, mt->unit, l->billed_how, sizeof l->billed_how) < 0)
		l->billed_how[0] = '\0';
}

/* Every key the breakdown knows (zero rows included), sorted by key. */
static int
init_lines(struct usage_model *m, const struct usage_input *in)
{
	int cap, i, n = 0;

	cap = 3 + in->nrows;
	if (m->by == BY_METER)
		cap += in->nmeters;
	else if (m->by == BY_AGENT)
		cap += in->nagents;
	m->lines = calloc((size_t)cap, sizeof *m->lines);
	if (m->lines == NULL)
		return -1;
	if (m->by == BY_ITEM) {
		for (i = 0; i < ITEM_COUNT; i++) {
			str_copy(m->lines[n].key, sizeof m->lines[n].key, line_item_str((enum line_item)i));
			str_copy(m->lines[n].label, sizeof m->lines[n].label, line_item_label((enum line_item)i));
			n++;
		}
	} else if (m->by == BY_METER) {
		for (i = 0; i < in->nmeters; i++) {
			str_copy(m->lines[n].key, sizeof m->lines[n].key, in->meters[i].id);
			str_copy(m->lines[n].label, sizeof m->lines[n].label, in->meters[i].name);
			n++;
		}
	} else {
		for (i = 0; i < in->nagents; i++) {
			str_copy(m->lines[n].key, sizeof m->lines[n].key, in->agents[i].id);
			str_copy(m->lines[n].label, sizeof m->lines[n].label, in->agents[i].name);
			n++;
		}
	}
	qsort(m->lines, (size_t)n, sizeof *m->lines, cmp_line_key);
	/* Keys seen in the rollup but missing from the lists keep their id as label. */
	for (i = 0; i < in->nrows; i++) {
		if (find_line(m->lines, n, in->rows[i].key) != NULL)
			continue;
		str_copy(m->lines[n].key, sizeof m->lines[n].key, in->rows[i].key);
		str_copy(m->lines[n].label, sizeof m->lines[n].label, in->rows[i].key);
		n++;
		qsort(m->lines, (size_t)n, sizeof *m->lines, cmp_line_key);
	}
	for (i = 0; i < n; i++) {
		m->lines[i].series = -1;
		m->lines[i].period_credits = m->lines[i].prev_credits = M_NONE;
	}
	m->nlines = n;
	return 0;
}

/* Series: the three line items in their fixed order, or the largest keys
 * with the rest folded into "Other" when they do not fit. */
static void
pick_series(struct usage_model *m)
{
	int i, k, used = m->nlines_used, direct;

	m->nseries = 0;
	if (m->by == BY_ITEM) {
		for (i = 0; i < ITEM_COUNT; i++) {
			for (k = 0; k < m->nlines; k++) {
				if (strcmp(m->lines[k].key, line_item_str((enum line_item)i)) == 0) {
					m->lines[k].series = i;
					str_copy(m->series[i].key, sizeof m->series[i].key, m->lines[k].key);
					str_copy(m->series[i].label, sizeof m->series[i].label, m->lines[k].label);
				}
			}
		}
		m->nseries = ITEM_COUNT;
		return;
	}
	direct = used <= USAGE_MAX_SERIES ? used : USAGE_MAX_SERIES - 1;
	for (i = 0; i < direct; i++) {
		m->lines[i].series = i;
		str_copy(m->series[i].key, sizeof m->series[i].key, m->lines[i].key);
		str_copy(m->series[i].label, sizeof m->series[i].label, m->lines[i].label);
	}
	m->nseries = direct;
	if (used > direct) {
		for (i = direct; i < used; i++)
			m->lines[i].series = direct;
		m->series[direct].key[0] = '\0';
		str_copy(m->series[direct].label, sizeof m->series[direct].label, _("Other"));
		m->nseries = direct + 1;
	}
}

/* The chart's flat value array and "MM-DD" slot labels. */
static int
shape_for_chart(struct usage_model *m)
{
	int i, k, ns = m->nseries > 0 ? m->nseries : 1;

	m->values = calloc((size_t)m->ndays * (size_t)ns, sizeof *m->values);
	m->slot_text = calloc((size_t)m->ndays, sizeof *m->slot_text);
	m->slot_labels = calloc((size_t)m->ndays, sizeof *m->slot_labels);
	if (m->values == NULL || m->slot_text == NULL || m->slot_labels == NULL)
		return -1;
	for (i = 0; i < m->ndays; i++) {
		for (k = 0; k < m->nseries; k++)
			m->values[(size_t)i * (size_t)ns + (size_t)k] = m->days[i].credits[k];
		if (m->days[i].total > m->max_day)
			m->max_day = m->days[i].total;
		str_copy(m->slot_text[i], sizeof m->slot_text[i], m->days[i].day_key + 5);
		m->slot_labels[i] = m->slot_text[i];
	}
	for (k = 0; k < m->nseries; k++)
		m->series_names[k] = m->series[k].label;
	return 0;
}

int
usage_model_build(struct usage_model *m, const struct usage_input *in, enum usage_range range,
                  enum usage_by by, int64_t from, int64_t to)
{
	const struct billing_ctx *ctx = in->ctx;
	struct usage_line *l;
	int64_t day;
	int i, k;

	memset(m, 0, sizeof *m);
	if (to < from || (to - from) / DAY_SECS > 3660)
		return -1;
	m->range = range;
	m->by = by;
	m->from = from;
	m->to = to;
	str_copy(m->currency, sizeof m->currency, ctx->acct.currency);
	m->overage_per_1000 = billing_overage_per_1000(ctx);
	usage_period_compute(ctx, &m->period);

	m->ndays = (int)((to - from) / DAY_SECS) + 1;
	m->days = calloc((size_t)m->ndays, sizeof *m->days);
	if (m->days == NULL || init_lines(m, in) < 0)
		goto fail;
	for (i = 0; i < m->ndays; i++) {
		m->days[i].day = from + (int64_t)i * DAY_SECS;
		time_format_day(m->days[i].day, m->days[i].day_key, sizeof m->days[i].day_key);
	}

	/* Pass 1: totals per key. */
	for (i = 0; i < in->nrows; i++) {
		if (model_day_parse(in->rows[i].day, &day) < 0 || day < from || day > to)
			continue;
		if ((l = find_line(m->lines, m->nlines, in->rows[i].key)) == NULL)
			continue;
		l->credits = usage_sum(l->credits, in->rows[i].credits);
		l->raw = usage_sum(l->raw, in->rows[i].raw);
		l->billed_raw = usage_sum(l->billed_raw, in->rows[i].billed_raw);
	}
	if (by == BY_METER) {
		for (i = 0; i < in->nmeters; i++)
			if ((l = find_line(m->lines, m->nlines, in->meters[i].id)) != NULL)
				fill_meter_line(l, &in->meters[i]);
	}
	qsort(m->lines, (size_t)m->nlines, sizeof *m->lines, cmp_line_credits);
	for (i = 0; i < m->nlines && credits_rank(m->lines[i].credits) > 0; i++)
		m->total_credits = usage_sum(m->total_credits, m->lines[i].credits);
	m->nlines_used = i;
	pick_series(m);

	/* Pass 2: per day and series; the lines are re-sorted by key for lookups. */
	qsort(m->lines, (size_t)m->nlines, sizeof *m->lines, cmp_line_key);
	for (i = 0; i < in->nrows; i++) {
		if (model_day_parse(in->rows[i].day, &day) < 0 || day < from || day > to)
			continue;
		if ((l = find_line(m->lines, m->nlines, in->rows[i].key)) == NULL || l->series < 0)
			continue;
		k = (int)((day - from) / DAY_SECS);
		/* The chart only needs a scale: saturate rather than fail. */
		m->days[k].credits[l->series] = chart_sat_add(m->days[k].credits[l->series], in->rows[i].credits);
		m->days[k].total = chart_sat_add(m->days[k].total, in->rows[i].credits);
	}
	qsort(m->lines, (size_t)m->nlines, sizeof *m->lines, cmp_line_credits);
	if (shape_for_chart(m) < 0)
		goto fail;

	/* List value: the credits at the overage price (not what is billed; the
	 * period forecast says that).  The total is priced once and split over
	 * the rows by largest remainder, so the rows sum to it exactly. */
	m->total_cost = M_NONE;
	for (i = 0; i < m->nlines; i++) {
		m->lines[i].share_pm = share_permille(m->lines[i].credits, m->total_credits);
		m->lines[i].cost = M_NONE;
	}
	if (m->overage_per_1000 != M_NONE && m->total_credits != M_NONE &&
	    credits_price(m->total_credits, m->overage_per_1000, &m->total_cost) != MONEY_OK)
		m->total_cost = M_NONE;
	if (m->total_cost != M_NONE && m->nlines > 0) {
		int64_t *w = calloc((size_t)m->nlines, sizeof *w), *out = calloc((size_t)m->nlines, sizeof *out);
		int okw = w != NULL && out != NULL;

		for (i = 0; okw && i < m->nlines; i++) {
			if (m->lines[i].credits == M_NONE || m->lines[i].credits < 0)
				okw = 0;
			else
				w[i] = m->lines[i].credits;
		}
		if (okw && allocate_largest_remainder(m->total_cost, w, m->nlines, out) == 0)
			for (i = 0; i < m->nlines; i++)
				m->lines[i].cost = out[i];
		else
			m->total_cost = M_NONE;
		free(w);
		free(out);
	}
	return 0;
fail:
	usage_model_free(m);
	return -1;
}

void
usage_period_compute(const struct billing_ctx *ctx, struct usage_period *p)
{
	memset(p, 0, sizeof *p);
	p->start = ctx->acct.period_start;
	p->end = ctx->acct.period_end;
	p->used = ctx->credits.period_used;
	p->allowance = ctx->credits.period_allowance;
	p->overage = ctx->credits.period_overage;
	p->projected_spend = M_NONE;
	p->spent = M_NONE;
	/* Every figure from the one period forecast (ctx->fc, core/forecast.h). */
	if (ctx->has_fc_so_far)
		p->spent = ctx->fc.spend_so_far;
	p->proj_err = ctx->fc_err;
	if (p->proj_err != FORECAST_OK) {
		if (ctx->burn_err != FORECAST_OK)
			p->proj_err = ctx->burn_err;
		return;
	}
	p->projected = ctx->fc.projected;
	p->projected_overage = ctx->fc.overage;
	p->runs_out = ctx->fc.runs_out;
	p->projected_spend = ctx->fc.total;
}
