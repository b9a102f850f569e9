#!/bin/sh
# api_invoices.sh: the invoice list (the draft first, newest period first,
# status filter), the totals' arithmetic on every invoice, one invoice, and
# the PDF: a valid PDF 1.4 whose xref offsets are exact.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"
. "$top_srcdir/tests/integration/pdfcheck.sh"

start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

get '/v1/invoices?limit=1000'
is "$CODE" 200 "GET /v1/invoices"
is "$(jb '.data[0] | .status + " " + .period_start + " " + .period_end')" \
	"draft 2026-11-01T00:00:00Z 2026-12-01T00:00:00Z" "the running period's draft comes first"
is "$(jb '.data[0] | [.issued_at, .due_at, .paid_at] | map(tostring) | join(",")')" "null,null,null" \
	"a draft has no issue, due or paid date"
is "$(jb '[.data[1:][].period_start] | . == (sort | reverse)')" true "then newest period_start first"
is "$(jb '[.data[].status] | unique | join(",")')" "draft,paid" "the active demo's invoices are paid"
is "$(jb '[.data[] | select(.lines[0].description | test("plan, (July|August|September|October) 2026$"))] | length')" 4 \
	"one invoice per closed month"
is "$(jb '[.data[] | .subtotal.amount == ([.lines[].amount.amount] | add)] | all')" true "subtotal = the sum of the lines"
is "$(jb '[.data[].lines[] | .amount.amount == ((.quantity * .unit_price.amount + .unit_price_per - 1) / .unit_price_per | floor)] | all')" \
	true "each line: quantity x unit price per unit_price_per, rounded up"
is "$(jb '[.data[] | .tax.amount == (((.subtotal.amount - .credits_applied.amount) * 800 + 5000) / 10000 | floor)] | all')" \
	true "tax = round_half_up((subtotal - credits_applied) x 8%)"
is "$(jb '[.data[] | .total.amount == .subtotal.amount - .credits_applied.amount + .tax.amount] | all')" true \
	"total = subtotal - credits_applied + tax"
is "$(jb '[.data[] | select(.status == "paid") | .amount_due.amount == 0 and .amount_paid.amount == .total.amount] | all')" \
	true "paid: everything paid, nothing due"
is "$(jb '[.data[] | .currency == "USD" and .total.currency == "USD"] | all')" true "one currency everywhere"
is "$(jb '[.data[] | select(.credits_applied.amount > 0) | .lines[0].description + " " + (.credits_applied.amount | tostring)] | join(",")')" \
	"Pro plan, July 2026 2000" "the \$20 goodwill credit went to the first invoice"
is "$(jb '[.data[] | select(.lines[].description == "Overage credits")] | length > 0')" true \
	"some months billed overage"
is "$(jb '[.data[].number] | unique | length == (. | length)')" true "numbers are unique"
is "$(jb '[.data[] | .hosted_url == "https://billing.example.com/invoices/" + .id] | all')" true "hosted URLs"

get '/v1/invoices?status=paid&limit=1000'
is "$(jb '[.data[].status] | unique | join(",")')" paid "status=paid filters"
paid_id=$(jb '.data[0].id')
get '/v1/invoices?status=draft'
is "$(jb '.data | length')" 1 "one draft"
get '/v1/invoices?status=overdue'
is "$CODE/$(jb .error.code)" 400/invalid_parameter "an unknown status: 400"

get "/v1/invoices/$paid_id"
is "$CODE" 200 "GET /v1/invoices/{id}"
is "$BODY" "$(val '/v1/invoices?status=paid&limit=1' '.data[0]' | jq -c .)" "the same object as in the list"
etag=$(hdr ETag)
get "/v1/invoices/$paid_id" -H "If-None-Match: $etag"
is "$CODE" 304 "If-None-Match on one invoice: 304"
get /v1/invoices/inv_nope
is "$CODE/$(jb .error.code)" 404/not_found "an unknown invoice: 404"

# The PDF.
curl -sS -D "$T_DIR/ph" -o "$T_DIR/inv.pdf" -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices/$paid_id/pdf"
is "$(grep -i '^Content-Type:' "$T_DIR/ph" | tr -d '\r')" "Content-Type: application/pdf" "served as application/pdf"
is "$(grep -i '^Content-Length:' "$T_DIR/ph" | tr -d '\r' | sed 's/.*: //')" "$(wc -c <"$T_DIR/inv.pdf" | tr -d ' ')" \
	"Content-Length is the file's size"
like "$(grep -i '^ETag:' "$T_DIR/ph")" '"[0-9a-f]{16}"' "with an ETag"
check "the PDF is structurally valid (header, %%EOF, startxref, every xref offset)" pdf_check "$T_DIR/inv.pdf"
check "qpdf --check accepts it" qpdf --check "$T_DIR/inv.pdf"
number=$(val "/v1/invoices/$paid_id" .number)
need_tool pdftotext poppler-utils
pdftotext -layout "$T_DIR/inv.pdf" "$T_DIR/inv.txt" 2>"$T_DIR/pdftotext.err"
like "$(cat "$T_DIR/inv.txt")" "Invoice $number" "the page shows the invoice number (pdftotext)"
like "$(cat "$T_DIR/inv.txt")" "Total +USD [0-9]+\\.[0-9]{2}" "and the totals"
like "$(grep -a -o '/BaseFont /[A-Z]*+DejaVuSans' "$T_DIR/inv.pdf" | head -n 1)" "DejaVuSans" \
	"in DejaVu Sans, embedded (a subset)"
like "$(pdfinfo "$T_DIR/inv.pdf" | grep '^Pages:')" "^Pages: +1$" "on one page"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BT_TOKEN" \
	-H "If-None-Match: $(grep -i '^ETag:' "$T_DIR/ph" | tr -d '\r' | sed 's/.*: //')" "$BT_URL/v1/invoices/$paid_id/pdf")
is "$code" 304 "the PDF honours If-None-Match"
draft_id=$(val '/v1/invoices?status=draft' '.data[0].id')
curl -sS -o "$T_DIR/draft.pdf" -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices/$draft_id/pdf"
check "the draft's PDF is valid too" pdf_check "$T_DIR/draft.pdf"
get /v1/invoices/inv_nope/pdf
is "$CODE" 404 "no PDF for an unknown invoice"

# The checker itself catches a wrong offset.
sed 's/^0000000015 00000 n/0000000016 00000 n/' "$T_DIR/inv.pdf" >"$T_DIR/broken.pdf"
if pdf_check "$T_DIR/broken.pdf" >/dev/null; then ok 1 "pdf_check rejects a moved xref offset"; else
	ok 0 "pdf_check rejects a moved xref offset"; fi

# Past due: an unpaid invoice.
start_billtopd --seed demo=past-due || { echo "not ok - past-due seed"; exit 1; }
get '/v1/invoices?status=past_due'
is "$(jb '.data | length')" 1 "past-due variant: one past_due invoice"
is "$(jb '.data[0] | [.issued_at, .due_at, (.paid_at | tostring)] | join(",")')" \
	"2026-11-01T00:00:00Z,2026-11-15T00:00:00Z,null" "issued Nov 1, due Nov 15, not paid"
is "$(jb '.data[0] | .amount_due.amount == .total.amount and .amount_paid.amount == 0')" true "the whole total is due"

api_done
