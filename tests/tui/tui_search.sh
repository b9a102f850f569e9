#!/bin/sh
# tui_search.sh: `/` searches every list, not only Invoices (issue 16.4):
# the Credits ledger (all of it, read from the cache a chunk at a time),
# the Usage table and the Payment methods; n/N go on, Esc cancels, and a
# query that matches nothing says so.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo=active || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; bail "sync failed"; }
tui_start --offline
twait "the dashboard opens" "[1 Overview]"
# pointed: the row with the selection pointer
pointed() {
	tui_capture | grep '^▶' | head -n 1
}

tui_keys 2
twait "Credits" "[2 Credits]"
tui_keys / p u r c h
twait "the prompt shows what is typed" "/purch_"
tui_keys Enter
twait "a match is reported with its row" '"purch": row '
like "$(pointed)" "purchase .*Purchased credits" "the selection is on a purchase far down the ledger"
like "$(tui_capture)" "Ledger \\(all kinds\\): [0-9]+-[0-9]+ of [0-9]+" "the ledger page moved to show it"
first=$(pointed)
tui_keys n
tui_wait '"purch": row ' >/dev/null
ok "$([ "$(pointed)" != "$first" ] && echo 0 || echo 1)" "n goes to the next match"
tui_keys N
tui_wait '"purch": row ' >/dev/null
is "$(pointed)" "$first" "N comes back"
tui_keys / z z z q Enter
twait "no match: said so" 'Nothing matches "zzzq".'
is "$(pointed)" "$first" "and the selection stays"
tui_keys / a b Escape
tui_wait "r refresh" >/dev/null
unlike "$(tui_capture | tail -n 1)" "/ab_" "Esc closes the prompt"

tui_keys 3
twait "Usage" "[3 Usage]"
i=0
while ! tui_capture | grep -Eq '^  Agent {3,}' && [ $i -lt 5 ]; do tui_keys b; sleep 0.3; i=$((i + 1)); done
like "$(tui_capture)" "^  Agent {3,}" "(the table by agent)"
tui_keys / S U P P O R T Enter
twait "Usage: a match" '"SUPPORT": row '
like "$(pointed)" "Support triage" "the agent row is selected, case aside"

tui_keys 5
twait "Payment" "[5 Payment]"
tui_keys / b a n k Enter
twait "Payment: a match" '"bank": row '
like "$(pointed)" "Platypus" "the bank account is selected"
tui_stop
done_testing
