#!/bin/sh
# api_credits.sh: the balance, grants (newest first), the ledger and its kind
# filter, purchases (price from overage_price_per_1000, the refusals) and
# Idempotency-Key (a replay buys nothing; another body is 409).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

get /v1/credits
is "$CODE" 200 "GET /v1/credits"
is "$(jb '.balance == .remaining and .remaining == .allocated - .consumed')" true \
	"balance = remaining = allocated - consumed"
is "$(jb .period_allowance)" 400000 "the period allowance is Pro's 400,000"
is "$(jb '.period_used > 0')" true "credits were used this period"
is "$(jb .scheduled)" 10000 "a promotion not yet available counts as scheduled"
balance=$(jb .balance)

get '/v1/credits/grants?limit=1000'
is "$(jb '[.data[].available_from] | . == (sort | reverse)')" true "grants newest available_from first"
is "$(jb '[.data[] | .remaining == .amount - .consumed] | all')" true "every grant: remaining = amount - consumed"
is "$(jb '[.data[].source] | unique | join(",")')" "plan_allowance,promotion,purchase" \
	"allowances, purchases and a promotion"
is "$(jb '[.data[] | select(.source == "purchase") | .expires_at] | unique | map(tostring) | join(",")')" null \
	"purchases never expire"
is "$(jb '[.data[] | select(.source == "promotion")] | map(.description + " " + .expires_at) | join(",")')" \
	"Webinar bonus 2026-12-18T00:00:00Z,Launch week bonus 2026-11-23T00:00:00Z" \
	"a promotion expiring within ten days and one not yet available"
now_sum=$(jb '[.data[] | select(.available_from <= "2026-11-15T12:00:00Z" and (.expires_at == null or .expires_at > "2026-11-15T12:00:00Z")) | .remaining] | add')
is "$now_sum" "$balance" "the balance is what the available grants have left"

get '/v1/credits/ledger?limit=1000'
is "$(jb '[.data[].at] | . == (sort | reverse)')" true "ledger newest first"
is "$(jb '.data[0].balance_after')" "$balance" "the newest entry's balance_after is the balance"
is "$(jb '[.data[].kind] | unique | join(",")')" "allowance,expiry,overage,promotion,purchase,usage" \
	"the ledger holds every kind the demo produced"
is "$(jb '[.data[] | select(.kind == "usage") | .credits < 0] | all')" true "usage is negative"
is "$(jb '[.data[] | select(.kind == "usage") | [.description, .grant_id] | tostring] | length == (unique | length)')" true \
	"usage is entered once per day and grant"
get '/v1/credits/ledger?kind=purchase'
is "$(jb '[.data[].kind] | unique | join(",")')" purchase "kind=purchase filters"
is "$(jb '.data | length')" 2 "the demo bought credits twice"
get '/v1/credits/ledger?kind=refund'
is "$CODE/$(jb .error.code)" 400/invalid_parameter "an unknown kind: 400 invalid_parameter"

# Purchases.
post /v1/credits/purchases '{"credits": 50000}' -H 'Idempotency-Key: buy-1'
is "$CODE" 201 "a purchase: 201"
is "$(jb '.credits, .price.amount, .price.currency' | tr '\n' ' ')" "50000 6250 USD " \
	"50,000 credits at \$1.25 per 1,000 cost \$62.50"
like "$(jb .id)" '^pur_' "a purchase id"
like "$(jb .created_at)" '^2026-11-15T12:00:00Z$' "created at the clock"
first=$BODY
grant=$(jb .grant_id)
charge=$(jb .charge_id)
is "$(val /v1/credits .balance)" $((balance + 50000)) "the balance grew by 50,000"
is "$(val /v1/credits/grants ".data[] | select(.id == \"$grant\") | .source + \" \" + (.expires_at | tostring)")" \
	"purchase null" "a purchase grant that never expires"
is "$(val /v1/charges ".data[] | select(.id == \"$charge\") | .status + \" \" + (.amount.amount | tostring)")" \
	"succeeded 6750" "the charge is the price plus 8% tax"
ledger_n=$(val '/v1/credits/ledger?limit=1000' '.data | length')

post /v1/credits/purchases '{"credits": 50000}' -H 'Idempotency-Key: buy-1'
is "$CODE" 201 "the same key and body again: the stored 201"
is "$(hdr Idempotent-Replayed)" true "with Idempotent-Replayed: true"
is "$BODY" "$first" "the same body as the first answer"
is "$(val /v1/credits .balance)" $((balance + 50000)) "a replay buys nothing: the balance is unchanged"
is "$(val '/v1/credits/ledger?limit=1000' '.data | length')" "$ledger_n" "and the ledger is unchanged"
post /v1/credits/purchases '{"credits": 60000}' -H 'Idempotency-Key: buy-1'
is "$CODE/$(jb .error.code)" 409/idempotency_key_reused "the same key with another body: 409"
is "$(val /v1/credits .balance)" $((balance + 50000)) "still nothing bought"
post /v1/credits/purchases '{"credits": 1000}' -H 'Idempotency-Key: buy-2'
is "$CODE/$(jb .price.amount)" 201/125 "a new key buys again: 1,000 credits for \$1.25"
post /v1/credits/purchases '{"credits": 1000}' -H "Idempotency-Key: $(printf 'bad\001key')"
is "$CODE/$(jb .error.code)" 400/bad_request "a key with a control character: 400"

for bad in 0 -1000 1500 10001000; do
	post /v1/credits/purchases "{\"credits\": $bad}"
	is "$CODE/$(jb .error.code)" 422/invalid_amount "credits $bad: 422 invalid_amount"
done
post /v1/credits/purchases '{"credits": 10000000}'
is "$CODE" 201 "10,000,000 credits is the most one purchase can buy"
post /v1/credits/purchases '{"credits": "5000"}'
is "$CODE/$(jb .error.code)" 400/bad_request "credits as a string: 400"
post /v1/credits/purchases '{}'
is "$CODE/$(jb .error.code)" 400/bad_request "credits missing: 400"
post /v1/credits/purchases '{"credits": 1000'
is "$CODE/$(jb .error.code)" 400/malformed_json "a truncated body: 400 malformed_json"

# A declined card records the failed charge and grants nothing.
start_billtopd --seed demo=past-due || { echo "not ok - past-due seed"; exit 1; }
balance=$(val /v1/credits .balance)
post /v1/credits/purchases '{"credits": 5000}'
is "$CODE/$(jb .error.code)" 402/card_declined "the declining card: 402 card_declined"
is "$(val /v1/charges '.data[0] | .status + " " + .failure_reason')" "failed Card declined: insufficient funds" \
	"the failed charge is on record"
is "$(val /v1/credits .balance)" "$balance" "nothing was granted"

# Free has no price for extra credits; no payment method means no purchase.
start_billtopd --seed demo=exhausted || { echo "not ok - exhausted seed"; exit 1; }
post /v1/credits/purchases '{"credits": 5000}'
is "$CODE/$(jb .error.code)" 409/purchase_unavailable "Free: 409 purchase_unavailable"
start_billtopd --seed demo=paused || { echo "not ok - paused seed"; exit 1; }
post /v1/subscription '{"plan_id": "free"}'
post /v1/credits/purchases '{"credits": 5000}'
is "$CODE/$(jb .error.code)" 409/purchase_unavailable "still Free after the pause"
start_billtopd --seed demo=trial || { echo "not ok - trial seed"; exit 1; }
post /v1/payment_methods/pm_0001/default ''
is "$CODE" 200 "setting the only card as default again is harmless"

api_done
