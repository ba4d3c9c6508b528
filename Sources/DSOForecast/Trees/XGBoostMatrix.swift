internal import CXGBoost

/// An XGBoost DMatrix (the library's copy of the rows, as 32-bit floats, NaN = missing) that frees itself;
/// local to one fit or prediction, never shared between threads.
final class XGBoostMatrix {
    let handle: DMatrixHandle

    /// The rows of `features` at `rows`, with `labels` for training.
    init(_ features: FeatureMatrix, rows: [Int]? = nil, labels: [Double]? = nil) throws(ForecastError) {
        let selected = rows.map { features.rows($0) } ?? features
        let values = selected.values.map { Float($0) }
        var handle: DMatrixHandle?
        try xgboostCheck(
            XGDMatrixCreateFromMat(
                values, bst_ulong(selected.rowCount), bst_ulong(selected.columnCount), Float.nan, &handle),
            "XGDMatrixCreateFromMat(\(selected.rowCount) × \(selected.columnCount))")
        guard let handle else { throw ForecastError("xgboost: XGDMatrixCreateFromMat returned no matrix") }
        self.handle = handle
        if let labels {
            let floats = labels.map { Float($0) }
            try xgboostCheck(
                XGDMatrixSetFloatInfo(handle, "label", floats, bst_ulong(floats.count)),
                "XGDMatrixSetFloatInfo(label, \(floats.count))")
        }
    }

    deinit {
        XGDMatrixFree(handle)
    }
}
