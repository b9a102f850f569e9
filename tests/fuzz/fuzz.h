/* fuzz.h: the libFuzzer entry point every harness in tests/fuzz defines.
 *
 * Each harness is built two ways: with clang -fsanitize=fuzzer for real
 * fuzzing (tests/fuzz/run.sh), and with replay.c as a plain program that
 * `make check` runs over the harness's corpus (tests/fuzz/corpus/NAME).
 */
#ifndef BILLTOP_FUZZ_H
#define BILLTOP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
