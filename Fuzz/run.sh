#!/usr/bin/env bash
# Builds every fuzzer (libFuzzer + AddressSanitizer) and runs each for the given seconds (default 60) from its seed
# corpus; fails when one crashes, traps, leaks into a sanitizer report or times out. Usage: Fuzz/run.sh [seconds]
# Findings land in Fuzz/findings/<fuzzer>/ (crash-*, timeout-*, oom-*): see docs/fuzzing.md.
set -euo pipefail
seconds="${1:-60}"
cd "$(dirname "$0")"

# -enable-testing: the fuzzers reach internal decoders with @testable import. lld: gold fails on ASan's objects.
flags=(-c release
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
    -Xcxx -fsanitize=fuzzer-no-link,address)
fuzzers=(FuzzISORequest FuzzModbusRegisters FuzzSLCAN FuzzCSV FuzzScenarioTOML FuzzServiceTOML FuzzDriverTOML)

swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"
[[ "${FUZZ_BUILD_ONLY:-0}" == 1 ]] && exit 0

# Swift's backtracer reads memory ASan reports as an overflow: let libFuzzer report traps instead.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp:print_suppressions=0"
failed=()
for fuzzer in "${fuzzers[@]}"; do
    # The seeds stay as written; what libFuzzer adds goes to a working corpus outside git.
    work="corpus-work/$fuzzer" findings="findings/$fuzzer"
    mkdir -p "$work" "$findings"
    echo "== $fuzzer: ${seconds} s"
    if ! "$bin/$fuzzer" "$work" "seeds/$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$findings/" 2>"$findings/log.txt"; then
        tail -40 "$findings/log.txt"
        failed+=("$fuzzer")
    else
        grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$findings/log.txt" | tr '\n' ' ' || true
        echo
    fi
done
if ((${#failed[@]})); then
    echo "fuzzers that failed: ${failed[*]} (inputs in Fuzz/findings/)" >&2
    exit 1
fi
echo "all ${#fuzzers[@]} fuzzers ran ${seconds} s each without a finding"
