#!/bin/sh
# api_usage.sh: meters, agents, daily usage and runs: each record rounded up to
# its meter's increment before summing (a 70 s connection bills 2 minutes),
# credits drawn from the grant expiring first, overage on Pro (priced rounded
# up on the draft invoice), 402 credits_exhausted on Free, runs kept 90 days.
# Amounts out of range are 422 invalid_amount naming records[i].raw, never a
# 500, and a refused run leaves the account as it was.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

get /v1/meters
is "$(jb '[.data[].id] | . == sort')" true "meters by id"
is "$(jb '.data[] | select(.id == "connection_minutes") | [.unit, .raw_unit, .raw_per_unit, .increment, .line_item] | join(",")')" \
	"minute,second,60,60,tool_calls" "connection minutes: seconds rounded up to whole minutes"
is "$(jb '.data[] | select(.id == "data_transfer_gb") | [.unit, .raw_unit, .raw_per_unit, .increment, .line_item] | join(",")')" \
	"GB,byte,1000000000,10000000,storage" "data transfer: bytes rounded up to 0.01 GB"
is "$(jb '[.data[].line_item] | unique | join(",")')" "llm,storage,tool_calls" "three line items"
get /v1/agents
is "$(jb '[.data[] | .id + "=" + .name] | join(",")')" \
	"agt_invoice=Invoice parser,agt_support=Support triage,agt_voice=Voice concierge" "three agents by id"

# Daily usage.
get '/v1/usage/daily?from=2026-11-01&to=2026-11-15&limit=1000'
is "$CODE" 200 "a usage window"
is "$(jb '[.data[] | .day >= "2026-11-01" and .day <= "2026-11-15"] | all')" true "only days in the window"
is "$(jb '[.data[] | [.day, .meter_id, .agent_id]] | . == sort')" true "ordered by day, meter, agent"
is "$(jb '[.data[] | .id == .day + "/" + .meter_id + "/" + .agent_id] | all')" true "ids name day/meter/agent"
is "$(jb '[.data[] | .billed_raw >= .raw and .records > 0] | all')" true "billed_raw is never below raw"
is "$(jb '[.data[] | select(.meter_id == "connection_minutes") | .billed_raw % 60 == 0 and .credits == .billed_raw / 60] | all')" \
	true "connection minutes bill whole minutes at one credit each"
used=$(jb '[.data[].credits] | add')
is "$used" "$(val /v1/credits .period_used)" "the period's daily credits add up to period_used"
is "$(val /v1/credits/ledger?limit=1000 '[.data[] | select(.kind == "usage" or .kind == "overage") | select(.description >= "Usage on 2026-11-01" and .description <= "Usage on 2026-11-15") | -.credits] | add')" \
	"$used" "and to the ledger's usage for those days"
get '/v1/usage/daily?from=2026-11-01'
is "$CODE/$(jb .error.code)" 400/invalid_parameter "to is required"
get '/v1/usage/daily?from=2026-02-30&to=2026-03-01'
is "$CODE/$(jb .error.code)" 400/invalid_parameter "an impossible date: 400"
get '/v1/usage/daily?from=2026-11-10&to=2026-11-01'
is "$CODE/$(jb .error.code)" 400/invalid_parameter "to before from: 400"
get '/v1/usage/daily?from=2026-11-01&to=2026-11-02&starting_after=2026-11-01/nope/agt_voice'
is "$CODE/$(jb .error.code)" 400/invalid_parameter "an unknown starting_after: 400"

row() {
	val "/v1/usage/daily?from=2026-11-15&to=2026-11-15&limit=1000" \
		".data[] | select(.meter_id == \"$1\" and .agent_id == \"$2\") | [.records, .raw, .billed_raw, .credits] | join(\" \")"
}
before=$(row connection_minutes agt_voice)
set -- $before
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "connection_minutes", "raw": 70}]}'
is "$CODE" 201 "POST /v1/runs: 201"
is "$(jb '.credits | [.llm, .tool_calls, .storage, .total] | join(",")')" "0,2,0,2" \
	"a 70 s connection bills 2 minutes: 2 credits under tool_calls"
is "$(jb '.agent_id + " " + .status + " " + .started_at')" "agt_voice succeeded 2026-11-15T12:00:00Z" "the run as recorded"
run_id=$(jb .id)
is "$(row connection_minutes agt_voice)" "$(($1 + 1)) $(($2 + 70)) $(($3 + 120)) $(($4 + 2))" \
	"the day's row: one more record, 70 s raw, 120 s billed, 2 credits"
