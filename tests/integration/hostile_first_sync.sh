#!/bin/sh
# hostile_first_sync.sh: two first syncs at once on a cache that does not
# exist yet (issue 18.4).  The second must wait for the first's refresh as it
# does on an existing cache, however long that takes (more than sqlite's 5 s
# busy timeout here), and exit 7 only when the cache is unusable.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

# Deterministic: another process creates the cache and holds its write lock
# while the second billtop opens it, commits the schema (as a first sync's
# migration does), then holds the lock again past the busy timeout (as its
# refresh does).  The second billtop read the old version before.
start_billtopd --seed demo || exit 1
bt_sync --cache "$T_DIR/ref.db"
is "$SYNC_RC" 0 "a reference sync"
sqlite3 "$T_DIR/ref.db" .schema | grep -v '^CREATE TABLE sqlite_' >"$T_DIR/schema.sql"
V=$(sqlite3 "$T_DIR/ref.db" 'PRAGMA user_version')
mkdir -p "$(dirname "$CACHE")"
hold_lock 'PRAGMA journal_mode = WAL; BEGIN IMMEDIATE;'
ok $? "(another process holds the new cache's write lock)"
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/b.out" 2>"$T_DIR/b.err" &
b=$!
sleep 1    # not a timing check: lets the second billtop read version 0 first
printf '.read %s\nPRAGMA user_version = %s;\nCOMMIT;\nBEGIN IMMEDIATE;\n' "$T_DIR/schema.sql" "$V" >&3
sleep 6    # longer than the 5 s busy timeout the migration waited
printf 'COMMIT;\n.quit\n' >&3
exec 3>&-
wait $holder
wait $b
rb=$?
is "$rb" 0 "the second billtop waited for the first's refresh and synced (not exit 7)"
unlike "$(cat "$T_DIR/b.out" "$T_DIR/b.err")" "locked|unusable" "no 'locked', no 'unusable'"
is "$(integrity "$CACHE")" ok "integrity_check ok"
is "$(sqlite3 "$CACHE" 'SELECT count(*) FROM account')" 1 "the cache holds the account"

# End to end, as users hit it: two first syncs, one slowed past 5 s.
for try in 1 2; do
	rm -f "$CACHE" "$CACHE-wal" "$CACHE-shm"
	restart_billtopd --fault '/v1/plans=delay:6000*1' || exit 1
	BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/a.out" 2>&1 &
	a=$!
	BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >"$T_DIR/b.out" 2>&1 &
	b=$!
	wait $a
	ra=$?
	wait $b
	rb=$?
	is "$ra $rb" "0 0" "try $try: both first syncs succeed"
	is "$(integrity "$CACHE")" ok "try $try: integrity_check ok"
done
done_testing
