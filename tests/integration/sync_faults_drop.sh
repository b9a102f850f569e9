#!/bin/sh
# sync_faults_drop.sh: connections dropped mid-body on every resource
# (exit 4, snapshot whole), and transient faults that the retries get past.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

start_billtopd || exit 1
bt_sync
is "$SYNC_RC" 0 "the first sync fills the cache"
fault_matrix drop 4 'broke off'

# transient faults: the retries get through, with backoff or Retry-After
for f in '500*2' '503*3' '429:1*1' 'drop*1'; do
	restart_billtopd --fault "/v1/invoices=$f" || exit 1
	forget_etags "$CACHE"
	mark=$(log_mark)
	bt_sync
	is "$SYNC_RC" 0 "$f on invoices: the sync retries and succeeds"
	n=$(log_since "$mark" | grep -c '^GET /v1/invoices')
	ok $([ "$n" -ge 2 ] && echo 0 || echo 1) "$f on invoices: the request was retried ($n GETs)"
done
done_testing
