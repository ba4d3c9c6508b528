/// Training and validation rows for choosing a setting (a ridge penalty, a number of boosting rounds): the
/// validation rows are the last ones in time, so the choice is judged the way a forecast is used — on hours
/// after everything it learned from — and not on hours interleaved with the training ones.
struct TimeOrderedSplit: Sendable, Hashable {
    let training: [Int]
    let validation: [Int]

    /// Splits `rows` (in time order) so that about `validationFraction` of them, at least one, are validation.
    init(rows: [Int], validationFraction: Double, model: String) throws(ForecastError) {
        guard validationFraction > 0, validationFraction < 1 else {
            throw ForecastError(
                "\(model): validationFraction \(validationFraction) is not strictly between 0 and 1")
        }
        let validationCount = max(1, Int((Double(rows.count) * validationFraction).rounded()))
        let trainingCount = rows.count - validationCount
        guard trainingCount >= 2 else {
            throw ForecastError(
                "\(model): too few rows for a validation split: \(rows.count) usable rows leave \(trainingCount) "
                    + "for training after \(validationCount) validation rows; at least 2 training rows are needed")
        }
        training = Array(rows[..<trainingCount])
        validation = Array(rows[trainingCount...])
    }
}
