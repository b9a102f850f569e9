#!/bin/sh
# help_over_link.sh: an OSC 8 link under the help overlay or a dialog is not
# written again on top of it (hyperlink_flush runs after curses' frame).
# Repro: --demo=past-due, Invoices, o shows the payment link, ? the help.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

tui_start --demo=past-due
twait "--demo=past-due is up" "Payment past due"
tui_keys 4
twait "key 4 opens Invoices" "[4 Invoices]"
tui_keys o
twait "o shows the invoice's link" "https://"
tui_keys '?'
twait "? opens the help over it" "Press any key to close."
scr=$(tui_capture)
like "$scr" "│ *Press any key to close\. *│" "the help's last line is intact"
unlike "$scr" "Press a[^n]" "no link text is written over it"
# Every row of the help box is still closed on both sides by its border.
inside=$(printf '%s\n' "$scr" | grep -c '│.*│')
ok "$([ "$inside" -ge 10 ] && echo 0 || echo 1)" "the help box keeps its borders ($inside rows)"
tui_keys Escape
tui_wait_gone "Press any key to close." >/dev/null
twait "after closing the help the link is back" "https://"
tui_keys q
is "$(tui_wait_exit)" "0" "q quits"
done_testing
