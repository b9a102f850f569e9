#!/bin/sh
# api_payment.sh: payment methods (default first), setting the default (which
# retries a past-due invoice and reactivates the account), the hosted setup
# link, and charges (newest first, failures with their reason).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

get /v1/payment_methods
is "$CODE" 200 "GET /v1/payment_methods"
is "$(jb '[.data[] | .id + ":" + .type + ":" + (.is_default | tostring)] | join(",")')" \
	"pm_0001:card:true,pm_0002:bank_account:false" "the default card first, then the bank account"
is "$(jb '.data[0] | [.brand, .last4, .exp_month, .exp_year, .bank_name] | map(tostring) | join(",")')" \
	"visa,4242,12,2026,null" "a card: brand, last4, expiry; no bank name"
is "$(jb '.data[1] | [.brand, .last4, .exp_month, .exp_year, .bank_name] | map(tostring) | join(",")')" \
	"null,6789,null,null,First Platypus Bank" "a bank account: bank name and last4; no card fields"
is "$(jb '.data[0] | .exp_year * 12 + .exp_month - (2026 * 12 + 11) <= 2')" true "the card expires within 60 days"

post /v1/payment_methods/pm_0002/default ''
is "$CODE" 200 "make the bank account the default"
is "$(jb '.id + " " + (.is_default | tostring)')" "pm_0002 true" "it answers with the method"
is "$(val /v1/payment_methods '[.data[] | .id + ":" + (.is_default | tostring)] | join(",")')" \
	"pm_0002:true,pm_0001:false" "the new default is listed first, alone as default"
post /v1/payment_methods/pm_0404/default '{}'
is "$CODE/$(jb .error.code)" 404/not_found "an unknown method: 404"

post /v1/payment_methods/setup ''
is "$CODE" 201 "POST /v1/payment_methods/setup: 201"
like "$(jb .url)" '^https://billing\.example\.com/setup/seti_' "a hosted page URL"
is "$(jb .expires_at)" 2026-11-15T13:00:00Z "valid for an hour"
first=$(jb .url)
post /v1/payment_methods/setup '{}'
unlike "$(jb .url)" "^$first\$" "every setup gets its own link"

get '/v1/charges?limit=1000'
is "$(jb '[.data[].created_at] | . == (sort | reverse)')" true "charges newest first"
is "$(jb '[.data[] | select(.status == "failed")] | length')" 1 "one failed charge in the history"
failed_inv=$(jb '.data[] | select(.status == "failed") | .invoice_id')
is "$(jb '.data[] | select(.status == "failed") | .failure_reason + " " + .payment_method_id')" \
	"Card declined: insufficient funds pm_0001" "it says why and which method"
is "$(jb "[.data[] | select(.invoice_id == \"$failed_inv\" and .status == \"succeeded\")] | .[0].payment_method_id")" \
	pm_0002 "the same invoice was paid later by the bank account"
is "$(val "/v1/invoices/$failed_inv" .status)" paid "and that invoice is paid"
is "$(jb '[.data[] | .amount.currency == "USD" and .refunded_amount == null] | all')" true "USD, nothing refunded"
is "$(jb '[.data[] | select(.status == "succeeded") | .failure_reason] | unique | map(tostring) | join(",")')" null \
	"succeeded charges have no failure reason"

# Past due: a working default pays the invoice at once and reactivates.
start_billtopd --seed demo=past-due || { echo "not ok - past-due seed"; exit 1; }
get /v1/account
is "$(jb '.status + " " + (.runs_paused | tostring) + " " + .payment_update_url')" \
	"past_due false https://billing.example.com/pay/acct_demo" "past due, runs still allowed, a link to fix payment"
restart_billtopd --now 2026-11-29T00:00:00Z || { echo "not ok - restart"; exit 1; }
is "$(val /v1/account .runs_paused_reason)" past_due "14 days past the due date, runs pause"
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "tool_calls", "raw": 1}]}'
is "$CODE/$(jb .error.code)" 402/past_due "a run while paused for past due: 402 past_due"
inv=$(val '/v1/invoices?status=past_due' '.data[0].id')
post /v1/payment_methods/pm_0001/default ''
is "$CODE" 200 "setting the declining card again is accepted"
is "$(val /v1/account .status)" past_due "but the retry fails: still past due"
is "$(val /v1/charges '.data[0] | .status + " " + .invoice_id')" "failed $inv" "the failed retry is recorded"
post /v1/payment_methods/pm_0002/default ''
is "$CODE" 200 "set the bank account as default"
get /v1/account
is "$(jb '.status + " " + (.runs_paused | tostring)')" "active false" "the invoice was retried at once: active again"
is "$(val "/v1/invoices/$inv" '.status + " " + .paid_at + " " + (.amount_due.amount | tostring)')" \
	"paid 2026-11-29T00:00:00Z 0" "the past-due invoice is paid"
is "$(val /v1/charges '.data[0] | .status + " " + .invoice_id + " " + .payment_method_id')" \
	"succeeded $inv pm_0002" "by a new charge to the bank account"
post /v1/subscription '{"plan_id": "starter"}'
is "$CODE" 200 "plan changes are allowed again"

api_done
