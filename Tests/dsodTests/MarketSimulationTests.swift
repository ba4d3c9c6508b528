import Foundation
import OpenDSOTestSupport
import Testing

/// `dsod simulate --market`: two simulated hours of a small grid with the planners in the loop on the virtual
/// clock, with and without 5-minute real-time re-plans. Every plan is made, the kernel refuses none of its
/// intervals, and the interface point's schedule in force is the planners' — it leaves the scenario's flat
/// schedule and changes only where the market ring's intervals begin (quarter-hours; 5 minutes with RTD).
@Suite struct MarketSimulationTests {
    static let scenario = PlanCommandTests.scenario
        .replacingOccurrences(of: "period_s = 0.1", with: "period_s = 1.0")
        .replacingOccurrences(of: "duration_s = 60", with: "duration_s = 7200\nrecord_period_s = 5\nstart_time_of_day_s = 61200")

    @Test(arguments: [(0, 900.0, 10), (5, 300.0, 35)])
    func twoHoursWithThePlannersInTheLoop(rtdMinutes: Int, grid: Double, plans: Int) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write("flat.csv", "hour,value\n0,0.5\n12,0.6\n")
            let scenario = try folder.write("scenario.toml", Self.scenario)
            let prices = try folder.write("prices.csv", PlanCommandTests.prices())
            let result = try await BuiltExecutable.dsod.run([
                "simulate", "--scenario", scenario, "--duration", "2h", "--devices", "in-process", "--market", "--market-day", "2021-07-15",
                "--prices", prices, "--price-time", "UTC Timestamp (Interval Ending)", "--price-stamp", "end", "--energy-column", "SP-15 LMP",
                "--regulation-up-price", "5", "--regulation-down-price", "4", "--record", folder.file("record.csv"),
                "--rtd-minutes", "\(rtdMinutes)",
            ], in: folder, timeoutSeconds: 300)
            #expect(result.status == 0, "\(result)")
            // The day-ahead plan at the start, then a re-plan every 15 minutes after the cycles at 0, 15, … 120 min
            // (and with RTD every 5 minutes after 0, 5, … 120 min).
            #expect(result.stdout.contains("Market: \(plans) plans") && result.stdout.contains("0 failed") && result.stdout.contains("0 intervals refused"),
                    "\(result.stdout)")
            #expect(result.stdout.contains("refused schedules 0"), "\(result.stdout)")
            let rows = try String(contentsOfFile: folder.file("record.csv"), encoding: .utf8).split(separator: "\n")
            let header = rows[0].split(separator: ",").map(String.init)
            let time = try #require(header.firstIndex(of: "time_s")), scheduled = try #require(header.firstIndex(of: "scheduled_kw_SUB-A"))
            var previous: Double?
            var changes: [Double] = []
            var values: [Double] = []
            for row in rows.dropFirst() {
                let cells = row.split(separator: ",", omittingEmptySubsequences: false)
                guard let t = Double(cells[time]), let kw = Double(cells[scheduled]) else { continue }
                values.append(kw)
                if let previous, abs(kw - previous) > 1e-6 { changes.append(t) }
                previous = kw
            }
            #expect(values.contains { abs($0) > 1 }, "the scenario's schedule is 0 kW; the planners' is not")
            #expect(!changes.isEmpty)
            for change in changes {
                // The record samples every 5 s: a change shows within one sample of its interval's start.
                let offset = change.truncatingRemainder(dividingBy: grid)
                #expect(offset <= 5 || offset >= grid - 5, "schedule changed at \(change) s, not on the \(grid)-s grid")
            }
        }
    }
}
