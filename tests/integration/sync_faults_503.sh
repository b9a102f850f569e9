#!/bin/sh
# sync_faults_503.sh: 503 and 429 on every resource: retried (Retry-After
# honoured), then reported (exit 5); the previous snapshot stays whole.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

start_billtopd || exit 1
bt_sync
is "$SYNC_RC" 0 "the first sync fills the cache"
fault_matrix \
	503 5 'the server failed \(503 unavailable\)' \
	429:0 5 'limiting requests \(429\)'

# four attempts at most: a permanent 503 is asked exactly four times
restart_billtopd --fault '/v1/plans=503' || exit 1
forget_etags "$CACHE"
mark=$(log_mark)
bt_sync
is "$(log_since "$mark" | grep -c '^GET /v1/plans')" 4 "a failing request is tried 4 times, no more"
like "$SYNC_OUT" "after 4 attempts" "and the message says so"
done_testing
