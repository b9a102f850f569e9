#!/bin/sh
# print_tz.sh: billing days are UTC calendar days.  Under TZ=UTC,
# America/Los_Angeles (UTC-8) and Pacific/Kiritimati (UTC+14), with the clock
# half an hour before a period ends (when the local date is another day),
# every `billtop print` (text, JSON, CSV) is the same, and the period is
# written one way, its last day included, on screen and in the invoice PDF.
. "$top_srcdir/tests/lib.sh"
BT_NOW=2026-11-30T23:30:00Z
. "$top_srcdir/tests/integration/usage_lib.sh"

start_billtopd --seed demo || { echo "Bail out! billtopd did not start"; exit 1; }
check "sync the demo account" sync_cache

# prints DIR: every tab in every format into DIR.
prints() {
	mkdir -p "$1"
	for tab in overview credits usage plans invoices payment; do
		bt print $tab >"$1/$tab.txt" 2>&1
		bt print $tab --format json >"$1/$tab.json" 2>&1
	done
	for tab in credits usage invoices payment; do
		bt print $tab --format csv >"$1/$tab.csv" 2>&1
	done
	bt print usage --range period --by meter >"$1/usage-period.txt" 2>&1
	bt print invoices --invoice BT-2026-0005 >"$1/invoice-0005.txt" 2>&1
	# JSON: the moment of the sync aside, which is the wall clock
	for f in "$1"/*.json; do
		jq 'del(.synced_at)' "$f" >"$f.x" && mv "$f.x" "$f"
	done
}

TZ=UTC prints "$T_DIR/utc"
for zone in America/Los_Angeles Pacific/Kiritimati; do
	if [ ! -e "/usr/share/zoneinfo/$zone" ]; then
		ok 0 "# SKIP $zone is not installed"
		continue
	fi
	# Make sure the zone is really another day than UTC now, or the test proves nothing.
	is "$(TZ=$zone date -d "$BT_NOW" +%F)" "$([ $zone = Pacific/Kiritimati ] && echo 2026-12-01 || echo 2026-11-30)" \
		"$zone: the local date at $BT_NOW"
	TZ=$zone prints "$T_DIR/$zone"
	if diff -ru "$T_DIR/utc" "$T_DIR/$zone" >"$T_DIR/diff" 2>&1; then
		ok 0 "$zone: every print equals the UTC one"
	else
		ok 1 "$zone: every print equals the UTC one"
		sed 's/^/# /' "$T_DIR/diff" | head -n 40
	fi
done

# One convention: a period is its first to its last day, included.
like "$(grep '^Period' "$T_DIR/utc/overview.txt")" "2026-11-01 to 2026-11-30 \\(" "Overview: the period with its last day"
like "$(cat "$T_DIR/utc/plans.txt")" "Last period \\(2026-10-01 to 2026-10-31\\)" "Plans: last period with its last day"
like "$(cat "$T_DIR/utc/invoice-0005.txt")" "2026-10-01 to 2026-10-31" "Invoices: the period with its last day"
like "$(cat "$T_DIR/utc/usage-period.txt")" "period end \\(2026-11-30\\)" "Usage: the period's last day"
unlike "$(cat "$T_DIR/utc"/*.txt)" "to 2026-12-01|to 2026-11-01|2026-11-01 - " "no period written with its exclusive end"
like "$(cat "$T_DIR/utc/credits.txt")" "[0-9]{2}:[0-9]{2} UTC" "a time of day says UTC"
is "$(jq -r .account.current_period_end "$T_DIR/utc/overview.json")" "2026-12-01T00:00:00Z" \
	"JSON keeps the instant: the first one after the period (docs/print-json.md)"

# The PDF writes the period the same way.
id=$(jq -r '.invoices[] | select(.number == "BT-2026-0005") | .id' "$T_DIR/utc/invoices.json")
curl -sf -o "$T_DIR/inv.pdf" -H "Authorization: Bearer $BT_TOKEN" "$BT_URL/v1/invoices/$id/pdf"
ok $? "the PDF of BT-2026-0005"
need_tool pdftotext poppler-utils
like "$(pdftotext -raw "$T_DIR/inv.pdf" - 2>/dev/null | grep -o 'Period: [0-9-]* to [0-9-]*')" \
	"^Period: 2026-10-01 to 2026-10-31$" "the PDF: the period with its last day"
done_testing
