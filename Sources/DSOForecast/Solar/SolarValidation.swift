/// The one wording of a rejected solar parameter, so every type says "name: expected range, got value".
enum SolarValidation {
    static func require(
        _ value: Double, in range: ClosedRange<Double>, _ name: String, unit: String
    ) throws(ForecastError) {
        guard value.isFinite, range.contains(value) else {
            throw ForecastError("\(name): expected \(range.lowerBound)…\(range.upperBound) \(unit), got \(value)")
        }
    }

    static func requirePositive(_ value: Double, _ name: String, unit: String) throws(ForecastError) {
        guard value.isFinite, value > 0 else {
            throw ForecastError("\(name): expected a finite value > 0 \(unit), got \(value)")
        }
    }
}
