"""Trains Python's xgboost and lightgbm on the features `dsod forecast features` wrote (the same issue-time
features dsod's models see) and prints each one's day-ahead MAPE on the test rows, one line per model:
`<model> MAPE <percent>`. Run by Bench/forecast-targets.sh."""
import sys

import numpy as np


def load(path):
    data = np.genfromtxt(path, delimiter=",", names=True, dtype=float, missing_values="", filling_values=np.nan)
    names = [n for n in data.dtype.names if n not in ("hour_start_unix", "target")]
    x = np.column_stack([data[n] for n in names]).astype(np.float32)
    return x, data["target"].astype(float)


def mape(actual, forecast):
    keep = np.isfinite(actual) & np.isfinite(forecast) & (np.abs(actual) > 0)
    return 100 * np.mean(np.abs(actual[keep] - forecast[keep]) / np.abs(actual[keep]))


def main(folder, rounds, depth, eta):
    x_train, y_train = load(f"{folder}/train.csv")
    x_test, y_test = load(f"{folder}/test.csv")
    keep = np.isfinite(y_train)
    x_train, y_train = x_train[keep], y_train[keep]
    import xgboost
    booster = xgboost.train(
        {"objective": "reg:squarederror", "max_depth": depth, "eta": eta, "subsample": 0.8, "colsample_bytree": 1.0,
         "min_child_weight": 5, "lambda": 1.0, "tree_method": "hist", "max_bin": 256, "nthread": 2, "seed": 0},
        xgboost.DMatrix(x_train, label=y_train, missing=np.nan), num_boost_round=rounds)
    print(f"python-xgboost-{xgboost.__version__} MAPE {mape(y_test, booster.predict(xgboost.DMatrix(x_test, missing=np.nan))):.3f}")
    import lightgbm
    model = lightgbm.train(
        {"objective": "regression", "learning_rate": eta, "num_leaves": 2 ** depth - 1, "max_depth": depth,
         "min_data_in_leaf": 20, "bagging_fraction": 0.8, "bagging_freq": 1, "feature_fraction": 1.0, "seed": 0,
         "num_threads": 2, "verbose": -1},
        lightgbm.Dataset(x_train, label=y_train), num_boost_round=rounds)
    print(f"python-lightgbm-{lightgbm.__version__} MAPE {mape(y_test, model.predict(x_test)):.3f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
