/* credits_state.c: loading the Credits tab: model, ledger page, default payment method. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"
#include "ui/view_credits.h"

void
credits_state_init(struct credits_state *s)
{
	memset(s, 0, sizeof *s);
	credits_model_init(&s->m);
	s->ledger_limit_print = LEDGER_PAGE_DEFAULT;
}

void
credits_state_free(struct credits_state *s)
{
	credits_model_free(&s->m);
	s->loaded = 0;
}

/* "Visa ending in 4242", "Acme Bank account ending in 6789". */
static void
method_label(const struct payment_method *pm, char *buf, size_t n)
{
	char brand[32];

	if (pm->type == PM_BANK_ACCOUNT) {
		snprintf(buf, n, _("%s account ending in %s"), pm->bank_name[0] ? pm->bank_name : _("bank"), pm->last4);
		return;
	}
	str_copy(brand, sizeof brand, pm->brand[0] ? pm->brand : _("card"));
	brand[0] = (char)toupper((unsigned char)brand[0]);
	snprintf(buf, n, _("%s ending in %s"), brand, pm->last4);
}

/* The page the ledger rows on screen need: from the top row, at least a screenful. */
static void
page_span(const struct credits_state *s, int *offset, int *limit)
{
	/* A few screens' worth, so scrolling rarely reads the cache. */
	*limit = s->ledger_rows * 3 > 100 ? s->ledger_rows * 3 : 100;
	*offset = s->ledger.top;
	if (s->headless) {
		*offset = 0;
		*limit = s->ledger_limit_print > 0 ? s->ledger_limit_print
		                                   : (s->m.ledger_total > 0 ? s->m.ledger_total : 1);
	}
}

/* Reads that page; have: the model was just loaded with it (the ledger is
 * then neither counted nor read a second time). */
static int
load_page_ex(struct credits_state *s, struct cache *c, int have)
{
	int offset, limit;

	page_span(s, &offset, &limit);
	if (!(have && s->m.ledger_offset == offset && s->m.ledger_limit == limit) &&
	    credits_model_load_ledger(c, &s->m, s->m.ledger_kind, offset, limit, s->err, sizeof s->err) < 0)
		return -1;
	/* Printing everything: the first call told how many there are. */
	if (s->headless && s->ledger_limit_print == 0 && s->m.nledger < s->m.ledger_total &&
	    credits_model_load_ledger(c, &s->m, s->m.ledger_kind, 0, s->m.ledger_total, s->err, sizeof s->err) < 0)
		return -1;
	s->ledger.n = s->m.ledger_total;
	return 0;
}

static int
load_page(struct credits_state *s, struct cache *c)
{
	return load_page_ex(s, c, 0);
}

int
credits_state_sync_page(struct credits_state *s, struct cache *c)
{
	int rows = s->ledger_rows > 0 ? s->ledger_rows : 1;
	int first = s->m.ledger_offset, end = s->m.ledger_offset + s->m.nledger;

	list_clamp(&s->ledger, rows);
	if (s->ledger.top >= first && (s->ledger.top + rows <= end || end >= s->m.ledger_total))
		return 0;
	return load_page(s, c);
}

/* Past grants read per page: more than a screen shows. */
#define PAST_PAGE 50

static int
load_past(struct credits_state *s, struct cache *c, int offset)
{
	int limit = s->past_rows > PAST_PAGE ? s->past_rows : PAST_PAGE;

	if (credits_model_load_past(c, &s->m, offset, limit, s->err, sizeof s->err) < 0)
		return -1;
	s->past_offset = s->m.past_offset;
	return 0;
}

int
credits_state_toggle_past(struct credits_state *s, struct cache *c)
{
	s->all_grants = !s->all_grants;
	s->past_offset = 0;
	return s->all_grants && !s->headless ? load_past(s, c, 0) : 0;
}

int
credits_state_page_past(struct credits_state *s, struct cache *c, int dir)
{
	int step = s->past_rows > 0 ? s->past_rows : 1, offset = s->past_offset + dir * step;

	if (!s->all_grants || s->headless)
		return 0;
	if (offset >= s->m.npast)
		return 0;   /* already at the last page */
	return load_past(s, c, offset < 0 ? 0 : offset);
}

int
credits_state_next_kind(struct credits_state *s, struct cache *c)
{
	s->m.ledger_kind = ledger_kind_next(s->m.ledger_kind);
	memset(&s->ledger, 0, sizeof s->ledger);
	return load_page(s, c);
}

int
credits_state_load(struct credits_state *s, struct cache *c, int64_t now)
{
	int r;

	s->loaded = 0;
	s->err[0] = '\0';
	/* the model reads the very page load_page_ex needs (one count, one read) */
	page_span(s, &s->m.ledger_offset, &s->m.ledger_limit);
	if (credits_model_load(c, now, !s->headless ? CREDITS_CURRENT : s->print_page ? CREDITS_PRINT : CREDITS_ALL,
	                       &s->m, s->err, sizeof s->err) < 0)
		return -1;
	if (load_page_ex(s, c, 1) < 0)
		return -1;
	if (s->all_grants && !s->headless && load_past(s, c, s->past_offset) < 0)
		return -1;
	list_clamp(&s->ledger, s->ledger_rows > 0 ? s->ledger_rows : 1);
	r = cache_default_method(c, &s->method);
	if (r < 0) {
		snprintf(s->err, sizeof s->err, "%s", cache_error(c));
		return -1;
	}
	s->has_method = r == 1;
	if (s->dlg.open) {
		/* The plan or the method may have changed under an open dialog. */
		char label[M_NAME] = "";

		if (s->has_method)
			method_label(&s->method, label, sizeof label);
		str_copy(s->dlg.method, sizeof s->dlg.method, label);
		if (s->m.refused)
			s->dlg.open = 0;
		else
			s->dlg.per_1000 = s->m.overage_per_1000;
	}
	s->loaded = 1;
	return 0;
}

void
credits_state_method_label(const struct credits_state *s, char *buf, size_t n)
{
	if (s->has_method)
		method_label(&s->method, buf, n);
	else
		str_copy(buf, n, "");
}
