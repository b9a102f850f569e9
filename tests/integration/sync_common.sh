# sync_common.sh: helpers for the sync_* and cache_* suites (sourced after
# tests/lib.sh).  Every suite gets its own config and cache directories, no
# token in the environment unless it asks, and no proxy between billtop and
# the billtopd on loopback.

export XDG_CONFIG_HOME="$T_DIR/config"
export XDG_CACHE_HOME="$T_DIR/cache"
unset BILLTOP_URL BILLTOP_TOKEN http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export NO_PROXY='*'
CACHE="$XDG_CACHE_HOME/billtop/default.db"

# bt_sync [ARGS...]: `billtop sync --url $BT_URL` with the test token; sets
# SYNC_RC, SYNC_OUT (stdout) and SYNC_ERR (stderr).
bt_sync() {
	BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" sync --url "$BT_URL" "$@" \
		>"$T_DIR/sync.out" 2>"$T_DIR/sync.err"
	SYNC_RC=$?
	SYNC_OUT=$(cat "$T_DIR/sync.out")
	SYNC_ERR=$(cat "$T_DIR/sync.err")
	if [ -n "${SYNC_VERBOSE:-}" ]; then
		sed 's/^/# out: /' "$T_DIR/sync.out"
		sed 's/^/# err: /' "$T_DIR/sync.err"
	fi
}

# restart_billtopd [ARGS...]: the same server database, new arguments
# (--fault ...).  The data survives; so do the ETags (derived from it).
restart_billtopd() {
	_db=${SERVER_DB:-$BT_DB}
	stop_billtopd
	start_billtopd --db "$_db" "$@"
	BT_DB=$_db
}

# dump_cache FILE: every data table in a stable order (not the sync state,
# which records attempts).
dump_cache() {
	sqlite3 "$1" <<'EOF'
.mode list
SELECT 'account', * FROM account;
SELECT 'credit_summary', * FROM credit_summary;
SELECT 'plans', * FROM plans ORDER BY seq;
SELECT 'grants', * FROM grants ORDER BY seq;
SELECT 'ledger', * FROM ledger ORDER BY seq;
SELECT 'meters', * FROM meters ORDER BY seq;
SELECT 'agents', * FROM agents ORDER BY seq;
SELECT 'usage_daily', * FROM usage_daily ORDER BY day, meter_id, agent_id;
SELECT 'usage_by_meter', * FROM usage_by_meter ORDER BY day, meter_id;
SELECT 'usage_by_agent', * FROM usage_by_agent ORDER BY day, agent_id;
SELECT 'usage_by_item', * FROM usage_by_item ORDER BY day, item;
SELECT 'runs', * FROM runs ORDER BY seq;
SELECT 'invoices', * FROM invoices ORDER BY seq;
SELECT 'invoice_lines', * FROM invoice_lines ORDER BY invoice_id, n;
SELECT 'payment_methods', * FROM payment_methods ORDER BY seq;
SELECT 'charges', * FROM charges ORDER BY seq;
SELECT 'synced_at', value FROM meta WHERE key = 'synced_at';
EOF
}

# fingerprint FILE: a one-line summary that tells two snapshots apart.
fingerprint() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM account) || '/' ||
		(SELECT coalesce(max(name), '') FROM account) || '/' ||
		(SELECT count(*) FROM invoices) || '/' || (SELECT count(*) FROM ledger) || '/' ||
		(SELECT count(*) FROM usage_daily) || '/' ||
		(SELECT coalesce(sum(credits), 0) FROM usage_by_meter) || '/' ||
		(SELECT count(*) FROM runs) || '/' ||
		(SELECT coalesce(max(value), '') FROM meta WHERE key = 'synced_at')"
}

integrity() {
	sqlite3 "$1" 'PRAGMA integrity_check'
}

# forget_etags FILE: makes the next refresh fetch everything again, as if
# the server's data had changed (so a fault on a body is actually served).
forget_etags() {
	sqlite3 "$1" "UPDATE sync_state SET etag = ''; UPDATE usage_windows SET etag = ''"
}

# log_mark / log_since MARK: the billtopd log lines after a point.
log_mark() {
	wc -l <"$T_DIR/billtopd.log" | tr -d ' '
}
log_since() {
	tail -n +"$(($1 + 1))" "$T_DIR/billtopd.log"
}

# wait_for CMD...: polls CMD up to ~20 s (bounded; no fixed short sleeps).
wait_for() {
	_i=0
	while [ $_i -lt 400 ]; do
		"$@" && return 0
		sleep 0.05
		_i=$((_i + 1))
	done
	return 1
}

# The API path prefix billtopd's --fault matches, per resource of a refresh.
fault_path() {
	case $1 in
	account) echo /v1/account ;;
	plans) echo /v1/plans ;;
	credits) echo /v1/credits ;;
	grants) echo /v1/credits/grants ;;
	ledger) echo /v1/credits/ledger ;;
	meters) echo /v1/meters ;;
	agents) echo /v1/agents ;;
	usage) echo /v1/usage/daily ;;
	runs) echo /v1/runs ;;
	invoices) echo /v1/invoices ;;
	payment_methods) echo /v1/payment_methods ;;
	charges) echo /v1/charges ;;
	esac
}
RESOURCES="account plans credits grants ledger meters agents usage runs invoices payment_methods charges"

# fault_matrix KIND RC REGEX...: for every resource, a refresh against a
# billtopd injecting KIND on it must exit RC, name the resource and the
# problem (REGEX), and leave the previous snapshot whole and intact.
# Needs a cache already synced; runs the cases for each KIND RC REGEX triple.
fault_matrix() {
	_snap=$(dump_cache "$CACHE")
	while [ $# -ge 3 ]; do
		_kind=$1 _rc=$2 _re=$3
		shift 3
		for _r in $RESOURCES; do
			restart_billtopd --fault "$(fault_path "$_r")=$_kind" || return 1
			forget_etags "$CACHE"
			bt_sync
			is "$SYNC_RC" "$_rc" "$_kind on $_r: exit $_rc"
			like "$SYNC_OUT" "^$_r: failed: .*$_re" "$_kind on $_r: the output names $_r and the problem"
			is "$(dump_cache "$CACHE")" "$_snap" "$_kind on $_r: the previous snapshot is whole"
			is "$(integrity "$CACHE")" ok "$_kind on $_r: integrity_check ok"
			is "$(sqlite3 "$CACHE" "SELECT last_error <> '' FROM sync_state WHERE resource = '$_r'")" 1 \
				"$_kind on $_r: the sync state records the error"
		done
	done
}

# hold_lock SQL: a sqlite3 on $CACHE, fed through fd 3, that has run
# ".timeout 20000" and SQL (ending in BEGIN IMMEDIATE); sets holder.  It
# waits for the lock itself: the locked probe may hold it for a moment.
# Waits until the lock is held; 0, or 1 when it never was.
locked() { ! sqlite3 "$CACHE" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1; }
hold_lock() {
	mkfifo "$T_DIR/lock.in"
	sqlite3 "$CACHE" <"$T_DIR/lock.in" >/dev/null 2>&1 &
	holder=$!
	T_PIDS="$T_PIDS $holder"
	exec 3>"$T_DIR/lock.in"
	printf '.timeout 20000\n%s\n' "$1" >&3
	wait_for locked
}
