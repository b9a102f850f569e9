/* test_decode.c: strict decoding of every docs/api.md resource, from the JSON
 * fixtures in tests/unit/json/ and from bodies broken on purpose. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "client/decode.h"
#include "client/secret_mask.h"
#include "client/model.h"

#define MAX_ITEMS 16

static union list_item items[MAX_ITEMS];
static struct invoice_line first_lines[MAX_ITEMS];
static int nitems;
static int stop_after = -1;

static int
collect(void *arg, enum list_kind kind, const union list_item *it, struct client_err *err)
{
	(void)arg;
	assert_true(nitems < MAX_ITEMS);
	items[nitems] = *it;
	if (kind == LIST_INVOICES) {
		if (it->invoice.nlines > 0)
			first_lines[nitems] = it->invoice.lines[0];
		items[nitems].invoice.lines = NULL;   /* owned by decode_page */
	}
	nitems++;
	if (stop_after >= 0 && nitems >= stop_after) {
		client_err_set(err, CERR_CACHE, "stop");
		return -1;
	}
	return 0;
}

static char *
read_fixture(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/tests/unit/json/%s", top ? top : ".", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static json_t *
fixture(const char *name)
{
	struct client_err err;
	size_t len;
	char *body = read_fixture(name, &len);
	json_t *root;

	client_err_clear(&err);
	root = decode_parse(body, len, &err);
	free(body);
	if (!root)
		fail_msg("%s: %s", name, err.message);
	return root;
}

/* Decodes a page and returns the error message ("" on success). */
static const char *
page(const json_t *root, enum list_kind kind, struct page_info *info)
{
	static struct client_err err;
	struct page_info local;

	client_err_clear(&err);
	nitems = 0;
	if (decode_page(root, kind, "USD", collect, NULL, info ? info : &local, &err) < 0) {
		assert_int_not_equal(err.kind, CERR_NONE);
		return err.message;
	}
	return "";
}

static json_t *
item(json_t *root, size_t i)
{
	json_t *v = json_array_get(json_object_get(root, "data"), i);

	assert_non_null(v);
	return v;
}

static const char *
parse_error(const char *body, size_t len)
{
	static struct client_err err;
	json_t *root;

	client_err_clear(&err);
	root = decode_parse(body, len, &err);
	if (root) {
		json_decref(root);
		return "";
	}
	assert_int_equal(err.kind, CERR_BAD_DATA);
	return err.message;
}

/* ---- every resource from its fixture ---------------------------------- */

static void
test_account(void **state)
{
	struct client_err err;
	struct account a;
	json_t *root = fixture("account.json");

	client_err_clear(&err);
	assert_int_equal(decode_account(root, &a, &err), 0);
	assert_string_equal(a.id, "acct_demo");
	assert_string_equal(a.name, "Acme Robotics");
	assert_int_equal(a.role, ROLE_OWNER);
	assert_int_equal(a.status, ACCT_TRIALING);
	assert_string_equal(a.currency, "USD");
	assert_string_equal(a.plan_id, "pro");
	assert_int_equal(a.trial_end, 1795521600);            /* 2026-11-24T12:00:00Z */
	assert_int_equal(a.period_start, 1793491200);         /* 2026-11-01 */
	assert_int_equal(a.period_end, 1796083200);           /* 2026-12-01 */
	assert_int_equal(a.next_billing, 1796083200);
	assert_string_equal(a.scheduled_plan_id, "starter");
	assert_int_equal(a.scheduled_at, 1796083200);
	assert_int_equal(a.runs_paused, 0);
	assert_int_equal(a.pause_reason, PAUSE_NONE);
	assert_string_equal(a.payment_update_url, "https://billing.example.com/pay/acct_demo");
	assert_int_equal(a.tax_rate_bp, 800);
	assert_int_equal(a.created_at, 1784107800);           /* 2026-07-15T09:30:00Z */

	/* nulls where the API allows them */
	json_object_set_new(root, "scheduled_change", json_null());
	json_object_set_new(root, "trial_end", json_null());
	json_object_set_new(root, "runs_paused_reason", json_string("past_due"));
	assert_int_equal(decode_account(root, &a, &err), 0);
	assert_string_equal(a.scheduled_plan_id, "");
	assert_int_equal(a.scheduled_at, M_NONE);
	assert_int_equal(a.trial_end, M_NONE);
	assert_int_equal(a.pause_reason, PAUSE_PAST_DUE);
	json_decref(root);
}

static void
test_account_errors(void **state)
{
	struct client_err err;
	struct account a;
	json_t *root = fixture("account.json");

	client_err_clear(&err);
	json_object_set_new(root, "role", json_string("superuser"));
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message, "role: unknown value 'superuser'");
	json_object_set_new(root, "role", json_string("admin"));

	json_object_set_new(root, "currency", json_string("XYZ"));
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message, "currency: unknown currency 'XYZ'");
	json_object_set_new(root, "currency", json_string("USD"));

	json_object_set_new(root, "tax_rate_bp", json_integer(10001));
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message, "tax_rate_bp: 10001 is out of range (0 to 10000)");
	json_object_set_new(root, "tax_rate_bp", json_integer(800));

	json_object_set_new(root, "payment_update_url", json_string("javascript:alert(1)"));
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message,
	                    "payment_update_url: 'javascript:alert(1)' is not an http(s) URL");
	json_object_set_new(root, "payment_update_url", json_null());

	json_object_set_new(json_object_get(root, "scheduled_change"), "effective_at",
	                    json_string("2026-02-30T00:00:00Z"));
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message,
	                    "scheduled_change.effective_at: '2026-02-30T00:00:00Z' is not an RFC 3339 time");
	json_object_del(root, "scheduled_change");
	assert_int_equal(decode_account(root, &a, &err), 0);   /* absent optional = null */

	json_object_del(root, "created_at");
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message, "created_at: missing");

	json_object_set_new(root, "created_at", json_null());
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message, "created_at: expected string, not null");

	json_object_set_new(root, "created_at", json_string("2026-07-15T09:30:00Z"));
	json_object_set_new(root, "runs_paused", json_integer(0));
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message, "runs_paused: expected boolean");
	json_decref(root);

	root = json_array();
	assert_int_equal(decode_account(root, &a, &err), -1);
	assert_string_equal(err.message, "expected object");
	json_decref(root);
}

