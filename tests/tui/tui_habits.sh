#!/bin/sh
# tui_habits.sh: the keys and mouse of htop, tig and mutt (issue 16.4):
# F1 help, F10 quit, Ctrl-L repaints a spoiled screen, a click on a list row
# selects it, the wheel moves the selection three rows.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

# mouse BUTTON COL ROW: X10 mouse bytes (ESC [ M, 32 + button, 33 + col,
# 33 + row) as a terminal sends them; button 0 press, 3 release, 64 wheel
# up, 65 wheel down (see tui_mouse.sh).
mouse() {
	tui_keys -H 1b 5b 4d "$(printf '%02x' $((32 + $1)))" "$(printf '%02x' $(($2 + 33)))" \
		"$(printf '%02x' $(($3 + 33)))"
}
# selected: the invoice number on the row with the pointer.
selected() {
	tui_capture | sed -n 's/^[^ ] \(BT-[0-9]*-[0-9]*\) .*/\1/p' | head -n 1
}
# row_of NUMBER: the 0-based screen row where NUMBER is listed.
row_of() {
	tui_capture | grep -n -- " $1 " | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'
}

start_billtopd --seed demo=active || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; bail "sync failed"; }
tui_start --offline
twait "the dashboard opens" "[1 Overview]"

tui_keys F1
twait "F1 opens the help" "Keys: Overview"
like "$(tui_capture)" "q, F10 +quit" "the help names F10 and F1"
tui_keys x
tui_wait "[1 Overview]" >/dev/null
unlike "$(tui_capture)" "Keys: Overview" "any key closes it"

tui_keys 4
twait "the Invoices tab" "[4 Invoices]"
first=$(selected)
like "$first" "^BT-" "an invoice is selected ($first)"
r=$(row_of BT-2026-0004)
mouse 0 5 "$r"; mouse 3 5 "$r"
tui_wait "▶ BT-2026-0004" >/dev/null
is "$(selected)" "BT-2026-0004" "a click on a row selects it"
like "$(tui_capture)" "BT-2026-0004  Sep 2026" "and its detail shows"
mouse 64 5 "$r"
tui_wait "▶ BT-2026-0007" >/dev/null
is "$(selected)" "BT-2026-0007" "the wheel up moves the selection up (three rows, stopping at the top)"
mouse 65 5 "$r"
tui_wait "▶ BT-2026-0004" >/dev/null
is "$(selected)" "BT-2026-0004" "the wheel down moves it three rows down"

# Another program writes over the screen; Ctrl-L repaints it whole.
tty=$(tm display-message -p -t bt '#{pane_tty}')
printf '\033[5;1HGARBAGE GARBAGE GARBAGE' >"$tty"
tui_wait "GARBAGE" >/dev/null
like "$(tui_capture)" "GARBAGE" "(the screen is spoiled)"
tui_keys C-l
i=0
while tui_capture | grep -q GARBAGE && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
unlike "$(tui_capture)" "GARBAGE" "Ctrl-L repaints the whole screen"
like "$(tui_capture)" "BT-2026-0004  Sep 2026" "with what was there"

tui_keys F10
is "$(tui_wait_exit)" "0" "F10 quits"
done_testing
