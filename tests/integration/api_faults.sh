#!/bin/sh
# api_faults.sh: every --fault kind as a client sees it with curl: 500, 503 and
# 429 with Retry-After, a dropped connection, a delay, malformed JSON, a field
# of the wrong type, terminal escapes in names, a number past 64 bits; *N
# limits a fault to the first N requests; PATH is a prefix, '*' every path.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

start_billtopd --seed demo \
	--fault '/v1/account=500*2' --fault '/v1/plans=503' --fault '/v1/meters=429:7' \
	--fault '/v1/agents=drop' --fault '/v1/charges=malformed' --fault '/v1/credits/grants=wrongtype' \
	--fault '/v1/invoices=escape' --fault '/v1/credits/ledger=huge' \
	--fault '/v1/payment_methods=delay:3000*1' --fault '/v1/runs=500*1' ||
	{ echo "not ok 1 - billtopd starts"; exit 1; }

get /v1/account
is "$CODE/$(jb .error.code)" 500/internal "500: the first request fails with internal"
get /v1/account
is "$CODE" 500 "500*2: the second too"
get /v1/account
is "$CODE/$(jb .id)" 200/acct_demo "the third is served"

get /v1/plans
is "$CODE/$(jb .error.code)" 503/unavailable "503 unavailable"
is "$(hdr Retry-After)" 1 "with Retry-After"
get /v1/plans
is "$CODE" 503 "without *N every request fails"

get /v1/meters
is "$CODE/$(jb .error.code)" 429/rate_limited "429 rate_limited"
is "$(hdr Retry-After)" 7 "Retry-After: 7 as asked"

curl -sS -o "$T_DIR/drop" -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/agents" 2>"$T_DIR/drop.err"
rc=$?
is "$rc" 18 "drop: curl reports a partial transfer (exit 18)"
like "$(head -c 20 "$T_DIR/drop")" '^\{"object":"list"' "after part of the body"

curl -sS -o "$T_DIR/slow" -m 1 -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/payment_methods" 2>/dev/null
is "$?" 28 "delay:3000: a one-second client timeout expires (exit 28)"
get /v1/payment_methods
is "$CODE/$(jb '.data | length')" 200/2 "delay*1: the next request is served normally"

get /v1/charges
is "$CODE" 200 "malformed: still a 200"
if printf '%s' "$BODY" | jq . >/dev/null 2>&1; then ok 1 "malformed: the body is not JSON"; else
	ok 0 "malformed: the body is not JSON"; fi

get /v1/credits/grants
is "$(jb '.data[0].amount | type')" string "wrongtype: a required integer arrives as a string"

get /v1/invoices
esc=$(printf '\033')
case "$(jb '.data[0].lines[0].description')" in
*"$esc["*) ok 0 "escape: a description carries a CSI escape" ;;
*) ok 1 "escape: a description carries a CSI escape" ;;
esac
case "$(jb '.data[0].number')" in
*"$esc]8;;"*) ok 0 "escape: the number carries an OSC 8 hyperlink" ;;
*) ok 1 "escape: the number carries an OSC 8 hyperlink" ;;
esac
like "$(jb '.data[0].id')" '^inv_[0-9]+$' "ids are left alone"

get /v1/credits/ledger
like "$BODY" ':123456789012345678901234567890[,}]' "huge: an integer beyond 64 bits"

balance=$(val /v1/credits .balance)
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "tool_calls", "raw": 10}]}'
is "$CODE" 500 "a POST hit by 500 fails"
is "$(val /v1/credits .balance)" "$balance" "and changes nothing"
post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "tool_calls", "raw": 10}]}'
is "$CODE" 201 "the retry is recorded"

get /v1/credits
is "$CODE" 200 "a path no fault names is untouched"

start_billtopd --seed demo --fault '*=503*1' || { echo "not ok - second server"; exit 1; }
get /v1/credits
is "$CODE" 503 "'*' matches any path"
get /v1/account
is "$CODE" 200 "once"

api_done
