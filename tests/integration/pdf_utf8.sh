#!/bin/sh
# pdf_utf8.sh: billtopd's invoice PDF prints non-ASCII text as written
# (issue 16.7): a UTF-8 customer name and line description come back out
# of the PDF through pdftotext, in DejaVu Sans embedded, and qpdf accepts
# the file.  Before libharu, "Müller" printed "M?ller".
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/pdfcheck.sh"
need_tool sqlite3 sqlite3
need_tool pdftotext poppler-utils
need_tool qpdf qpdf

start_billtopd --seed demo=active || bail "billtopd did not start"
name='Müller & Søn, Łódź — Ελληνικά Русский'
desc='Überstunden für Zoë, naïve café (№ 7)'
# billtopd reads the account and the lines from its database per request.
sqlite3 -cmd '.timeout 5000' "$BT_DB" "UPDATE account SET name = '$name';
	UPDATE invoice_lines SET description = '$desc'
	 WHERE invoice_seq = (SELECT seq FROM invoices WHERE status = 'paid' ORDER BY seq LIMIT 1) AND pos = 0" ||
	bail "cannot rename the account in billtopd's database"
id=$(curl -sf -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices?status=paid" |
	jq -r '[.data[]] | sort_by(.id) | .[0].id')
like "$id" "^inv_" "a paid invoice ($id)"
curl -sf -o "$T_DIR/inv.pdf" -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices/$id/pdf"
ok $? "its PDF downloads"
check "the PDF is structurally valid" pdf_check "$T_DIR/inv.pdf"
check "qpdf --check accepts it" qpdf --check "$T_DIR/inv.pdf"
pdftotext -raw "$T_DIR/inv.pdf" "$T_DIR/inv.txt" 2>/dev/null
txt=$(cat "$T_DIR/inv.txt")
ok "$(printf '%s\n' "$txt" | grep -qF -- "$name" && echo 0 || echo 1)" "the customer's UTF-8 name survives: $name"
ok "$(printf '%s\n' "$txt" | grep -qF -- "$desc" && echo 0 || echo 1)" "and the line's description: $desc"
unlike "$txt" "M\\?ller" "no '?' for a non-ASCII letter"
like "$(grep -a -o '/BaseFont /[A-Z]*+DejaVuSans' "$T_DIR/inv.pdf" | head -n 1)" "DejaVuSans" \
	"the font is embedded"
done_testing
