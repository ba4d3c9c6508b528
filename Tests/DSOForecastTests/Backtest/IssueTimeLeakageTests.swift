import Foundation
import DSOForecast
import Testing

/// Issue-time discipline: a forecaster handed a series with a spike after the issue time must forecast
/// exactly as without it — if any feature peeked, the spike would show.
@Suite struct IssueTimeLeakageTests {
    static func synthetic(days: Int) -> HourlySeries {
        var generator = SplitMix(seed: 7)
        let start: Int64 = 1_514_793_600  // 2018-01-01 08:00 UTC = midnight PST
        return HourlySeries(startUnixSeconds: start, values: (0..<days * 24).map { hour in
            let daily = sin(Double(hour % 24) / 24 * 2 * .pi - 2) * 300
            let weekly = (hour / 24) % 7 >= 5 ? -250.0 : 0
            return 2_000 + daily + weekly + generator.normal() * 40
        })
    }

    @Test(arguments: ForecasterCatalog.names(kind: .load))
    func aFutureSpikeChangesNothingForecastBeforeIt(_ name: String) throws {
        let series = Self.synthetic(days: 120)
        let context = ForecastContext(kind: .load, zone: .pacific)
        let requests = ForecastHorizon.caisoDayAhead.requests(from: LocalDate(year: 2018, month: 4, day: 10),
                                                              to: LocalDate(year: 2018, month: 4, day: 12), zone: .pacific)
        let training = ForecastHorizon.caisoDayAhead.requests(from: LocalDate(year: 2018, month: 1, day: 20),
                                                              to: LocalDate(year: 2018, month: 4, day: 1), zone: .pacific)
        var forecaster = try ForecasterCatalog.make([name], kind: .load)[0]
        try forecaster.train(series: series, context: context, requests: training)
        for request in requests {
            var spiked = series
            // Everything from the issue hour on (still unknown at issue time) jumps tenfold.
            let first = series.index(ofHourStart: (request.issueUnixSeconds / 3600) * 3600)!
            for index in first..<spiked.count { spiked.values[index] *= 10 }
            let clean = try forecaster.forecast([request], series: series, context: context)[0]
            let peeked = try forecaster.forecast([request], series: spiked, context: context)[0]
            #expect(clean == peeked, "\(name) saw data after its issue time")
            #expect(clean.allSatisfy { $0.isFinite && $0 > 1000 && $0 < 3000 }, "\(name): \(clean)")
        }
    }
}

/// A seeded generator (SplitMix64) with Box–Muller normals, so the synthetic series is the same every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
