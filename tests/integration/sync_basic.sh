#!/bin/sh
# sync_basic.sh: a first refresh fetches everything; a second moves no
# bodies (every GET answers 304); files are private; --offline refuses.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

start_billtopd || exit 1

mark=$(log_mark)
bt_sync
is "$SYNC_RC" 0 "first sync exits 0"
for r in $RESOURCES; do
	like "$SYNC_OUT" "^$r: fetched \(" "first sync: $r fetched"
done
like "$SYNC_OUT" "^account: fetched \(1 item\)$" "the account is one item"
like "$SYNC_OUT" "^usage: fetched \([0-9]+ of [0-9]+ months changed, [0-9,]+ items\)$" \
	"usage says how many month windows changed"
is "$SYNC_ERR" "" "nothing on stderr"
first_gets=$(log_since "$mark" | grep -c '^GET ')
ok $([ "$first_gets" -ge 12 ] && echo 0 || echo 1) "the first sync made at least one GET per resource ($first_gets)"

# the cache mirrors the server
api() {
	curl -s -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$1"
}
is "$(sqlite3 "$CACHE" 'SELECT name FROM account')" "$(api /v1/account | jq -r .name)" \
	"the account name is the server's"
is "$(sqlite3 "$CACHE" 'SELECT group_concat(id) FROM (SELECT id FROM plans ORDER BY seq)')" \
	"$(api '/v1/plans?limit=1000' | jq -r '[.data[].id] | join(",")')" "plans in the server's order"
is "$(sqlite3 "$CACHE" 'SELECT count(*) FROM ledger')" \
	"$(api '/v1/credits/ledger?limit=1000' | jq '.data | length')" "every ledger entry"
nov=$(api '/v1/usage/daily?from=2026-11-01&to=2026-11-30&limit=1000' | jq '[.data[].credits] | add')
is "$(sqlite3 "$CACHE" "SELECT sum(credits) FROM usage_daily WHERE day LIKE '2026-11-%'")" "$nov" \
	"November's usage credits match"
is "$(sqlite3 "$CACHE" "SELECT sum(credits) FROM usage_by_meter WHERE day LIKE '2026-11-%'")" "$nov" \
	"the per-meter rollup sums to the raw rows"
is "$(sqlite3 "$CACHE" "SELECT sum(credits) FROM usage_by_agent WHERE day LIKE '2026-11-%'")" "$nov" \
	"the per-agent rollup sums to the raw rows"
is "$(sqlite3 "$CACHE" "SELECT sum(credits) FROM usage_by_item WHERE day LIKE '2026-11-%'")" "$nov" \
	"the per-line-item rollup sums to the raw rows"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM invoice_lines")" \
	"$(api '/v1/invoices?limit=1000' | jq '[.data[].lines | length] | add')" "every invoice line"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM sync_state WHERE last_error = '' AND last_success IS NOT NULL")" \
	12 "twelve resources with a last success and no error"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM sync_state WHERE etag = '' AND resource <> 'usage'")" 0 \
	"every resource has its ETag"
is "$(integrity "$CACHE")" ok "integrity_check ok"

# the second refresh: every GET a 304, nothing decoded or rewritten
before=$(dump_cache "$CACHE" | grep -v '^synced_at')
mark=$(log_mark)
bt_sync
is "$SYNC_RC" 0 "second sync exits 0"
for r in $RESOURCES; do
	like "$SYNC_OUT" "^$r: unchanged" "second sync: $r unchanged"
done
second=$(log_since "$mark" | grep '^GET ')
is "$(printf '%s\n' "$second" | grep -vc ' 304 ')" 0 "every GET of the second sync answered 304"
ok $([ "$(printf '%s\n' "$second" | grep -c ' 304 ')" -ge 12 ] && echo 0 || echo 1) \
	"the second sync asked about every resource"
is "$(dump_cache "$CACHE" | grep -v '^synced_at')" "$before" "the data is unchanged"

# files: directory 0700, database (and its WAL files) 0600
is "$(stat -c %a "$XDG_CACHE_HOME/billtop")" 700 "cache directory created 0700"
for f in "$CACHE" "$CACHE-wal" "$CACHE-shm"; do
	[ -e "$f" ] || continue
	is "$(stat -c %a "$f")" 600 "$(basename "$f") is 0600"
done
# while a sync holds the database open, the WAL files exist: check them too
restart_billtopd --fault '/v1/charges=delay:3000*1' || exit 1
forget_etags "$CACHE"
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >/dev/null 2>&1 &
spid=$!
if wait_for test -e "$CACHE-wal"; then
	is "$(stat -c %a "$CACHE-wal")" 600 "the -wal file is 0600"
	is "$(stat -c %a "$CACHE-shm")" 600 "the -shm file is 0600"
else
	ok 1 "the -wal file appears during a sync"
fi
wait $spid
is "$?" 0 "the slow sync finishes"

# --offline: a refresh needs the network
bt_sync --offline
is "$SYNC_RC" 2 "--offline exits 2"
like "$SYNC_ERR" "offline" "and says why"

# the escape fault: terminal escapes never reach the cache
restart_billtopd --fault '*=escape' || exit 1
forget_etags "$CACHE"
bt_sync
is "$SYNC_RC" 0 "a sync of strings full of escape sequences succeeds"
is "$(sqlite3 "$CACHE" .dump | grep -c "$(printf '\033')")" 0 "no ESC byte anywhere in the cache"
is "$(sqlite3 "$CACHE" .dump | grep -c "$(printf '\007')")" 0 "no BEL byte anywhere in the cache"

done_testing
