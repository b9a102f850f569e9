/* model_invoices.c: invoice labels, the status filter, search (pure parts). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/timeutil.h"
#include "core/util.h"
#include "ui/model_invoices.h"
#include "ui/theme.h"

const char *
inv_status_label(enum invoice_status s)
{
	switch (s) {
	case INV_DRAFT: return _("draft");
	case INV_ISSUED: return _("issued");
	case INV_PAID: return _("paid");
	case INV_PAST_DUE: return _("past due");
	/* TRANSLATORS: an invoice status: cancelled by the vendor, nothing is owed. */
	case INV_VOID: return _("void");
	}
	return "?";
}

const char *
invoice_filter_label(int filter)
{
	if (filter < 0 || filter > INV_VOID)
		return _("all");
	return inv_status_label((enum invoice_status)filter);
}

int
invoice_filter_next(int filter)
{
	if (filter < 0)
		return INV_DRAFT;
	if (filter >= INV_VOID)
		return -1;
	return filter + 1;
}

int
invoice_is_running_draft(const struct invoice *inv, int64_t now)
{
	return inv->status == INV_DRAFT && inv->period_start <= now && now < inv->period_end;
}

int
invoice_is_overdue(const struct invoice *inv, int64_t now)
{
	if (inv->status != INV_ISSUED && inv->status != INV_PAST_DUE)
		return 0;
	/* Without a due date only the source's word is left. */
	if (inv->due_at == M_NONE)
		return inv->status == INV_PAST_DUE;
	return inv->due_at <= now;
}

const char *
invoice_status_text(const struct invoice *inv, int64_t now)
{
	if (invoice_is_running_draft(inv, now))
		return _("still changing");
	if (invoice_is_overdue(inv, now))
		return _("PAST DUE");
	/* TRANSLATORS: an invoice whose charge was declined, not yet due. */
	if (inv->status == INV_PAST_DUE)
		return _("payment failed");
	return inv_status_label(inv->status);
}

int
invoice_status_style(const struct invoice *inv, int64_t now)
{
	if (invoice_is_running_draft(inv, now))
		return ST_WARN;
	if (invoice_is_overdue(inv, now))
		return ST_ALERT;
	switch (inv->status) {
	case INV_PAID: return ST_OK;
	case INV_VOID: return ST_DIM;
	case INV_PAST_DUE: return ST_WARN;
	default: return ST_NORMAL;
	}
}

