import ArgumentParser
import DSOPlanning

/// The price file options `dsod plan` and `dsod simulate --market` share.
struct PriceOptions: ParsableArguments {
    @Option(help: "A CSV of prices.") var prices: String?
    @Option(help: "Its time column (default: the first).") var priceTime: String?
    @Option(help: "Whether a price's time stamps the start or the end of its interval: start or end.") var priceStamp = "start"
    @Option(help: "Zone of price times written without an offset.") var priceTimezone = "UTC"
    @Option(help: "The energy price column, $/MWh.") var energyColumn: String?
    @Option(help: "A regulation-up price column, $/MW per hour.") var regulationUpColumn: String?
    @Option(help: "A regulation-down price column, $/MW per hour.") var regulationDownColumn: String?
    @Option(help: "A constant regulation-up price when the file has none, $/MW per hour.") var regulationUpPrice = 0.0
    @Option(help: "A constant regulation-down price when the file has none, $/MW per hour.") var regulationDownPrice = 0.0
    @Option(help: "A constant spinning-reserve price, $/MW per hour (0: not offered).") var spinningPrice = 0.0

    /// The file these options describe (--prices and --energy-column are needed).
    func file() throws -> PriceFile {
        guard let prices, let energyColumn else { throw CommandFailure("--prices FILE.csv and --energy-column COL are needed for a plan") }
        var columns = PriceFile.Columns(energy: energyColumn)
        columns.time = priceTime
        columns.stamp = priceStamp
        columns.timeZone = priceTimezone
        columns.regulationUp = regulationUpColumn
        columns.regulationDown = regulationDownColumn
        columns.regulationUpPrice = regulationUpPrice
        columns.regulationDownPrice = regulationDownPrice
        columns.spinningPrice = spinningPrice
        return try PriceFile(path: prices, columns: columns)
    }
}
