#!/bin/sh
# print_usage_formats.sh: `billtop print usage|credits` JSON and CSV: the CSV
# parsed back (RFC 4180) equals the JSON; the JSON adds up and matches the
# server's own daily usage; ranges span the right days; bad options exit 2;
# text from the server cannot run as a spreadsheet formula.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"

start_billtopd --seed demo || { echo "Bail out! billtopd did not start"; exit 1; }
check "sync the demo account" sync_cache

# csv2tsv: RFC 4180 records (quoted fields, doubled quotes, CRLF) to tab-separated lines.
csv2tsv() {
	awk '
	function parse(line,   i, c, f, n, q) {
		n = 0; f = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (q) {
				if (c == "\"") {
					if (substr(line, i + 1, 1) == "\"") { f = f "\""; i++ } else q = 0
				} else f = f c
			} else if (c == "\"") q = 1
			else if (c == ",") { fld[++n] = f; f = "" }
			else f = f c
		}
		fld[++n] = f
		return n
	}
	{
		if (!sub(/\r$/, "")) { print "missing CRLF on line " NR > "/dev/stderr"; bad = 1 }
		n = parse($0)
		out = fld[1]
		for (i = 2; i <= n; i++) out = out "\t" fld[i]
		print out
	}
	END { exit bad }'
}

