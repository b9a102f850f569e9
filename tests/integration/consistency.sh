#!/bin/sh
# consistency.sh: for several accounts (the demo variants and randomised
# billtopd --seed random=N accounts in JPY, KWD, EUR...), every figure that
# `billtop print ... --format json` shows in more than one output is equal,
# table rows sum to their totals, `check` judges the same spend, and the
# projection at the period end equals what billtopd invoices once its clock
# reaches the period end with usage continued at the projected rate
# (one tool call = one credit, posted before each grant event).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"

CC="python3 $top_srcdir/tests/integration/consistency_check.py"
# a missing tool fails the suite: it never passes silently
for tool in python3 jq; do
	command -v $tool >/dev/null 2>&1 || { echo "not ok 1 - $tool is installed (needed to compare the figures)"; echo "1..1"; exit 1; }
done

# results FILE: one ok per "STATUS description" line, "# " lines shown.
results() {
	while IFS= read -r l; do
		case "$l" in
		"# "*) echo "$l" ;;
		*) ok "${l%% *}" "$V: ${l#* }" ;;
		esac
	done <"$1"
}

# restart_at INSTANT: the same database, the clock at INSTANT (Unix seconds).
restart_at() {
	stop_billtopd
	_db=$BT_DB
	BT_NOW=$(date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ) start_billtopd --db "$_db" || return 1
	BT_DB=$_db
}

# account LABEL SEED NOW: one account (billtopd --seed SEED at the clock NOW)
# through every check; V (the label) starts each test's description.
account() {
	V=$1
	BT_NOW=$3
	BILLTOP_NOW=$3
	export BT_NOW BILLTOP_NOW
	D="$T_DIR/$(printf '%s' "$V" | tr -c 'A-Za-z0-9_-' _)"
	mkdir -p "$D"
	rm -f "$CACHE"
	failed_before=$T_FAILED
	start_billtopd --seed "$2" || { ok 1 "$V: billtopd starts"; return; }
	check "$V: sync" sync_cache
	for p in overview usage credits plans; do
		bt print "$p" --format json >"$D/$p.json" 2>"$D/$p.err" || sed 's/^/# /' "$D/$p.err"
	done
	$CC cross "$D" >"$D/cross.txt" 2>&1
	results "$D/cross.txt"

	# check --spend-above judges the figure print shows (in the currency's own decimals).
	spent=$(jq -r '.forecast.so_far.spend.amount // empty' "$D/overview.json")
	exp=$(jq -r '.account.currency | if . == "JPY" then 0 elif . == "KWD" then 3 else 2 end' "$D/overview.json")
	if [ -n "$spent" ] && [ "$spent" -gt 0 ]; then
		below=$(printf '%s' "$spent" | awk -v e="$exp" '{ printf "%.*f", e, ($1 - 1) / 10 ^ e }')
		at=$(printf '%s' "$spent" | awk -v e="$exp" '{ printf "%.*f", e, $1 / 10 ^ e }')
		bt check --offline --spend-above "$below" >/dev/null 2>&1
		is "$?" 10 "$V: check --spend-above just below the spend so far ($below) is crossed"
		bt check --offline --spend-above "$at" >/dev/null 2>&1
		is "$?" 0 "$V: check --spend-above the spend so far ($at) is not"
	fi

	# Usage at the projected rate up to the period end, then what billtopd invoices.
	$CC plan "$D" >"$D/plan.txt"
	while read -r t n; do
		[ "$t" = END ] && { restart_at "$n" || ok 1 "$V: billtopd restarts"; break; }
		restart_at "$t" || { ok 1 "$V: billtopd restarts"; break; }
		curl -s -o /dev/null -H "Authorization: Bearer $BT_TOKEN" -H 'Content-Type: application/json' \
			--data "{\"agent_id\": \"agt_support\", \"records\": [{\"meter_id\": \"tool_calls\", \"raw\": $n}]}" \
			"$BT_URL/v1/runs"
	done <"$D/plan.txt"
	api "/v1/invoices?limit=100" >"$D/invoices.json" || ok 1 "$V: invoices fetched"
	$CC invoice "$D" "$D/invoices.json" >"$D/invoice.txt" 2>&1
	results "$D/invoice.txt"
	stop_billtopd
	if [ "$T_FAILED" -ne "$failed_before" ]; then
		echo "# $V failed; replay it with CONSISTENCY_SEEDS='${2#random=}@$3' (billtopd --seed $2 --now $3)"
		grep -F -- "--seed $2:" "$T_DIR/billtopd.log" | tail -n 1 | sed 's/^/# /'
	fi
}

for v in active trial past-due exhausted paused; do
	account "$v" "demo=$v" 2026-11-15T12:00:00Z
done

# Randomised accounts (billtopd --seed random=N): currencies with 0, 2 and 3
# decimals (JPY, EUR, KWD), Starter and Pro, purchases and promotions,
# trial, past due and paused, the clock at a period's start, middle and end.
# The list was drawn once from random numbers and kept so that a run is
# reproducible; CONSISTENCY_SEEDS="N@INSTANT ..." replays or explores others.
: "${CONSISTENCY_SEEDS:=9@2026-11-15T12:00:00Z 30@2026-11-30T22:00:00Z 35@2026-11-02T20:00:00Z \
14@2026-11-15T12:00:00Z 2@2026-11-30T22:00:00Z 13@2026-11-08T09:00:00Z 12@2026-11-04T06:00:00Z}"
for sn in $CONSISTENCY_SEEDS; do
	account "random=${sn%@*}" "random=${sn%@*}" "${sn#*@}"
done

done_testing
