#!/bin/sh
# cache_migrate.sh: a cache written by an older billtop (schema 1, from
# tests/integration/cache_v1.sql) is migrated and refreshed; one written by
# a newer billtop is refused, untouched; a corrupt one is moved aside; a
# directory or a symbolic link in the cache's place is refused, not moved.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

start_billtopd || exit 1
mkdir -p "$XDG_CACHE_HOME/billtop"

# schema 1 -> 2
sqlite3 "$CACHE" <"$top_srcdir/tests/integration/cache_v1.sql"
is "$(sqlite3 "$CACHE" 'PRAGMA user_version')" 1 "the fixture is a schema 1 cache"
bt_sync
is "$SYNC_RC" 0 "billtop sync migrates and refreshes it"
is "$(sqlite3 "$CACHE" 'PRAGMA user_version')" 5 "now at schema 5"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM sqlite_master WHERE name IN
	('usage_by_meter', 'usage_by_agent', 'usage_by_item', 'usage_windows')")" 4 \
	"the rollup and window tables exist"
is "$(sqlite3 "$CACHE" 'SELECT id FROM account')" acct_demo "the old account was replaced by the server's"
like "$SYNC_OUT" "^usage: fetched" "usage was fetched again (schema 1 kept no month ETags)"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM usage_daily WHERE agent_id IN ('agt_a', 'agt_b')")" 0 \
	"usage rows of the old snapshot are gone"
is "$(sqlite3 "$CACHE" "SELECT sum(credits) FROM usage_daily")" \
	"$(sqlite3 "$CACHE" "SELECT sum(credits) FROM usage_by_meter")" "the rollups match the new rows"
is "$(integrity "$CACHE")" ok "integrity_check ok"
bt_sync
like "$SYNC_OUT" "^usage: unchanged" "and the next refresh finds usage unchanged"

# what schema 5 adds, to take a cache back to an older version
DROP_V5="DROP INDEX invoices_by_order; DROP INDEX invoices_by_status_order;
	DROP INDEX grants_with_credits; DROP INDEX grants_by_available_from; DROP TABLE row_counts;
	DROP TRIGGER grants_counted; DROP TRIGGER grants_uncounted; DROP TRIGGER ledger_counted;
	DROP TRIGGER ledger_uncounted; DROP TRIGGER invoices_counted; DROP TRIGGER invoices_uncounted;
	DROP TRIGGER charges_counted; DROP TRIGGER charges_uncounted;"
# counted: the counts schema 5 keeps are the tables' row counts
counted() {
	for t in grants ledger invoices charges; do
		sqlite3 "$CACHE" "SELECT '$t', (SELECT n FROM row_counts WHERE name = '$t') = (SELECT count(*) FROM $t)
			AND (SELECT count(*) FROM $t) > 0"
	done | tr '\n' ' '
}

# schema 2 -> 3: the spend tables are added, nothing else changes
sqlite3 "$CACHE" 'DROP TABLE spend_org; DROP TABLE spend_costs; DROP TABLE spend_tokens;
	DROP TABLE spend_names; DROP TABLE spend_key_tokens; '"$DROP_V5"' PRAGMA user_version = 2'
before=$(dump_cache "$CACHE" | grep -v "^synced_at")
bt_sync
is "$SYNC_RC" 0 "a schema 2 cache: billtop sync migrates and refreshes it"
is "$(sqlite3 "$CACHE" 'PRAGMA user_version')" 5 "now at schema 5"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM sqlite_master WHERE name IN
	('spend_org', 'spend_costs', 'spend_tokens', 'spend_names', 'spend_key_tokens')")" 5 "the spend tables exist"
is "$(dump_cache "$CACHE" | grep -v "^synced_at")" "$before" "and the native data is as it was"

# schema 3 -> 4: the usage by API key is added, nothing else changes
sqlite3 "$CACHE" 'DROP TABLE spend_key_tokens; '"$DROP_V5"' PRAGMA user_version = 3'
before=$(dump_cache "$CACHE" | grep -v "^synced_at")
bt_sync
is "$SYNC_RC" 0 "a schema 3 cache: billtop sync migrates and refreshes it"
is "$(sqlite3 "$CACHE" 'PRAGMA user_version')" 5 "now at schema 5"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM sqlite_master WHERE name = 'spend_key_tokens'")" 1 \
	"the table of usage by API key exists"
is "$(dump_cache "$CACHE" | grep -v "^synced_at")" "$before" "and the native data is as it was"

# schema 4 -> 5: the indexes behind the Invoices and Credits first visits
# (issue 15); a reader (billtop print) migrates too; the data stays as it was
sqlite3 "$CACHE" "$DROP_V5 PRAGMA user_version = 4"
before=$(dump_cache "$CACHE" | grep -v "^synced_at")
bt_sync
is "$SYNC_RC" 0 "a schema 4 cache: billtop sync migrates and refreshes it"
is "$(sqlite3 "$CACHE" 'PRAGMA user_version')" 5 "now at schema 5"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN
	('invoices_by_order', 'invoices_by_status_order', 'grants_with_credits', 'grants_by_available_from')")" 4 \
	"the order and grant indexes exist"