static void
test_credit_summary(void **state)
{
	struct client_err err;
	struct credit_summary s;
	json_t *root = fixture("credits.json");

	client_err_clear(&err);
	assert_int_equal(decode_credit_summary(root, &s, &err), 0);
	assert_int_equal(s.balance, 356000);
	assert_int_equal(s.allocated, 460000);
	assert_int_equal(s.consumed, 104000);
	assert_int_equal(s.period_allowance, 400000);
	assert_int_equal(s.period_used, 44000);
	json_object_set_new(root, "balance", json_integer(-1));
	assert_int_equal(decode_credit_summary(root, &s, &err), -1);
	assert_string_equal(err.message,
	                    "balance: -1 is out of range (0 to 9223372036854775807)");
	json_object_set_new(root, "balance", json_real(356000.0));
	assert_int_equal(decode_credit_summary(root, &s, &err), -1);
	assert_string_equal(err.message, "balance: expected integer");
	json_decref(root);
}

static void
test_plans(void **state)
{
	json_t *root = fixture("plans.json");
	struct page_info info;

	assert_string_equal(page(root, LIST_PLANS, &info), "");
	assert_int_equal(nitems, 3);
	assert_int_equal(info.items, 3);
	assert_int_equal(info.has_more, 0);
	assert_string_equal(info.last_id, "enterprise");
	assert_string_equal(items[0].plan.id, "free");
	assert_int_equal(items[0].plan.price, 0);
	assert_int_equal(items[0].plan.overage_per_1000, M_NONE);
	assert_string_equal(items[1].plan.name, "Starter");
	assert_int_equal(items[1].plan.rank, 1);
	assert_int_equal(items[1].plan.price, 5000);
	assert_string_equal(items[1].plan.currency, "USD");
	assert_int_equal(items[1].plan.included_credits, 40000);
	assert_int_equal(items[1].plan.overage_per_1000, 125);
	assert_string_equal(items[1].plan.features,
	                    "All products\nPay-as-you-go past the allowance");
	assert_int_equal(items[2].plan.contact_sales, 1);
	assert_int_equal(items[2].plan.price, M_NONE);
	assert_int_equal(items[2].plan.included_credits, M_NONE);
	assert_string_equal(items[2].plan.features, "");

	/* only contact-sales plans may go without a price */
	json_object_set_new(item(root, 1), "price", json_null());
	assert_string_equal(page(root, LIST_PLANS, NULL),
	                    "data[1].price: expected object, not null");
	json_object_set_new(item(root, 1), "price", json_pack("{s:i,s:s}", "amount", 5000,
	                                                       "currency", "EUR"));
	assert_string_equal(page(root, LIST_PLANS, NULL),
	                    "data[1].price.currency: 'EUR' differs from the account currency 'USD'");
	json_object_set_new(item(root, 1), "price", json_pack("{s:i,s:s}", "amount", -5,
	                                                       "currency", "USD"));
	assert_string_equal(page(root, LIST_PLANS, NULL),
	                    "data[1].price.amount: -5 is out of range (0 to 9223372036854775807)");
	json_object_set_new(item(root, 1), "price", json_pack("{s:i}", "amount", 5));
	assert_string_equal(page(root, LIST_PLANS, NULL), "data[1].price.currency: missing");
	json_object_set_new(item(root, 1), "price", json_pack("{s:i,s:s}", "amount", 5000,
	                                                       "currency", "USD"));
	json_array_append_new(json_object_get(item(root, 1), "features"), json_integer(3));
	assert_string_equal(page(root, LIST_PLANS, NULL), "data[1].features[2]: expected string");
	json_decref(root);
}

