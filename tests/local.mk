## tests: unit/ (cmocka), integration/ (real billtopd on loopback), tui/ (tmux).
EXTRA_DIST += tests/lib.sh
cmocka_cflags = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
core_test_ldadd = src/core/libcore.a $(UTF8PROC_LIBS) $(CMOCKA_LIBS) $(LIBINTL)

include tests/unit/local.mk
include tests/integration/local.mk
include tests/tui/local.mk
include tests/golden/local.mk
include tests/fuzz/local.mk