set -- $(row connection_minutes agt_voice)
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "connection_minutes", "raw": 70}, {"meter_id": "connection_minutes", "raw": 10}]}'
is "$(row connection_minutes agt_voice)" "$(($1 + 2)) $(($2 + 80)) $(($3 + 180)) $(($4 + 3))" \
	"70 s and 10 s bill 120 s + 60 s: each record rounded before summing"
set -- $(row data_transfer_gb agt_support)
post /v1/runs '{"agent_id": "agt_support", "records": [{"meter_id": "data_transfer_gb", "raw": 1}]}'
set -- "$@" $(row data_transfer_gb agt_support)
is "$(($6 - $2)) $(($7 - $3))" "1 10000000" "one byte of transfer bills 0.01 GB"

get "/v1/runs?limit=3"
is "$(jb '.data[2].id')" "$run_id" "runs newest first (ties by id, newest first)"
is "$(jb '[.data[].id] | . == (sort | reverse)')" true "the three runs of one instant in id order"
get "/v1/runs?agent_id=agt_voice&limit=1000"
is "$(jb '[.data[].agent_id] | unique | join(",")')" agt_voice "agent_id filters runs"
is "$(jb '[.data[] | .credits.total == .credits.llm + .credits.tool_calls + .credits.storage] | all')" true \
	"a run's total is its three line items"
get "/v1/runs?from=2026-11-14&to=2026-11-14&limit=1000"
is "$(jb '[.data[] | .started_at | startswith("2026-11-14")] | all and length > 0')" true "from/to filter runs by day"
is "$(jb '[.data[].status] - ["succeeded", "failed"] | length')" 0 "finished runs are succeeded or failed"
is "$(jb '[.data[] | .ended_at > .started_at] | all')" true "and ended after they started"
runs_total=$(jb '[.data[].credits.total] | add')
is "$runs_total" "$(val '/v1/usage/daily?from=2026-11-14&to=2026-11-14&limit=1000' '[.data[].credits] | add')" \
	"a day's runs add up to its daily usage"
is "$(val '/v1/runs?from=2026-08-01&to=2026-08-10' '.data | length')" 0 "runs older than 90 days are gone"
is "$(val '/v1/usage/daily?from=2026-08-01&to=2026-08-10' '.data | length > 0')" true "while their daily usage stays"

# Refusals.
post /v1/runs '{"agent_id": "agt_nobody", "records": [{"meter_id": "llm_tokens", "raw": 5}]}'
is "$CODE/$(jb .error.code)" 400/bad_request "an unknown agent: 400"
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "gpu_hours", "raw": 5}]}'
is "$CODE/$(jb .error.code)" 400/bad_request "an unknown meter: 400"
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "llm_tokens", "raw": -5}]}'
is "$CODE/$(jb .error.code)" 422/invalid_amount "a negative raw: 422 invalid_amount"
like "$(jb .error.message)" '^records\[0\]\.raw must be an integer from 0 to 1000000000000000\.$' \
	"the message names records[0].raw and the range"
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "llm_tokens", "raw": "5"}]}'
is "$CODE/$(jb .error.code)" 400/bad_request "a raw that is not an integer: 400"
post /v1/runs '{"agent_id": "agt_voice", "records": []}'
is "$CODE/$(jb .error.code)" 400/bad_request "no records: 400"

# Credits come from the grant expiring first: the promotion before the allowance.
grant() { val /v1/credits/grants ".data[] | select(.description == \"$1\") | .consumed"; }
promo=$(grant "Launch week bonus")
allow=$(grant "Pro plan allowance, November 2026")
post /v1/runs '{"agent_id": "agt_invoice", "records": [{"meter_id": "llm_tokens", "raw": 1000000}]}'
is "$(jb .credits.llm)" 2000 "a million tokens at 2 credits per 1,000: 2,000 credits"
is "$(grant "Launch week bonus")" $((promo + 2000)) "drawn from the promotion that expires first"
is "$(grant "Pro plan allowance, November 2026")" "$allow" "the allowance is untouched"

