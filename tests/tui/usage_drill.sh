#!/bin/sh
# usage_drill.sh: the Usage tab in tmux against billtopd: range switching,
# breakdown cycling, the selected day, drill-down day -> agent -> runs and
# back, while Tab and 1-6 still switch tabs.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo=active || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
tui_start
twait "the dashboard opens" "Acme Robotics"
tui_keys 3
twait "3 opens Usage at 30 days by line item" "Last 30 days (2026-10-17 to 2026-11-15), by line item"
twait "the period against the allowance" "This period: "
twait "the projection at period end" "Projected at period end (2026-11-30): "
twait "the legend names the line items" "LLM"
twait "the selected day (today) and its figures" "11-15: "
twait "the table by line item" "Line item"

# R cycles 30 -> 90 -> 7 days -> this period -> the previous one -> 30.
tui_keys R
twait "R: 90 days" "Last 90 days (2026-08-18 to 2026-11-15)"
tui_keys R
twait "R: 7 days" "Last 7 days (2026-11-09 to 2026-11-15)"
tui_keys R
twait "R: this period" "This period (2026-11-01 to 2026-11-15)"
tui_keys R
twait "R: the previous period" "Previous period (2026-10-01 to 2026-10-31)"
twait "its last day is selected" "10-31: "
tui_keys R
twait "R: back to 30 days" "Last 30 days (2026-10-17 to 2026-11-15)"
twait "the selected day is kept when the new range has it" "10-31: "

# b cycles line item -> meter -> agent -> line item.
tui_keys b
twait "b: by meter" "Last 30 days (2026-10-17 to 2026-11-15), by meter"
twait "meter rows with quantity in the meter's unit" " tokens "
twait "the selected meter says how it is billed" "billed per token"
tui_keys j
tui_wait_gone "billed per token"
like "$(tui_capture)" "(billed per [a-z]+|rounded up to [0-9.]+)" "down selects the next meter, with its billing rule"
tui_keys b
twait "b: by agent" "by agent"
twait "agent rows" "Support triage"
tui_keys b
twait "b: back to line items" "by line item"

# left/right move the selected day (never past the range); Tab still switches tabs.
i=0
while [ $i -lt 20 ]; do tui_keys Right; i=$((i + 1)); done
twait "right stops at the last day" "11-15: "
tui_keys Left
twait "left: the previous day" "11-14: "
tui_keys Left Left
twait "left twice more" "11-12: "
tui_keys Right
twait "right: the next day" "11-13: "
like "$(tui_capture | head -n 1)" '\[3 Usage\]' "left/right stayed on Usage"
tui_keys Tab
twait "Tab still switches tabs" "[4 Invoices]"
tui_keys BTab
twait "Shift-Tab comes back, the day kept" "11-13: "

# Enter: that day by agent; Enter: the agent's runs; Esc, Esc: back up.
tui_keys Enter
twait "Enter opens the day by agent" "2026-11-13, by agent"
twait "with its line item split" "credits: LLM "
twait "and a way back" "Esc: back"
twait "the agents of that day" "Support triage"
tui_keys Left
twait "left: the day before" "2026-11-12, by agent"
tui_keys Right
twait "right: back to the day" "2026-11-13, by agent"
tui_keys Enter
twait "Enter opens the selected agent's runs" " runs"
like "$(tui_capture)" "2026-11-13, [A-Za-z ]+: [0-9]+ runs?" "titled with the day, the agent and the count"
twait "each run split into LLM, tool calls, storage" "Tool calls"
like "$(tui_capture)" "[0-9][0-9]:[0-9][0-9]:[0-9][0-9] .*(succeeded|failed)" "runs with start time and status"
tui_keys Escape
twait "Esc: back to the day" "2026-11-13, by agent"
tui_keys Escape
twait "Esc: back to the chart on that day" "Last 30 days (2026-10-17 to 2026-11-15)"
twait "the day is still selected" "11-13: "
tui_keys Escape
like "$(tui_capture | head -n 1)" '\[3 Usage\]' "Esc at the top stays on Usage"

# R from a drill-down goes back to the chart with the new range.
tui_keys Enter
twait "into a day again" "2026-11-13, by agent"
tui_keys R
twait "R there changes the range on the chart" "Last 90 days"

tui_keys '?'
twait "the help overlay lists the Usage keys" "change the range"
twait "and the breakdown key" "cycle the breakdown"
tui_keys x
tui_resize 40 16
twait "at 40 columns the title is short" "Last 90 days, by line item"
tui_resize 80 24
tui_keys q
is "$(tui_wait_exit)" 0 "q quits"
done_testing
