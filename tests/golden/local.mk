## tests/golden: golden outputs; print.sh compares `billtop print` with them
## (BILLTOP_REGOLD=1 make check TESTS=tests/golden/print.sh rewrites them).
INTEGRATION_TESTS += tests/golden/print.sh
EXTRA_DIST += tests/golden/print.sh \
	tests/golden/print/active-overview-w40.txt \
	tests/golden/print/active-overview.json \
	tests/golden/print/active-overview.txt \
	tests/golden/print/active-plans-ascii.txt \
	tests/golden/print/active-plans-w60.txt \
	tests/golden/print/active-plans.json \
	tests/golden/print/active-plans.txt \
	tests/golden/print/exhausted-overview.txt \
	tests/golden/print/exhausted-plans.json \
	tests/golden/print/past-due-overview.txt \
	tests/golden/print/past-due-plans.txt \
	tests/golden/print/trial-overview.json \
	tests/golden/print/trial-overview.txt
