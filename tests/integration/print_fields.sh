#!/bin/sh
# print_fields.sh: docs/print-json.md against real output.  Every demo
# variant's `billtop print TAB --format json|csv` (every tab, the options
# that add fields) is checked by print_fields.py: every JSON field is
# documented with its type, every documented field appears, CSV headers are
# the documented columns, JSON starts with "format_version": 1.  CSV amounts
# are integer minor units.  A write error on stdout is an error, said so.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"

for tool in python3 jq; do
	command -v $tool >/dev/null 2>&1 || { echo "not ok 1 - $tool is installed"; echo "1..1"; exit 1; }
done
OUT="$T_DIR/out"

for V in active trial past-due exhausted paused; do
	D="$OUT/$V"
	mkdir -p "$D"
	rm -f "$CACHE"
	[ -n "${BT_PID:-}" ] && stop_billtopd
	start_billtopd --seed "demo=$V" || { ok 1 "$V: billtopd starts"; continue; }
	check "$V: sync" sync_cache
	for tab in overview credits plans invoices payment; do
		bt print $tab --format json >"$D/$tab.json" || ok 1 "$V: print $tab --format json"
	done
	for tab in credits invoices payment; do
		bt print $tab --format csv >"$D/$tab.csv" || ok 1 "$V: print $tab --format csv"
	done
	for by in item meter agent; do
		bt print usage --by $by --format json >"$D/usage-$by.json" || ok 1 "$V: print usage --by $by"
		bt print usage --by $by --format csv >"$D/usage-$by.csv" || ok 1 "$V: print usage --by $by csv"
	done
	bt print invoices --status paid --format json >"$D/invoices-paid.json"
	bt print credits --kind usage --format json >"$D/credits-usage.json"
done

"$top_srcdir/tests/integration/print_fields.py" "$top_srcdir/docs/print-json.md" "$OUT" >"$T_DIR/fields.out" 2>&1
rc=$?
sed 's/^/# /' "$T_DIR/fields.out"
ok $rc "every JSON field and CSV column is in docs/print-json.md and every documented one is printed"

# The checker itself catches drift: a field dropped from the page, a field renamed in the output.
sed '/^| `account.plan_id` |/d' "$top_srcdir/docs/print-json.md" >"$T_DIR/doc-less.md"
"$top_srcdir/tests/integration/print_fields.py" "$T_DIR/doc-less.md" "$OUT" >"$T_DIR/f2.out" 2>&1
like "$(cat "$T_DIR/f2.out")" "account.plan_id is not in docs" "an undocumented field fails the check"
jq '.account.planid = .account.plan_id | del(.account.plan_id)' "$OUT/active/overview.json" >"$T_DIR/ov.json" &&
	mv "$T_DIR/ov.json" "$OUT/active/overview.json"
"$top_srcdir/tests/integration/print_fields.py" "$top_srcdir/docs/print-json.md" "$OUT" >"$T_DIR/f3.out" 2>&1
like "$(cat "$T_DIR/f3.out")" "planid is not in docs" "a renamed field fails the check"

# Money in CSV: integer minor units, equal to the JSON amounts.
A="$OUT/active"
is "$(tail -n +2 "$A/invoices.csv" | tr -d '\r' | awk -F, '{ print $1, $13, $15 }' | sort)" \
	"$(jq -r '.invoices[] | "\(.id) \(.total.amount) \(.amount_due.amount)"' "$A/invoices.json" | sort)" \
	"CSV invoice totals are the JSON's minor units"
is "$(tail -n +2 "$A/invoices.csv" | grep -c '\.[0-9][0-9],')" "0" "no CSV amount has a decimal point"

# Write errors: the output is lost, so the exit code says so and stderr says why.
if [ -w /dev/full ]; then
	for cmd in "--help" "print --help" "print overview" "print overview --format json" "print invoices --format csv"; do
		# shellcheck disable=SC2086
		bt $cmd >/dev/full 2>"$T_DIR/full.err"
		rc=$?
		ok $([ $rc -ne 0 ] && echo 0 || echo 1) "billtop $cmd >/dev/full exits non-zero ($rc)"
		like "$(cat "$T_DIR/full.err")" "cannot write to standard output" "billtop $cmd >/dev/full says why"
	done
fi
done_testing
