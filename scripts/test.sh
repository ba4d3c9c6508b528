#!/usr/bin/env bash
# The test command: installs what is missing (Debian packages, Python peers in .venv), builds,
# runs the whole Swift test suite, then a quick benchmark smoke run that fails if a steady-state
# control cycle allocates. Works on a fresh Debian 12 machine with Swift 6.3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

python="$(scripts/setup-peers.sh)"
export OPENDSO_PYTHON="$python"

echo "== swift build" >&2
swift build --build-tests
echo "== swift test" >&2
swift test --skip-build
echo "== benchmark smoke (Bench/, release, --quick)" >&2
(cd Bench && swift build -c release --product DSOBench && .build/release/DSOBench --quick cycle ring)
