## data: demo seed, man pages, sample config.
EXTRA_DIST += data/config.sample
