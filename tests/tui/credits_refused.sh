#!/bin/sh
# credits_refused.sh: purchases that cannot happen: the Free plan says why
# instead of opening the dialog; a declined card and a missing payment
# method come back from the server and are said in plain words; nothing is
# bought and the balance stays.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/integration/usage_lib.sh"

# The Free plan, credits used up: no overage price, no purchase.
start_billtopd --seed demo=exhausted || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
tui_start
twait "the dashboard opens" "Acme Robotics"
tui_keys 2
twait "Credits: nothing left" "Balance: 0 credits"
twait "and what that means on Free" "No credits left: usage stops until the period resets on 2026-12-01"
tui_keys p
twait "p on Free says why it cannot buy" "The Free plan cannot buy credits"
unlike "$(tui_capture)" "Other amount" "and no Buy dialog opens"
tui_keys Enter
tui_wait_gone "The Free plan cannot buy credits"
ok $? "Enter closes the message"
tui_keys 3 R R
twait "Usage on Free: 7 days" "Last 7 days"
twait "costs are included, not priced" "included"
tui_stop
stop_billtopd

# A past-due account whose card is declined: the server says no.
start_billtopd --seed demo=past-due || bail "billtopd did not start"
rm -f "$TUI_CACHE"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
before=$(api /v1/credits | jq -r .balance)
tui_start
twait "the dashboard opens" "Acme Robotics"
tui_keys 2
twait "Credits" "Balance: $(group "$before") credits"
tui_keys p Enter
twait "confirm 50,000" "Buy 50,000 credits for \$67.50"
tui_keys y
twait "the declined card is said in plain words" "Your card was declined."
twait "with what to do" "Payment tab"
is "$(api /v1/credits | jq -r .balance)" "$before" "nothing was bought"
tui_keys Enter
twait "the balance on screen is unchanged" "Balance: $(group "$before") credits"
tui_stop
stop_billtopd

# No payment method on file (the trial ended without one).
start_billtopd --seed demo=paused || bail "billtopd did not start"
rm -f "$TUI_CACHE"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
tui_start
twait "the dashboard opens" "Acme Robotics"
tui_keys 2 p
twait "the dialog warns there is no method" "No payment method is on file"
tui_keys Enter y
twait "the server's no_payment_method in plain words" "There is no payment method on file."
tui_keys Enter
tui_stop
done_testing
