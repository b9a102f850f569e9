#!/bin/sh
# invoices_numbers.sh: invoice numbers against a real billtopd. The year is the
# period start's (a December draft is BT-2026-..., not BT-2027-...), numbers are
# unique across period invoices and one-off purchases, and a number never
# changes once shown: not after a purchase, a plan change, or issuing. A
# Free -> Starter upgrade raises the period's allowance to Starter's, not by it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/api_common.sh"

BT_NOW=2026-12-10T12:00:00Z
start_billtopd --seed demo || { echo "not ok 1 - billtopd starts"; exit 1; }

draft() { val '/v1/invoices?status=draft' "$1"; }
d_id=$(draft '.data[0].id')
d_num=$(draft '.data[0].number')
is "$(draft '.data[0].period_start')" 2026-12-01T00:00:00Z "the running period is December 2026"
like "$d_num" '^BT-2026-[0-9]{4}$' "the December 2026 draft's number has the period start's year"

post /v1/credits/purchases '{"credits": 50000}'
is "$CODE" 201 "a credit purchase"
get '/v1/invoices?limit=1000'
p_num=$(jb '[.data[] | select(.lines[0].description == "Purchased credits")][0].number')
like "$p_num" '^BT-2026-[0-9]{4}$' "the purchase's invoice has its issue date's year"
is "$([ "$p_num" != "$d_num" ] && echo distinct)" distinct "the purchase does not share the draft's number"
is "$(jb '[.data[].number | sub("^BT-[0-9]{4}-"; "")] | (unique | length) == length')" true \
	"the sequence part of every number is unique (whatever the year)"
is "$(draft '.data[0].id + " " + .data[0].number')" "$d_id $d_num" "the draft keeps its number after a purchase"

# Close December: the draft is issued under the number it was shown with.
BT_NOW=2027-01-02T12:00:00Z
restart_billtopd || { echo "not ok - restart"; exit 1; }
is "$(val "/v1/invoices/$d_id" '.status != "draft"')" true "December's invoice is issued"
is "$(val "/v1/invoices/$d_id" .number)" "$d_num" "and keeps its number"
like "$(draft '.data[0].number')" '^BT-2027-[0-9]{4}$' "January 2027's draft is numbered in 2027"
get '/v1/invoices?limit=1000'
is "$(jb '[.data[].number] | (unique | length) == length')" true "every number is unique"

# A plan change (Free -> Starter) renumbers nothing and grants Starter's allowance.
BT_NOW=2026-11-15T12:00:00Z
start_billtopd --seed demo=exhausted || { echo "not ok - exhausted seed"; exit 1; }
e_num=$(draft '.data[0].number')
like "$e_num" '^BT-2026-[0-9]{4}$' "the exhausted account's draft has a number"
before=$(val /v1/credits .period_allowance)
is "$before" 10000 "Free's 10,000 allowance this period"
post /v1/subscription '{"plan_id": "starter"}'
is "$CODE" 200 "upgrade Free -> Starter"
is "$(draft '.data[0].number')" "$e_num" "the draft keeps its number after the upgrade"
is "$(val /v1/plans '.data[] | select(.id == "starter") | .included_credits')" 40000 "Starter includes 40,000"
is "$(val /v1/credits .period_allowance)" 40000 "the period's allowance is now Starter's 40,000, not 50,000"
get '/v1/invoices?limit=1000'
is "$(jb '[.data[].number] | (unique | length) == length')" true "numbers unique after the upgrade"

api_done