static void
test_grants_and_ledger(void **state)
{
	json_t *root = fixture("grants.json");
	struct page_info info;

	assert_string_equal(page(root, LIST_GRANTS, &info), "");
	assert_int_equal(info.has_more, 1);
	assert_string_equal(info.last_id, "grt_0006");
	assert_int_equal(items[0].grant.source, GRANT_PROMOTION);
	assert_int_equal(items[0].grant.remaining, 15000);
	assert_int_equal(items[1].grant.source, GRANT_PURCHASE);
	assert_int_equal(items[1].grant.expires_at, M_NONE);
	json_object_set_new(item(root, 0), "amount", json_integer(-20000));
	assert_string_equal(page(root, LIST_GRANTS, NULL),
	                    "data[0].amount: -20000 is out of range (0 to 9223372036854775807)");
	json_object_set_new(item(root, 0), "amount", json_integer(20000));
	json_object_set_new(item(root, 1), "source", json_string("gift"));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "data[1].source: unknown value 'gift'");
	json_decref(root);

	root = fixture("ledger.json");
	assert_string_equal(page(root, LIST_LEDGER, NULL), "");
	assert_int_equal(nitems, 2);
	assert_int_equal(items[0].ledger.kind, LEDGER_USAGE);
	assert_int_equal(items[0].ledger.credits, -1830);     /* signed */
	assert_string_equal(items[0].ledger.grant_id, "grt_0007");
	assert_string_equal(items[1].ledger.grant_id, "");
	assert_int_equal(items[1].ledger.kind, LEDGER_ALLOWANCE);
	json_object_set_new(item(root, 1), "kind", json_string("gift"));
	assert_string_equal(page(root, LIST_LEDGER, NULL), "data[1].kind: unknown value 'gift'");
	json_decref(root);
}

