#!/bin/sh
# api_account.sh: GET /v1/account and /v1/plans, and the subscription rules:
# upgrades at once with the new allowance and a charge for the difference,
# downgrades scheduled for the period end (and cancellable), refusals
# (already on plan, unknown plan, contact sales, past due, no payment method),
# and time: the period end issues the invoice and applies the downgrade, the
# trial ends into a paid period or a pause.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

get /v1/account
is "$CODE" 200 "GET /v1/account"
is "$(jb '[.id, .name, .status, .currency, .plan_id] | join(",")')" "acct_demo,Acme Robotics,active,USD,pro" \
	"the demo account: Acme Robotics, active, USD, Pro"
is "$(jb '.current_period_start + " " + .current_period_end')" "2026-11-01T00:00:00Z 2026-12-01T00:00:00Z" \
	"the running period contains the clock"
is "$(jb .next_billing_date)" 2026-12-01T00:00:00Z "next billing date is the period end"
is "$(jb '[.trial_end, .scheduled_change, .runs_paused, .runs_paused_reason] | map(tostring) | join(",")')" \
	"null,null,false,null" "no trial, no scheduled change, runs not paused"
is "$(jb .tax_rate_bp)" 800 "tax rate 8% in basis points"
like "$(jb .created_at)" '^2026-0[67]-[0-9]{2}T09:30:00Z$' "created about four months before the clock"
like "$(hdr ETag)" '^"[0-9a-f]{16}"$' "a strong ETag"
like "$(hdr Content-Type)" '^application/json; charset=utf-8' "JSON in UTF-8"

get /v1/plans
is "$(jb '[.data[].id] | join(",")')" "free,starter,pro,enterprise" "plans cheapest first by rank"
is "$(jb '[.data[].rank] | join(",")')" "0,1,2,3" "ranks 0 to 3"
is "$(jb '.data[0] | [.price.amount, .included_credits, .overage_price_per_1000] | map(tostring) | join(",")')" \
	"0,10000,null" "Free: \$0, 10,000 credits, no overage"
is "$(jb '.data[1] | [.price.amount, .price.currency, .included_credits, .overage_price_per_1000.amount] | join(",")')" \
	"5000,USD,40000,125" "Starter: \$50, 40,000 credits, \$1.25 per 1,000"
is "$(jb '.data[2] | [.price.amount, .included_credits, .overage_price_per_1000.amount, .support] | join(",")')" \
	"50000,400000,125,Priority" "Pro: \$500, 400,000 credits, priority support"
is "$(jb '.data[3] | [.contact_sales, .price, .included_credits] | map(tostring) | join(",")')" \
	"true,null,null" "Enterprise: contact sales, no price"
is "$(jb '[.data[] | (.features | length) > 0] | all')" true "every plan lists features"

# Refusals, each leaving the account as it was.
post /v1/subscription '{"plan_id": "pro"}'
is "$CODE/$(jb .error.code)" 409/already_on_plan "the current plan: 409 already_on_plan"
post /v1/subscription '{"plan_id": "platinum"}'
is "$CODE/$(jb .error.code)" 422/plan_not_found "an unknown plan: 422 plan_not_found"
like "$(jb .error.message)" "platinum" "the message names the plan"
post /v1/subscription '{"plan_id": "enterprise"}'
is "$CODE/$(jb .error.code)" 422/contact_sales "a contact-sales plan: 422 contact_sales"
like "$(jb .error.message)" "https://example.com/contact-sales" "the message says how to reach sales"
post /v1/subscription '{"plan_id": '
is "$CODE/$(jb .error.code)" 400/malformed_json "a body that is not JSON: 400 malformed_json"
like "$(jb .error.message)" "." "with a message"
post /v1/subscription '["pro"]'
is "$CODE/$(jb .error.code)" 400/bad_request "a body that is not an object: 400"
post /v1/subscription '{"plan_id": 2}'
is "$CODE/$(jb .error.code)" 400/bad_request "plan_id of the wrong type: 400"
post /v1/subscription ''
is "$CODE/$(jb .error.code)" 400/malformed_json "an empty body: 400"

