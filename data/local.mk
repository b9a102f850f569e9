## data: demo seed, man pages, sample config.
EXTRA_DIST += data/config.sample
# billtop(1) and billtopd(1), installed by make install; --help agrees with them
# (tests/integration/install_man.sh).
dist_man_MANS += data/billtop.1 data/billtopd.1
