/* model.h: the billing resources of docs/api.md as C structs.
 *
 * decode fills them from JSON, cache stores and loads them, views draw them.
 * Money is integer minor units of the account currency; credits are integers;
 * instants are Unix seconds (UTC).  Every string here was sanitised of
 * control characters and escape sequences before it was stored.
 * Fixed-size strings keep ownership simple: a struct owns nothing on the heap
 * except where a field says so.
 */
#ifndef BILLTOP_MODEL_H
#define BILLTOP_MODEL_H

#include <stdint.h>

#define M_ID    64   /* ids */
#define M_NAME  128  /* names, numbers, short labels */
#define M_TEXT  512  /* descriptions, URLs, messages */
#define M_CUR   4    /* ISO 4217 code */
#define M_DAY   11   /* YYYY-MM-DD */

/* A missing optional instant or amount. */
#define M_NONE INT64_MIN

enum role { ROLE_OWNER, ROLE_ADMIN, ROLE_BILLING_READER, ROLE_MEMBER, ROLE_VIEWER };
enum account_status { ACCT_ACTIVE, ACCT_TRIALING, ACCT_PAST_DUE, ACCT_CANCELED };
enum pause_reason { PAUSE_NONE, PAUSE_TRIAL_ENDED, PAUSE_PAST_DUE, PAUSE_CREDITS_EXHAUSTED };
enum grant_source { GRANT_PLAN_ALLOWANCE, GRANT_PURCHASE, GRANT_PROMOTION };
enum ledger_kind { LEDGER_ALLOWANCE, LEDGER_PURCHASE, LEDGER_PROMOTION, LEDGER_USAGE,
                   LEDGER_EXPIRY, LEDGER_OVERAGE, LEDGER_ADJUSTMENT };
enum line_item { ITEM_LLM, ITEM_TOOL_CALLS, ITEM_STORAGE, ITEM_COUNT };
enum run_status { RUN_RUNNING, RUN_SUCCEEDED, RUN_FAILED };
enum invoice_status { INV_DRAFT, INV_ISSUED, INV_PAID, INV_PAST_DUE, INV_VOID };
enum pm_type { PM_CARD, PM_BANK_ACCOUNT };
enum charge_status { CHARGE_PENDING, CHARGE_SUCCEEDED, CHARGE_FAILED, CHARGE_REFUNDED };

struct account {
	char id[M_ID];
	char name[M_NAME];
	enum role role;
	enum account_status status;
	char currency[M_CUR];
	char plan_id[M_ID];
	int64_t trial_end;              /* M_NONE when absent */
	int64_t period_start, period_end;
	int64_t next_billing;           /* M_NONE when absent */
	char scheduled_plan_id[M_ID];   /* "" when no change is scheduled */
	int64_t scheduled_at;           /* M_NONE when no change is scheduled */
	int runs_paused;
	enum pause_reason pause_reason;
	char payment_update_url[M_TEXT];
	char sales_url[M_TEXT];
	int64_t tax_rate_bp;
	int64_t created_at;
};

struct plan {
	char id[M_ID];
	char name[M_NAME];
	int64_t rank;
	int64_t price;                  /* minor units; M_NONE for contact-sales */
	char currency[M_CUR];
	char interval[16];
	int64_t included_credits;       /* M_NONE for contact-sales */
	int64_t overage_per_1000;       /* minor units; M_NONE: usage stops at the allowance */
	char rate_limit[M_NAME];
	char support[M_NAME];
	char features[M_TEXT];          /* the feature list joined with "\n" */
	int contact_sales;
};

struct credit_summary {
	int64_t balance, allocated, consumed, remaining;
	int64_t period_allowance, period_used, period_overage, scheduled;
};

struct grant {
	char id[M_ID];
	enum grant_source source;
	char description[M_TEXT];
	int64_t amount, consumed, remaining;
	int64_t available_from;
	int64_t expires_at;             /* M_NONE: never expires */
};

struct ledger_entry {
	char id[M_ID];
	int64_t at;
	enum ledger_kind kind;
	int64_t credits;                /* signed */
	int64_t balance_after;
	char grant_id[M_ID];            /* "" when none */
	char description[M_TEXT];
};

