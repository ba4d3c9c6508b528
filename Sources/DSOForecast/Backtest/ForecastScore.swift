import Foundation

/// How good one forecaster was over the scored hours: point errors, the probabilistic score and its band's
/// coverage, and skill against each baseline.
public struct ForecastScore: Sendable, Codable, Hashable {
    public var forecaster: String
    public var hours: Int
    /// Mean absolute percentage error, % (hours whose actual is under 1 % of capacity are left out).
    public var mapePercent: Double
    public var mae: Double
    public var rmse: Double
    /// RMSE as % of capacity (PV), nil for load.
    public var rmsePercentOfCapacity: Double?
    /// Mean pinball loss over the quantile levels (nil without quantiles).
    public var pinballLoss: Double?
    /// Share of hours inside the P10–P90 band, % (nil without quantiles).
    public var coveragePercent: Double?
    /// 1 − RMSE / RMSE of each baseline, %.
    public var skillPercent: [String: Double]

    /// Scores `forecasts` (P50) against `actuals` on the hours where both exist.
    static func score(name: String, actuals: [Double], forecasts: [Double], bands: [[Double]]?, levels: [Double],
                      capacity: Double, isPV: Bool) -> ForecastScore {
        var count = 0, percentCount = 0
        var absolute = 0.0, squared = 0.0, percent = 0.0, pinball = 0.0, inside = 0, banded = 0
        for index in actuals.indices {
            let actual = actuals[index], forecast = forecasts[index]
            guard actual.isFinite, forecast.isFinite else { continue }
            count += 1
            absolute += abs(actual - forecast)
            squared += (actual - forecast) * (actual - forecast)
            if abs(actual) >= 0.01 * capacity {
                percent += abs(actual - forecast) / abs(actual)
                percentCount += 1
            }
            if let band = bands?[index], band.allSatisfy(\.isFinite) {
                banded += 1
                for (level, value) in zip(levels, band) {
                    let difference = actual - value
                    pinball += max(level * difference, (level - 1) * difference)
                }
                if actual >= band.first! && actual <= band.last! { inside += 1 }
            }
        }
        let rmse = count > 0 ? (squared / Double(count)).squareRoot() : .nan
        return ForecastScore(
            forecaster: name, hours: count, mapePercent: percentCount > 0 ? 100 * percent / Double(percentCount) : .nan,
            mae: count > 0 ? absolute / Double(count) : .nan, rmse: rmse,
            rmsePercentOfCapacity: isPV ? 100 * rmse / capacity : nil,
            pinballLoss: banded > 0 ? pinball / Double(banded * levels.count) : nil,
            coveragePercent: banded > 0 ? 100 * Double(inside) / Double(banded) : nil, skillPercent: [:])
    }
}
