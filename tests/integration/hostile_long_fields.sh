#!/bin/sh
# hostile_long_fields.sh: one odd item does not hide every other figure
# (issue 18.7).  An invoice number over 127 bytes and a charge id over 63:
# the refresh stores everything else, says which item was left out and why
# (billtop sync's output, the sync state, print's banner), and reads the list
# again next time (no ETag kept) so it says so again.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

start_billtopd --seed demo || exit 1
stop_billtopd
LONGNUM=BT-$(printf '%0200d' 7)
LONGID=ch_$(printf '%070d' 1)
sqlite3 "$BT_DB" "UPDATE invoices SET number = '$LONGNUM' WHERE id = 'inv_000002';
	UPDATE charges SET id = '$LONGID' WHERE id = 'ch_000003';" || exit 1
# one usage row of an earlier month with an agent id over 63 bytes
OLDMONTH=$(sqlite3 "$BT_DB" "SELECT substr(min(day), 1, 7) FROM usage_daily")
sqlite3 "$BT_DB" "UPDATE usage_daily SET agent_id = 'agt_$(printf '%070d' 1)'
	WHERE (day, meter_id, agent_id) = (SELECT day, meter_id, agent_id FROM usage_daily
	                                   WHERE day LIKE '$OLDMONTH-%' ORDER BY day LIMIT 1);" || exit 1
_db=$BT_DB
start_billtopd --db "$_db" || exit 1
BT_DB=$_db

bt_sync
is "$SYNC_RC" 0 "the refresh succeeds"
like "$SYNC_OUT" "invoices: fetched \(6 items\); 1 item refused: data\[[0-9]+\] \(id 'inv_000002'\): number: longer than 127 bytes" \
	"sync names the invoice left out and why"
like "$SYNC_OUT" "charges: fetched \([0-9]+ items\); 1 item refused: data\[[0-9]+\] \(id 'ch_0000.*'\.\.\.\): id: longer than 63 bytes" \
	"sync names the charge left out and why"
is "$(sqlite3 "$CACHE" 'SELECT count(*) FROM invoices')" 6 "the other six invoices are stored"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM invoices WHERE id = 'inv_000002'")" 0 "the odd one is not"
is "$(sqlite3 "$CACHE" 'SELECT count(*) FROM charges')" \
	"$(($(sqlite3 "$BT_DB" 'SELECT count(*) FROM charges') - 1))" "every other charge is stored"
is "$(sqlite3 "$CACHE" 'SELECT count(*) FROM account')" 1 "the account is stored"
like "$(sqlite3 "$CACHE" "SELECT last_error FROM sync_state WHERE resource = 'invoices'")" \
	"^1 item refused: data\[[0-9]+\] \(id 'inv_000002'\): number" "the sync state keeps the note"
is "$(sqlite3 "$CACHE" "SELECT etag FROM sync_state WHERE resource = 'invoices'")" "" \
	"no ETag kept for a list with items left out"

like "$SYNC_OUT" "usage: .*1 item refused: .*agent_id: longer than 63 bytes" \
	"sync names the usage row left out and why"

bt_sync
like "$SYNC_OUT" "invoices: fetched \(6 items\); 1 item refused" "the next refresh reads it again and says so again"
like "$SYNC_OUT" "usage: .*1 item refused" "a usage window with a row left out is read again and says so again"
like "$(sqlite3 "$CACHE" "SELECT last_error FROM sync_state WHERE resource = 'usage'")" \
	"1 item refused" "the usage note stays in the sync state"

BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" print overview >"$T_DIR/print.txt" 2>&1
like "$(cat "$T_DIR/print.txt")" "Not stored: (usage|invoices): 1 item refused: data\[" "print shows which item is missing"
done_testing
