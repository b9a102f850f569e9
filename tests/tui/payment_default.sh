#!/bin/sh
# payment_default.sh: the Payment tab lists the methods with the default
# marked and the charges with their invoices; Enter asks first, then the
# default moves only after the server confirmed and the cache refreshed;
# a shows the hosted page to add a method (URL and QR code).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

api() { curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$1"; }
sel_line() { tui_capture | grep -E '^(▶|>) ' | head -n 1; }

start_billtopd --seed demo=active || bail "billtopd did not start"
other=$(api '/v1/payment_methods' | jq -r '[.data[] | select(.is_default | not)][0].id')
like "$other" '.' "the demo account has a second payment method"
failed=$(api '/v1/charges' | jq -r '[.data[] | select(.status == "failed")][0].failure_reason')

tui_start
twait "the dashboard is up" "(just now)"
tui_keys 5
twait "key 5 opens Payment" "[5 Payment]"
twait "the methods are listed" "Payment methods"
twait "the default is marked in words" "default"
twait "the charges are listed" "Charges"
twait "a failed charge says why" "$failed"
like "$(tui_capture | grep -F '! failed' | head -n 1)" "! failed +BT-" "and which invoice it was for"

first=$(sel_line)
tui_keys j
i=0
while [ $i -lt 50 ] && [ "$(sel_line)" = "$first" ]; do sleep 0.1; i=$((i + 1)); done
unlike "$(sel_line)" "default" "j selects the method that is not the default"
tui_keys Enter
twait "Enter asks first" "Make "
tui_keys n
tui_wait_gone "Make " >/dev/null
is "$(api '/v1/payment_methods' | jq -r '.data[] | select(.is_default) | .id' | grep -c "$other")" 0 \
	"n cancels: the server was not asked"
unlike "$(sel_line)" "default" "and nothing moved on screen"

tui_keys Enter
twait "Enter asks again" "Make "
tui_keys y
twait "after the server and the refresh it says so" "is now the default payment"
is "$(api '/v1/payment_methods' | jq -r '.data[] | select(.is_default) | .id')" "$other" "the server has the new default"
tui_keys Enter
tui_wait_gone "is now the default" >/dev/null
like "$(tui_capture | grep -E '(●|\*) ' | head -n 1)" "default" "the default marker moved to the chosen method"
like "$(sel_line)" "default" "the selection stayed on it"

tui_keys a
twait "a asks the server for the hosted page" "a QR code for a phone"
tui_keys Enter
twait "a shows the hosted page to add a method" "Add a payment method"
twait "with its URL as text" "https://billing.example.com/setup/"
twait "billtop says it never asks for card numbers" "never asks for card numbers"
twait "and a QR code in half blocks" "▄"
tui_keys Escape
twait "Esc closes the panel" "Charges"
tui_stop

done_testing
