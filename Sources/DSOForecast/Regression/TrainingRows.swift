extension FeatureMatrix {
    /// The rows a model can learn from, in time order, after checking the shape of `targets` and the values.
    /// Rows whose target is NaN are skipped (an hour not yet observed or lost by the meter); with
    /// `skippingMissingFeatures` rows with a NaN feature are skipped too (models that cannot take missing
    /// values). Infinite values are errors, not missing data: they come from a broken feature, and skipping
    /// them would hide it.
    func trainingRows(
        targets: [Double], model: String, skippingMissingFeatures: Bool, minimumRows: Int
    ) throws(ForecastError) -> [Int] {
        guard columnCount > 0 else {
            throw ForecastError("\(model): the feature matrix has no columns; expected at least one feature")
        }
        guard targets.count == rowCount else {
            throw ForecastError(
                "\(model): \(targets.count) targets for \(rowCount) feature rows; expected one target per row")
        }
        var rows: [Int] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            let target = targets[row]
            guard !target.isInfinite else {
                throw ForecastError("\(model): target of row \(row) is infinite; expected a finite value or NaN")
            }
            var missingFeature = false
            for column in 0..<columnCount {
                let value = self[row, column]
                if value.isInfinite {
                    throw ForecastError(
                        "\(model): column '\(names[column])' of row \(row) is infinite; expected a finite value or NaN")
                }
                if value.isNaN { missingFeature = true }
            }
            if target.isNaN || (skippingMissingFeatures && missingFeature) { continue }
            rows.append(row)
        }
        guard rows.count >= minimumRows else {
            let skipped = skippingMissingFeatures ? "a NaN target or a NaN feature" : "a NaN target"
            throw ForecastError(
                "\(model): too few training rows: \(rows.count) usable of \(rowCount) (rows with \(skipped) are "
                    + "skipped); at least \(minimumRows) are needed")
        }
        return rows
    }

    /// Throws unless this matrix has the columns a model was fitted on, in the same order: a model applied
    /// to other columns gives numbers that mean nothing.
    func checkColumns(fittedOn fitted: [String], model: String) throws(ForecastError) {
        guard names != fitted else { return }
        if names.count != fitted.count {
            throw ForecastError(
                "\(model): \(names.count) prediction columns \(names) for a model fitted on \(fitted.count) "
                    + "columns \(fitted); expected the same columns in the same order")
        }
        let column = names.indices.first { names[$0] != fitted[$0] } ?? 0
        throw ForecastError(
            "\(model): prediction column \(column) is '\(names[column])' but the model was fitted with "
                + "'\(fitted[column])' there; expected the columns \(fitted) in that order")
    }
}
