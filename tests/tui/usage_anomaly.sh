#!/bin/sh
# usage_anomaly.sh: a seeded spike (billtopd --spike) at 80x24: the chart's
# "!" mark, the line under the chart, 'a' selecting the unusual day and
# Enter drilling into it by agent; the range "this period" against the same
# days of the previous one (the vs last column, the Overview line).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo=active --spike tool_calls:2026-11-12:5 || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
tui_start
twait "the dashboard opens" "Acme Robotics"
tui_keys 3
twait "3 opens Usage at 30 days by line item" "Last 30 days (2026-10-17 to 2026-11-15), by line item"
twait "the unusual day is listed under the chart" "! 11-12: Tool calls 3.3x usual"
twait "with the way to reach it" "(a: select it, Enter: open)"
like "$(tui_capture | grep -E '^ +0 ')" '!' "the axis carries the mark under the spike's bar"
twait "today is selected" "11-15: "
tui_keys a
tui_wait_gone "11-15: "
like "$(tui_capture)" "11-12: [0-9,]+ credits \\(LLM" "a selects the unusual day (its figures under the chart)"
tui_keys Enter
twait "Enter opens that day by agent" "2026-11-12, by agent"
tui_keys Escape
twait "Esc: back on the chart, the day kept" "11-12: "
tui_keys b
twait "by meter the spike is the meter's" "! 11-12: Tool calls 5.8x usual"

# Item 4: the range "this period" against the same days of the previous one.
tui_keys b b
twait "back to line items" "by line item"
tui_keys R R R
twait "R: this period" "This period (2026-11-01 to 2026-11-15)"
twait "the table compares with the previous period at 80 columns" "vs last"
like "$(tui_capture)" "Total +[0-9,]+ +[$][0-9,.]+ +100.0% +[0-9,]+ +[+-][0-9]+[.][0-9]%" \
	"the total has the previous period's credits and the change"
tui_keys 1
twait "the Overview says it too" "the same 15 days last period"

tui_keys q
is "$(tui_wait_exit)" 0 "q quits"
done_testing