# Downgrade: scheduled for the period end, cancellable.
post /v1/subscription '{"plan_id": "starter"}'
is "$CODE" 200 "a downgrade is accepted"
is "$(jb '.plan_id + " " + .scheduled_change.plan_id + " " + .scheduled_change.effective_at')" \
	"pro starter 2026-12-01T00:00:00Z" "it waits for the period end; the plan is unchanged"
post /v1/subscription/cancel_scheduled_change ''
is "$CODE" 200 "cancel the scheduled change (empty body)"
is "$(jb .scheduled_change)" null "no scheduled change any more"
post /v1/subscription/cancel_scheduled_change '{}'
is "$CODE/$(jb .error.code)" 409/no_scheduled_change "cancel again: 409 no_scheduled_change"

# The period end applies a scheduled downgrade and issues the invoice.
post /v1/subscription '{"plan_id": "starter"}'
draft=$(val /v1/invoices '.data[0].id')
restart_billtopd --now 2026-12-02T08:00:00Z || { echo "not ok - restart"; exit 1; }
get /v1/account
is "$(jb '.plan_id + " " + (.scheduled_change | tostring)')" "starter null" "on Dec 1 the account moved to Starter"
is "$(jb '.current_period_start + " " + .current_period_end')" "2026-12-01T00:00:00Z 2027-01-01T00:00:00Z" \
	"a new monthly period"
get "/v1/invoices/$draft"
is "$(jb '.status + " " + .issued_at + " " + .due_at')" "paid 2026-12-01T00:00:00Z 2026-12-15T00:00:00Z" \
	"November's draft was issued on Dec 1, due in 14 days, and paid"
is "$(jb '.lines[0].description')" "Pro plan, November 2026" "it bills November on Pro"
is "$(jb '.amount_due.amount')" 0 "nothing is due on a paid invoice"
get /v1/invoices
is "$(jb '.data[0] | .status + " " + .lines[0].description')" "draft Starter plan, December 2026" \
	"December's draft bills Starter"
is "$(val /v1/credits/grants '.data[0] | .source + " " + (.amount | tostring) + " " + .expires_at')" \
	"plan_allowance 40000 2027-01-01T00:00:00Z" "Starter's allowance is granted for December and expires at its end"
is "$(val '/v1/credits/ledger?kind=expiry' '.data[0].at')" "2026-12-01T00:00:00Z" \
	"November's leftover allowance expired at the period end"

# Upgrade: at once, the full allowance, the price difference charged.
start_billtopd --seed demo=exhausted || { echo "not ok - exhausted seed"; exit 1; }
get /v1/account
is "$(jb '.plan_id + " " + .runs_paused_reason')" "free credits_exhausted" "exhausted: Free, runs paused"
post /v1/subscription '{"plan_id": "starter"}' -H 'Idempotency-Key: up-1'
is "$CODE" 200 "upgrade Free -> Starter"
is "$(jb '.plan_id + " " + (.runs_paused | tostring) + " " + (.scheduled_change | tostring)')" \
	"starter false null" "it takes effect at once and runs resume"
is "$(jb '.current_period_start + " " + .current_period_end')" "2026-11-01T00:00:00Z 2026-12-01T00:00:00Z" \
	"the period does not move"
is "$(val /v1/credits/grants '.data[0] | .source + " " + (.amount | tostring) + " " + .available_from + " " + .expires_at')" \
	"plan_allowance 30000 2026-11-15T12:00:00Z 2026-12-01T00:00:00Z" \
	"the period's allowance is raised to Starter's: 30,000 on top of Free's 10,000"
is "$(val /v1/credits .balance)" 30000 "the balance is what is left of Starter's 40,000"
is "$(val /v1/credits .period_allowance)" 40000 "the period's allowance is Starter's 40,000"
is "$(val /v1/charges '.data[0] | .status + " " + (.amount.amount | tostring)')" "succeeded 5400" \
	"the \$50 difference plus 8% tax was charged"