# Past every grant, Pro bills overage at its rate, rounded up to the cent.
draft_before=$(val /v1/invoices '.data[0].total.amount')
is "$draft_before" 54000 "the draft is Pro's fee plus tax before any overage"
bal=$(val /v1/credits .balance)
post /v1/runs "{\"agent_id\": \"agt_invoice\", \"records\": [{\"meter_id\": \"llm_tokens\", \"raw\": $(((bal + 12345) * 500))}]}"
is "$CODE/$(jb .credits.llm)" "201/$((bal + 12345))" "a run 12,345 credits past the balance is accepted on Pro"
get /v1/credits
is "$(jb '[.balance, .period_overage] | join(",")')" "0,12345" "the balance is 0 and 12,345 credits are overage"
is "$(val '/v1/credits/ledger?kind=overage' '.data[0] | [.credits, .grant_id, .description] | map(tostring) | join(",")')" \
	"-12345,null,Overage on 2026-11-15" "the overage is in the ledger"
get /v1/invoices
is "$(jb '.data[0].lines[1] | [.description, .quantity, .unit_price.amount, .unit_price_per, .amount.amount] | map(tostring) | join(",")')" \
	"Overage credits,12345,125,1000,1544" "the draft bills 12,345 credits at \$1.25 per 1,000: \$15.43125 rounded up"
is "$(jb '.data[0] | [.subtotal.amount, .tax.amount, .total.amount, .amount_due.amount] | join(",")')" \
	"51544,4124,55668,55668" "the draft total changed after the run (tax rounded half up)"
is "$(val /v1/account .runs_paused)" false "Pro never pauses for credits"

# Free stops at the allowance.
start_billtopd --seed demo=exhausted || { echo "not ok - exhausted seed"; exit 1; }
is "$(val /v1/credits .balance)" 0 "exhausted: the balance is 0"
rows=$(val '/v1/usage/daily?from=2026-11-15&to=2026-11-15' '.data | length')
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "llm_tokens", "raw": 500}]}'
is "$CODE/$(jb .error.code)" 402/credits_exhausted "a run on an exhausted Free plan: 402 credits_exhausted"
like "$(jb .error.message)" "2026-12-01" "the message says when credits reset"
is "$(val '/v1/usage/daily?from=2026-11-15&to=2026-11-15' '.data | length')" "$rows" "nothing was recorded"
is "$(val '/v1/invoices' '[.data[].status] | join(",")')" draft \
	"four months on Free: no invoice for periods with nothing due"

restart_billtopd --now 2026-12-01T06:00:00Z || { echo "not ok - restart"; exit 1; }
get /v1/account
is "$(jb '(.runs_paused | tostring) + " " + .current_period_start')" "false 2026-12-01T00:00:00Z" \
	"the next period resets the allowance and resumes runs"
is "$(val /v1/credits .balance)" 10000 "10,000 credits again"
post /v1/runs "{\"agent_id\": \"agt_voice\", \"records\": [{\"meter_id\": \"llm_tokens\", \"raw\": $((10001 * 500))}]}"
is "$CODE/$(jb .error.code)" 402/credits_exhausted "a run needing more than the balance: 402"
is "$(val /v1/credits .balance)" 10000 "and records nothing"
post /v1/runs "{\"agent_id\": \"agt_voice\", \"records\": [{\"meter_id\": \"llm_tokens\", \"raw\": $((10000 * 500))}]}"
is "$CODE/$(jb .credits.total)" 201/10000 "a run for exactly the balance is accepted"
is "$(val /v1/account '.runs_paused_reason')" credits_exhausted "the zero balance pauses runs"
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "tool_calls", "raw": 1}]}'
is "$CODE/$(jb .error.code)" 402/credits_exhausted "the next run is refused"

