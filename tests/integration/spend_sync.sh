#!/bin/sh
# spend_sync.sh: the openai and anthropic sources end to end against
# billtopd --emulate (real HTTP on 127.0.0.1): sync through each adapter,
# print overview/usage against tests/golden/spend/, the same month-to-date
# spend and last month as the native API of the same account, check
# --spend-above/--projected-above exit codes, a budget, a 429 with
# Retry-After waited out, a foreign body refused with its JSON path and the
# cache unchanged, and only the recent days fetched again.
# BILLTOP_UPDATE_GOLDEN=1 rewrites the goldens from the current output.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"
. "$top_srcdir/tests/integration/golden_lib.sh"

GOLDEN="$top_srcdir/tests/golden/spend"
export BILLTOP_NOW=2026-11-15T12:00:00Z
mkdir -p "$XDG_CONFIG_HOME/billtop"

# bt: billtop on the current server and $SRC's cache (the golden helper's name)
bt() {
	BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" --url "$BT_URL" --cache "$T_DIR/$SRC.db" --source "$SRC" "$@"
}
spend_sync() {
	bt sync >"$T_DIR/sync.out" 2>"$T_DIR/sync.err"
	SYNC_RC=$?
	SYNC_OUT=$(cat "$T_DIR/sync.out")
	SYNC_ERR=$(cat "$T_DIR/sync.err")
}
spend_dump() {
	sqlite3 "$T_DIR/$SRC.db" "SELECT * FROM spend_org; SELECT * FROM spend_costs ORDER BY 1,2,3;
		SELECT * FROM spend_tokens ORDER BY 1,2,3; SELECT * FROM spend_names ORDER BY 1,2"
}

start_billtopd --seed demo || { echo "Bail out! billtopd did not start"; exit 1; }
# The native figures of the same account: this period's spend so far
# (before tax), its projection, and October's invoice subtotal.
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync -q --url "$BT_URL" --cache "$T_DIR/native.db" >/dev/null 2>&1
"$BILLTOP" print overview --cache "$T_DIR/native.db" --format json >"$T_DIR/native.json"
N_SPEND=$(jq -r .forecast.so_far.spend.amount "$T_DIR/native.json")
N_PROJ=$(jq -r .forecast.at_period_end.spend.amount "$T_DIR/native.json")
N_OCT=$(curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?limit=100" |
	jq -r '.data[] | select(.period_start == "2026-10-01T00:00:00Z") | .subtotal.amount')
like "$N_SPEND,$N_PROJ,$N_OCT" '^[0-9]+,[0-9]+,[0-9]+$' "the native figures are read"

