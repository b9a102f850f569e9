#!/bin/sh
# credits_past.sh: the Credits tab lists the grants that still count and
# only counts the expired and used-up ones; a shows them a page at a time,
# ] and [ page through all of them (a large account has thousands), a hides
# them again.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo=active || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
past=$(curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/credits/grants" |
	jq --arg now "$BT_NOW" '[.data[] | select(.available_from <= $now and
		(.remaining <= 0 or (.expires_at != null and .expires_at <= $now)))] | length')
like "$past" '^[1-9][0-9]*$' "the demo account has past grants ($past)"

tui_start --offline
twait "the dashboard opens" "[1 Overview]"
tui_keys 2
twait "the past grants are counted, not listed" "Credit grants ($past expired or used up hidden; a: show)"
unlike "$(tui_capture)" "\\(expired\\)" "no expired grant is listed"
tui_keys a
twait "a: the first page of them" "Credit grants (past grants 1-"
like "$(tui_capture)" "of $past; \]/\[: more, a: hide\)" "the title says how many and how to see more"
first=$(tui_capture | grep -F 'Credit grants (past grants' | sed 's/.*grants \([0-9]*\)-\([0-9]*\) of.*/\2/')
tui_keys ']'
twait "]: the next page" "Credit grants (past grants $((first + 1))-"
i=0
while [ $i -lt "$past" ]; do tui_keys ']'; i=$((i + 1)); done
twait "] stops at the last page" " of $past; ]/[: more"
like "$(tui_capture | grep -F 'Credit grants (past grants')" "-$past of $past" "the last page ends with the last past grant"
while [ $i -gt 0 ]; do tui_keys '['; i=$((i - 1)); done
twait "[ back to the first page" "Credit grants (past grants 1-"
tui_keys a
twait "a hides them again" "Credit grants ($past expired or used up hidden; a: show)"
tui_stop
done_testing
