#!/bin/sh
# invoices_download.sh: d on the Invoices tab saves the PDF byte for byte
# (compared with curl's copy), a second d does not overwrite the first (-1),
# and a download the server cuts leaves no file at all.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"

api() { curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL$1"; }

mkdir -p "$T_DIR/dl"
export XDG_DOWNLOAD_DIR="$T_DIR/dl"

start_billtopd --seed demo=active || bail "billtopd did not start"
id=$(api '/v1/invoices?status=draft' | jq -r '.data[0].id')
num=$(api '/v1/invoices?status=draft' | jq -r '.data[0].number')
api "/v1/invoices/$id/pdf" >"$T_DIR/server.pdf"
check "curl fetched the server's PDF" test -s "$T_DIR/server.pdf"

tui_start
twait "the dashboard is up" "(just now)"
tui_keys 4
twait "the draft is selected" "Draft for the running period"
tui_keys d
twait "d saves the PDF and says where" "Saved $T_DIR/dl/$num.pdf"
check "the file is byte for byte the server's PDF" cmp "$T_DIR/server.pdf" "$T_DIR/dl/$num.pdf"
tui_keys d
twait "a second d saves a second copy" "Saved $T_DIR/dl/$num-1.pdf"
check "the first file is untouched" cmp "$T_DIR/server.pdf" "$T_DIR/dl/$num.pdf"
check "the second is the PDF too" cmp "$T_DIR/server.pdf" "$T_DIR/dl/$num-1.pdf"
is "$(ls -A "$T_DIR/dl" | wc -l)" 2 "no temporary file is left"
tui_keys o
twait "o shows the hosted invoice link" "Invoice page: https://"
tui_stop

# The server drops the PDF's connection: nothing is saved, the screen says so.
stop_billtopd
rm -f "$T_DIR/dl"/*
start_billtopd --seed demo=active --fault "/v1/invoices/$id/pdf=drop" || bail "billtopd did not start"
tui_start
twait "the dashboard is up" "(just now)"
tui_keys 4
twait "the draft is selected" "Draft for the running period"
tui_keys d
twait "a cut download is reported" "Not saved:"
is "$(ls -A "$T_DIR/dl" | wc -l)" 0 "nothing at all is left in the download directory"
tui_keys q
is "$(tui_wait_exit)" 0 "q still quits cleanly"

done_testing