static void
test_meters_agents_usage_runs(void **state)
{
	json_t *root = fixture("meters.json");

	assert_string_equal(page(root, LIST_METERS, NULL), "");
	assert_int_equal(items[0].meter.raw_per_unit, 60);
	assert_int_equal(items[0].meter.line_item, ITEM_TOOL_CALLS);
	assert_int_equal(items[1].meter.increment, 10000000);
	assert_int_equal(items[1].meter.line_item, ITEM_STORAGE);
	json_object_set_new(item(root, 1), "raw_per_unit", json_integer(0));
	assert_string_equal(page(root, LIST_METERS, NULL),
	                    "data[1].raw_per_unit: 0 is out of range (1 to 9223372036854775807)");
	json_decref(root);

	root = fixture("agents.json");
	assert_string_equal(page(root, LIST_AGENTS, NULL), "");
	/* the escape sequences in the name are gone before it is stored */
	assert_string_equal(items[1].agent.name, "Sales red assistant");
	json_decref(root);

	root = fixture("usage.json");
	assert_string_equal(page(root, LIST_USAGE, NULL), "");
	assert_string_equal(items[0].usage.day, "2026-11-20");
	assert_string_equal(items[0].usage.meter_id, "llm_tokens");
	assert_int_equal(items[0].usage.raw, 1830211);
	assert_int_equal(items[1].usage.billed_raw, 240);
	json_object_set_new(item(root, 1), "day", json_string("2026-13-01"));
	assert_string_equal(page(root, LIST_USAGE, NULL),
	                    "data[1].day: '2026-13-01' is not a YYYY-MM-DD day");
	json_object_set_new(item(root, 1), "day", json_string("2026-11-20T00:00:00Z"));
	assert_string_equal(page(root, LIST_USAGE, NULL),
	                    "data[1].day: '2026-11-20T00:00:00Z' is not a YYYY-MM-DD day");
	json_decref(root);

	root = fixture("runs.json");
	assert_string_equal(page(root, LIST_RUNS, NULL), "");
	assert_int_equal(items[0].run.credits[ITEM_LLM], 120);
	assert_int_equal(items[0].run.credits[ITEM_TOOL_CALLS], 14);
	assert_int_equal(items[0].run.credits[ITEM_STORAGE], 2);
	assert_int_equal(items[0].run.credits_total, 136);
	assert_int_equal(items[0].run.status, RUN_SUCCEEDED);
	assert_int_equal(items[1].run.ended_at, M_NONE);
	json_object_set_new(json_object_get(item(root, 1), "credits"), "storage",
	                    json_string("2"));
	assert_string_equal(page(root, LIST_RUNS, NULL),
	                    "data[1].credits.storage: expected integer");
	json_decref(root);
}

static void
test_invoices(void **state)
{
	json_t *root = fixture("invoices.json"), *line;

	assert_string_equal(page(root, LIST_INVOICES, NULL), "");
	assert_int_equal(nitems, 2);
	assert_int_equal(items[0].invoice.status, INV_DRAFT);
	assert_int_equal(items[0].invoice.issued_at, M_NONE);
	assert_int_equal(items[0].invoice.nlines, 0);
	assert_int_equal(items[1].invoice.status, INV_PAST_DUE);
	assert_int_equal(items[1].invoice.nlines, 2);
	assert_string_equal(first_lines[1].description, "Pro plan, October 2026");
	assert_int_equal(first_lines[1].unit_price, 50000);
	assert_int_equal(items[1].invoice.subtotal, 51500);
	assert_int_equal(items[1].invoice.credits_applied, 2000);
	assert_int_equal(items[1].invoice.tax, 3960);
	assert_int_equal(items[1].invoice.total, 53460);
	assert_int_equal(items[1].invoice.amount_due, 53460);
	assert_int_equal(items[1].invoice.due_at, 1794700800);   /* 2026-11-15 */

	/* the example of the issue, exactly */
	json_object_set_new(json_object_get(item(root, 1), "total"), "amount", json_string("534.60"));
	assert_string_equal(page(root, LIST_INVOICES, NULL), "data[1].total.amount: expected integer");
	json_object_set_new(json_object_get(item(root, 1), "total"), "amount", json_integer(53460));

	line = json_array_get(json_object_get(item(root, 1), "lines"), 1);
	json_object_set_new(json_object_get(line, "amount"), "currency", json_string("EUR"));
	assert_string_equal(page(root, LIST_INVOICES, NULL),
	                    "data[1].lines[1].amount.currency: 'EUR' differs from the account currency 'USD'");
	json_object_set_new(json_object_get(line, "amount"), "currency", json_string("USD"));

	json_object_set_new(item(root, 0), "currency", json_string("JPY"));
	assert_string_equal(page(root, LIST_INVOICES, NULL),
	                    "data[0].currency: 'JPY' differs from the account currency 'USD'");
	json_object_set_new(item(root, 0), "currency", json_string("USD"));
	json_object_set_new(item(root, 0), "status", json_string("open"));
	assert_string_equal(page(root, LIST_INVOICES, NULL), "data[0].status: unknown value 'open'");
	json_decref(root);
}

