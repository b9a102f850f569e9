/* model.c: the API's enum strings (docs/api.md) and the model helpers. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "client/model.h"

#define N_ELEMS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const role_names[] = {
	"owner", "admin", "billing_reader", "member", "viewer"
};
static const char *const account_status_names[] = {
	"active", "trialing", "past_due", "canceled"
};
/* PAUSE_NONE has no API string: the API sends null. */
static const char *const pause_reason_names[] = {
	"", "trial_ended_no_payment_method", "past_due", "credits_exhausted"
};
static const char *const grant_source_names[] = {
	"plan_allowance", "purchase", "promotion"
};
static const char *const ledger_kind_names[] = {
	"allowance", "purchase", "promotion", "usage", "expiry", "overage", "adjustment"
};
static const char *const line_item_names[] = {
	"llm", "tool_calls", "storage"
};
static const char *const run_status_names[] = {
	"running", "succeeded", "failed"
};
static const char *const invoice_status_names[] = {
	"draft", "issued", "paid", "past_due", "void"
};
static const char *const pm_type_names[] = {
	"card", "bank_account"
};
static const char *const charge_status_names[] = {
	"pending", "succeeded", "failed", "refunded"
};

static const char *
name_of(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : "unknown";
}

static int
parse_in(const char *const *names, int n, const char *s)
{
	int i;

	if (!s)
		return -1;
	for (i = 0; i < n; i++)
		if (names[i][0] && strcmp(names[i], s) == 0)
			return i;
	return -1;
}

#define ENUM_FUNCS(type, prefix, names)                                     \
	const char *prefix##_str(enum type v)                               \
	{                                                                   \
		return name_of(names, N_ELEMS(names), (int)v);              \
	}                                                                   \
	int prefix##_parse(const char *s)                                   \
	{                                                                   \
		return parse_in(names, N_ELEMS(names), s);                  \
	}

ENUM_FUNCS(role, role, role_names)
ENUM_FUNCS(account_status, account_status, account_status_names)
ENUM_FUNCS(grant_source, grant_source, grant_source_names)
ENUM_FUNCS(ledger_kind, ledger_kind, ledger_kind_names)
ENUM_FUNCS(line_item, line_item, line_item_names)
ENUM_FUNCS(run_status, run_status, run_status_names)
ENUM_FUNCS(invoice_status, invoice_status, invoice_status_names)
ENUM_FUNCS(pm_type, pm_type, pm_type_names)
ENUM_FUNCS(charge_status, charge_status, charge_status_names)

const char *
pause_reason_str(enum pause_reason r)
{
	return name_of(pause_reason_names, N_ELEMS(pause_reason_names), (int)r);
}

int
pause_reason_parse(const char *s)
{
	if (!s || !*s)
		return PAUSE_NONE;
	return parse_in(pause_reason_names, N_ELEMS(pause_reason_names), s);
}

int
role_can_see_billing(enum role r)
{
	return r == ROLE_OWNER || r == ROLE_ADMIN || r == ROLE_BILLING_READER;
}

int
role_can_change_billing(enum role r)
{
	return r == ROLE_OWNER || r == ROLE_ADMIN;
}

void
invoice_free(struct invoice *inv)
{
	if (!inv)
		return;
	free(inv->lines);
	inv->lines = NULL;
	inv->nlines = 0;
}