# Amounts past 64 bits.  jq computes in doubles (exact only to 2^53), so the
# checks below compare and add the server's own digits, not jq's numbers.
# snap: everything a run can change, the bodies exactly as the API sends them.
snap() {
	for _p in /v1/account /v1/credits '/v1/credits/grants?limit=1000' '/v1/credits/ledger?limit=1000' \
		'/v1/usage/daily?from=2026-11-15&to=2026-11-15&limit=1000' '/v1/runs?limit=1000' \
		'/v1/invoices?limit=1000' '/v1/charges?limit=1000'; do
		curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$_p"
		echo
	done
}
# ints NAME: every integer value of the field NAME in BODY, one a line.
ints() {
	printf '%s' "$BODY" | grep -o "\"$1\":-\{0,1\}[0-9]*" | cut -d: -f2
}
# sum: adds the integers on stdin in the shell's 64-bit arithmetic.
sum() {
	_s=0
	while read -r _v; do _s=$((_s + _v)); done
	echo "$_s"
}
# day_raw: the raw of today's llm_tokens row of agt_support.
day_raw() {
	get '/v1/usage/daily?from=2026-11-15&to=2026-11-15&limit=1000'
	printf '%s' "$BODY" | grep -o '"id":"2026-11-15/llm_tokens/agt_support"[^}]*' | grep -o '"raw":[0-9]*' | cut -d: -f2
}
# big_run METER N RAW [CURL_ARGS...]: a run of agt_support with N records of RAW each.
big_run() {
	_run=$(jq -nc --arg m "$1" --argjson n "$2" --argjson raw "$3" \
		'{agent_id: "agt_support", records: [range($n) | {meter_id: $m, raw: $raw}]}')
	shift 3
	post /v1/runs "$_run" "$@"
}
start_billtopd --seed demo || { echo "not ok - a fresh demo account"; exit 1; }
before=$(snap)
raw0=$(day_raw)
post /v1/runs '{"agent_id":"agt_support","records":[{"meter_id":"tool_calls","raw":5000000000000000000}]}'
is "$CODE/$(jb .error.code)" 422/invalid_amount "a raw of 5e18 (the reviewer's run): 422 invalid_amount, not 500"
like "$(jb .error.message)" '^records\[0\]\.raw must be an integer from 0 to 1000000000000000\.$' \
	"the message names records[0].raw"
post /v1/runs '{"agent_id":"agt_support","records":[{"meter_id":"tool_calls","raw":1},{"meter_id":"llm_tokens","raw":1000000000000001}]}'
is "$CODE/$(jb .error.code)" 422/invalid_amount "one past the largest raw: 422"
like "$(jb .error.message)" '^records\[1\]\.raw ' "the message names the record that is out of range"
post /v1/runs '{"agent_id":"agt_support","records":[{"meter_id":"tool_calls","raw":99999999999999999999}]}'
is "$CODE" 400 "a raw past 64 bits is a 400 from the JSON parser, not a 500"
is "$(snap)" "$before" "the refused runs changed nothing"

# A run whose draft invoice would not fit (1000 x 10^15 tool calls: the tax
# overflows after the usage was written): refused, and everything rolled back.
big_run tool_calls 1000 1000000000000000
is "$CODE/$(jb .error.code)" 422/invalid_amount "a run the draft invoice cannot hold: 422 invalid_amount"
like "$(jb .error.message)" '^records\[[0-9]+\]\.raw: this run would take ' "it names a record's raw"
is "$(snap)" "$before" "the account, credits, ledger, usage, runs, invoices and charges are as before"
key=big-$$
big_run tool_calls 1000 1000000000000000 -H "Idempotency-Key: $key"
first=$CODE/$(jb .error.code)
big_run tool_calls 1000 1000000000000000 -H "Idempotency-Key: $key"
is "$CODE/$(jb .error.code)/$(hdr Idempotent-Replayed)" "$first/true" \
	"a refused run is stored for its Idempotency-Key like any other refusal"

# Runs of 10^18 tokens each until the day's raw would pass 2^63 - 1: every
# answer is 201 or 422, never a 500, and the refused one records nothing.
n201=0 other=""
i=0
while [ $i -lt 12 ]; do
	i=$((i + 1))
	prev=$(snap)
	big_run llm_tokens 1000 1000000000000000
	case $CODE in
	201) n201=$((n201 + 1)) ;;
	422) break ;;
	*) other="$other $CODE" ;;
	esac
done
is "$other" "" "no large run got anything but 201 or 422"
is "$n201" 9 "nine runs of 10^18 tokens fit in one day's row"
is "$CODE/$(jb .error.code)" 422/invalid_amount "the tenth is refused: 422 invalid_amount"
like "$(jb .error.message)" '^records\[[0-9]+\]\.raw: ' "naming a record's raw"
is "$(snap)" "$prev" "the refused run changed nothing"
is "$(day_raw)" "$((raw0 + 9000000000000000000))" "the day's row holds exactly the nine accepted runs"
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "tool_calls", "raw": 3}]}'
is "$CODE/$(jb .credits.total)" 201/3 "an ordinary run is still accepted afterwards"
get '/v1/usage/daily?from=2026-11-01&to=2026-11-15&limit=1000'
used=$(ints credits | sum)
get /v1/credits
is "$used" "$(ints period_used)" "the period's daily credits still add up to period_used, to the credit"

api_done