static void
test_invoice_single(void **state)
{
	json_t *root = fixture("invoices.json");
	struct client_err err;
	struct invoice inv;

	client_err_clear(&err);
	assert_int_equal(decode_invoice(item(root, 1), "USD", &inv, &err), 0);
	assert_int_equal(inv.nlines, 2);
	assert_int_equal(inv.lines[1].quantity, 12000);
	assert_int_equal(inv.lines[1].unit_price_per, 1000);
	assert_string_equal(inv.lines[1].unit, "credits");
	invoice_free(&inv);
	assert_null(inv.lines);
	/* a bad line frees what was allocated (ASan checks the leak) */
	json_object_set_new(json_array_get(json_object_get(item(root, 1), "lines"), 1),
	                    "unit_price_per", json_integer(0));
	assert_int_equal(decode_invoice(item(root, 1), "USD", &inv, &err), -1);
	assert_string_equal(err.message,
	                    "lines[1].unit_price_per: 0 is out of range (1 to 9223372036854775807)");
	json_decref(root);
}

static void
test_payment_methods_and_charges(void **state)
{
	json_t *root = fixture("payment_methods.json");

	assert_string_equal(page(root, LIST_PAYMENT_METHODS, NULL), "");
	assert_int_equal(items[0].pm.type, PM_CARD);
	assert_string_equal(items[0].pm.brand, "visa");
	assert_string_equal(items[0].pm.last4, "4242");
	assert_int_equal(items[0].pm.exp_month, 8);
	assert_int_equal(items[0].pm.exp_year, 2027);
	assert_int_equal(items[0].pm.is_default, 1);
	assert_int_equal(items[1].pm.type, PM_BANK_ACCOUNT);
	assert_string_equal(items[1].pm.bank_name, "First Bank");
	assert_int_equal(items[1].pm.exp_month, 0);
	json_object_set_new(item(root, 0), "exp_month", json_integer(13));
	assert_string_equal(page(root, LIST_PAYMENT_METHODS, NULL),
	                    "data[0].exp_month: 13 is out of range (1 to 12)");
	json_object_set_new(item(root, 0), "exp_month", json_integer(8));
	json_object_set_new(item(root, 0), "last4", json_string("42a2"));
	assert_string_equal(page(root, LIST_PAYMENT_METHODS, NULL),
	                    "data[0].last4: expected four digits");
	json_decref(root);

	root = fixture("charges.json");
	assert_string_equal(page(root, LIST_CHARGES, NULL), "");
	assert_int_equal(items[0].charge.status, CHARGE_FAILED);
	assert_int_equal(items[0].charge.amount, 53460);
	assert_string_equal(items[0].charge.currency, "USD");
	assert_string_equal(items[0].charge.failure_reason, "Card declined: insufficient funds");
	assert_int_equal(items[0].charge.refunded_amount, M_NONE);
	assert_string_equal(items[1].charge.invoice_id, "");
	assert_int_equal(items[1].charge.refunded_amount, 6250);
	json_decref(root);
}