# Plain decimal ("365.90", "57.8") to an integer of its smallest unit ("36590", "578").
undot() { awk -F '\t' -v OFS='\t' -v cols="$1" '
	BEGIN { n = split(cols, c, ",") }
	{ for (i = 1; i <= n; i++) if ($c[i] != "") { gsub(/\./, "", $c[i]); $c[i] = $c[i] + 0 } print }'; }

# Server truth: the credits of every usage item over [from, to], all pages.
server_credits() {
	after="" sum=0
	while :; do
		page=$(api "/v1/usage/daily?from=$1&to=$2&limit=1000${after:+&starting_after=$after}") || return 1
		sum=$((sum + $(printf '%s' "$page" | jq '[.data[].credits] | add // 0')))
		[ "$(printf '%s' "$page" | jq -r .has_more)" = true ] || break
		after=$(printf '%s' "$page" | jq -r '.data[-1].id')
	done
	echo "$sum"
}

for by in item meter agent; do
	bt print usage --by "$by" --format json >"$T_DIR/u.json" 2>"$T_DIR/u.err"
	ok $? "print usage --by $by --format json"
	bt print usage --by "$by" --format csv >"$T_DIR/u.csv" 2>"$T_DIR/u.err"
	ok $? "print usage --by $by --format csv"
	is "$(head -n 1 "$T_DIR/u.csv" | tr -d '\r')" \
		"key,name,credits,cost,currency,share_percent,billed_raw,raw_unit,unit,billing,period_credits,previous_credits,delta,change_percent" \
		"$by: CSV header"
	tail -n +2 "$T_DIR/u.csv" | csv2tsv | cut -f 1,2,3,4,6,7 | undot 5 >"$T_DIR/csv.tsv"
	ok $? "$by: every CSV record ends in CRLF"
	jq -r '.rows[] | [.key, .name, .credits, (.cost.amount // ""), .share_permille,
	       (.meter.billed_raw // "")] | @tsv' "$T_DIR/u.json" >"$T_DIR/json.tsv"
	if diff "$T_DIR/json.tsv" "$T_DIR/csv.tsv" >"$T_DIR/d" 2>&1; then ok 0 "$by: CSV parsed back equals the JSON rows"
	else ok 1 "$by: CSV parsed back equals the JSON rows"; sed 's/^/# /' "$T_DIR/d" | head -n 20; fi
	total=$(jq .total.credits "$T_DIR/u.json")
	is "$(jq '[.rows[].credits] | add' "$T_DIR/u.json")" "$total" "$by: rows add up to the total"
	is "$(jq '[.days[].total] | add' "$T_DIR/u.json")" "$total" "$by: days add up to the total"
	is "$(jq '[.days[] | select(([.series[]] | add // 0) != .total)] | length' "$T_DIR/u.json")" 0 \
		"$by: each day's series add up to its total"
	is "$total" "$(server_credits 2026-10-17 2026-11-15)" "$by: total equals the server's usage items"
done

# Grants show the day they are available from, scheduled or not (80 columns).
bt print credits >"$T_DIR/credits.txt"
like "$(grep -F 'Remaining From' "$T_DIR/credits.txt")" "Remaining From +Expires" "the grants table has an available-from column"
like "$(cat "$T_DIR/credits.txt")" "Launch w.* 2026-11-13 2026-11-23" "an active grant: available from, then expires"
like "$(cat "$T_DIR/credits.txt")" "Webinar .*scheduled 2026-11-18 2026-12-18" "a scheduled grant: available from, then expires"

# Metering: each record rounded up to its increment before summing; raw vs billed.
bt print usage --by meter >"$T_DIR/meter.txt"
like "$(cat "$T_DIR/meter.txt")" "each record rounded up to its increment before" "the rule is said"
like "$(cat "$T_DIR/meter.txt")" "Connection minutes: [0-9,]+ minutes billed \\([0-9,]+ seconds recorded\\)" \
	"a rounded meter shows billed and recorded quantity"
bt print usage --by meter --format json >"$T_DIR/meter.json"
is "$(jq '[.rows[].meter | select(. != null) | select(.raw > .billed_raw)] | length' "$T_DIR/meter.json")" 0 \
	"billed is never below the recorded quantity"
is "$(jq '[.rows[].meter | select(. != null) | select(.raw < .billed_raw)] | length > 0' "$T_DIR/meter.json")" true \
	"and rounding up shows on some meter"

# Ranges: their spans and day counts.
span() { bt print usage --range "$1" --format json | jq -r '"\(.from) \(.to) \(.days | length)"'; }
is "$(span 7d)" "2026-11-09 2026-11-15 7" "7d: the last 7 days, today included"
is "$(span 30d)" "2026-10-17 2026-11-15 30" "30d is the default span"
is "$(span 90d)" "2026-08-18 2026-11-15 90" "90d"
is "$(span period)" "2026-11-01 2026-11-15 15" "period: from its start to today"
is "$(span previous)" "2026-10-01 2026-10-31 31" "previous: the whole period before"
is "$(bt print usage --format json | jq -r '.range + " " + .by')" "30d item" "defaults: 30d by line item"
prev=$(bt print usage --range previous --format json | jq .total.credits)
is "$prev" "$(server_credits 2026-10-01 2026-10-31)" "previous period total equals the server's"

# Meter rows say how they are billed; zero rows are in JSON and CSV.
like "$(bt print usage --by meter --format json | jq -r '.rows[] | select(.key == "connection_minutes") | .meter.billing')" \
	"^rounded up to 1-minute increments$" "a meter's billing rule"
like "$(bt print usage --by meter --format json | jq -r '.rows[] | select(.key == "data_transfer_gb") | .meter.billing')" \
	"^rounded up to 0.01 GB steps$" "GB in 0.01 steps"

# Credits: the ledger CSV (with a quoted comma) against the JSON.
bt print credits --format json --ledger 0 >"$T_DIR/c.json"
ok $? "print credits --format json --ledger 0"
bt print credits --format csv --ledger 0 >"$T_DIR/c.csv"
ok $? "print credits --format csv --ledger 0"
is "$(jq '.ledger.entries | length' "$T_DIR/c.json")" "$(jq .ledger.total "$T_DIR/c.json")" "--ledger 0: every entry"
is "$(jq '.ledger.total' "$T_DIR/c.json")" "$(api '/v1/credits/ledger?limit=1000' | jq '.data | length')" \
	"as many as the server's ledger"
like "$(cat "$T_DIR/c.csv")" '"Pro plan allowance, November 2026"' "a field with a comma is quoted"
tail -n +2 "$T_DIR/c.csv" | csv2tsv >"$T_DIR/lc.tsv"
jq -r '.ledger.entries[] | [.id, .at, .kind, .credits, .balance_after, (.grant_id // ""), .description] | @tsv' \
	"$T_DIR/c.json" >"$T_DIR/lj.tsv"
if diff "$T_DIR/lj.tsv" "$T_DIR/lc.tsv" >"$T_DIR/d" 2>&1; then ok 0 "ledger CSV parsed back equals the JSON"
else ok 1 "ledger CSV parsed back equals the JSON"; sed 's/^/# /' "$T_DIR/d" | head -n 20; fi
is "$(bt print credits --format json --kind purchase --ledger 0 | jq -r '[.ledger.entries[].kind] | unique | join(",")')" \
	purchase "--kind filters the ledger"
is "$(bt print credits --format json | jq '.ledger.entries | length')" 20 "the newest 20 by default"
is "$(bt print credits --format json | jq -r '.grants[] | select(.id == "grt_000008") | .state')" expiring_soon \
	"a grant expiring within 14 days"
is "$(bt print credits --format json | jq -r '.purchase.available')" true "Pro can buy credits"

# Bad options: exit 2, naming what was wrong.
bad() {
	d=$1
	shift
	bt print "$@" >/dev/null 2>"$T_DIR/bad.err"
	is "$?" 2 "$d: exit 2"
}
bad "--range 31d" usage --range 31d
like "$(cat "$T_DIR/bad.err")" "--range must be 7d, 30d, 90d, period or previous, not '31d'" "names the range"
bad "--by project" usage --by project
bad "--ledger -1" credits --ledger -1
bad "--kind refund" credits --kind refund
like "$(cat "$T_DIR/bad.err")" "not 'refund'" "names the kind"

stop_billtopd
# The Free plan cannot buy credits, and says why.
start_billtopd --seed demo=exhausted || { echo "Bail out!"; exit 1; }
rm -f "$CACHE"
check "sync the exhausted Free account" sync_cache
is "$(bt print credits --format json | jq -r .purchase.available)" false "Free cannot buy credits"
like "$(bt print credits --format json | jq -r .purchase.reason)" "Free plan cannot buy credits" "and says why"
like "$(bt print usage --format csv | sed -n 2p)" ',,USD,' "no overage price: cost is empty (included)"
like "$(bt print usage)" "included" "the text says included"

# CSV injection: the server's database says an agent's name, ledger
# descriptions and an invoice number start with =, @, + and -.  In the CSV
# they get a leading ' (they stay text in a spreadsheet); the numbers
# billtop formats itself, negative credits included, do not; JSON is as sent.
stop_billtopd
start_billtopd --seed demo || { echo "Bail out!"; exit 1; }
db=$BT_DB
stop_billtopd
agent=$(sqlite3 "$db" 'SELECT min(id) FROM agents')
sqlite3 "$db" "UPDATE agents SET name = '=HYPERLINK(\"http://evil.example/\",\"open\")' WHERE id = '$agent';
	UPDATE ledger SET description = '@SUM(1+1)' WHERE rowid = (SELECT min(rowid) FROM ledger);
	UPDATE ledger SET description = '+1+1' WHERE rowid = (SELECT max(rowid) FROM ledger);
	UPDATE ledger SET description = '-2+3' WHERE rowid = (SELECT min(rowid) + 1 FROM ledger);
	UPDATE invoices SET number = '=1+2' WHERE seq = (SELECT min(seq) FROM invoices WHERE is_draft = 0)"
start_billtopd --db "$db" || { echo "Bail out!"; exit 1; }
CACHE="$T_DIR/inject.db"
check "sync the account with hostile strings" sync_cache
bt print usage --by agent --format csv | tail -n +2 | csv2tsv >"$T_DIR/i.tsv"
is "$(awk -F '\t' -v k="$agent" '$1 == k { print $2 }' "$T_DIR/i.tsv")" \
	"'=HYPERLINK(\"http://evil.example/\",\"open\")" "an agent's name starting with = gets a leading '"
bt print credits --format csv --ledger 0 | tail -n +2 | csv2tsv >"$T_DIR/l.tsv"
for d in '@SUM(1+1)' '+1+1' '-2+3'; do
	is "$(awk -F '\t' -v d="'$d" '$7 == d' "$T_DIR/l.tsv" | wc -l | tr -d ' ')" 1 \
		"a ledger description starting with ${d%"${d#?}"} gets a leading '"
done
is "$(cut -f 4 "$T_DIR/l.tsv" | grep -c "^'")" 0 "credits are never quoted"
like "$(cut -f 4 "$T_DIR/l.tsv" | grep -c '^-[0-9][0-9]*$')" '^[1-9]' "negative credits stay numbers (-1830)"
is "$(bt print credits --format json --ledger 0 | jq '[.ledger.entries[] | select(.description == "@SUM(1+1)")] | length')" \
	1 "JSON keeps the server's text as it is"
bt print invoices --format csv | tail -n +2 | csv2tsv >"$T_DIR/v.tsv"
is "$(cut -f 2 "$T_DIR/v.tsv" | grep -cx "'=1+2")" 1 "an invoice number starting with = gets a leading '"
unlike "$(cut -f 10-15 "$T_DIR/v.tsv" | tr '\t' '\n' | grep "^'" | head -n 1)" . "amounts are never quoted"

done_testing
