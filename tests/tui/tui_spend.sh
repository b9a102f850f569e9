#!/bin/sh
# tui_spend.sh: billtop --demo=openai and --demo=anthropic open the dashboard
# on the demo account served by billtopd --emulate, read through that source:
# the Overview shows the organisation's spend and projection, Usage the cost
# tables; the other tabs say plainly that the API has no such data.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

for src in openai anthropic; do
	case $src in openai) title=OpenAI ;; *) title=Anthropic ;; esac
	tui_start --demo=$src
	twait "--demo=$src: the Overview shows the month to date" "Month to date"
	twait "$src: the source" "$title"
	twait "$src: the projection" "Projected at month end"
	like "$(tui_capture)" 'Month to date +\$[0-9,]+\.[0-9][0-9] \(' "$src: an amount in dollars and cents"
	like "$(tui_capture)" 'Last month +\$[0-9,]+\.[0-9][0-9]' "$src: last month"
	srv=$(pgrep -f "billtopd --seed demo=active --listen 127.0.0.1:0 --db $T_DIR/billtop-demo.*--emulate $src" | head -n 1)
	ok "$([ -n "$srv" ] && echo 0 || echo 1)" "$src: billtopd runs with --emulate $src"
	tui_keys 3
	if [ $src = openai ]; then
		twait "$src: Usage shows the cost by line item" "Cost by line item"
		twait "$src: and by project" "Cost by project"
	else
		twait "$src: Usage shows the cost by description" "Cost by description"
		twait "$src: and by workspace" "Cost by workspace"
	fi
	twait "$src: and tokens by model" "Tokens and requests by model"
	# a tall window: the table by API key under it, by the key's name (issue 12.2)
	tui_resize 132 60
	twait "$src: and by API key" "Tokens and requests by API key"
	like "$(tui_capture | sed -n '/Tokens and requests by API key/,$p')" \
		'billtop admin key +[0-9]+ input, [0-9]+ output, [0-9]+ requests' "$src: the key's row, by its name"
	[ $src = openai ] && like "$(tui_capture)" '\(no model\) +[0-9]+ vector store byte-days, [0-9]+ code interpreter sessions' \
		"$src: vector stores and code interpreter sessions"
	tui_resize 80 24
	tui_keys Left
	twait "$src: left selects a day: its drill-down" "(Esc: the whole month)"
	tui_keys Escape
	twait "$src: Esc goes back to the month" "Tokens and requests by model"
	# what the source does not offer: a clear screen naming it, a link, no action keys
	for k in 2 4 5 6; do
		tui_keys "$k"
		twait "$src: tab $k says the API has no such data" "$title's API has no"
		like "$(tui_capture)" "https://" "$src: tab $k links where to see it"
		ok "$(tui_alive && echo 0 || echo 1)" "$src: tab $k does not crash the dashboard"
	done
	tui_keys 5
	tui_wait "$title's API has no" >/dev/null
	unlike "$(tui_capture | tail -n 2)" "a add a method|Enter/D make default" "$src: the Payment footer offers no action"
	tui_keys 1
	twait "$src: back on the Overview" "Month to date"
	tui_keys q
	is "$(tui_wait_exit)" "0" "$src: q quits"
done
done_testing
