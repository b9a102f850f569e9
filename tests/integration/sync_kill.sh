#!/bin/sh
# sync_kill.sh: kill -9 at random moments during the refresh of a large
# account, again and again; every time the cache holds either the whole old
# snapshot or the whole new one, and passes integrity_check.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

KILLS=${SYNC_KILLS:-24}

# the old snapshot: a large account as of the 15th
start_billtopd --seed large --scale 20 || exit 1
bt_sync
is "$SYNC_RC" 0 "the old snapshot is synced"
old=$(fingerprint "$CACHE" | sed 's#/[^/]*$##')
cp "$CACHE" "$T_DIR/old.db"
stop_billtopd

# the new one: a longer history on another server database
BT_NOW=2026-11-20T12:00:00Z start_billtopd --seed large --scale 24 || exit 1
t0=$(date +%s%N)
bt_sync --cache "$T_DIR/new.db"
t1=$(date +%s%N)
is "$SYNC_RC" 0 "the new snapshot syncs in full"
new=$(fingerprint "$T_DIR/new.db" | sed 's#/[^/]*$##')
ok $([ "$old" != "$new" ] && echo 0 || echo 1) "the two snapshots differ ($old vs $new)"
# kill somewhere inside a refresh: up to 90% of how long one took here
span_ms=$(( (t1 - t0) / 1000000 * 9 / 10 ))
[ "$span_ms" -ge 50 ] || span_ms=50

n_old=0 n_new=0 n_bad=0
i=0
while [ $i -lt "$KILLS" ]; do
	i=$((i + 1))
	rm -f "$CACHE" "$CACHE-wal" "$CACHE-shm"
	cp "$T_DIR/old.db" "$CACHE"
	r=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
	delay_ms=$(( r % span_ms ))
	BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	fp=$(fingerprint "$CACHE" | sed 's#/[^/]*$##')
	ic=$(integrity "$CACHE")
	if [ "$ic" != ok ]; then
		n_bad=$((n_bad + 1))
		echo "# kill $i after ${delay_ms} ms: integrity_check: $ic"
	elif [ "$fp" = "$old" ]; then
		n_old=$((n_old + 1))
	elif [ "$fp" = "$new" ]; then
		n_new=$((n_new + 1))
	else
		n_bad=$((n_bad + 1))
		echo "# kill $i after ${delay_ms} ms: neither snapshot: $fp"
	fi
done
is "$n_bad" 0 "$KILLS kills: every cache held a whole snapshot ($n_old old, $n_new new)"
is "$((n_old + n_new))" "$KILLS" "every kill was checked"
ok $([ "$n_old" -ge 1 ] && echo 0 || echo 1) "some kills landed inside a refresh"

# the cache a kill left behind refreshes normally
bt_sync
is "$SYNC_RC" 0 "a sync after the last kill succeeds"
is "$(fingerprint "$CACHE" | sed 's#/[^/]*$##')" "$new" "and holds the new snapshot"
is "$(integrity "$CACHE")" ok "integrity_check ok"
done_testing