is "$(val '/v1/invoices?status=paid' '.data[0].lines[0].description')" \
	"Upgrade to Starter plan, November 2026 (price difference)" "and invoiced on its own"
post /v1/subscription '{"plan_id": "pro"}'
is "$(val /v1/charges '.data[0].amount.amount')" 48600 "Starter -> Pro charges the \$450 difference plus tax"
is "$(val /v1/credits .balance)" 390000 "and raises the period's allowance to Pro's 400,000"
is "$(val /v1/credits .period_allowance)" 400000 "not 440,000"

# Past due: every plan change is refused.
start_billtopd --seed demo=past-due || { echo "not ok - past-due seed"; exit 1; }
is "$(val /v1/account .status)" past_due "past-due variant: the account is past_due"
post /v1/subscription '{"plan_id": "starter"}'
is "$CODE/$(jb .error.code)" 409/account_past_due "a downgrade while past due: 409 account_past_due"
post /v1/subscription '{"plan_id": "free"}'
is "$CODE/$(jb .error.code)" 409/account_past_due "any change while past due: 409"
is "$(val /v1/account .scheduled_change)" null "nothing was scheduled"

# Trial: the trial is a period of its own; its end starts paid periods.
start_billtopd --seed demo=trial || { echo "not ok - trial seed"; exit 1; }
get /v1/account
is "$(jb '.status + " " + .trial_end + " " + .current_period_end')" \
	"trialing 2026-11-24T17:00:00Z 2026-11-24T17:00:00Z" "trial: ends 9 days and 5 hours after the clock"
is "$(val '/v1/invoices' '[.data[] | .status] | join(",")')" draft "a trial has no invoice but its draft"
is "$(val '/v1/payment_methods' '.data | length')" 1 "the trial variant has a card on file"
post /v1/subscription '{"plan_id": "starter"}'
is "$(jb '.scheduled_change | .plan_id + " " + .effective_at')" "starter 2026-11-24T17:00:00Z" \
	"a downgrade during the trial waits for the trial's end"
restart_billtopd --now 2026-11-25T12:00:00Z || { echo "not ok - restart"; exit 1; }
get /v1/account
is "$(jb '.status + " " + .trial_end + " " + .plan_id')" "active 2026-11-24T17:00:00Z starter" \
	"after trial_end with a card on file: active on the chosen plan (trial_end kept)"
is "$(jb '.current_period_start + " " + .current_period_end')" "2026-11-24T17:00:00Z 2026-12-24T17:00:00Z" \
	"paid periods are anchored on the trial's end"
is "$(val '/v1/invoices' '[.data[] | .status] | join(",")')" draft \
	"the trial period had nothing due: no invoice for it"
is "$(val '/v1/invoices' '.data[0].lines[0].description')" "Starter plan, November 2026" \
	"the first paid period bills Starter"
is "$(val /v1/credits '.period_allowance')" 40000 "with Starter's allowance"

# A trial that ended without a payment method pauses runs until the account moves to Free.
start_billtopd --seed demo=paused || { echo "not ok - paused seed"; exit 1; }
get /v1/account
is "$(jb '.status + " " + .runs_paused_reason + " " + (.next_billing_date | tostring)')" \
	"canceled trial_ended_no_payment_method null" "paused: the trial ended without a payment method"
post /v1/subscription '{"plan_id": "starter"}'
is "$CODE/$(jb .error.code)" 402/no_payment_method "a paid plan needs a payment method: 402"
post /v1/subscription '{"plan_id": "free"}'
is "$CODE" 200 "moving to Free is allowed at once"
is "$(jb '.status + " " + .plan_id + " " + (.runs_paused | tostring) + " " + .current_period_start')" \
	"active free false 2026-11-15T12:00:00Z" "active on Free from now, runs resume"
is "$(val /v1/credits .balance)" 10000 "with Free's allowance"

api_done
