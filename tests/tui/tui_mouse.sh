#!/bin/sh
# tui_mouse.sh: a real mouse click on the tab bar, as a terminal sends it.
#
# tmux forwards its own mouse events only with `set -g mouse on` and a
# client to click in; here the click is written into the pane as the bytes
# a terminal sends in the X10 mouse protocol billtop's terminfo announces
# (TERM=tmux-256color: kmous=\E[M): ESC [ M, 32 + button, 33 + column,
# 33 + row; press (button 0) then release (3).  ncurses decodes them into
# KEY_MOUSE only because billtop enabled mouse reporting (mousemask), so
# this drives the same path as a click in a real terminal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

infocmp "$TUI_TERM" 2>/dev/null | grep -q 'kmous=\\E\[M' ||
	bail "$TUI_TERM has no X10 mouse (kmous=\\E[M): its terminfo is not the one ncurses-base ships"

# click COL ROW: a left click at 0-based column COL, row ROW.
click() {
	_x=$(printf '%02x' $(($1 + 33)))
	_y=$(printf '%02x' $(($2 + 33)))
	tui_keys -H 1b 5b 4d 20 "$_x" "$_y"
	tui_keys -H 1b 5b 4d 23 "$_x" "$_y"
}
# tab_col LABEL: the 0-based column where LABEL starts in the tab bar.
tab_col() {
	tui_capture | head -n 1 | awk -v l="$1" '{ print index($0, l) - 1 }'
}

start_billtopd --seed demo=active || bail "billtopd did not start"
tui_sync || { sed 's/^/# /' "$T_DIR/sync.out"; echo "Bail out! sync failed"; exit 1; }
tui_start --offline
twait "the dashboard opens" "[1 Overview]"

click "$(tab_col '5 Payment')" 0
twait "a click on '5 Payment' opens it" "[5 Payment]"
click $(($(tab_col '2 Credits') + 4)) 0
twait "a click in the middle of '2 Credits' opens it" "[2 Credits]"
# Keys are read in order: once f (the ledger filter) shows, the click
# before it was handled.
click "$(tab_col '6 Plans')" 3
tui_keys f
twait "(f after a click below the tab bar)" "Ledger (allowance)"
like "$(tui_capture | head -n 1)" '\[2 Credits\]' "a click below the tab bar switches nothing"
click 1 0
tui_keys f
twait "(f after a click on the title)" "Ledger (purchase)"
like "$(tui_capture | head -n 1)" '\[2 Credits\]' "a click on the title switches nothing"

tui_keys '?'
twait "the help overlay is open" "Keys: Credits"
click "$(tab_col '3 Usage')" 0
twait "a click on the tab bar closes the help and opens the tab" "[3 Usage]"
unlike "$(tui_capture)" "Keys: Credits" "the help overlay is gone"

# 40 columns: only the current tab has a name, the others their number.
tui_resize 40 12
twait "at 40x12 the tabs are numbers" "[3 Usage]"
click "$(tab_col ' 6 ')" 0
twait "a click on ' 6 ' opens Plans" "[6 Plans]"
tui_stop
done_testing