static void
test_purchase_setup_error(void **state)
{
	struct client_err err;
	struct purchase p;
	struct setup_link s;
	json_t *root = fixture("purchase.json");
	size_t len;
	char *body;

	client_err_clear(&err);
	assert_int_equal(decode_purchase(root, "USD", &p, &err), 0);
	assert_int_equal(p.credits, 50000);
	assert_int_equal(p.price, 6250);
	assert_string_equal(p.charge_id, "ch_000045");
	json_decref(root);

	root = json_pack("{s:s,s:s}", "url", "https://billing.example.com/setup/seti_1",
	                 "expires_at", "2026-11-22T19:19:00Z");
	assert_int_equal(decode_setup_link(root, &s, &err), 0);
	assert_string_equal(s.url, "https://billing.example.com/setup/seti_1");
	json_decref(root);

	body = read_fixture("error_403.json", &len);
	assert_int_equal(decode_api_error(body, len, &err), 0);
	assert_string_equal(err.code, "billing_forbidden");
	assert_string_equal(err.role, "member");
	assert_string_equal(err.message, "The role member may not see billing.");
	free(body);
	assert_int_equal(decode_api_error("<html>oops</html>", 17, &err), -1);
	assert_string_equal(err.code, "");
}

/* ---- strings: sanitised, prose cut, identifiers refused ---------------- */

static void
test_strings(void **state)
{
	json_t *root = fixture("grants.json");
	char longtext[2000], longid[100];
	size_t i;

	/* escape sequences and controls never reach the struct */
	json_object_set_new(item(root, 0), "description",
	                    json_string("Bonus\x1b]8;;http://evil\x07 click\x1b[2J\tnow"));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "");
	assert_null(strchr(items[0].grant.description, '\x1b'));
	assert_null(strchr(items[0].grant.description, '\t'));

	/* prose longer than the field: cut at a character boundary, not refused */
	for (i = 0; i + 2 < sizeof longtext; i += 2) {
		longtext[i] = '\xc3';     /* "é" */
		longtext[i + 1] = '\xa9';
	}
	longtext[i] = '\0';
	json_object_set_new(item(root, 0), "description", json_string(longtext));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "");
	assert_int_equal(strlen(items[0].grant.description), M_TEXT - 2);
	assert_int_equal(strlen(items[0].grant.description) % 2, 0);

	/* an identifier longer than the field is an error: a cut id names another */
	memset(longid, 'g', sizeof longid - 1);
	longid[sizeof longid - 1] = '\0';
	json_object_set_new(item(root, 1), "id", json_string(longid));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "data[1].id: longer than 63 bytes");
	json_object_set_new(item(root, 1), "id", json_string(""));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "data[1].id: must not be empty");
	json_object_set_new(item(root, 1), "id", json_integer(6));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "data[1].id: expected string");

	/* an id is opaque: stored byte for byte, controls and bidi marks included */
	json_object_set_new(item(root, 1), "id", json_string("gr\n1"));
	json_object_set_new(item(root, 0), "id", json_string("gr_\xe2\x80\xae" "0001"));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "");
	assert_string_equal(items[0].grant.id, "gr_\xe2\x80\xae" "0001");
	assert_string_equal(items[1].grant.id, "gr\n1");
	/* one that cannot be stored exactly is refused, with its path; the others are kept */
	{
		struct page_info info;

		json_object_set_new(item(root, 0), "id", json_stringn("gr\0x", 4));
		json_object_set_new(item(root, 1), "id", json_string("gr_2"));
		assert_string_equal(page(root, LIST_GRANTS, &info), "");
		assert_int_equal(info.refused, 1);
		assert_int_equal(nitems, (int)json_array_size(json_object_get(root, "data")) - 1);
		assert_string_equal(info.refused_msg, "data[0] (id 'gr'): id: holds a NUL character");
	}
	json_decref(root);
}

