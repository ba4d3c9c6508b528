import DSOForecast

/// The Python `xgboost` package (pinned to the 1.7 line of Debian's libxgboost) trained on the same rows with
/// the same parameters: an independent build of the library driven through its own bindings.
enum XGBoostPythonPeer {
    struct Case: Encodable {
        let train: SyntheticHours
        let test: SyntheticHours
        let params: [String: String]
        let rounds: Int
        /// Rounds without improvement before stopping on the last `validationRows` training rows; nil: none.
        let patience: Int?
        let validationRows: Int?
    }

    struct Answer: Decodable {
        let predictions: [Double]
        /// Rounds kept by early stopping (best iteration + 1), when there was early stopping.
        let bestRounds: Int?
        let version: String
    }

    /// XGBoost's parameter names and values for `parameters`, written out here rather than taken from the
    /// engine, so the mapping itself is under test.
    static func params(_ parameters: GradientBoostingParameters) -> [String: String] {
        [
            "objective": "reg:squarederror",
            "max_depth": "\(parameters.maxDepth)",
            "eta": "\(parameters.learningRate)",
            "subsample": "\(parameters.subsample)",
            "colsample_bytree": "\(parameters.columnSampleByTree)",
            "min_child_weight": "\(parameters.minChildWeight)",
            "lambda": "\(parameters.leafL2Penalty)",
            "nthread": "\(parameters.threadCount)",
            "seed": "\(parameters.seed)",
            "tree_method": parameters.treeMethod.rawValue,
            "max_bin": "\(parameters.maxBins)",
            "eval_metric": "rmse",
        ]
    }

    static func solve(_ cases: [Case]) throws -> [Answer] {
        try PythonPeer.run(script, input: cases, as: [Answer].self)
    }

    static let script = #"""
import json, sys
import numpy as np
import xgboost as xgb

def matrix(rows):
    return np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)

answers = []
for case in json.load(open(sys.argv[1])):
    X = matrix(case["train"]["x"])
    y = np.array(case["train"]["y"], dtype=float)
    Xt = matrix(case["test"]["x"])
    params = case["params"]
    rounds = case["rounds"]
    best = None
    if case.get("patience") is not None:
        cut = len(y) - case["validationRows"]
        dfit = xgb.DMatrix(X[:cut], label=y[:cut], missing=np.nan)
        dvalid = xgb.DMatrix(X[cut:], label=y[cut:], missing=np.nan)
        probe = xgb.train(params, dfit, rounds, evals=[(dvalid, "validation")],
                          early_stopping_rounds=case["patience"], verbose_eval=False)
        best = probe.best_iteration + 1
        rounds = best
    booster = xgb.train(params, xgb.DMatrix(X, label=y, missing=np.nan), rounds)
    predictions = booster.predict(xgb.DMatrix(Xt, missing=np.nan))
    answers.append({"predictions": [float(v) for v in predictions], "bestRounds": best, "version": xgb.__version__})
json.dump(answers, open(sys.argv[2], "w"))
"""#
}
