#!/bin/sh
# tui_tabs.sh: the dashboard opens from billtopd, every tab is reachable by
# every key (1-6, Tab, Shift-Tab, left/right), and the ? overlay lists keys.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

# The first answer is slowed down so the first start can be seen waiting.
start_billtopd --seed demo=active --fault '/v1/account=delay:3000*1' || bail "billtopd did not start"
tui_start
twait "an empty cache shows a loading screen, not an empty table" "Loading your billing data..."
twait "the status line shows the refresh running" "Refreshing..."
twait "the first start fetches and shows the Overview" "Acme Robotics"
twait "the plan and its price" "Pro, \$500.00 per month"
twait "the status line says when it was updated" "(just now)"
like "$(tui_capture | head -n 1)" '\[1 Overview\]' "the Overview tab is the current one"

# margin: the fewest blank columns before the content (tab bar and status line left out).
margin() {
	tui_capture | sed '1d;$d' | grep -v '^ *$' | sed 's/[^ ].*//' | awk '{ print length }' | sort -n | head -n 1
}
i=1
for name in Overview Credits Usage Invoices Payment Plans; do
	tui_keys "$i"
	twait "key $i opens $name" "[$i $name]"
	is "$(margin)" "0" "$name: the content starts where every tab's does (view_layout)"
	i=$((i + 1))
done
tui_keys 1
twait "back to the Overview" "[1 Overview]"
tui_keys Tab
twait "Tab: the next tab" "[2 Credits]"
tui_keys BTab
twait "Shift-Tab: the previous tab" "[1 Overview]"
tui_keys BTab
twait "Shift-Tab wraps around to the last tab" "[6 Plans]"
tui_keys Tab
twait "Tab wraps around to the first tab" "[1 Overview]"
tui_keys Right
twait "right: the next tab (the Overview has no use for it)" "[2 Credits]"
tui_keys 1 Left
twait "left: the previous tab" "[6 Plans]"
# On Plans, left/right choose a plan instead (documented in the ? overlay).
tui_keys Left
twait "left on Plans selects the previous plan" "Downgrade to Starter on 2026-12-01"
like "$(tui_capture | head -n 1)" '\[6 Plans\]' "left on Plans stayed on Plans"

tui_keys '?'
twait "? opens the help overlay for the tab" "Keys: Plans"
twait "it lists the tab's own keys" "cancel a scheduled downgrade"
twait "and the keys that work everywhere" "refresh from the server now"
tui_keys x
twait "any key closes it" "←/→: choose a plan"
unlike "$(tui_capture)" "Keys: Plans" "the overlay is gone"
tui_keys 1 '?'
twait "the Overview's overlay" "Keys: Overview"
tui_keys Escape
tui_wait_gone "Keys: Overview"
ok $? "Esc closes it"

tui_keys r
twait "r refreshes now" "(just now)"
tui_keys q
is "$(tui_wait_exit)" "0" "q quits with status 0"
done_testing
