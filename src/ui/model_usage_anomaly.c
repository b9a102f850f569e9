/* model_usage_anomaly.c: the Usage model's spikes, per row key and the total.
 *
 * The computation is core/anomaly.c; this file only lays the daily rollup
 * out as one series per key (the window before the span included) and
 * records what it finds.  The chart, the list under it and `print usage`
 * all read m->anomalies.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/anomaly.h"
#include "core/i18n.h"
#include "core/credits.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/chart.h"
#include "ui/model_usage.h"

static int
line_index(const struct usage_model *m, const char *key)
{
	int i;

	for (i = 0; i < m->nlines; i++)
		if (strcmp(m->lines[i].key, key) == 0)
			return i;
	return -1;
}

static int
add(struct usage_model *m, int *cap, int day, const char *key, const char *label, int64_t value,
    int64_t median)
{
	struct usage_anomaly *a;

	if (m->nanomalies == *cap) {
		int ncap = *cap ? *cap * 2 : 8;
		struct usage_anomaly *p = realloc(m->anomalies, (size_t)ncap * sizeof *p);

		if (p == NULL)
			return -1;
		m->anomalies = p;
		*cap = ncap;
	}
	a = &m->anomalies[m->nanomalies++];
	memset(a, 0, sizeof *a);
	a->day = m->days[day].day;
	str_copy(a->day_key, sizeof a->day_key, m->days[day].day_key);
	str_copy(a->key, sizeof a->key, key);
	str_copy(a->label, sizeof a->label, label);
	a->value = value;
	a->median = median;
	a->ratio_tenths = anomaly_ratio_tenths(value, median);
	m->days[day].anomalies++;
	m->marks[day] = 1;
	return 0;
}

int
usage_model_anomalies(struct usage_model *m, const struct usage_row *rows, int nrows, int factor)
{
	const int w = ANOMALY_WINDOW;
	int n = m->ndays + w, nk = m->nlines + 1;   /* the last series is the total */
	int64_t *v = NULL, hist_from = m->from - (int64_t)w * DAY_SECS, day, med;
	int i, d, k, cap = 0, rc = -1, before;

	free(m->anomalies);
	free(m->marks);
	m->anomalies = NULL;
	m->marks = NULL;
	m->nanomalies = 0;
	m->anomaly_factor = 0;
	for (d = 0; d < m->ndays; d++)
		m->days[d].anomalies = 0;
	if (factor <= 0 || m->ndays <= 0)
		return 0;
	v = calloc((size_t)n * (size_t)nk, sizeof *v);
	m->marks = calloc((size_t)m->ndays, 1);
	if (v == NULL || m->marks == NULL)
		goto out;
	for (i = 0; i < nrows; i++) {
		if (model_day_parse(rows[i].day, &day) < 0 || day < hist_from || day > m->to)
			continue;
		if ((k = line_index(m, rows[i].key)) < 0)
			continue;
		d = (int)((day - hist_from) / DAY_SECS);
		v[(size_t)k * (size_t)n + (size_t)d] = chart_sat_add(v[(size_t)k * (size_t)n + (size_t)d], rows[i].credits);
		v[(size_t)m->nlines * (size_t)n + (size_t)d] =
			chart_sat_add(v[(size_t)m->nlines * (size_t)n + (size_t)d], rows[i].credits);
	}
	/* Newest day first; per day the rows in table order, then the total. */
	for (d = m->ndays - 1; d >= 0; d--) {
		before = m->nanomalies;
		for (k = 0; k < nk; k++) {
			const int64_t *s = v + (size_t)k * (size_t)n;
			int total = k == m->nlines;

			if (total && m->nanomalies > before)
				break;
			if (!anomaly_is_spike(s, n, d + w, factor, ANOMALY_FLOOR, &med))
				continue;
			if (add(m, &cap, d, total ? "" : m->lines[k].key, total ? _("Total") : m->lines[k].label,
			        s[d + w], med) < 0)
				goto out;
		}
	}
	m->anomaly_factor = factor;
	rc = 0;
out:
	if (rc < 0) {
		free(m->anomalies);
		free(m->marks);
		m->anomalies = NULL;
		m->marks = NULL;
		m->nanomalies = 0;
	}
	free(v);
	return rc;
}

static int
day_index(const struct usage_model *m, int64_t day)
{
	int64_t k = (day - m->from) / DAY_SECS;

	return k >= 0 && k < m->ndays ? (int)k : -1;
}

int
usage_anomaly_next_day(const struct usage_model *m, int from)
{
	int i, d;

	if (m->nanomalies == 0)
		return -1;
	for (i = 0; from >= 0 && from < m->ndays && i < m->nanomalies; i++)
		if ((d = day_index(m, m->anomalies[i].day)) >= 0 && d < from)
			return d;
	return day_index(m, m->anomalies[0].day);
}

const struct usage_anomaly *
usage_anomaly_for_day(const struct usage_model *m, int d)
{
	int i;

	if (m->nanomalies == 0)
		return NULL;
	for (i = 0; i < m->nanomalies; i++)
		if (day_index(m, m->anomalies[i].day) == d)
			return &m->anomalies[i];
	return &m->anomalies[0];
}

void
usage_anomaly_text(const struct usage_anomaly *a, char *buf, size_t n)
{
	const char *md = a->day_key[0] ? a->day_key + 5 : "";
	char num[32], ratio[16];

	if (a->ratio_tenths < 0) {
		if (credits_format(num, sizeof num, a->value) < 0)
			snprintf(num, sizeof num, "%lld", (long long)a->value);
		/* TRANSLATORS: an unusual day: "11-12: Tool calls 250 credits, usually none" */
		snprintf(buf, n, _("%s: %s %s credits, usually none"), md, a->label, num);
		return;
	}
	anomaly_ratio_text(a->ratio_tenths, ratio, sizeof ratio);
	/* TRANSLATORS: an unusual day: "11-12: Tool calls 4.1x usual" */
	snprintf(buf, n, _("%s: %s %sx usual"), md, a->label, ratio);
}
