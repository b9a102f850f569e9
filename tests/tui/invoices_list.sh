#!/bin/sh
# invoices_list.sh: the Invoices tab against a real billtopd: newest first
# with the running draft selected and labelled, j/k/G navigation, the detail
# below the list at 80 columns and beside it at 132, / search by number and
# by amount with n, f cycling the status filter, past due marked.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

api() { curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$1"; }
# sel_line: the selected row of the list (the one with the pointer).
sel_line() { tui_capture | grep -E '^(▶|>) ' | head -n 1; }

start_billtopd --seed demo=active || bail "billtopd did not start"
draft=$(api '/v1/invoices?status=draft' | jq -r '.data[0].number')
# newest first by issue date, the draft on top (issue 11.3), whatever the API's order
second=$(api '/v1/invoices' | jq -r '[.data[] | select(.status != "draft")] | sort_by(.issued_at) | .[-1].number')
last=$(api '/v1/invoices' | jq -r '[.data[] | select(.status != "draft")] | sort_by(.issued_at) | .[0].number')
n_all=$(api '/v1/invoices' | jq '.data | length')
like "$draft" '^BT-' "the demo account has a draft for the running period"

tui_start
twait "the dashboard is up" "(just now)"
tui_keys 4
twait "key 4 opens Invoices" "[4 Invoices]"
twait "the list has its columns" "Amount due"
twait "the count is shown" "$n_all invoices"
like "$(sel_line)" "$draft .*still changing" "the running period's draft is selected and labelled still changing"
twait "its detail says it still changes" "Draft for the running period: still changing"

# 80 columns: the detail sits below the list (its header starts the line).
like "$(tui_capture | grep -E "^$draft  " | head -n 1)" "^$draft  " "at 80 columns the detail is below the list"
twait "the detail lists the lines" "Description"
twait "and the totals" "Subtotal"
twait "with the amount due" "Amount paid"
twait "and the due date" "Due date"

tui_keys j
tui_wait "$second  " >/dev/null
like "$(sel_line)" "$second" "j selects the next invoice"
twait "the detail follows the selection" "$second  "
tui_keys k
tui_wait "Draft for the running period" >/dev/null
like "$(sel_line)" "$draft" "k goes back"
tui_keys G
tui_wait "$last  " >/dev/null
like "$(sel_line)" "$last" "G selects the oldest invoice"
tui_keys g
tui_wait "Draft for the running period" >/dev/null

# 132 columns: the detail beside the list, on the same rows.
tui_resize 132 40
twait "at 132 columns the detail is beside the list" "│ $draft  "
like "$(tui_capture | grep -F "│ $draft  ")" "Status +│ $draft" "the detail starts at the list's header row"
tui_resize 80 24
tui_wait "Subtotal" >/dev/null
like "$(tui_capture | grep -E "^$draft  " | head -n 1)" "^$draft" "back at 80 columns it is below again"

# Search by number.
want=$(printf '%s' "$second" | sed 's/.*-//')
tui_keys / $(printf '%s' "$want" | sed 's/./& /g')
twait "/ opens the search line" "/$want"
tui_keys Enter
twait "Enter finds and says how many match" "\"$want\": 1 match"
like "$(sel_line)" "$second" "the match is selected"

# Search by amount: the draft's total ("540.00").
total=$(api '/v1/invoices?status=draft' | jq -r '.data[0].total.amount')
amount=$(printf '%s.%02d' $((total / 100)) $((total % 100)))
matches=$(api '/v1/invoices' | jq --argjson t "$total" '[.data[] | select(.total.amount == $t or .amount_due.amount == $t or .subtotal.amount == $t)] | length')
tui_keys g / $(printf '%s' "$amount" | sed 's/./& /g') Enter
twait "an amount finds invoices by total" "\"$amount\": $matches match"
like "$(sel_line)" "$draft" "the first match from the top is the draft"
if [ "$matches" -gt 1 ]; then
	tui_keys n
	i=0
	while [ $i -lt 50 ] && sel_line | grep -q "$draft"; do sleep 0.1; i=$((i + 1)); done
	unlike "$(sel_line)" "$draft" "n goes to the next match"
fi
tui_keys / 9 9 9 9 9 Enter
twait "no match says so" "No invoice matches \"99999\"."
tui_keys / x y Escape
tui_wait_gone "/xy" >/dev/null
ok $? "Esc cancels the search line"

# The status filter.
n_paid=$(api '/v1/invoices?status=paid' | jq '.data | length')
tui_keys f
twait "f shows the drafts only" "Status: draft"
twait "one draft" "1 invoice"
tui_keys f f
twait "then paid" "Status: paid"
twait "with the paid count" "$n_paid invoices"
unlike "$(tui_capture)" "still changing" "the draft is not in the paid list"
tui_keys f f f
twait "the cycle returns to all" "Status: all"
twait "all of them again" "$n_all invoices"
tui_stop

# Past due stands out without colour too.
start_billtopd --seed demo=past-due || bail "billtopd did not start"
pd=$(api '/v1/invoices?status=past_due' | jq -r '.data[0].number')
TUI_NO_COLOR=1 tui_start
twait "the dashboard is up" "(just now)"
tui_keys 4
twait "the past-due invoice is listed" "$pd"
# The cache still holds the active account until the refresh is in (its
# "just now" is the earlier sync's): wait for the new snapshot's mark.
tui_wait "PAST DUE" >/dev/null
like "$(tui_capture | grep -F "$pd" | head -n 1)" "! PAST DUE" "past due is marked in words, not only red"
tui_stop

done_testing
