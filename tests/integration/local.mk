## tests/integration: shell suites against a real billtopd on 127.0.0.1.

INTEGRATION_TESTS += tests/integration/invoice_download.sh tests/integration/invoice_download_interrupted.sh
EXTRA_DIST += tests/integration/invoice_download.sh tests/integration/invoice_download_interrupted.sh