static void
test_secrets_masked(void **state)
{
	static const char body[] = "{\"error\": {\"code\": \"bad_sekret-tok-123\", \"message\": "
	                           "\"Authorization: Bearer sekret-tok-123 was bad; sekret-\\u200etok-123\", "
	                           "\"role\": \"sekret-tok-123\"}}";
	struct client_err err;
	json_t *root = fixture("grants.json");
	char big[4000];

	(void)state;
	assert_int_equal(secret_mask_add("sekret-tok-123"), 0);
	client_err_clear(&err);
	assert_int_equal(decode_api_error(body, sizeof body - 1, &err), 0);
	/* even split by a bidi mark the sanitiser removes */
	assert_string_equal(err.message, "Authorization: Bearer **** was bad; ****");
	assert_string_equal(err.code, "bad_****");
	assert_string_equal(err.role, "****");
	/* every message built from server text */
	client_err_set(&err, CERR_SERVER, "the server failed: %s", "xsekret-tok-123y");
	assert_string_equal(err.message, "the server failed: x****y");
	/* prose masked, an id holding the token refused */
	json_object_set_new(item(root, 0), "description", json_string("see sekret-tok-123"));
	assert_string_equal(page(root, LIST_GRANTS, NULL), "");
	assert_string_equal(items[0].grant.description, "see ****");
	json_object_set_new(item(root, 0), "id", json_string("sekret-tok-123"));
	{
		struct page_info info;

		assert_string_equal(page(root, LIST_GRANTS, &info), "");
		assert_int_equal(info.refused, 1);
		assert_string_equal(info.refused_msg, "data[0] (id '****'): id: holds the token");
	}
	json_decref(root);
	secret_mask_reset();
	/* a server's error text is bounded */
	memset(big, 'x', sizeof big);
	{
		static const char head[] = "{\"error\": {\"code\": \"c\", \"message\": \"";

		memcpy(big, head, sizeof head - 1);
	}
	memcpy(big + sizeof big - 4, "\"}}", 3);
	big[sizeof big - 1] = '\0';
	assert_int_equal(decode_api_error(big, strlen(big), &err), 0);
	assert_int_equal(strlen(err.message), 303);
	assert_string_equal(err.message + 300, "...");
}

static void
test_extra_fields_ignored(void **state)
{
	json_t *root = fixture("meters.json");

	json_object_set_new(item(root, 0), "new_in_v1_1", json_pack("{s:[i,i]}", "x", 1, 2));
	json_object_set_new(root, "url", json_string("/v1/meters"));
	assert_string_equal(page(root, LIST_METERS, NULL), "");
	assert_int_equal(nitems, 2);
	json_decref(root);
}

static void
test_page_envelope(void **state)
{
	json_t *root = fixture("meters.json");

	json_object_set_new(root, "object", json_string("meter"));
	assert_string_equal(page(root, LIST_METERS, NULL), "object: expected \"list\"");
	json_object_set_new(root, "object", json_string("list"));
	json_object_del(root, "has_more");
	assert_string_equal(page(root, LIST_METERS, NULL), "has_more: missing");
	json_object_set_new(root, "has_more", json_false());
	json_object_set_new(root, "data", json_object());
	assert_string_equal(page(root, LIST_METERS, NULL), "data: expected array");
	json_object_set_new(root, "data", json_pack("[i]", 1));
	assert_string_equal(page(root, LIST_METERS, NULL), "data[0]: expected object");
	json_decref(root);

	/* the callback can stop the page (sync does when the cache write fails) */
	root = fixture("usage.json");
	stop_after = 1;
	assert_string_equal(page(root, LIST_USAGE, NULL), "stop");
	stop_after = -1;
	assert_int_equal(nitems, 1);
	json_decref(root);
}

