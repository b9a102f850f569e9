## bench: benchmarks (not tests) and the large-account generator; see bench/README.
