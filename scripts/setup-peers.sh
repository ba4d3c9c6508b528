#!/usr/bin/env bash
# Installs what the tests and the simulated substation need on a fresh Debian 12 machine:
# Debian packages (rt-tests for cyclictest) and the independent Python test peers in .venv.
# Idempotent: it installs only what is missing. Prints the venv's python path last.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

debian_packages=(rt-tests libsqlite3-dev sqlite3 libmodbus-dev mbpoll libsocketcan-dev socat liblapacke-dev libopenblas-dev libxgboost-dev coinor-libclp-dev coinor-libcbc-dev)
missing=()
for package in "${debian_packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "setup-peers: installing Debian packages: ${missing[*]}" >&2
    $sudo_cmd apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >&2
fi

# Pinned: these peers' APIs change between releases.
python_packages=(highspy==1.15.1 numpy==2.4.6 prometheus-client==0.23.1 python-can==4.6.1 cantools==45.1.0 pyserial==3.5 pymodbus==3.16.1 xgboost==1.7.6 pvlib==0.16.1 pandas==3.1.1 scipy==1.17.1 h5py==3.16.0 pytz==2026.6 requests==2.34.2)
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
    echo "setup-peers: creating $venv" >&2
    python3 -m venv "$venv" >&2
fi
# pip checks each pinned requirement and installs only what is missing or at another version.
"$venv/bin/python" -m pip install -q --disable-pip-version-check "${python_packages[@]}" >&2
echo "$venv/bin/python"
