#!/usr/bin/env bash
# The test command: installs what is missing (Debian packages, Python peers in .venv), builds,
# runs the whole Swift test suite, then a quick benchmark smoke run that fails if a steady-state
# control cycle allocates, then a short run of every fuzzer. Works on a fresh Debian 12 machine with Swift 6.3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

python="$(scripts/setup-peers.sh)"
export OPENDSO_PYTHON="$python"

echo "== swift build" >&2
swift build --build-tests
echo "== swift test" >&2
# Suites that check wall-clock guarantees run on their own after the rest: the first seconds of a parallel
# run of several hundred tests starve any thread on two cores. They are: the historian commits within 1 s
# and survives kill -9 with at most the last second lost; the cycle timer stays on its grid; a hung driver
# never delays a cycle (handler time, overruns); `dsod simulate --realtime` is paced by the clock; `dsoctl
# bench` tells a device that keeps up at 50 ms from one that goes quiet; the `dsod run` service suites that
# wait on a live service's cycles, ISO link, API flood and TLS handshakes within seconds (in the parallel run
# they failed now and then with the service's status frozen for 20 s, never when run on their own; see the
# note of 2026-12-07). The CAISO-simulator end-to-end suite
# runs dsod and caiso-sim in real time for about a minute and loads both cores, so it runs alone last.
timing_suites="CommitCadenceTests|CrashDurabilityTests|CycleTimerGridTests|ThreadedHangTests|RealtimeTests|DriverBenchTests"
timing_suites+="|ServiceOperatorSideTests|ServiceISOLinkTests|ServiceAPIFloodTests|TLSTests"
swift test --skip-build --skip "caisoSimTests|$timing_suites"
echo "== swift test: wall-clock guarantees (historian, cycle timer, hung driver, realtime, bench, live service)" >&2
swift test --skip-build --filter "$timing_suites"
echo "== swift test: caiso-sim against a running dsod (real time)" >&2
swift test --skip-build --filter caisoSimTests
echo "== benchmark smoke (Bench/, release, --quick)" >&2
(cd Bench && swift build -c release --product DSOBench && .build/release/DSOBench --quick cycle ring)
echo "== fuzz smoke (Fuzz/, libFuzzer + ASan, 10 s per fuzzer; longer runs: docs/fuzzing.md)" >&2
Fuzz/run.sh 10
