internal import CXGBoost
internal import Synchronization

/// An XGBoost booster (the trees) that frees itself.
///
/// @unchecked Sendable — the invariant: `handle` never changes after init, every C call on it is made while
/// holding `lock` (a booster keeps per-call state, such as its prediction buffer that is valid only until its
/// next call, which two threads predicting at once would overwrite), and `deinit` frees it when no reference
/// is left, so no call can race the free.
final class XGBoostBooster: @unchecked Sendable {
    private let handle: BoosterHandle
    private let lock = Mutex(())

    /// A booster that caches `matrices` (the training one first) and has `parameters` set.
    init(caching matrices: [XGBoostMatrix], parameters: GradientBoostingParameters) throws(ForecastError) {
        let handles: [DMatrixHandle?] = matrices.map(\.handle)
        var created: BoosterHandle?
        try xgboostCheck(XGBoosterCreate(handles, bst_ulong(handles.count), &created), "XGBoosterCreate")
        guard let created else { throw ForecastError("xgboost: XGBoosterCreate returned no booster") }
        handle = created
        for setting in parameters.xgboostSettings {
            // An early throw runs deinit, which frees the booster.
            try xgboostCheck(
                XGBoosterSetParam(handle, setting.name, setting.value),
                "XGBoosterSetParam(\(setting.name) = \(setting.value))")
        }
    }

    deinit {
        XGBoosterFree(handle)
    }

    /// Adds round `iteration`'s tree, fitted to `training`.
    func update(iteration: Int, training: XGBoostMatrix) throws(ForecastError) {
        let code = lock.withLock { _ in XGBoosterUpdateOneIter(handle, Int32(iteration), training.handle) }
        try xgboostCheck(code, "XGBoosterUpdateOneIter(round \(iteration))")
    }

    /// The RMSE on `matrix` of the trees so far (XGBoost's own evaluation, as its Python package reads it).
    func rootMeanSquaredError(iteration: Int, on matrix: XGBoostMatrix) throws(ForecastError) -> Double {
        let (code, text) = lock.withLock { _ -> (Int32, String) in
            var matrices: [DMatrixHandle?] = [matrix.handle]
            var result: UnsafePointer<CChar>?
            let code = "validation".withCString { name in
                var names: [UnsafePointer<CChar>?] = [name]
                return XGBoosterEvalOneIter(handle, Int32(iteration), &matrices, &names, 1, &result)
            }
            // The text belongs to the booster until its next call: copy under the lock.
            return (code, result.map { String(cString: $0) } ?? "")
        }
        try xgboostCheck(code, "XGBoosterEvalOneIter(round \(iteration))")
        // "[12]\tvalidation-rmse:0.123456"
        guard let colon = text.lastIndex(of: ":"), let value = Double(text[text.index(after: colon)...]) else {
            throw ForecastError("xgboost: cannot read the RMSE from XGBoosterEvalOneIter's '\(text)'")
        }
        return value
    }

    /// Predictions of all trees for each row of `matrix`.
    func predict(_ matrix: XGBoostMatrix, rowCount: Int) throws(ForecastError) -> [Double] {
        let (code, predictions) = lock.withLock { _ -> (Int32, [Double]?) in
            var length: bst_ulong = 0
            var result: UnsafePointer<Float>?
            let code = XGBoosterPredict(handle, matrix.handle, 0, 0, 0, &length, &result)
            guard code == 0, let result, Int(length) == rowCount else { return (code, nil) }
            // The buffer belongs to the booster until its next call: copy under the lock.
            return (code, UnsafeBufferPointer(start: result, count: rowCount).map { Double($0) })
        }
        try xgboostCheck(code, "XGBoosterPredict")
        guard let predictions else {
            throw ForecastError("xgboost: XGBoosterPredict did not give one prediction for each of \(rowCount) rows")
        }
        return predictions
    }
}
