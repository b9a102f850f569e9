#!/bin/sh
# print_invoices_golden.sh: `billtop print invoices|payment` as text against
# tests/golden/invoices/ (40, 80, 132 columns; UTF-8 and ASCII), and the
# JSON and CSV formats checked against the API's own answers.
# BILLTOP_UPDATE_GOLDEN=1 rewrites the goldens from the current output.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/golden_lib.sh"

GOLDEN="$top_srcdir/tests/golden/invoices"

start_billtopd --seed demo || { echo "Bail out! billtopd did not start"; exit 1; }
export XDG_CONFIG_HOME="$T_DIR/config" BILLTOP_NOW="${BT_NOW:-2026-11-15T12:00:00Z}" TZ=UTC
CACHE="$T_DIR/cache.db"
bt() { BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" --url "$BT_URL" --cache "$CACHE" "$@"; }
api() { curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$1"; }
check "sync the demo account" bt sync

for w in 40 80 132; do
	golden "invoices-$w-utf8" C.UTF-8 invoices --width "$w"
	golden "invoices-$w-ascii" C invoices --width "$w"
	golden "payment-$w-utf8" C.UTF-8 payment --width "$w"
	golden "payment-$w-ascii" C payment --width "$w"
done
paid=$(api '/v1/invoices?status=paid' | jq -r '.data[0].number')
golden invoices-paid-detail-80-utf8 C.UTF-8 invoices --invoice "$paid"
golden invoices-status-paid-132-utf8 C.UTF-8 invoices --status paid --width 132
golden payment-charges-3-80-utf8 C.UTF-8 payment --charges 3

# JSON: every invoice, in the API's order, with the API's totals and lines.
LC_ALL=C.UTF-8 bt print invoices --format json >"$T_DIR/inv.json"
check "print invoices --format json is JSON" jq -e . "$T_DIR/inv.json"
api '/v1/invoices' >"$T_DIR/api.json"
is "$(jq -c '[.invoices[] | [.number, .status, .total.amount, .amount_due.amount, (.lines | length)]] | sort' "$T_DIR/inv.json")" \
	"$(jq -c '[.data[] | [.number, .status, .total.amount, .amount_due.amount, (.lines | length)]] | sort' "$T_DIR/api.json")" \
	"the JSON invoices match the API's, lines included"
# Newest first by issue date, the running draft on top (issue 11.3).
is "$(jq -c '[.invoices[] | .number]' "$T_DIR/inv.json")" \
	"$(jq -c '[.data[] | {number, d: (if .status == "draft" then 1 else 0 end), i: (.issued_at // "")}]
	          | sort_by(-.d, .i) | reverse | sort_by(-.d) | [.[] | .number]' "$T_DIR/api.json")" \
	"the JSON invoices are newest first by issue date, the draft on top"
is "$(jq '[.invoices[] | select(.still_changing)] | length' "$T_DIR/inv.json")" 1 "exactly one invoice is still changing"
# CSV: a header and one record per invoice.
LC_ALL=C.UTF-8 bt print invoices --format csv >"$T_DIR/inv.csv"
is "$(head -n 1 "$T_DIR/inv.csv" | tr -d '\r')" \
	"id,number,status,period_start,period_end,issued_at,due_at,paid_at,currency,subtotal,credits_applied,tax,total,amount_paid,amount_due" \
	"the CSV header"
is "$(($(wc -l <"$T_DIR/inv.csv") - 1))" "$(jq '.data | length' "$T_DIR/api.json")" "one CSV record per invoice"
LC_ALL=C.UTF-8 bt print invoices --status past_due --format json >"$T_DIR/pd.json"
is "$(jq '.count' "$T_DIR/pd.json")" "$(api '/v1/invoices?status=past_due' | jq '.data | length')" "--status filters like the API"

LC_ALL=C.UTF-8 bt print payment --format json --charges 0 >"$T_DIR/pay.json"
check "print payment --format json is JSON" jq -e . "$T_DIR/pay.json"
is "$(jq -c '[.methods[] | [.id, .is_default]]' "$T_DIR/pay.json")" \
	"$(api '/v1/payment_methods' | jq -c '[.data[] | [.id, .is_default]]')" "the methods match the API's, default first"
is "$(jq -c '[.charges.items[] | [.id, .status, .amount.amount]]' "$T_DIR/pay.json")" \
	"$(api '/v1/charges' | jq -c '[.data[] | [.id, .status, .amount.amount]]')" "the charges match the API's, newest first"
is "$(jq -r '[.charges.items[] | select(.invoice_id != null and .invoice_number == null)] | length' "$T_DIR/pay.json")" 0 \
	"every charge that paid an invoice names its number"
LC_ALL=C.UTF-8 bt print payment --format csv --charges 0 >"$T_DIR/pay.csv"
is "$(($(wc -l <"$T_DIR/pay.csv") - 1))" "$(api '/v1/charges' | jq '.data | length')" "one CSV record per charge"

err=$(bt print invoices --invoice BT-NOPE 2>&1); rc=$?
is "$rc" 2 "an unknown --invoice is a usage error"
like "$err" "BT-NOPE" "that names it"
err=$(bt print invoices --status late 2>&1); rc=$?
is "$rc" 2 "an unknown --status is a usage error"

done_testing
