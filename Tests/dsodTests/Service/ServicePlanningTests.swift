import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing

/// The planners inside `dsod run`: a day-ahead plan with valid bids and an intraday re-plan, both stored and
/// served, whose schedules reach the kernel through the market ring (the interface point's schedule in force is
/// the re-plan's); and `[planning]`'s errors naming their keys.
@Suite(.serialized) struct ServicePlanningTests {
    static let viewerToken = "viewer-token-for-planning-01"

    /// Hourly prices from two days ago to three days ahead, UTC stamps: cheap nights, a dear evening (Pacific).
    static func prices() -> String {
        let first = (Int(Date().timeIntervalSince1970) / 86_400 - 2) * 86_400
        var lines = ["time,lmp,reg_up"]
        for hour in 0..<(24 * 6) {
            let start = first + hour * 3600
            let local = ((start / 3600) % 24 + 16) % 24
            let price = local < 6 ? 25.0 : local >= 17 && local < 21 ? 140.0 : 50.0
            lines.append("\(UTCText.of(start)),\(price),\(local >= 17 && local < 21 ? 20 : 9)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func service(port: Int, planning: String) -> String {
        LayerServiceFixture.service(name: "planning-e2e", port: port, viewerToken: viewerToken, database: "historian.sqlite",
                                    samplePeriodSeconds: 1, section: planning)
    }

    static let planningSection = """
        [planning]
        prices = "prices.csv"
        energy_column = "lmp"
        regulation_up_column = "reg_up"
        regulation_down_price = 6
        """

    func writeFiles(in folder: TemporaryFolder) throws {
        try folder.write("flat.csv", "hour,value\n0,0.5\n12,0.6\n")
        try folder.write("scenario.toml", ServiceForecastTests.scenario)
        try folder.write("prices.csv", Self.prices())
    }

    @Test func plansReachTheKernelThroughTheMarketRingAndTheAPI() async throws {
        try await TemporaryFolder.with { folder in
            try writeFiles(in: folder)
            let port = try freeTCPPort()
            let config = try folder.write("service.toml", Self.service(port: port, planning: Self.planningSection))
            let dsod = try BackgroundProcess.dsod(["run", "--config", config], in: folder, environment: ["STATE_DIRECTORY": folder.file("state")])
            #expect(dsod.waitForLog("planning: day-ahead plan for", timeoutSeconds: 60), "\(dsod.stderr)")
            #expect(dsod.waitForLog("planning: intraday re-plan from", timeoutSeconds: 60), "\(dsod.stderr)")
            let client = HTTPClient(port: port)
            // The historian commits within a second; the API serves what is committed.
            var intraday: [String: Any] = [:]
            for _ in 0..<50 where intraday.isEmpty {
                let reply = try await client.get("/api/v1/plans?kind=intraday", token: Self.viewerToken)
                if reply.status == 200 { intraday = try jsonObject(reply.text) } else { try await Task.sleep(nanoseconds: 200_000_000) }
            }
            let dayAhead = try jsonObject(try await client.get("/api/v1/plans", token: Self.viewerToken).text)
            #expect((dayAhead["intervalStarts"] as? [Int])?.isEmpty == false && (dayAhead["bidViolations"] as? [String])?.isEmpty == true,
                    "\(dayAhead.keys)")
            let points = try #require(intraday["interfacePoints"] as? [[String: Any]], "\(intraday.keys)")
            let planned = try #require((points.first?["netImportKW"] as? [Double])?.first)
            let bids = try jsonObject(try await client.get("/api/v1/bids", token: Self.viewerToken).text)
            #expect((bids["energyBids"] as? [Any])?.isEmpty == false && (bids["bidViolations"] as? [Any])?.isEmpty == true, "\(bids)")
            let refused = try await client.get("/api/v1/plans?kind=weekly", token: Self.viewerToken)
            #expect(refused.status == 400 && refused.text.contains("day-ahead or intraday"))
            // The kernel took the plans' intervals from the market ring, and the re-plan's is in force now.
            var verdicts: [ScheduleVerdictRow] = []
            var inForce: Double?
            for _ in 0..<50 {
                verdicts = try await client.get("/api/v1/schedules?limit=500", token: Self.viewerToken).json([ScheduleVerdictRow].self)
                inForce = try await client.get("/api/v1/interface-points", token: Self.viewerToken).json([InterfacePointStatus].self)
                    .first?.scheduledKW
                if verdicts.contains(where: { $0.source == "market" && $0.layer == "fifteen_minute" }), let inForce,
                   abs(inForce - planned) < 0.01 { break }
                try await Task.sleep(nanoseconds: 200_000_000)
            }
            let market = verdicts.filter { $0.source == "market" }
            #expect(market.contains { $0.layer == "day_ahead" && $0.accepted } && market.contains { $0.layer == "fifteen_minute" && $0.accepted },
                    "\(verdicts.map { "\($0.source) \($0.layer) \($0.accepted)" })")
            let refusedCount = market.count { !$0.accepted }
            #expect(refusedCount == 0)
            #expect(abs((inForce ?? .nan) - planned) < 0.01, "in force \(String(describing: inForce)), re-planned \(planned)")
            dsod.send(SIGTERM)
            #expect(await dsod.wait(atMost: 20) == 0, "\(dsod.stderr)")
        }
    }

    @Test(arguments: [
        ("[planning]\nprices = \"prices.csv\"", "planning.energy_column: missing"),
        ("[planning]\nprices = \"nope.csv\"\nenergy_column = \"lmp\"", "planning.prices: "),
        ("[planning]\nprices = \"prices.csv\"\nenergy_column = \"price\"", "planning.prices: "),
        ("[planning]\nprices = \"prices.csv\"\nenergy_column = \"lmp\"\ninterval_minutes = 30", "planning.interval_minutes: found 30"),
        ("[planning]\nprices = \"prices.csv\"\nenergy_column = \"lmp\"\nreplan_minutes = 7", "planning.replan_minutes: found 7"),
    ])
    func aBadPlanningSectionIsRefusedNamingItsKey(section: String, message: String) async throws {
        try await TemporaryFolder.with { folder in
            try writeFiles(in: folder)
            let config = try folder.write("service.toml", Self.service(port: 1, planning: section))
            let result = try await BuiltExecutable.dsod.run(["check-config", config], in: folder)
            #expect(result.status == 1 && result.stdout.contains(message), "\(result)")
        }
    }
}

/// The fields of `GET /api/v1/schedules` rows this suite reads.
struct ScheduleVerdictRow: Decodable {
    var source: String
    var layer: String
    var accepted: Bool
}
