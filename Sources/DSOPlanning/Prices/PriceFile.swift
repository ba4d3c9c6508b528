public import DSOForecast
import DSOModel

/// Prices from a CSV file (CAISO's OASIS, EIA's hub prices, a price forecast): an energy column and optional
/// ancillary-service columns, or constants where the file has none; read once, then cut to any horizon (each
/// interval takes the price of the hour it starts in). `dsod plan` and `[planning]` read them alike.
public struct PriceFile: Sendable {
    public struct Columns: Sendable, Hashable {
        public var time: String?
        /// `start` or `end`: whether a row's time stamps the start or the end of its hour.
        public var stamp = "start"
        public var timeZone = "UTC"
        public var energy: String
        public var regulationUp: String?
        public var regulationDown: String?
        /// Constant prices for the products without a column, $/MW per hour.
        public var regulationUpPrice = 0.0
        public var regulationDownPrice = 0.0
        public var spinningPrice = 0.0

        public init(energy: String) {
            self.energy = energy
        }
    }

    public let path: String
    public let columns: Columns
    private let energy: HourlySeries
    private let regulationUp: HourlySeries?
    private let regulationDown: HourlySeries?

    /// Reads `path`; errors name the file, row and column.
    public init(path: String, columns: Columns) throws(PlanningError) {
        self.path = path
        self.columns = columns
        guard let stamp = SeriesCSV.Stamp(rawValue: columns.stamp) else {
            throw PlanningError("\(path): price stamp '\(columns.stamp)'; expected start or end")
        }
        do {
            let time = try columns.time ?? WeatherCSV.header(path: path, skipLines: 0).first ?? ""
            var reader = SeriesCSV(timeColumn: time, valueColumn: "")
            reader.stamp = stamp
            reader.inputTimeZone = try MarketTimeZone(columns.timeZone)
            reader.fillGapsUpToHours = 0
            func load(_ column: String) throws(ForecastError) -> HourlySeries {
                var columnReader = reader
                columnReader.valueColumn = column
                return try columnReader.load(path: path).series
            }
            energy = try load(columns.energy)
            regulationUp = try columns.regulationUp.map(load)
            regulationDown = try columns.regulationDown.map(load)
        } catch let error as ForecastError {
            throw PlanningError(error.description)
        } catch {
            throw PlanningError("\(path): \(error)")
        }
    }

    /// The prices of `horizon`'s intervals; an hour without an energy (or a listed column's) price is an error
    /// naming the file, column and hour.
    public func prices(for horizon: PlanningHorizon) throws(PlanningError) -> MarketPrices {
        func cut(_ series: HourlySeries, _ name: String) throws(PlanningError) -> [Double] {
            var values: [Double] = []
            for interval in horizon.intervals {
                let value = series.value(atHourStart: interval.startUnixSeconds / 3600 * 3600)
                guard value.isFinite else {
                    throw PlanningError("\(path): no '\(name)' price for the hour of \(UTCTimestamp.text(unixSeconds: Double(interval.startUnixSeconds))); expected one for every hour of \(horizon.day)")
                }
                values.append(value)
            }
            return values
        }
        let energyPrices = try cut(energy, columns.energy)
        let up = try regulationUp.map { series throws(PlanningError) in try cut(series, columns.regulationUp ?? "") }
        let down = try regulationDown.map { series throws(PlanningError) in try cut(series, columns.regulationDown ?? "") }
        return MarketPrices(energyPerMWh: energyPrices,
                            regulationUpPerMWh: up ?? energyPrices.map { _ in columns.regulationUpPrice },
                            regulationDownPerMWh: down ?? energyPrices.map { _ in columns.regulationDownPrice },
                            spinningPerMWh: energyPrices.map { _ in columns.spinningPrice })
    }
}
