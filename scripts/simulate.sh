#!/usr/bin/env bash
# The main job: builds dsod in release and runs the example small DSO (two CAISO supply substations,
# 21 batteries, 203 PV systems, feeders, DR, a 6 MW RegD award) on the virtual clock.
# Usage: scripts/simulate.sh [extra dsod simulate options, e.g. --duration 8h --realtime]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v swift >/dev/null; then
    echo "simulate: Swift 6.3 is needed (swift not on PATH)" >&2
    exit 1
fi
swift build -c release --product dsod >&2
swift build -c release --product DSOSimulatedDevices >&2   # the simulated devices are a driver plugin
mkdir -p out
record="out/small-dso-record.csv"
.build/release/dsod simulate --scenario examples/small-dso.toml --duration 1h --record "$record" "$@"
echo
echo "Per-sample record (signal, regulation target/response, net import per interface point): $root/$record"
echo "Scenario: $root/examples/small-dso.toml (format: docs/scenario.md)"
