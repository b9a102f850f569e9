## bench: benchmarks (not tests) and the large-account generator; see bench/README.
# Shipped in the tarball (make distcheck): the benchmarks and their notes.
EXTRA_DIST += bench/README bench/lib.sh bench/sync.sh bench/ui.sh bench/usage.sh bench/flat.sh