/* ---- bodies that are not acceptable JSON at all ------------------------ */

static void
test_bad_json(void **state)
{
	static const char trunc[] = "{\"object\": \"list\", \"data\": [{\"id\": \"pm_1\"";
	static const char huge[] = "{\"balance\": 99999999999999999999999}";
	static const char bad_utf8[] = "{\"name\": \"caf\xc3\x28\"}";
	static const char dup[] = "{\"id\": \"a\", \"id\": \"b\"}";
	static const char nul[] = "{\"id\": \"a\\u0000b\"}";
	static const char junk[] = "{\"id\": \"a\"} trailing";
	const size_t depth = 100000;
	char *deep;
	const char *msg;
	size_t i;

	msg = parse_error(trunc, sizeof trunc - 1);
	assert_non_null(strstr(msg, "ends too early"));
	msg = parse_error(huge, sizeof huge - 1);
	assert_non_null(strstr(msg, "too large for 64 bits"));
	msg = parse_error(bad_utf8, sizeof bad_utf8 - 1);
	assert_non_null(strstr(msg, "not valid UTF-8"));
	msg = parse_error(dup, sizeof dup - 1);
	assert_non_null(strstr(msg, "repeats a key"));
	msg = parse_error(nul, sizeof nul - 1);
	assert_non_null(strstr(msg, "NUL"));
	msg = parse_error(junk, sizeof junk - 1);
	assert_non_null(strstr(msg, "not valid JSON"));
	/* a NUL byte between tokens, UTF-16 without a BOM: complete, not "cut off" */
	{
		static const char nul_out[] = "{\"a\": 1,\0 \"b\": 2}";
		static const char u16le[] = "{\0}\0";
		static const char u16be[] = "\0{\0}";
		static const char bom16[] = "\xff\xfe{\0}\0";

		msg = parse_error(nul_out, sizeof nul_out - 1);
		assert_string_equal(msg, "the response holds a NUL byte at byte 8, outside any string; "
		                         "it is not JSON text");
		msg = parse_error(u16le, sizeof u16le - 1);
		assert_non_null(strstr(msg, "UTF-16"));
		assert_null(strstr(msg, "cut off"));
		msg = parse_error(u16be, sizeof u16be - 1);
		assert_non_null(strstr(msg, "UTF-16"));
		msg = parse_error(bom16, sizeof bom16 - 1);
		assert_non_null(strstr(msg, "byte-order mark"));
	}
	msg = parse_error("", 0);
	assert_string_equal(msg, "the response is empty");
	msg = parse_error("<html>502 Bad Gateway</html>", 28);
	assert_non_null(strstr(msg, "not valid JSON"));

	/* deep nesting: jansson's depth limit, a clean error, no stack overflow */
	deep = malloc(2 * depth + 1);
	assert_non_null(deep);
	for (i = 0; i < depth; i++) {
		deep[i] = '[';
		deep[depth + i] = ']';
	}
	msg = parse_error(deep, 2 * depth);
	assert_non_null(strstr(msg, "nests JSON too deeply"));
	free(deep);

	/* a number that fits in 64 bits but not where it goes is a range error */
	{
		static const char big[] = "{\"amount\": 9223372036854775807}";
		assert_string_equal(parse_error(big, sizeof big - 1), "");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_account),
		cmocka_unit_test(test_account_errors),
		cmocka_unit_test(test_credit_summary),
		cmocka_unit_test(test_plans),
		cmocka_unit_test(test_grants_and_ledger),
		cmocka_unit_test(test_meters_agents_usage_runs),
		cmocka_unit_test(test_invoices),
		cmocka_unit_test(test_invoice_single),
		cmocka_unit_test(test_payment_methods_and_charges),
		cmocka_unit_test(test_purchase_setup_error),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_secrets_masked),
		cmocka_unit_test(test_extra_fields_ignored),
		cmocka_unit_test(test_page_envelope),
		cmocka_unit_test(test_bad_json),
	};

	return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
