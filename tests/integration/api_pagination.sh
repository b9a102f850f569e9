#!/bin/sh
# api_pagination.sh: limit and starting_after on every list (exact page sizes,
# has_more, the empty list, bad values), and ETags: one per list query on every
# page, 304 on If-None-Match, changed by a write, unchanged for a closed month,
# and the same after a restart on the same database.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

# walk PATH LIMIT: pages through PATH (which has a '?'); prints one id per line and
# leaves the number of pages in $T_DIR/pages and the distinct ETags in $T_DIR/etags.
walk() {
	_after="" _pages=0
	: >"$T_DIR/ids"
	: >"$T_DIR/etags"
	while :; do
		get "$1&limit=$2${_after:+&starting_after=$_after}"
		[ "$CODE" = 200 ] || { echo "walk: $CODE $BODY" >&2; break; }
		_pages=$((_pages + 1))
		hdr ETag >>"$T_DIR/etags"
		_n=$(jb '.data | length')
		_more=$(jb .has_more)
		if [ "$_more" = true ] && [ "$_n" != "$2" ]; then echo "short page: $_n" >&2; fi
		jb '.data[].id' >>"$T_DIR/ids"
		[ "$_more" = true ] || break
		_after=$(jb '.data[-1].id')
	done
	echo "$_pages" >"$T_DIR/pages"
	sort -u "$T_DIR/etags" -o "$T_DIR/etags"
	cat "$T_DIR/ids"
}

get '/v1/credits/ledger?limit=1000'
total=$(jb '.data | length')
all=$(jb '.data[].id')
like "$total" '^[0-9]{2,}$' "the demo ledger has dozens of entries ($total)"
is "$(jb .has_more)" false "one page of 1,000 holds it all"

get '/v1/credits/ledger?limit=5'
is "$(jb '.data | length') $(jb .has_more)" "5 true" "limit=5: exactly 5 items and has_more"
is "$(jb '.object')" list "a list object"
got=$(walk '/v1/credits/ledger?' 7 2>"$T_DIR/walk.err")
is "$got" "$all" "paging by 7 yields every entry once, in order"
is "$(cat "$T_DIR/walk.err")" "" "every page but the last is full"
is "$(cat "$T_DIR/pages")" $(((total + 6) / 7)) "ceil(total / 7) pages"
is "$(wc -l <"$T_DIR/etags" | tr -d ' ')" 1 "every page of the list has the same ETag"

get "/v1/credits/ledger?limit=$total"
is "$(jb '.data | length') $(jb .has_more)" "$total false" "limit = total: one full page, has_more false"
get "/v1/credits/ledger?limit=$((total - 1))"
is "$(jb '.data | length') $(jb .has_more)" "$((total - 1)) true" "limit = total - 1: has_more"
get "/v1/credits/ledger?limit=$((total - 1))&starting_after=$(jb '.data[-1].id')"
is "$(jb '.data | length') $(jb .has_more)" "1 false" "then the last one"
get "/v1/credits/ledger?starting_after=$(echo "$all" | tail -n 1)"
is "$BODY" '{"object":"list","data":[],"has_more":false}' "after the last item: the empty list"

get '/v1/runs?from=2020-01-01&to=2020-01-02'
is "$BODY" '{"object":"list","data":[],"has_more":false}' "an empty list is {object, data: [], has_more: false}"

for path in /v1/plans /v1/meters /v1/agents /v1/credits/grants /v1/credits/ledger /v1/invoices \
	/v1/payment_methods /v1/charges '/v1/runs?from=2026-11-01&to=2026-11-15' \
	'/v1/usage/daily?from=2026-11-01&to=2026-11-15'; do
	case "$path" in *\?*) sep='&' ;; *) sep='?' ;; esac
	bad=""
	for l in 0 1001 -1 abc 1.5 ''; do
		get "$path${sep}limit=$l"
		[ "$CODE/$(jb .error.code)" = 400/invalid_parameter ] || bad="$bad $l:$CODE"
	done
	is "$bad" "" "$path: limit 0, 1001, -1, abc, 1.5 and empty are 400 invalid_parameter"
	get "$path${sep}starting_after=nope_000001"
	is "$CODE/$(jb .error.code)" 400/invalid_parameter "$path: an unknown starting_after is 400"
	get "$path${sep}limit=1"
	n=$(jb '.data | length')
	get "$path${sep}limit=1000"
	is "$n" "$(jb '[.data | length, 1] | min')" "$path: limit=1 gives one item"
