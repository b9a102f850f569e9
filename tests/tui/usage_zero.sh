#!/bin/sh
# usage_zero.sh: rows with zero usage are hidden until z shows them, on the
# chart's table and on a day's agents.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

# On the exhausted Free account some meters and one agent had no usage in the last 7 days.
start_billtopd --seed demo=exhausted || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
tui_start
twait "the dashboard opens" "Acme Robotics"
tui_keys 3 R R b
twait "7 days by meter" "Last 7 days (2026-11-09 to 2026-11-15), by meter"
twait "the hidden rows are counted, next to the meter's billing rule" "z: 3 with no usage"
unlike "$(tui_capture)" "Connection minutes" "a meter without usage is hidden"
tui_keys z
twait "z shows it" "Connection minutes"
twait "with zero credits" "0 minutes"
twait "z says its state: shown, and how to hide them" "z: hide 3 with no usage"
unlike "$(tui_capture)" "no usage hidden" "nothing is hidden any more"
tui_keys z
tui_wait_gone "Connection minutes"
ok $? "z again hides it"
tui_keys b
twait "by agent" "by agent"
twait "the hidden agent is counted" "1 with no usage hidden (z shows it)"
unlike "$(tui_capture)" "Voice concierge" "an agent without usage is hidden"
tui_keys z
twait "z shows the agent" "Voice concierge"
twait "and says so" "1 with no usage shown (z hides it)"
tui_keys q
is "$(tui_wait_exit)" 0 "q quits"
done_testing