for SRC in openai anthropic; do
	restart_billtopd --emulate "$SRC"
	mark=$(wc -l <"$T_DIR/billtopd.log")
	spend_sync
	is "$SYNC_RC" 0 "$SRC: billtop sync --source $SRC succeeds"
	# a first sync reads 13 months in bounded requests (180 or 31 buckets a
	# page; OpenAI: 8 usage kinds of 14 pages and the API key lists, docs/sources.md)
	n=$(tail -n +$((mark + 1)) "$T_DIR/billtopd.log" | grep -c '^GET ')
	ok "$([ "$n" -le 130 ] && echo 0 || echo 1)" "$SRC: a first sync of 13 months takes $n requests (at most 130)"
	like "$SYNC_OUT" "costs: fetched" "$SRC: the costs were fetched"
	like "$SYNC_OUT" "usage: fetched" "$SRC: and the usage"
	bt print overview --format json >"$T_DIR/o.json"
	is "$(jq -r .month_to_date.amount "$T_DIR/o.json")" "$N_SPEND" \
		"$SRC: month-to-date spend is the native spend so far"
	is "$(jq -r .last_month.amount "$T_DIR/o.json")" "$N_OCT" \
		"$SRC: last month is the native October invoice's subtotal"
	is "$(jq -r .projection.status "$T_DIR/o.json")" ok "$SRC: a projection is made"
	# the sum of the rows of each dimension is the total, to the micro-unit
	is "$(sqlite3 "$T_DIR/$SRC.db" "SELECT count(DISTINCT s) FROM (SELECT dimension, sum(amount_micro) s
		FROM spend_costs GROUP BY dimension)")" 1 "$SRC: every dimension sums to the same total"
	# usage by API key (issue 12.2): the one admin key of the emulation, by
	# its name, and its rows add up to the rows by model
	bt print usage --format json >"$T_DIR/u.json"
	key=key_billtop_admin; [ "$SRC" = anthropic ] && key=apikey_billtop_admin
	is "$(jq -r '[.by_api_key[] | "\(.api_key)=\(.name)"] | join(" ")' "$T_DIR/u.json")" "$key=billtop admin key" \
		"$SRC: usage by API key names the key"
	for kind in input_uncached output requests web_search moderation_input; do
		is "$(jq "[.by_api_key[].$kind] | add" "$T_DIR/u.json")" \
			"$(jq "[.tokens[] | select(.model != \"\") | .$kind] | add" "$T_DIR/u.json")" \
			"$SRC: $kind by API key adds up to $kind by model"
	done
	like "$(jq '[.by_api_key[].input_uncached] | add' "$T_DIR/u.json")" '^[1-9][0-9]*$' "$SRC: and is not empty"
	like "$(bt print usage --format csv | grep '^api_key,')" "^api_key,,$key,billtop admin key,," "$SRC: usage CSV names the key"
	like "$(bt print usage | sed -n '/^Tokens and requests by API key/,/^\$/p')" "billtop admin key +[0-9]+" \
		"$SRC: print usage has the table by API key"
	if [ "$SRC" = openai ]; then
		# vector stores and code interpreter sessions: the native MB-days
		# (x 10^6 bytes) and calls of the month so far (issue 12)
		bt print usage --format json >"$T_DIR/u.json"
		is "$(jq -r '.tokens[] | select(.model == "") | "\(.vector_store_bytes),\(.code_interpreter_sessions)"' "$T_DIR/u.json")" \
			"$(sqlite3 "$T_DIR/native.db" "SELECT (SELECT sum(raw) * 1000000 FROM usage_by_meter WHERE meter_id = 'storage_gb_days'
				AND day BETWEEN '2026-11-01' AND '2026-11-15') || ',' || (SELECT sum(raw) FROM usage_by_meter
				WHERE meter_id = 'tool_calls' AND day BETWEEN '2026-11-01' AND '2026-11-15')")" \
			"openai: vector store bytes and code interpreter sessions are the native MB-days and calls"
	fi
	golden "$SRC-overview-80-utf8" C.UTF-8 overview
	golden "$SRC-usage-80-ascii" C usage
	golden "$SRC-usage-132-utf8" C.UTF-8 usage --width 132
	widest=$(LC_ALL=C.UTF-8 bt print usage | LC_ALL=C.UTF-8 wc -L)
	ok "$([ "$widest" -le 80 ] && echo 0 || echo 1)" "$SRC: print usage fits 80 columns (widest line $widest)"
	# October seen from its last day: overage on most days, split over the projects
	export BILLTOP_NOW=2026-10-31T12:00:00Z
	golden "$SRC-overview-oct-80-ascii" C overview
	golden "$SRC-usage-oct-80-utf8" C.UTF-8 usage
	bt print overview --format json >"$T_DIR/oct.json"
	is "$(jq -r .month_to_date.amount "$T_DIR/oct.json")" "$N_OCT" "$SRC: October to date (its last day) is its invoice's subtotal"
	export BILLTOP_NOW=2026-11-15T12:00:00Z
	bt print overview --format json >"$T_DIR/$SRC-overview.json"
	check "$SRC: print overview --format json is JSON" jq -e . "$T_DIR/$SRC-overview.json"
	bt print usage --format csv >"$T_DIR/$SRC-usage.csv"
	like "$(head -n 1 "$T_DIR/$SRC-usage.csv")" '^table,day,key,name,cost,quantity_or_micro' "$SRC: usage as CSV"
	# the CSV's rows of one table add up to the overview's month-to-date
	is "$(awk -F, 'NR > 1 && $2 != "" && $1 != "tokens" { gsub(/\r/, ""); s += $(NF-1) } END { printf "%d", s + 0.5 }' \
		"$T_DIR/$SRC-usage.csv")" "$N_SPEND" "$SRC: the daily rows add up to the month to date"

	# check: spend so far and the projection (exit 10 crossed, 0 fine)
	bt check --offline --spend-above 499.99 >"$T_DIR/c.out"; is "$?" 10 "$SRC: check --spend-above below the spend: 10"
	like "$(cat "$T_DIR/c.out")" 'spend above \$499\.99: \$500\.00 so far' "$SRC: and says so"
	bt check --offline --spend-above 500.00 >/dev/null; is "$?" 0 "$SRC: check --spend-above at the spend: 0"
	bt check --offline --projected-above 1.00 >/dev/null; is "$?" 10 "$SRC: check --projected-above: 10"
	bt check --offline --projected-above 100000 >/dev/null; is "$?" 0 "$SRC: a high --projected-above: 0"
	bt check --offline --credits-below 5 >/dev/null 2>&1; is "$?" 2 "$SRC: --credits-below is not offered: 2"
	bt check --offline --spend-above 1.234 >/dev/null 2>&1; is "$?" 2 "$SRC: an amount finer than a cent: 2"
done

# The native source: --projected-above on the one period forecast.
SRC=native
"$BILLTOP" check --offline --cache "$T_DIR/native.db" --projected-above "$(printf '%d.%02d' $(((N_PROJ - 1) / 100)) $(((N_PROJ - 1) % 100)))" >/dev/null
is "$?" 10 "native: --projected-above just under the projection: 10"
"$BILLTOP" check --offline --cache "$T_DIR/native.db" --projected-above "$(printf '%d.%02d' $((N_PROJ / 100)) $((N_PROJ % 100)))" >/dev/null
is "$?" 0 "native: --projected-above at the projection: 0"

# A budget in the profile: banner at 100% (500.00 spent of 500.00), at 80%.
SRC=openai
restart_billtopd --emulate openai
cat >"$XDG_CONFIG_HOME/billtop/config" <<CFG
[profile full]
source = openai
budget = 500.00 USD
[profile eighty]
source = openai
budget = "600.00 USD"
CFG
chmod 600 "$XDG_CONFIG_HOME/billtop/config"
out=$("$BILLTOP" print overview --profile full --cache "$T_DIR/openai.db")
like "$out" 'Budget reached: \$500\.00 spent this month of a \$500\.00 budget' "budget = 500.00 USD: the 100% banner"
like "$out" 'Budget +\$500\.00, 100% used, \$0\.00 left' "and the budget line"
out=$("$BILLTOP" print overview --profile eighty --cache "$T_DIR/openai.db")
like "$out" '83% of the budget spent: \$500\.00 of \$600\.00' "budget = 600.00 USD: the 80% banner"
printf '[profile bad]\nsource = stripe\n' >"$XDG_CONFIG_HOME/billtop/config"
"$BILLTOP" print overview --profile bad --cache "$T_DIR/openai.db" >/dev/null 2>"$T_DIR/e"
is "$?" 2 "source = stripe: a usage error"
like "$(cat "$T_DIR/e")" "config:2: source: unknown source 'stripe'" "naming the line and the value"
rm -f "$XDG_CONFIG_HOME/billtop/config"
"$BILLTOP" --source stripe print overview --cache "$T_DIR/openai.db" >/dev/null 2>"$T_DIR/e"
like "$(cat "$T_DIR/e")" "--source: unknown source 'stripe'" "--source stripe: named too"
rm -f "$XDG_CONFIG_HOME/billtop/config"

# What a spend source does not offer (the source layer, issue 12): print
# says so on stderr with exit 8, for each such tab.
for SRC in openai anthropic; do
	disp=OpenAI; [ "$SRC" = anthropic ] && disp=Anthropic
	for tab in credits invoices payment plans; do
		bt print "$tab" >"$T_DIR/no.out" 2>"$T_DIR/no.err"
		is "$?" 8 "$SRC: print $tab: not offered (8)"
		like "$(cat "$T_DIR/no.err")" "^billtop: $disp's API has no .*: see them at https://" "$SRC: print $tab names the source and where to look"
		is "$(cat "$T_DIR/no.out")" "" "$SRC: print $tab prints nothing on stdout"
	done
done
SRC=openai

# Only recent days are read again: an October row (closed) changed in the
# cache stays as it is, a November row is restored by the next refresh.
sqlite3 "$T_DIR/openai.db" "UPDATE spend_costs SET amount_micro = amount_micro + 7 WHERE day IN ('2026-10-10', '2026-11-01')"
spend_sync
is "$SYNC_RC" 0 "a second refresh"
is "$(sqlite3 "$T_DIR/openai.db" "SELECT count(*) FROM spend_costs WHERE day = '2026-10-10' AND amount_micro % 10 = 7")" \
	"$(sqlite3 "$T_DIR/openai.db" "SELECT count(*) FROM spend_costs WHERE day = '2026-10-10'")" \
	"closed days (October) are kept, not fetched again"
is "$(sqlite3 "$T_DIR/openai.db" "SELECT count(*) FROM spend_costs WHERE day = '2026-11-01' AND amount_micro % 10 = 7")" 0 \
	"the current month is fetched again"

# 429 with Retry-After: waited out, the refresh succeeds.
restart_billtopd --emulate openai --fault '/v1/organization/costs=429:1*1'
mark=$(wc -l <"$T_DIR/billtopd.log")
spend_sync
is "$SYNC_RC" 0 "a 429 with Retry-After: 1 is waited out"
is "$(tail -n +$((mark + 1)) "$T_DIR/billtopd.log" | grep -c 'GET /v1/organization/costs 429')" 1 "one 429 was answered"

restart_billtopd --emulate anthropic --fault '/v1/organizations/cost_report=429:1*1'
SRC=anthropic
mark=$(wc -l <"$T_DIR/billtopd.log")
spend_sync
is "$SYNC_RC" 0 "anthropic: a 429 with retry-after: 1 is waited out"
is "$(tail -n +$((mark + 1)) "$T_DIR/billtopd.log" | grep -c 'GET /v1/organizations/cost_report 429')" 1 "one 429 was answered"
SRC=openai

# A foreign body: refused with its JSON path, the previous snapshot whole.
snap=$(spend_dump)
restart_billtopd --emulate openai --fault '/v1/organization/costs=wrongtype'
spend_sync
is "$SYNC_RC" 6 "a wrong type in the costs: exit 6"
like "$SYNC_OUT$SYNC_ERR" 'costs: data\[0\]\.start_time: expected integer' "named by its JSON path"
is "$(spend_dump)" "$snap" "the cache is unchanged"
# the native API is foreign to the openai source
restart_billtopd
spend_sync
ok "$([ "$SYNC_RC" -ne 0 ] && echo 0 || echo 1)" "--source openai against the native API fails ($SYNC_RC)"
is "$(spend_dump)" "$snap" "and the cache is unchanged"

# The same cache switched to another source keeps none of the old rows.
restart_billtopd --emulate anthropic
SRC=anthropic
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" --url "$BT_URL" --cache "$T_DIR/openai.db" --source anthropic sync -q
is "$?" 0 "an openai cache refreshed with --source anthropic"
is "$(sqlite3 "$T_DIR/openai.db" "SELECT source, name FROM spend_org")" "anthropic|Acme Robotics" "now holds the anthropic organisation"
is "$(sqlite3 "$T_DIR/openai.db" "SELECT count(*) FROM spend_costs WHERE dimension IN ('line_item', 'project')")" 0 \
	"and no openai rows"

# The API key lists the emulations serve (names for usage by API key).
restart_billtopd --emulate openai
is "$(curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/organization/admin_api_keys?limit=100" |
	jq -r '.data[] | "\(.object) \(.id) \(.name)"')" "organization.admin_api_key key_billtop_admin billtop admin key" \
	"openai: admin_api_keys lists the admin key"
