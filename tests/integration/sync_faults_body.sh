#!/bin/sh
# sync_faults_body.sh: hostile bodies on every resource (malformed JSON, a
# wrong type, a number beyond 64 bits) are refused without a crash, named,
# and leave the previous snapshot whole; delays are waited out.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"

start_billtopd || exit 1
bt_sync
is "$SYNC_RC" 0 "the first sync fills the cache"

fault_matrix \
	malformed 6 '(not valid JSON|ends too early)' \
	wrongtype 6 ': expected ' \
	huge 6 'too large for 64 bits'

# a slow server is waited for
snap=$(dump_cache "$CACHE" | grep -v '^synced_at')
restart_billtopd --fault '*=delay:100' || exit 1
forget_etags "$CACHE"
bt_sync
is "$SYNC_RC" 0 "delays on every request: the sync still succeeds"
is "$(dump_cache "$CACHE" | grep -v '^synced_at')" "$snap" "and writes the same data"

# no faults: back to 304s, the ETags were kept right through
restart_billtopd || exit 1
mark=$(log_mark)
bt_sync
is "$SYNC_RC" 0 "a clean sync after the faults"
is "$(log_since "$mark" | grep '^GET ' | grep -vc ' 304 ')" 0 "every GET answers 304"

done_testing