like "$(sqlite3 "$CACHE" "EXPLAIN QUERY PLAN SELECT id FROM invoices WHERE ?1 IS NULL
	ORDER BY -(status = 'draft'), -coalesce(issued_at, period_start, 0), seq LIMIT 10")" \
	"USING INDEX invoices_by_order" "the Invoices window is read in index order, not sorted"
is "$(dump_cache "$CACHE" | grep -v "^synced_at")" "$before" "and the data is as it was"
is "$(counted)" "grants|1 ledger|1 invoices|1 charges|1 " "the row counts kept are counted from the data"
bt_sync
is "$(counted)" "grants|1 ledger|1 invoices|1 charges|1 " "and stay right through a refresh"

# a newer schema: refused with a clear message, not touched
sqlite3 "$CACHE" 'PRAGMA user_version = 99'
sum=$(cksum <"$CACHE")
bt_sync
is "$SYNC_RC" 7 "a cache from a newer billtop: exit 7"
like "$SYNC_ERR" "written by a newer billtop \(cache schema 99; this billtop knows up to 5\)" \
	"the message says why"
is "$(cksum <"$CACHE")" "$sum" "the file is untouched"
ok $(ls "$CACHE".corrupt-* >/dev/null 2>&1 && echo 1 || echo 0) "and not moved aside"
sqlite3 "$CACHE" 'PRAGMA user_version = 5'

# corrupt: moved aside, rebuilt, said so
dd if=/dev/urandom of="$CACHE" bs=4096 count=4 conv=notrunc 2>/dev/null
rm -f "$CACHE-wal" "$CACHE-shm"
bt_sync
is "$SYNC_RC" 0 "a corrupt cache: the refresh still succeeds"
like "$SYNC_ERR" "was unusable .* moved to .*\.corrupt-[0-9]{8}T[0-9]{6} and a new one was started" \
	"and says where the old file went"
ok $(ls "$CACHE".corrupt-* >/dev/null 2>&1 && echo 0 || echo 1) "the corrupt file is kept beside it"
is "$(integrity "$CACHE")" ok "the new cache is sound"
is "$(stat -c %a "$CACHE")" 600 "and 0600"

# corrupt inside (header and schema fine): found only while the refresh
# writes; the file is moved aside and the refresh starts over into a new one
bt_sync
forget_etags "$CACHE"
pages=$(( $(stat -c %s "$CACHE") / 4096 ))
dd if=/dev/urandom of="$CACHE" bs=4096 seek=$((pages - 12)) count=10 conv=notrunc 2>/dev/null
rm -f "$CACHE-wal" "$CACHE-shm"
n_aside=$(ls "$CACHE".corrupt-* 2>/dev/null | wc -l)
is "$(sqlite3 "$CACHE" 'SELECT count(*) > 0 FROM sqlite_master')" 1 "(the schema still reads)"
unlike "$(sqlite3 "$CACHE" 'PRAGMA quick_check' 2>&1)" '^ok$' "(but the data pages are damaged)"
bt_sync
is "$SYNC_RC" 0 "corrupt pages found mid-refresh: the refresh still succeeds"
like "$SYNC_ERR" "was unusable \(database disk image is malformed\).*moved to" "and says so"
is "$(ls "$CACHE".corrupt-* 2>/dev/null | wc -l)" "$((n_aside + 1))" "the damaged file is kept beside it"
is "$(integrity "$CACHE")" ok "the rebuilt cache is sound"
is "$(sqlite3 "$CACHE" 'SELECT count(*) FROM sync_state WHERE last_success IS NOT NULL')" 12 \
	"and holds a whole snapshot"

# a cache path that is a directory: refused (exit 7), never renamed
rm -rf "$T_DIR/dircache"
mkdir -p "$T_DIR/dircache/x.db"
bt_sync --cache "$T_DIR/dircache/x.db"
is "$SYNC_RC" 7 "a directory in the cache's place: sync exits 7"
like "$SYNC_ERR" "cannot open the cache $T_DIR/dircache/x.db: Is a directory" \
	"the message names the path and why"
"$BILLTOP" --cache "$T_DIR/dircache/x.db" print overview >"$T_DIR/out" 2>&1
is "$?" 7 "print on it exits 7 too"
like "$(cat "$T_DIR/out")" "cannot open the cache $T_DIR/dircache/x.db: not a regular file" \
	"and names the path"
is "$(ls -A "$T_DIR/dircache")" x.db "the directory stays where it was; nothing is moved aside"

# a symbolic link is not followed: refused, the link and its target untouched
ln -s "$CACHE" "$T_DIR/link.db"
sum=$(cksum <"$CACHE")
bt_sync --cache "$T_DIR/link.db"
is "$SYNC_RC" 7 "a symbolic link as the cache: sync exits 7"
like "$SYNC_ERR" "$T_DIR/link.db: it is a symbolic link, which billtop does not follow" \
	"the message says so"
"$BILLTOP" --cache "$T_DIR/link.db" print overview >"$T_DIR/out" 2>&1
is "$?" 7 "print through the link exits 7"
check "the link is still a link" test -L "$T_DIR/link.db"
is "$(cksum <"$CACHE")" "$sum" "its target is untouched"
ok $(ls "$T_DIR"/link.db.corrupt-* >/dev/null 2>&1 && echo 1 || echo 0) "nothing is moved aside"
done_testing
