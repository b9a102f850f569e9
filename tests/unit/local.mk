## tests/unit: cmocka suites, one program per module.

check_PROGRAMS += tests/unit/test_money
tests_unit_test_money_CFLAGS = $(cmocka_cflags)
tests_unit_test_money_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_money

check_PROGRAMS += tests/unit/test_download
tests_unit_test_download_CFLAGS = $(cmocka_cflags)
tests_unit_test_download_LDADD = src/client/libclient.a $(core_test_ldadd) $(CURL_LIBS) $(JANSSON_LIBS) $(SQLITE_LIBS)
UNIT_TESTS += tests/unit/test_download

check_PROGRAMS += tests/unit/test_credits
tests_unit_test_credits_CFLAGS = $(cmocka_cflags)
tests_unit_test_credits_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_credits

check_PROGRAMS += tests/unit/test_time
tests_unit_test_time_CFLAGS = $(cmocka_cflags)
tests_unit_test_time_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_time

check_PROGRAMS += tests/unit/test_canvas
tests_unit_test_canvas_CFLAGS = $(cmocka_cflags) $(NCURSES_CFLAGS)
tests_unit_test_canvas_LDADD = src/ui/libui.a $(core_test_ldadd) $(NCURSES_LIBS)
UNIT_TESTS += tests/unit/test_canvas

check_PROGRAMS += tests/unit/test_qr
tests_unit_test_qr_CFLAGS = $(cmocka_cflags) $(QRENCODE_CFLAGS)
tests_unit_test_qr_LDADD = src/ui/libui.a $(core_test_ldadd) $(NCURSES_LIBS) $(QRENCODE_LIBS)
UNIT_TESTS += tests/unit/test_qr
