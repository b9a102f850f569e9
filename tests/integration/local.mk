## tests/integration: shell suites against a real billtopd on 127.0.0.1.
