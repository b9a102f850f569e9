#!/bin/sh
# credits_purchase.sh: the Credits tab in tmux against billtopd: summary with
# the run-out date, grants with the expiring one marked, the ledger filter,
# and buying credits (validation, price, confirm, POST, refresh): the balance
# and the ledger change only after the server confirmed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"

start_billtopd --seed demo=active || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
before=$(api /v1/credits | jq -r .balance)
ledger_before=$(api '/v1/credits/ledger?limit=1000' | jq '.data | length')

TUI_NO_COLOR=1 tui_start
twait "the dashboard opens" "Acme Robotics"
tui_keys 2
twait "2 opens Credits with the balance" "Balance: $(group "$before") credits"
twait "allocated, consumed, remaining" "This period: allocated "
twait "the run-out date at the last 7 days' burn rate" "Runs out on 2026-11-"
twait "a grant expiring within 14 days is marked (without colour too)" "! promotion: Launch w"
twait "with the days it has left" "(8 days left)"
twait "a future grant shows as scheduled, with the day it is available from" "scheduled 2026-11-18 2026-12-18"
twait "the ledger, newest first" "Ledger (all kinds): 1-"

tui_keys f
twait "f filters the ledger by kind" "Ledger (allowance)"
tui_keys f f f
twait "f again: usage" "Ledger (usage)"
unlike "$(tui_capture)" " promotion  " "no other kind in the filtered ledger"
tui_keys f f f f
twait "the cycle comes back to every kind" "Ledger (all kinds)"
tui_keys G
twait "G: the oldest entries, still paged" "of $ledger_before, newest first"
like "$(tui_capture)" "[0-9]+-$ledger_before of $ledger_before" "the last page of the ledger"
tui_keys g
twait "g: back to the newest" "Ledger (all kinds): 1-"

# The dialog: presets, a typed amount validated, the price at $1.25 per 1,000.
tui_keys p
twait "p opens the Buy dialog" "Buy credits"
twait "at the plan's rate" "\$1.25 per 1,000 credits on the Pro plan"
twait "the 50,000 preset first, priced" "50,000 credits for \$67.50 (\$62.50 plus \$5.00 tax)"
twait "charged to the default method" "Charged to Visa ending in 4242."
tui_keys Right
twait "right: the next preset" "100,000 credits for \$135.00 (\$125.00 plus \$10.00 tax)"
tui_keys 1 5 0 0
twait "a typed amount that is not a multiple of 1,000 is named" "Credits are sold in multiples of 1,000."
tui_keys Enter
twait "Enter does not buy an invalid amount" "Credits are sold in multiples of 1,000."
tui_keys BSpace BSpace BSpace BSpace 2 0 0 0 0 0 0 0 0
twait "too large is named" "At most 10,000,000 credits"
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace 7 5 k
twait "75k is 75,000 credits" "75,000 credits for \$101.25 (\$93.75 plus \$7.50 tax)"
tui_keys Enter
twait "Enter asks to confirm amount and price" "Buy 75,000 credits for \$101.25"
is "$(api /v1/credits | jq -r .balance)" "$before" "nothing is bought before the confirmation"
tui_keys n
tui_wait_gone "Buy 75,000 credits"
ok $? "n cancels"
is "$(api /v1/credits | jq -r .balance)" "$before" "a cancelled purchase buys nothing"

tui_keys p 7 5 k Enter
twait "again: confirm" "Buy 75,000 credits for \$101.25"
tui_keys y
twait "the server confirmed" "The credits were bought"
after=$(api /v1/credits | jq -r .balance)
is "$after" "$((before + 75000))" "the server's balance went up by 75,000"
is "$(api '/v1/credits/ledger?limit=1000' | jq '.data | length')" "$((ledger_before + 1))" "one new ledger entry"
tui_keys Enter
twait "after the refresh the tab shows the new balance" "Balance: $(group "$after") credits"
twait "and the purchase at the top of the ledger" "purchase       +75,000"
twait "and the new grant" "Purchased credits"

tui_keys q
is "$(tui_wait_exit)" 0 "q quits"
done_testing
