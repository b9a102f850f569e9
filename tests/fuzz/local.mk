## tests/fuzz: libFuzzer harnesses for decode and config (issue 18), each
## also built with replay.c and run by `make check` over its small corpus.
## Real fuzzing: tests/fuzz/run.sh [SECONDS] (clang, -fsanitize=fuzzer).
FUZZ_TESTS = tests/fuzz/replay_decode tests/fuzz/replay_config
check_PROGRAMS += $(FUZZ_TESTS)
UNIT_TESTS += $(FUZZ_TESTS)
tests_fuzz_replay_decode_SOURCES = tests/fuzz/fuzz_decode.c tests/fuzz/replay.c tests/fuzz/fuzz.h
tests_fuzz_replay_decode_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) \
	-DFUZZ_CORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/decode"'
tests_fuzz_replay_decode_LDADD = src/client/libclient.a $(core_test_ldadd) $(JANSSON_LIBS)
tests_fuzz_replay_config_SOURCES = tests/fuzz/fuzz_config.c tests/fuzz/replay.c tests/fuzz/fuzz.h
tests_fuzz_replay_config_CFLAGS = $(AM_CFLAGS) \
	-DFUZZ_CORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/config"'
tests_fuzz_replay_config_LDADD = src/client/libclient.a $(core_test_ldadd)
EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/corpus
