#!/bin/sh
# tui_typeahead.sh: a key typed together with a tab switch (one tmux
# send-keys call, so both arrive in one read, before any frame) reaches the
# new tab, which has never been loaded yet, and acts there.  The framework
# loads the current view before it hands it a key (keys.c); no view has to
# load itself.  Every tab is visited for the first time this way.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

sel_line() { tui_capture | grep -E '^ ?(▶|>) ' | head -n 1; }

start_billtopd --seed demo=active || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
second=$(curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/payment_methods" | jq -r '.data[1].last4')
like "$second" '^[0-9]{4}$' "the demo account has a second payment method"

# --offline: no refresh marks the tabs stale again behind the test's back.
tui_start --offline
twait "the dashboard opens on the Overview" "[1 Overview]"

tui_keys 3R
twait "3R: Usage opens with the next range, 90 days" "Last 90 days (2026-08-18 to 2026-11-15)"
like "$(tui_capture | head -n 1)" '\[3 Usage\]' "3R: on the Usage tab"

tui_keys 2f
twait "2f: Credits opens with the ledger filtered to allowances" "Ledger (allowance)"

tui_keys 4f
twait "4f: Invoices opens filtered to drafts" "Status: draft"

tui_keys 5j
tui_wait "ending $second" >/dev/null
like "$(sel_line)" "ending $second" "5j: Payment opens with the second method selected"

tui_keys 6 Left
twait "6 Left: Plans opens with the previous plan selected" "Downgrade to Starter on 2026-12-01"
like "$(tui_capture | head -n 1)" '\[6 Plans\]' "6 Left: left stayed on Plans"

tui_keys 1 '?'
twait "1?: the Overview's help overlay" "Keys: Overview"
tui_keys Escape
tui_wait_gone "Keys: Overview" >/dev/null

# A search typed straight after the switch goes into the search box.
tui_keys q
is "$(tui_wait_exit)" "0" "q quits"
tui_start --offline
twait "started again" "[1 Overview]"
tui_keys 4/0001
twait "4/0001: the search box has the query" "/0001"
tui_keys Enter
twait "Enter: it found the invoice" "match (n/N: next/previous)"
tui_stop
done_testing
