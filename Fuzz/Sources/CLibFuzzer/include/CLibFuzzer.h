// libFuzzer's entry for programs with a main of their own (compiler-rt FuzzerInterface.h): SwiftPM gives every
// executable its own entry point, so the fuzzers call the driver instead of leaving `main` to libFuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
