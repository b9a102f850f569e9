## tests/unit: cmocka suites, one program per module.

check_PROGRAMS += tests/unit/test_money
tests_unit_test_money_CFLAGS = $(cmocka_cflags)
tests_unit_test_money_LDADD = $(core_test_ldadd)
UNIT_TESTS += tests/unit/test_money
