#!/bin/sh
# tui_errors.sh: errors from the server shown in the dialog in plain words,
# nothing on screen changed; a read-only role is told before anything is sent.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

# A past-due account may not change plans (409 account_past_due).
start_billtopd --seed demo=past-due || bail "billtopd did not start"
tui_start
twait "the past-due account opens" "Payment past due"
tui_keys 6 Left Enter
twait "the downgrade is offered" "Downgrade to Starter?"
tui_keys y
twait "the refusal is shown in plain words" "Your account is past due, so the plan cannot change now."
twait "in an error dialog" "The server said no"
tui_keys Enter
twait "the dialog closes" "←/→: choose a plan"
like "$(tui_capture)" "CURRENT" "Pro is still the current plan"
unlike "$(tui_capture)" "from 2026-12-01" "nothing was scheduled on screen"
stop_billtopd
tui_stop
tui_fresh_cache

# A server fault on the change: retried, then reported; the plan stays.
start_billtopd --seed demo=active --fault '/v1/subscription=500' || bail "billtopd did not start"
tui_start
twait "the account opens" "Pro, \$500.00 per month"
tui_keys 6 Left Enter
twait "the downgrade is offered" "Downgrade to Starter?"
tui_keys y
twait "Sending... first" "Waiting for the server"
twait "the server's failure in plain words" "The server had an internal error. Try again later."
tui_keys Escape
is "$(curl -s -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/account" | jq -r .scheduled_change)" \
	"null" "nothing changed on the server"
stop_billtopd
tui_stop
tui_fresh_cache

# A billing reader sees everything and is told it cannot change it.
start_billtopd --seed demo=active --token-role billing_reader:rtok || bail "billtopd did not start"
TUI_TOKEN=rtok tui_start
twait "a billing reader sees the account" "Pro, \$500.00 per month"
tui_keys 6 Left Enter
twait "Enter explains the role cannot change billing" "Your role can see billing but not change it."
tui_stop
done_testing
