#!/usr/bin/env bash
# Runs dsod as the substation service on examples/substation.toml: simulated devices with the built-in
# regulation signal, the historian in out/state/, the operator API and /metrics on localhost. Prints where
# to look, then runs dsod in the foreground until Ctrl-C (graceful stop: safe set points, historian flushed).
# Usage: scripts/run-substation.sh [--seconds N]   (--seconds: send SIGTERM after N seconds, for trying it)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds=""
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds)
            [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -gt 0 ] || {
                echo "run-substation: --seconds needs a whole number of seconds > 0, e.g. --seconds 30" >&2; exit 2; }
            seconds="$2"; shift 2 ;;
        -h|--help)
            sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *)
            echo "run-substation: unknown argument '$1'; expected [--seconds N]" >&2; exit 2 ;;
    esac
done
if ! command -v swift >/dev/null; then
    echo "run-substation: Swift 6.3 is needed (swift not on PATH)" >&2
    exit 1
fi

config="examples/substation.toml"
state="out/state"
swift build -c release --product dsod >&2
swift build -c release --product DSOSimulatedDevices >&2   # the simulated devices are reached through this driver plugin
swift build -c release --product dsoctl >&2                # the bench tool: `dsoctl status` reads this dsod's API
dsod=".build/release/dsod"
mkdir -p "$state"
export STATE_DIRECTORY="$root/$state"   # dsod reads it as systemd's StateDirectory=
"$dsod" check-config "$config" >&2

# Where the API listens and the example tokens, as written in the configuration.
listen="$(awk '/^\[/ { section = $0 } section == "[api]" && $1 == "listen" { gsub(/"/, "", $3); print $3; exit }' "$config")"
listen="${listen:-127.0.0.1:8080}"
viewer="$(awk '/^\[\[api.tokens\]\]/ { t = "" } $1 == "token" { gsub(/"/, "", $3); t = $3 } $1 == "role" && $3 ~ /"viewer"/ { print t; exit }' "$config")"
operator="$(awk '/^\[\[api.tokens\]\]/ { t = "" } $1 == "token" { gsub(/"/, "", $3); t = $3 } $1 == "role" && $3 ~ /"operator"/ { print t; exit }' "$config")"
base="http://$listen"
cat <<INFO
dsod run --config $config   (simulated devices, built-in RegD signal; state in $root/$state)
  dsoctl      .build/release/dsoctl status --url $base --token $viewer
  status      curl -H 'Authorization: Bearer $viewer' $base/api/v1/status
  interface   curl -H 'Authorization: Bearer $viewer' $base/api/v1/interface-points
  resources   curl -H 'Authorization: Bearer $viewer' $base/api/v1/resources
  metrics     curl $base/metrics        (Prometheus text; health: $base/health)
  schedule    curl -X POST -H 'Authorization: Bearer $operator' -H 'Content-Type: application/json' \\
                   -d '{"entries":[{"interfacePoint":0,"startSeconds":600,"endSeconds":1500,"netImportKW":2000}]}' \\
                   $base/api/v1/schedules
  historian   $root/$state/historian.sqlite
              sqlite3 $state/historian.sqlite "SELECT * FROM cycle_summary ORDER BY id DESC LIMIT 5"
  API reference: docs/api.md; historian: docs/historian.md; configuration: docs/configuration.md
$( [ -n "$seconds" ] && echo "Stops with SIGTERM after $seconds s." || echo "Ctrl-C stops it gracefully." )
INFO

if [ -z "$seconds" ]; then
    exec "$dsod" run --config "$config"
fi
"$dsod" run --config "$config" &
pid=$!
stopped=""
trap 'stopped=1; kill -TERM "$pid" 2>/dev/null || true' INT TERM
for _ in $(seq "$seconds"); do
    [ -z "$stopped" ] && kill -0 "$pid" 2>/dev/null || break
    sleep 1
done
kill -TERM "$pid" 2>/dev/null || true
status=0
while true; do   # a trapped signal interrupts `wait`; keep waiting until dsod has exited
    if wait "$pid"; then status=0; else status=$?; fi
    kill -0 "$pid" 2>/dev/null || break
done
echo "dsod exited with status $status; historian: $root/$state/historian.sqlite" >&2
exit "$status"
