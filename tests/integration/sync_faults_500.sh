#!/bin/sh
# sync_faults_500.sh: a 500 on every resource: retried four times, then
# reported (exit 5) naming the resource; the previous snapshot stays whole.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

start_billtopd || exit 1
bt_sync
is "$SYNC_RC" 0 "the first sync fills the cache"
fault_matrix 500 5 'the server failed \(500 internal\).*after 4 attempts'
done_testing
