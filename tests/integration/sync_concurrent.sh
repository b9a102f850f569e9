#!/bin/sh
# sync_concurrent.sh: two refreshes of one cache at the same time: one
# waits for the other's transaction, both succeed, the cache is intact; a
# refresh kept waiting says so on stderr, once.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

# slow requests so the two refreshes overlap
start_billtopd --fault '*=delay:40' || exit 1

BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/a.out" 2>&1 &
a=$!
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/b.out" 2>&1 &
b=$!
wait $a
ra=$?
wait $b
rb=$?
is "$ra" 0 "the first refresh succeeds"
is "$rb" 0 "the second refresh succeeds"
fetched=$(cat "$T_DIR/a.out" "$T_DIR/b.out" | grep -c ': fetched')
unchanged=$(cat "$T_DIR/a.out" "$T_DIR/b.out" | grep -c ': unchanged')
is "$fetched" 12 "one of them fetched every resource"
is "$unchanged" 12 "the other waited, then found every resource unchanged"
is "$(integrity "$CACHE")" ok "integrity_check ok"
is "$(sqlite3 "$CACHE" 'SELECT count(*) FROM account')" 1 "one account"

# a reader during a refresh sees the old snapshot, whole
forget_etags "$CACHE"
before=$(dump_cache "$CACHE" | grep -v '^synced_at')
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >/dev/null 2>&1 &
a=$!
wait_for test -e "$CACHE-wal"
is "$(dump_cache "$CACHE" | grep -v '^synced_at')" "$before" "a reader is not blocked and sees a whole snapshot"
wait $a
is "$?" 0 "the refresh completes"

# a refresh kept waiting for the write lock says so (once), then goes on:
# sqlite3 holds the lock until the message has been seen
hold_lock 'BEGIN IMMEDIATE;'
ok $? "(another process holds the cache's write lock)"
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/w.out" 2>"$T_DIR/w.err" &
w=$!
wait_for grep -q 'waiting for another refresh' "$T_DIR/w.err"
ok $? "a refresh that has to wait says so on stderr"
printf 'COMMIT;\n' >&3
exec 3>&-
wait $w
is "$?" 0 "it refreshes once the lock is released"
like "$(cat "$T_DIR/w.err")" "^billtop sync: waiting for another refresh of $CACHE\.\.\.$" "naming the cache"
is "$(grep -c 'waiting for another refresh' "$T_DIR/w.err")" 1 "once"
wait $holder
done_testing