is "$(curl -sS -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/organization/projects/agt_support/api_keys" |
	jq -c '[.object, .data, .has_more]')" '["list",[],false]' "openai: a project's api_keys: a list (none)"
is "$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BT_TOKEN" \
	"$BT_URL/v1/organization/projects/agt_nope/api_keys")" 404 "openai: an unknown project's api_keys: 404"
is "$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BT_TOKEN" \
	"$BT_URL/v1/organization/admin_api_keys?before=x")" 400 "openai: an unknown parameter: 400"
restart_billtopd --emulate anthropic
is "$(curl -sS -H "x-api-key: $BT_TOKEN" -H 'anthropic-version: 2023-06-01' "$BT_URL/v1/organizations/api_keys?limit=1000" |
	jq -r '.data[] | "\(.type) \(.id) \(.name) \(.status)"')" "api_key apikey_billtop_admin billtop admin key active" \
	"anthropic: api_keys lists the admin key"

# 401 and 403 in the provider's terms: which key is needed, with the
# provider's own message (the emulators' bodies), exit 3, nothing written.
restart_billtopd --emulate openai --token-role member:tok-member
snap=$(sqlite3 "$T_DIR/auth.db" "SELECT * FROM spend_org" 2>/dev/null)
for SRC in openai anthropic; do
	[ "$SRC" = anthropic ] && restart_billtopd --emulate anthropic --token-role member:tok-member
	for tok in tok-wrong tok-member; do
		BILLTOP_TOKEN=$tok "$BILLTOP" --url "$BT_URL" --cache "$T_DIR/auth.db" --source "$SRC" sync \
			>"$T_DIR/a.out" 2>"$T_DIR/a.err"
		is "$?" 3 "$SRC: $tok: exit 3"
		out=$(cat "$T_DIR/a.out" "$T_DIR/a.err")
		if [ "$SRC" = openai ]; then
			like "$out" 'an OpenAI admin key \(sk-admin-\.\.\.\) is needed' "$SRC: $tok: names the key OpenAI needs"
		else
			like "$out" 'an Anthropic Admin API key \(sk-ant-admin\.\.\.\) is needed' "$SRC: $tok: names the key Anthropic needs"
		fi
		unlike "$out" 'role|billing_reader' "$SRC: $tok: not billtop's role wording"
	done
	[ "$SRC" = openai ] && like "$out" '403: You have insufficient permissions' "openai: 403 carries OpenAI's message"
	[ "$SRC" = anthropic ] && like "$out" '403: Your API key does not have permission' "anthropic: 403 carries Anthropic's message"
