// The declaration in include/CLibFuzzer.h is libFuzzer's (linked by -sanitize=fuzzer); SwiftPM needs one source.
#include "CLibFuzzer.h"
