#!/bin/sh
# hostile_ids.sh: ids are opaque (issue 18.2, 18.3).  Invoices with the ids
# "..", ".", "a b", "%2F", "inv\n1" and "inv_<RLO>0001": stored exactly in the
# cache, each requested as one path segment (billtopd's log shows the decoded
# path: "/v1/invoices/../pdf", never "/v1/pdf"), drawn sanitised.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/sync_common.sh"
. "$top_srcdir/tests/integration/hostile_common.sh"

start_billtopd --seed demo || exit 1
hostile_seed || exit 1
export HOME="$T_DIR/home" XDG_DOWNLOAD_DIR="$T_DIR/dl"
mkdir -p "$HOME" "$T_DIR/dl"

bt_sync
is "$SYNC_RC" 0 "a sync with hostile invoice ids succeeds"
# every id exactly as the server sent it
for id in .. . 'a b' %2F; do
	is "$(sqlite3 "$CACHE" "SELECT count(*) FROM invoices WHERE id = '$id'")" 1 "the id '$id' is stored exactly"
done
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM invoices WHERE id = 'inv' || char(10) || '1'")" 1 \
	"the id 'inv\\n1' is stored exactly, newline and all (not 'inv 1')"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM invoices WHERE id = 'inv_' || char(8238) || '0001'")" 1 \
	"the id 'inv_<RLO>0001' is stored exactly (not 'inv_0001')"
is "$(sqlite3 "$CACHE" "SELECT count(*) FROM charges WHERE invoice_id = '..'")" \
	"$(sqlite3 "$BT_DB" "SELECT count(*) FROM charges WHERE invoice_id = '..'")" \
	"a charge's invoice_id is stored exactly too"

# download by id: each is one path segment, the PDF is the server's.  The log
# shows the path billtopd decoded, its own bytes %XX-escaped again.
logged() {
	case $1 in
	'a b') echo 'a%20b' ;;
	%2F) echo '%252F' ;;
	*) printf '%s' "$1" | sed 's/[.]/[.]/g' ;;
	esac
}
for id in .. . 'a b' %2F; do
	mark=$(log_mark)
	out=$(BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" invoice download --url "$BT_URL" -- "$id" 2>"$T_DIR/err"); rc=$?
	is "$rc" 0 "invoice download '$id' exits 0"
	like "$(log_since "$mark")" "GET /v1/invoices/$(logged "$id")/pdf 200" \
		"'$id': billtopd served /v1/invoices/$id/pdf"
	unlike "$(log_since "$mark" | cut -d' ' -f2)" '^/v1/(pdf|invoices/pdf|invoices)?$' \
		"'$id': no request left the invoice (no /v1/pdf, no bare /v1/invoices/pdf)"
	check "'$id': the file saved is a PDF" sh -c "head -c 5 '$out' | grep -q '%PDF-'"
done
mark=$(log_mark)
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" invoice download --url "$BT_URL" -- "inv${NL}1" >"$T_DIR/out" 2>"$T_DIR/err"
is "$?" 0 "invoice download 'inv\\n1' exits 0: the newline travels as %0A"
like "$(log_since "$mark")" "GET /v1/invoices/inv%0A1/pdf 200" "billtopd served the invoice 'inv\\n1'"

# an id that is not a segment of ours at all: the request stays under /v1/invoices
mark=$(log_mark)
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" invoice download --url "$BT_URL" -- 'x/../../account' >"$T_DIR/out" 2>"$T_DIR/err"
unlike "$(log_since "$mark" | grep -v '^GET /v1/account ' | cut -d' ' -f2 | grep -v '^/v1/invoices')" '.' \
	"'x/../../account': every request but the first stays under /v1/invoices"

# drawn: sanitised (no newline splits a row, no override reorders it)
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" print invoices >"$T_DIR/print.txt" 2>&1
is "$?" 0 "print invoices exits 0"
is "$(grep -c "$RLO" "$T_DIR/print.txt")" 0 "print: no RLO reaches the text output"
BILLTOP_TOKEN="$BT_TOKEN" "$BILLTOP" print plans >"$T_DIR/plans.txt" 2>&1
is "$?" 0 "print plans exits 0"
like "$(cat "$T_DIR/plans.txt")" "Pro plan" "print: the plan's name, sanitised"
is "$(grep -c "$(printf '\342\200\217')" "$T_DIR/plans.txt")" 0 "print: no U+200F (RLM) in the text output"
is "$(grep -c "31m" "$T_DIR/plans.txt")" 0 "print: the C1 CSI took its parameters with it"
# billtopd's own links carry the id as one segment too (never /invoices/..)
hosted() {
	curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?limit=100" |
		jq -r --arg id "$1" '.data[] | select(.id == $id) | .hosted_url'
}
B=https://billing.example.com/invoices/
is "$(hosted ..)" "${B}%2E%2E" "billtopd's hosted URL for '..' stays on the invoice"
is "$(hosted .)" "${B}%2E" "for '.' too"
is "$(hosted 'a b')" "${B}a%20b" "a space is %20"
is "$(hosted %2F)" "${B}%252F" "a percent sign is itself escaped"
is "$(hosted "$(printf 'inv\n1')")" "${B}inv%0A1" "a newline is %0A"
done_testing