done
BILLTOP_TOKEN=tok-wrong "$BILLTOP" --url "$BT_URL" --cache "$T_DIR/auth.db" --source anthropic sync 2>&1 |
	grep -q '401: invalid x-api-key'
is "$?" 0 "anthropic: 401 carries Anthropic's message"
is "$(sqlite3 "$T_DIR/auth.db" "SELECT * FROM spend_org" 2>/dev/null)" "$snap" "a refused key writes no spend"

# Anthropic's server tool use: the large seed's web searches are the usage
# report's web_search_requests, shown after their model (issue 12.3).
stop_billtopd
start_billtopd --seed large --emulate anthropic || { echo "Bail out! billtopd did not start"; exit 1; }
SRC=anthropic
rm -f "$T_DIR/anthropic.db"
spend_sync
is "$SYNC_RC" 0 "anthropic, large seed: sync"
web=$(bt print usage --format json | jq -r '[.tokens[].web_search] | add')
like "$web" '^[1-9][0-9]*$' "anthropic: web searches are read ($web)"
is "$(curl -sS -H "x-api-key: $BT_TOKEN" -H 'anthropic-version: 2023-06-01' \
	"$BT_URL/v1/organizations/usage_report/messages?starting_at=2026-11-01T00:00:00Z&ending_at=2026-11-16T00:00:00Z&limit=31" |
	jq '[.data[].results[].server_tool_use.web_search_requests] | add')" "$web" \
	"anthropic: the emulator's web_search_requests of the month, ungrouped, are the same"
like "$(bt print usage | grep -A1 '^  web_searches' | tail -n 1)" "^ +$web web searches\$" \
	"anthropic: print usage shows the web searches after the model"

done_testing
