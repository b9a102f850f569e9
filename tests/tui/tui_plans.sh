#!/bin/sh
# tui_plans.sh: plan switching both ways from the keyboard against billtopd:
# an upgrade takes effect at once, a downgrade is scheduled and can be
# cancelled; the screen changes only after the server confirmed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

# Upgrade: the exhausted demo is on Free with a card on file.
start_billtopd --seed demo=exhausted || bail "billtopd did not start"
tui_start
twait "the Free account opens" "Free, no charge"
tui_keys 6
twait "the Plans tab marks the current plan in words" "CURRENT"
twait "this period's projection on the current plan, the forecast's total" "Projected    \$0.00 with tax"
tui_keys Right
twait "right selects Starter and says what Enter does" "Upgrade to Starter now: \$50.00 more per month; \$54.00 charged today"
tui_keys Enter
twait "Enter asks first" "Upgrade to Starter?"
twait "the dialog says exactly what happens" "y/Enter: confirm"
tui_keys n
tui_wait_gone "Upgrade to Starter?"
ok $? "n cancels without sending"
is "$(curl -s -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/account" | jq -r .plan_id)" "free" \
	"nothing was sent"
tui_keys Enter
twait "asked again" "Upgrade to Starter?"
tui_keys y
twait "the server confirmed, then the screen refreshed" "You are now on Starter."
is "$(curl -s -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/account" | jq -r .plan_id)" "starter" \
	"the server has the new plan"
tui_keys Enter 1
twait "the Overview shows the new plan" "Starter, \$50.00 per month"
stop_billtopd
tui_stop
tui_fresh_cache

# Downgrade and cancel: the active demo is on Pro.
start_billtopd --seed demo=active || bail "billtopd did not start"
tui_start
twait "the Pro account opens" "Pro, \$500.00 per month"
tui_keys 6 Left
twait "left selects Starter" "Downgrade to Starter on 2026-12-01; you can cancel until then."
tui_keys Enter
twait "the confirm dialog" "Downgrade to Starter?"
twait "with last period's cost on both plans" "would have cost \$707.85 on Starter"
tui_keys y
twait "the downgrade is scheduled" "The downgrade to Starter is scheduled for 2026-12-01."
is "$(curl -s -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/account" | jq -r '.plan_id + " " + .scheduled_change.plan_id')" \
	"pro starter" "the server keeps Pro and schedules Starter"
tui_keys Enter
twait "Plans marks the scheduled plan with its date" "from 2026-12-01"
tui_keys 1
twait "the Overview shows the scheduled change" "Changes to Starter on 2026-12-01"
tui_keys 6 c
twait "c asks before cancelling" "Cancel the change to Starter on 2026-12-01? You stay on Pro."
tui_keys y
twait "the cancellation is confirmed" "The change to Starter is cancelled. You stay on Pro."
tui_keys Enter
tui_wait_gone "from 2026-12-01"
ok $? "the scheduled mark is gone after the refresh"
is "$(curl -s -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/account" | jq -r .scheduled_change)" \
	"null" "the server has no scheduled change"
tui_keys c
twait "c with nothing scheduled says so" "No plan change is scheduled."
tui_keys Escape End
twait "End selects Enterprise" "Enterprise is arranged with sales: https://"
tui_keys Enter
twait "a contact-sales plan shows how to reach sales" "Enterprise: talk to sales"
tui_stop
done_testing
