## tests/unit: cmocka suites, one program per module.
