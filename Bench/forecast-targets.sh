#!/usr/bin/env bash
# Issue 15's forecast targets on real public data (../shared/data, not part of the repository): CAISO's
# 2018-07-01…2019-06-30 day-ahead load (information known at 10:00 the day before; then with observed LAX/SFO
# temperatures standing in for a perfect weather forecast) beside CAISO's own forecast on the same hours; PV
# on the TMY3 year; Python's xgboost and lightgbm trained on dsod's exported features. Times each run.
# Usage: Bench/forecast-targets.sh [DATA_DIR]   (default ../shared/data/grid beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/data/grid}"
cd "$root"
python="$(scripts/setup-peers.sh)"
"$python" -m pip install -q --disable-pip-version-check lightgbm==4.6.0 >&2
swift build -c release --product dsod >&2
dsod=.build/release/dsod
load=(--series "$data/load/eia930_CISO_hourly_2015-2019.csv" --time date_time --value "cleaned demand (MW)"
      --stamp end --missing MISSING,EMPTY)
weather=(--weather "$data/weather/isd_hourly_temp_LAX_SFO_2015-07_2019-07_UTC.csv")

echo "== CAISO load, day-ahead (10:00 Pacific the day before), 2018-07-01..2019-06-30, known at issue time"
/usr/bin/time -f "wall %e s" $dsod forecast backtest "${load[@]}" --reference "forecast demand (MW)" --test 2018-07-01..2019-06-30
echo "== the same with observed LAX/SFO temperatures as a perfect weather forecast"
/usr/bin/time -f "wall %e s" $dsod forecast backtest "${load[@]}" "${weather[@]}" --reference "forecast demand (MW)" --test 2018-07-01..2019-06-30

echo "== PV: TMY3 Greensboro GHI, day-ahead (10:00 local standard time), test 2019-04-01..2019-12-30"
/usr/bin/time -f "wall %e s" $dsod forecast backtest --series "$data/pv/pvlib_723170TYA_tmy3.csv" --skip-lines 1 \
    --time "Date (MM/DD/YYYY)+Time (HH:MM)" --value "GHI (W/m^2)" --stamp end --input-timezone UTC-05:00 --tmy-year 2019 \
    --timezone UTC-05:00 --kind pv --latitude 36.1 --longitude=-79.95 --altitude 273 --test 2019-04-01..2019-12-30

echo "== XGBoost in dsod vs Python xgboost and lightgbm on the same features (one fit on 2015-07-17..2018-06-29, test the year)"
features="$(mktemp -d)"
$dsod forecast features "${load[@]}" "${weather[@]}" --train-until 2018-06-29 --test 2018-07-01..2019-06-30 --out "$features"
$dsod forecast backtest "${load[@]}" "${weather[@]}" --forecasters xgboost --train-until 2018-06-29 --warmup-days 0 \
    --refit-days 100000 --test 2018-07-01..2019-06-30 | sed -n 2p | awk -F' [|] ' '{print "dsod-xgboost MAPE " $2}'
"$python" Bench/forecast-peers.py "$features" 400 6 0.05
rm -rf "$features"
