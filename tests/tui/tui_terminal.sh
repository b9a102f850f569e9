#!/bin/sh
# tui_terminal.sh: LANG=C gives pure ASCII; NO_COLOR gives no colour escapes
# (attributes only); colour is used otherwise.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

start_billtopd --seed demo=trial || bail "billtopd did not start"

# No byte >= 0x80 anywhere on any tab.
TUI_LANG=C tui_start
twait "LANG=C: the Overview opens" "Last invoice"
high=0
for k in 1 2 3 4 5 6; do
	tui_keys "$k"
	tui_wait "[$k " >/dev/null
	n=$(tui_capture | LC_ALL=C tr -d '\000-\177' | wc -c)
	high=$((high + n))
done
is "$high" "0" "LANG=C: no byte >= 0x80 on any tab"
tui_keys 1
twait "LANG=C: the gauge in ASCII" "###"
twait "LANG=C: the card number masked in ASCII" "****"
# The arrow keys in hints come from the glyph table: words in ASCII...
tui_keys 6
twait "LANG=C: the Plans footer names left/right in words" "left/right: choose a plan"
tui_keys 2
twait "LANG=C: the Credits footer names up/down in words" "up/down: ledger"
tui_keys '?'
twait "LANG=C: so does the help overlay" "j/k, up/down"
tui_keys Escape
tui_stop

# ...and arrows in UTF-8, in the footers and the help overlay alike.
tui_start
twait "UTF-8: the Overview opens" "Last invoice"
tui_keys 6
twait "UTF-8: the Plans footer shows the arrows" "←/→: choose a plan"
tui_keys 2
twait "UTF-8: the Credits footer shows the arrows" "↑/↓: ledger"
tui_keys '?'
twait "UTF-8: the help overlay shows them" "j/k, ↑/↓"
unlike "$(tui_capture)" "left/right|up/down" "UTF-8: no arrow key named in words"
tui_keys Escape 3
twait "UTF-8: Usage" "[3 Usage]"
tui_keys Enter
twait "UTF-8: the day's footer shows the arrows" "←/→: previous or next day"
tui_stop

# With colours: SGR colour codes appear.
tui_start
twait "the Overview opens" "Last invoice"
like "$(tui_capture -e)" '\[(3[0-7]|4[0-7]|38;|48;|9[0-7])[;m0-9]*' "colours are used by default"
tui_stop

# NO_COLOR: attributes (bold, reverse, underline) only.
TUI_NO_COLOR=1 tui_start
twait "NO_COLOR: the Overview opens" "Last invoice"
esc=$(tui_capture -e)
# Every SGR sequence tmux shows may only carry attributes (0-9, 22-29) and
# the default colours tmux itself resets to (39, 49).
colours=$(printf '%s' "$esc" | grep -o "$(printf '\033')\[[0-9;]*m" |
	tr -d '\033[m' | tr ';' '\n' | grep -Ev '^([0-9]|2[2-9]|39|49)?$' | sort -u | tr '\n' ' ')
is "$colours" "" "NO_COLOR: no colour in any escape sequence"
like "$esc" "$(printf '\033')\[[0-9;]*7[;m]" "NO_COLOR: reverse video marks the bars"
tui_stop
done_testing