int
invoice_period_label(const struct invoice *inv, char *buf, size_t n)
{
	struct tm a, b;
	time_t ts = (time_t)inv->period_start, te = (time_t)(inv->period_end - 1);
	char s1[32], s2[32];
	int r;

	if (n == 0 || gmtime_r(&ts, &a) == NULL)
		goto fail;
	/* A one-off invoice (bought credits) covers an instant: its day. */
	if (inv->period_end <= inv->period_start) {
		if (strftime(buf, n, "%d %b %Y", &a) == 0)
			goto fail;
		return 0;
	}
	if (gmtime_r(&te, &b) == NULL)
		goto fail;
	if (a.tm_mday == 1 && a.tm_hour == 0 && a.tm_min == 0 && a.tm_sec == 0 &&
	    inv->period_end == time_add_months(inv->period_start, 1)) {
		if (strftime(buf, n, "%b %Y", &a) == 0)
			goto fail;
		return 0;
	}
	if (strftime(s1, sizeof s1, "%d %b", &a) == 0 || strftime(s2, sizeof s2, "%d %b", &b) == 0)
		goto fail;
	r = snprintf(buf, n, "%s-%s", s1, s2);
	if (r < 0 || (size_t)r >= n)
		goto fail;
	return 0;
fail:
	if (n > 0)
		buf[0] = '\0';
	return -1;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Case-insensitive (ASCII) substring. */
static int
contains(const char *hay, const char *needle)
{
	size_t i, k, hn = strlen(hay), nn = strlen(needle);

	if (nn == 0)
		return 0;
	for (i = 0; i + nn <= hn; i++) {
		for (k = 0; k < nn && lower((unsigned char)hay[i + k]) == lower((unsigned char)needle[k]); k++)
			;
		if (k == nn)
			return 1;
	}
	return 0;
}

/* Skips a leading currency symbol or code ("$", "€", "USD") and spaces. */
static const char *
skip_currency(const char *q, const struct currency *cur)
{
	const char *marks[3];
	int i;

	while (*q == ' ')
		q++;
	marks[0] = cur->symbol;
	marks[1] = cur->ascii_symbol;
	marks[2] = cur->code;
	for (i = 0; i < 3; i++) {
		size_t k = marks[i] != NULL ? strlen(marks[i]) : 0;

		if (k > 0 && strncmp(q, marks[i], k) == 0) {
			q += k;
			break;
		}
	}
	while (*q == ' ')
		q++;
	return q;
}

/*
 * The query as a range of minor units [*lo, *hi]: "534.60" is exact, "534" is
 * 534.00-534.99.  Grouping (',', ' ', '_', '\'') is dropped; without a '.',
 * a ',' before one or two final digits is the decimal point ("534,60").
 * Returns 1 when the query is an amount.
 */
static int
query_amount(const char *query, const struct currency *cur, int64_t *lo, int64_t *hi)
{
	const char *q = skip_currency(query, cur);
	char norm[64];
	size_t len = 0, i, qlen = strlen(q);
	int has_point = strchr(q, '.') != NULL, comma_point = 0;
	int64_t v, unit = 1;

	while (qlen > 0 && q[qlen - 1] == ' ')
		qlen--;
	if (qlen == 0)
		return 0;
	if (!has_point) {
		const char *comma = memchr(q, ',', qlen);
		size_t tail = comma != NULL ? qlen - (size_t)(comma - q) - 1 : 0;

		comma_point = comma != NULL && strchr(comma + 1, ',') == NULL && tail >= 1 && tail <= 2;
	}
	for (i = 0; i < qlen; i++) {
		char c = q[i];

		if (c >= '0' && c <= '9')
			norm[len++] = c;
		else if (c == '.' || (c == ',' && comma_point))
			norm[len++] = '.';
		else if (c != ',' && c != ' ' && c != '_' && c != '\'')
			return 0;
		if (len >= sizeof norm - 1)
			return 0;
	}
	norm[len] = '\0';
	if (len == 0 || norm[0] == '.')
		return 0;
	if (strchr(norm, '.') != NULL) {
		if (money_parse(norm, cur->code, &v) != MONEY_OK)
			return 0;
		*lo = *hi = v;
		return 1;
	}
	for (i = 0; i < (size_t)cur->exponent; i++)
		unit *= 10;
	if (money_parse(norm, cur->code, &v) != MONEY_OK || v > INT64_MAX - (unit - 1))
		return 0;
	*lo = v;
	*hi = v + unit - 1;
	return 1;
}

int
invoice_query_make(const char *query, const char (*currencies)[M_CUR], int ncur, struct invoice_query *q)
{
	const struct currency *cur;
	int i;

	memset(q, 0, sizeof *q);
	if (query == NULL || *query == '\0')
		return 0;
	str_copy(q->number, sizeof q->number, query);
	for (i = 0; i < ncur && q->namounts < INVOICE_QUERY_AMOUNTS; i++) {
		struct invoice_amount *a = &q->amount[q->namounts];

		if ((cur = currency_find(currencies[i])) == NULL || !query_amount(query, cur, &a->lo, &a->hi))
			continue;
		str_copy(a->currency, sizeof a->currency, currencies[i]);
		q->namounts++;
	}
	return 1;
}

int
invoice_query_matches(const struct invoice_query *q, const struct invoice *inv)
{
	const struct invoice_amount *a;
	int i;

	if (contains(inv->number, q->number))
		return 1;
	for (i = 0; i < q->namounts; i++) {
		a = &q->amount[i];
		if (strcmp(a->currency, inv->currency) != 0)
			continue;
		if ((inv->total >= a->lo && inv->total <= a->hi) || (inv->amount_due >= a->lo && inv->amount_due <= a->hi) ||
		    (inv->subtotal >= a->lo && inv->subtotal <= a->hi))
			return 1;
	}
	return 0;
}

int
invoice_matches(const struct invoice *inv, const char *query)
{
	struct invoice_query q;

	return invoice_query_make(query, &inv->currency, 1, &q) && invoice_query_matches(&q, inv);
}

void
invoices_model_init(struct invoices_model *m)
{
	memset(m, 0, sizeof *m);
	m->filter = -1;
	m->running_draft = -1;
	m->detail_index = -1;
}

const struct invoice *
invoices_row(const struct invoices_model *m, int index)
{
	if (index < m->off || index >= m->off + m->n)
		return NULL;
	return &m->inv[index - m->off];
}

int
invoices_initial_row(const struct invoices_model *m)
{
	return m->running_draft >= 0 ? m->running_draft : 0;
}

void
invoices_model_free(struct invoices_model *m)
{
	int i, filter = m->filter;

	for (i = 0; i < m->n; i++)
		invoice_free(&m->inv[i]);
	free(m->inv);
	if (m->detail_index >= 0)
		invoice_free(&m->detail);
	invoices_model_init(m);
	m->filter = filter;
}