struct meter {
	char id[M_ID];
	char name[M_NAME];
	char unit[32];
	char raw_unit[32];
	int64_t raw_per_unit;
	int64_t increment;
	int64_t credits_milli_per_unit;
	enum line_item line_item;
};

struct agent {
	char id[M_ID];
	char name[M_NAME];
};

struct usage_day {
	char day[M_DAY];                /* YYYY-MM-DD, UTC */
	char meter_id[M_ID];
	char agent_id[M_ID];
	int64_t records, raw, billed_raw, credits;
};

struct run {
	char id[M_ID];
	char agent_id[M_ID];
	int64_t started_at;
	int64_t ended_at;               /* M_NONE while running */
	enum run_status status;
	int64_t credits[ITEM_COUNT];    /* indexed by enum line_item */
	int64_t credits_total;
};

struct invoice_line {
	char description[M_TEXT];
	int64_t quantity;
	char unit[32];
	int64_t unit_price;             /* M_NONE when absent */
	int64_t unit_price_per;
	int64_t amount;
};

struct invoice {
	char id[M_ID];
	char number[M_NAME];
	enum invoice_status status;
	char currency[M_CUR];
	int64_t period_start, period_end;
	int64_t issued_at, due_at, paid_at;   /* M_NONE when absent */
	int64_t subtotal, credits_applied, tax, total, amount_paid, amount_due;
	char hosted_url[M_TEXT];
	int nlines;
	struct invoice_line *lines;     /* owned: free with invoice_free() */
};

struct payment_method {
	char id[M_ID];
	enum pm_type type;
	char brand[32];                 /* cards */
	char last4[8];
	int exp_month, exp_year;        /* cards; 0 for bank accounts */
	char bank_name[M_NAME];         /* bank accounts */
	int is_default;
	int64_t created_at;
};

struct charge {
	char id[M_ID];
	int64_t created_at;
	int64_t amount;
	char currency[M_CUR];
	enum charge_status status;
	char failure_reason[M_TEXT];    /* "" when none */
	char payment_method_id[M_ID];
	char invoice_id[M_ID];          /* "" when none */
	char description[M_TEXT];
	int64_t refunded_amount;        /* M_NONE when none */
	/* Not the API's: the number of invoice_id's invoice in the cache, read
	 * with the charge (cache_charges); "" when not there. */
	char invoice_number[M_NAME];
};

/* POST /v1/credits/purchases answers this. */
struct purchase {
	char id[M_ID];
	int64_t credits;
	int64_t price;                  /* minor units of currency */
	char currency[M_CUR];
	char grant_id[M_ID];
	char charge_id[M_ID];
	int64_t created_at;
};

/* POST /v1/payment_methods/setup answers this: the vendor's hosted page. */
struct setup_link {
	char url[M_TEXT];
	int64_t expires_at;
};

void invoice_free(struct invoice *inv);

/* Enum <-> API string; the _parse functions return -1 for an unknown value. */
const char *role_str(enum role r);
int role_parse(const char *s);
const char *account_status_str(enum account_status s);
int account_status_parse(const char *s);
const char *pause_reason_str(enum pause_reason r);
int pause_reason_parse(const char *s);        /* "" or NULL -> PAUSE_NONE */
const char *grant_source_str(enum grant_source s);
int grant_source_parse(const char *s);
const char *ledger_kind_str(enum ledger_kind k);
int ledger_kind_parse(const char *s);
const char *line_item_str(enum line_item i);
int line_item_parse(const char *s);
const char *run_status_str(enum run_status s);
int run_status_parse(const char *s);
const char *invoice_status_str(enum invoice_status s);
int invoice_status_parse(const char *s);
const char *pm_type_str(enum pm_type t);
int pm_type_parse(const char *s);
const char *charge_status_str(enum charge_status s);
int charge_status_parse(const char *s);

/* Roles that may see billing (owner, admin, billing_reader). */
int role_can_see_billing(enum role r);
/* Roles that may change billing (owner, admin). */
int role_can_change_billing(enum role r);

#endif
