import Foundation
import OpenDSOTestSupport
import Testing

/// `dsod plan` end to end: a small simulated grid, a price file written here, the plan as JSON, CSV and a report,
/// and its errors naming the file and the hour.
@Suite struct PlanCommandTests {
    static let scenario = """
        [scenario]
        name = "plan-e2e"

        [kernel]
        period_s = 0.1

        [run]
        duration_s = 60

        [[interface_points]]
        id = "SUB-A"
        import_limit_kw = 5000
        export_limit_kw = 2000
        deviation_band_kw = 100
        schedule_kw = 0

        [[batteries]]
        id = "BESS-A"
        interface_point = "SUB-A"
        power_kw = 500
        capacity_kwh = 2000
        initial_soc = 0.5

        [[loads]]
        id = "LOAD-A"
        interface_point = "SUB-A"
        peak_kw = 2000
        profile = "flat.csv"
        """

    /// 2021-07-15 in Pacific time, hour-ending UTC stamps as EIA writes them: cheap nights, a dear evening.
    static func prices(skipping skipped: Int? = nil) -> String {
        var lines = ["UTC Timestamp (Interval Ending),SP-15 LMP"]
        for hour in 0..<24 where hour != skipped {
            let end = 1_626_332_400 + (hour + 1) * 3600  // 2021-07-15 07:00 UTC is midnight PDT
            let price = hour < 6 ? 20.0 : hour >= 17 && hour < 21 ? 120.0 : 45.0
            lines.append("\(UTCText.of(end)),\(price)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func write(in folder: TemporaryFolder, prices: String) throws -> (config: String, prices: String) {
        try folder.write("flat.csv", "hour,value\n0,0.5\n12,0.6\n")
        try folder.write("scenario.toml", Self.scenario)
        let config = try folder.write("service.toml", "[service]\nname = \"plan\"\n\n[simulation]\nscenario = \"scenario.toml\"\n")
        return (config, try folder.write("prices.csv", prices))
    }

    func arguments(_ files: (config: String, prices: String), _ extra: [String] = []) -> [String] {
        ["plan", "--config", files.config, "--day", "2021-07-15", "--prices", files.prices,
         "--price-time", "UTC Timestamp (Interval Ending)", "--price-stamp", "end", "--energy-column", "SP-15 LMP",
         "--regulation-up-price", "5", "--regulation-down-price", "4"] + extra
    }

    @Test func aDayIsPlannedWithValidBidsAndReported() async throws {
        try await TemporaryFolder.with { folder in
            let files = try write(in: folder, prices: Self.prices())
            let json = try await BuiltExecutable.dsod.run(arguments(files, ["--json", "--report", folder.file("report")]), in: folder)
            #expect(json.status == 0, "\(json)")
            let plan = try jsonObject(json.stdout)
            let starts = try #require(plan["intervalStarts"] as? [Int])
            #expect(starts.count == 24 && starts.first == 1_626_332_400)
            #expect((plan["bidViolations"] as? [String])?.isEmpty == true)
            let resources = try #require(plan["resources"] as? [[String: Any]])
            let battery = try #require(resources.first { $0["id"] as? String == "BESS-A" })
            let basePoints = try #require(battery["basePointKW"] as? [Double])
            // It charges in the cheap night and discharges in the dear evening.
            #expect(basePoints[0..<6].reduce(0, +) < -100 && basePoints[17..<21].reduce(0, +) > 100, "\(basePoints)")
            let revenue = try #require(plan["revenue"] as? [String: Any])
            #expect((revenue["regulationCents"] as? Int ?? 0) > 0)
            for file in ["plan.json", "plan.csv", "bids.json", "plan.svg"] {
                #expect(FileManager.default.fileExists(atPath: folder.file("report/\(file)")), "\(file)")
            }
            let svg = try String(contentsOfFile: folder.file("report/plan.svg"), encoding: .utf8)
            #expect(svg.hasPrefix("<svg") && svg.contains("BESS-A"))
            let csv = try await BuiltExecutable.dsod.run(arguments(files, ["--csv"]), in: folder)
            let rows = csv.stdout.split(separator: "\n")
            #expect(csv.status == 0 && rows.count == 25 && rows[0].hasPrefix("start_utc,energy_price_per_mwh,SUB-A_net_import_kw"), "\(csv)")
            let table = try await BuiltExecutable.dsod.run(arguments(files, ["--interval", "15"]), in: folder)
            #expect(table.status == 0 && table.stdout.contains("96 intervals of 15 min") && table.stdout.contains("all valid"), "\(table)")
        }
    }

    @Test func aMissingPriceHourIsNamed() async throws {
        try await TemporaryFolder.with { folder in
            let files = try write(in: folder, prices: Self.prices(skipping: 9))
            let result = try await BuiltExecutable.dsod.run(arguments(files), in: folder)
            #expect(result.status != 0 && result.stderr.contains("prices.csv: no 'SP-15 LMP' price for the hour of 2021-07-15T16:00:00Z"), "\(result)")
            let day = try await BuiltExecutable.dsod.run(["plan", "--config", files.config, "--day", "15/07/2021", "--prices", files.prices,
                                                          "--energy-column", "SP-15 LMP"], in: folder)
            #expect(day.status != 0 && day.stderr.contains("--day '15/07/2021': expected YYYY-MM-DD"), "\(day)")
        }
    }
}

/// RFC 3339 UTC of a Unix second, as the price file writes its stamps.
enum UTCText {
    static func of(_ unixSeconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
    }
}
