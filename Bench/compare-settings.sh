#!/usr/bin/env bash
# Cycle time and allocations of the kernel under the build settings dsod ships (-O) and the benchmark's
# own (-Ounchecked), side by side; optionally also against another checkout's Bench (before/after a change).
#
#   Bench/compare-settings.sh [--runs N] [--quick] [--baseline DIR]
#
# Builds DSOBench twice in this package (.build: -Ounchecked; .build-O: DSOBENCH_OPTIMIZATION=O), and with
# --baseline DIR also DIR/Bench (its own settings, .build), then runs `DSOBench cycle` N times (default 3)
# per build, alternating builds run by run so load on the machine hits them alike, and prints one table:
# the median over the runs of each run's median and p99, and the largest allocations per cycle seen.
set -euo pipefail
cd "$(dirname "$0")"
runs=3 quick="" baseline=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --quick) quick="--quick"; shift ;;
        --baseline) baseline="$(cd "$2" && pwd)"; shift 2 ;;
        *) echo "usage: $0 [--runs N] [--quick] [--baseline DIR]" >&2; exit 64 ;;
    esac
done

echo "building DSOBench -Ounchecked (.build) and -O (.build-O)…" >&2
swift build -c release --product DSOBench >&2
DSOBENCH_OPTIMIZATION=O swift build -c release --product DSOBench --scratch-path .build-O >&2
names=("this tree, -Ounchecked" "this tree, -O")
binaries=("$PWD/.build/release/DSOBench" "$PWD/.build-O/release/DSOBench")
if [ -n "$baseline" ]; then
    echo "building DSOBench in $baseline/Bench (its own settings)…" >&2
    (cd "$baseline/Bench" && swift build -c release --product DSOBench >&2)
    names+=("baseline $baseline, its own settings")
    binaries+=("$baseline/Bench/.build/release/DSOBench")
fi

samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
for run in $(seq 1 "$runs"); do
    for position in "${!binaries[@]}"; do
        echo "run $run/$runs: ${names[$position]}" >&2
        # Table rows: | resources | median µs | p99 µs | max µs | allocations / cycle | cycles measured |
        "${binaries[$position]}" $quick cycle \
            | awk -v build="$position" -F'|' '$2 ~ /^ *[0-9]+ *$/ { gsub(/ /, ""); print build, $2, $3, $4, $6 }' \
            >> "$samples"
    done
done

echo "| build | resources | median µs | p99 µs | allocations / cycle | runs |"
echo "|---|---:|---:|---:|---:|---:|"
for position in "${!binaries[@]}"; do
    for resources in $(awk -v build="$position" '$1 == build { print $2 }' "$samples" | sort -n -u); do
        awk -v build="$position" -v resources="$resources" -v name="${names[$position]}" '
            function median(values, n,   i, j, t) {
                for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] > values[j]; j--) {
                    t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
                }
                return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
            }
            $1 == build && $2 == resources { n++; medians[n] = $3; p99s[n] = $4; if ($5 > allocations) allocations = $5 }
            END { printf "| %s | %d | %.1f | %.1f | %.3f | %d |\n", name, resources, median(medians, n), median(p99s, n), allocations, n }
        ' "$samples"
    done
done