done

is "$(walk '/v1/plans?' 1 | tr '\n' ' ')" "free starter pro enterprise " "plans one per page"
is "$(cat "$T_DIR/pages")" 4 "four pages"

# Usage for a month, page by page, as a client syncs it.
get '/v1/usage/daily?from=2026-10-01&to=2026-10-31&limit=1000'
oct_all=$(jb '.data[].id')
oct_etag=$(hdr ETag)
is "$(walk '/v1/usage/daily?from=2026-10-01&to=2026-10-31' 50 2>/dev/null)" "$oct_all" \
	"a month of usage paged by 50 equals one page of 1,000"
is "$(wc -l <"$T_DIR/etags" | tr -d ' ')" 1 "one ETag for every page of the month"
get '/v1/usage/daily?from=2026-10-01&to=2026-10-31&limit=50'
is "$(hdr ETag)" "$(cat "$T_DIR/etags")" "the ETag names the query, limit included"
etag50=$(hdr ETag)
unlike "$etag50" "^$oct_etag\$" "another limit is another query: another ETag"
get '/v1/usage/daily?from=2026-10-01&to=2026-10-31&limit=50' -H "If-None-Match: $etag50"
is "$CODE" 304 "If-None-Match with the current ETag: 304"
is "$BODY" "" "with no body"
get '/v1/usage/daily?from=2026-10-01&to=2026-10-31&limit=50' -H 'If-None-Match: "0000000000000000"'
is "$CODE" 200 "another ETag: 200"
get '/v1/usage/daily?from=2026-10-01&to=2026-10-31&limit=50' -H "If-None-Match: \"x\", $etag50"
is "$CODE" 304 "a list of ETags containing the current one: 304"

get '/v1/usage/daily?from=2026-11-01&to=2026-11-30&limit=1000'
nov_etag=$(hdr ETag)
get /v1/credits/ledger
ledger_etag=$(hdr ETag)
get /v1/account
account_etag=$(hdr ETag)
get /v1/invoices
invoices_etag=$(hdr ETag)

post /v1/runs '{"agent_id": "agt_voice", "records": [{"meter_id": "tool_calls", "raw": 3}]}'
is "$CODE" 201 "a run is recorded"
get '/v1/usage/daily?from=2026-11-01&to=2026-11-30&limit=1000' -H "If-None-Match: $nov_etag"
is "$CODE" 200 "the running month's ETag changed after the run"
get '/v1/usage/daily?from=2026-10-01&to=2026-10-31&limit=1000' -H "If-None-Match: $oct_etag"
is "$CODE" 304 "a closed month's ETag did not"
get /v1/credits/ledger -H "If-None-Match: $ledger_etag"
is "$CODE" 200 "the ledger's ETag changed"
get '/v1/usage/daily?from=2026-11-01&to=2026-11-30&limit=1000'
nov_etag=$(hdr ETag)
get /v1/credits/ledger
ledger_etag=$(hdr ETag)
get /v1/account
account_etag=$(hdr ETag)

restart_billtopd || { echo "not ok - restart"; exit 1; }
get '/v1/usage/daily?from=2026-11-01&to=2026-11-30&limit=1000' -H "If-None-Match: $nov_etag"
is "$CODE" 304 "after a restart on the same database: the same usage ETag"
get /v1/credits/ledger -H "If-None-Match: $ledger_etag"
is "$CODE" 304 "the same ledger ETag"
get /v1/account -H "If-None-Match: $account_etag"
is "$CODE" 304 "the same account ETag"

start_billtopd --seed demo || { echo "not ok - second server"; exit 1; }
get /v1/account -H "If-None-Match: $account_etag"
is "$CODE" 200 "another database with the same data has other ETags"

api_done
