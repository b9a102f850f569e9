#!/bin/sh
# tui_hostile.sh: a hostile or careless server on the dashboard, at 80x24
# (issue 18): the token it echoes is masked on screen; emoji sequences, flags,
# combining marks and CJK take the columns tmux gives them, so the Plans help
# box leaves no border behind after Esc; bidi marks and C1 controls (with
# their parameters) never reach the terminal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

TOKEN=tok-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
BT_TOKEN=$TOKEN

# The token echoed in a 400 on every refresh: masked on the error line.
start_billtopd --seed demo=active --fault '/v1/plans=echoauth:400' || bail "billtopd did not start"
tui_start
twait "the refresh error is shown" "Could not load your billing data."
is "$(tui_capture | grep -c -- "$TOKEN")" 0 "the echoed token is not on the screen"
is "$(sqlite3 "$TUI_CACHE" "SELECT count(*) FROM sync_state WHERE last_error LIKE '%Bearer ****%'")" 1 \
	"the cache's sync state holds the server's words, masked"
for f in "$TUI_CACHE" "$TUI_CACHE-wal"; do
	[ -e "$f" ] || continue
	is "$(grep -c -a -- "$TOKEN" "$f")" 0 "nor in $(basename "$f")"
done
tui_stop
stop_billtopd
tui_fresh_cache

# Plan names a careless server sends: a ZWJ family, a flag, a skin tone,
# combining marks, CJK, a bidi mark, a C1 CSI with its parameters.
FAMILY=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247\342\200\215\360\237\221\246')
FLAG=$(printf '\360\237\207\251\360\237\207\252')
THUMB=$(printf '\360\237\221\215\360\237\217\275')
ACUTE=$(printf 'e\314\201\314\247')
CJK=$(printf '\344\270\255\346\226\207')
RLM=$(printf '\342\200\217')
CSI=$(printf '\302\233')
start_billtopd --seed demo=active || bail "billtopd did not start"
stop_billtopd
sqlite3 "$BT_DB" "UPDATE plans SET name = 'Pro $FAMILY$FLAG$THUMB' WHERE id = 'pro';
	UPDATE plans SET name = 'St${ACUTE}rter $CJK' WHERE id = 'starter';
	UPDATE plans SET name = 'Fr${RLM}ee ${CSI}31mx' WHERE id = 'free';" || exit 1
_db=$BT_DB
start_billtopd --db "$_db" || bail "billtopd did not start"
tui_start
twait "the account opens" "per month"
tui_keys 6
twait "the Plans tab" "CURRENT"
tui_capture >"$T_DIR/before.txt"
like "$(cat "$T_DIR/before.txt")" "Pro $(printf '\360\237\221\250')" "the family is drawn as its first emoji"
is "$(grep -c -- "$RLM" "$T_DIR/before.txt")" 0 "no bidi mark reaches the terminal"
is "$(grep -c -- "31mx" "$T_DIR/before.txt")" 0 "a C1 CSI took its parameters with it"
like "$(cat "$T_DIR/before.txt")" "Free x" "the rest of that name is there"
tui_keys '?'
twait "the help box opens" "Keys: Plans"
tui_keys Escape
tui_wait_gone "Keys: Plans"
tui_capture >"$T_DIR/after.txt"
if cmp -s "$T_DIR/before.txt" "$T_DIR/after.txt"; then
	ok 0 "after Esc the screen is exactly what it was: no border left behind"
else
	ok 1 "after Esc the screen is exactly what it was: no border left behind"
	diff "$T_DIR/before.txt" "$T_DIR/after.txt" | sed 's/^/# /'
fi
# every row is 80 columns or fewer as tmux counts them (no wrapped line)
is "$(tm display -p -t bt '#{cursor_x}' >/dev/null; tui_capture | wc -l)" 24 "24 rows, none wrapped"
tui_stop
stop_billtopd
tui_fresh_cache

# One invoice with a number over 127 bytes: the rest is shown, and a banner
# says which invoice is missing and why (issue 18.7).
start_billtopd --seed demo=active || bail "billtopd did not start"
stop_billtopd
sqlite3 "$BT_DB" "UPDATE invoices SET number = 'BT-$(printf '%0200d' 7)' WHERE id = 'inv_000002'" || exit 1
_db=$BT_DB
start_billtopd --db "$_db" || bail "billtopd did not start"
tui_start
twait "the banner names the invoice left out" "Not stored: invoices: 1 item refused: data["
like "$(tui_capture)" "inv_000002" "with its id"
tui_keys 4
twait "the Invoices tab shows the others" "BT-2026-0001"
tui_stop
done_testing
