#!/bin/sh
# invoice_download_interrupted.sh: a download cut by the server (drop) or by
# the user (SIGINT during a slow answer) leaves nothing under the final name
# and no temporary file.
. "$top_srcdir/tests/lib.sh"

export HOME="$T_DIR/home" XDG_CONFIG_HOME="$T_DIR/config" XDG_CACHE_HOME="$T_DIR/cache"
mkdir -p "$HOME" "$T_DIR/dl"
export XDG_DOWNLOAD_DIR="$T_DIR/dl"

# The demo seed is deterministic for a fixed clock: learn an invoice id first.
start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }
id=$(curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?status=paid" | jq -r '.data[0].id')
like "$id" '.' "the demo account has a paid invoice"
stop_billtopd

# The server closes the connection in the middle of the body, every time.
start_billtopd --seed demo --fault "/v1/invoices/$id/pdf=drop" || exit 1
export BILLTOP_URL="$BT_URL" BILLTOP_TOKEN="$BT_TOKEN"
err=$("$BILLTOP" invoice download "$id" 2>&1); rc=$?
is "$rc" 4 "a dropped connection is a network failure (exit 4)"
like "$err" "$BT_URL" "the error names the server"
is "$(ls -A "$T_DIR/dl" | wc -l)" 0 "nothing at all is left in the download directory"
stop_billtopd

# A slow answer, interrupted by the user with SIGINT.
start_billtopd --seed demo --fault "/v1/invoices/$id/pdf=delay:60000" || exit 1
export BILLTOP_URL="$BT_URL"
"$BILLTOP" invoice download "$id" >"$T_DIR/out" 2>"$T_DIR/err" &
pid=$!
T_PIDS="$T_PIDS $pid"
# The temporary file appears once the request is under way.
i=0
while [ $i -lt 400 ] && [ "$(ls -A "$T_DIR/dl" | wc -l)" -eq 0 ]; do
	sleep 0.05
	i=$((i + 1))
done
is "$(ls -A "$T_DIR/dl" | grep -c '^\.')" 1 "a hidden temporary file exists while the download runs"
is "$(ls "$T_DIR/dl" | wc -l)" 0 "and nothing under a final name"
kill -INT "$pid"
wait "$pid"; rc=$?
is "$rc" 130 "SIGINT ends it as interrupted by the signal"
like "$(cat "$T_DIR/err")" "interrupted; nothing was saved" "it says nothing was saved"
is "$(ls -A "$T_DIR/dl" | wc -l)" 0 "the temporary file is gone and no final file exists"
is "$(cat "$T_DIR/out")" "" "no path was printed"

done_testing
