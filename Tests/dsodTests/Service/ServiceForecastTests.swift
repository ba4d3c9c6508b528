import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing

/// Forecasts inside `dsod run` and from `dsod forecast run`, on a historian whose last 45 days of telemetry were
/// written (by Debian's sqlite3) from a known daily shape: the targets of the scenario, both horizons, what each
/// kind may be, the API, and the configuration's errors naming their keys.
@Suite(.serialized) struct ServiceForecastTests {
    static let viewerToken = "viewer-token-for-forecasts-01"

    /// One interface point with a load, a PV system, a DR programme and a battery.
    static let scenario = """
        [scenario]
        name = "forecast-e2e"

        [kernel]
        period_s = 0.1

        [run]
        duration_s = 600
        seed = 5

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
        capacity_kwh = 1000

        [[pv]]
        id = "PV-A"
        interface_point = "SUB-A"
        rating_kw = 600
        profile = "flat.csv"

        [[loads]]
        id = "LOAD-A"
        interface_point = "SUB-A"
        peak_kw = 3000
        profile = "flat.csv"

        [[dr]]
        id = "DR-A"
        interface_point = "SUB-A"
        peak_kw = 800
        profile = "flat.csv"
        curtailable_share = 0.5
        """

    static func service(port: Int, forecast: String, database: String = "historian.sqlite") -> String {
        LayerServiceFixture.service(name: "forecast-e2e", port: port, viewerToken: viewerToken, database: database,
                                    samplePeriodSeconds: 120, section: forecast)
    }

    static let forecastSection = """
        [forecast]
        forecaster = "ridge"
        history_days = 45
        holdout_days = 14
        latitude = 34.05
        longitude = -118.25

        [[forecast.programmes]]
        resource = "DR-A"
        curtailable_share = 0.25
        max_curtailment_kw = 60
        windows = [[16, 20]]
        """

    /// The load's consumption by UTC hour (kW), what the written history follows (±2.5 % noise).
    static func loadKW(utcHour: Int) -> Double { 1500 + 500 * Double([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1][utcHour]) / 12 }

    /// 45 days of 2-minute telemetry before now for the load, PV and DR, written with sqlite3's own SQL.
    static func writeHistory(_ database: String, resources: [String]) throws {
        let load = try #require(resources.firstIndex(of: "LOAD-A"))
        let pv = try #require(resources.firstIndex(of: "PV-A"))
        let dr = try #require(resources.firstIndex(of: "DR-A"))
        let now = Int64(Date().timeIntervalSince1970)
        let start = (now / 3600 - 45 * 24) * 3600
        let samples = Int((now - start) / 120)
        let profile = (0..<24).map { "(\($0), \(loadKW(utcHour: $0)), \([15, 16, 17, 18, 19, 20, 21, 22, 23].contains($0) ? 450 * sin(Double($0 - 14) / 10 * .pi) : 0))" }
            .joined(separator: ", ")
        _ = try SQLiteShell.query(database, """
            CREATE TEMP TABLE profile(hour INTEGER, load_kw REAL, pv_kw REAL);
            INSERT INTO profile VALUES \(profile);
            WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < \(samples - 1)),
                sample AS (SELECT \(start) + n * 120 AS wall, n, ((\(start) + n * 120) / 3600) % 24 AS hour,
                                  ((n * 7919) % 101) / 2000.0 - 0.025 AS noise FROM k)
            INSERT INTO telemetry (wall_time_s, time_s, resource, measured_kw, fault_code, health, setpoint_kw, is_fallback, run_id)
            SELECT wall, 0, \(load), -p.load_kw * (1 + noise), 0, 0, NULL, 0, 0 FROM sample JOIN profile p USING (hour)
            UNION ALL SELECT wall, 0, \(pv), p.pv_kw * (1 + noise), 0, 0, 600, 0, 0 FROM sample JOIN profile p USING (hour)
            UNION ALL SELECT wall, 0, \(dr), -0.2 * p.load_kw * (1 + noise), 0, 0, -800, 0, 0 FROM sample JOIN profile p USING (hour);
            """)
    }

    @Test func forecastsFromTheHistorianReachTheAPIAndTheCommandLine() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write("flat.csv", "hour,value\n0,0.5\n12,0.6\n")
            try folder.write("scenario.toml", Self.scenario)
            let port = try freeTCPPort()
            let database = folder.file("state/historian.sqlite")
            let config = try folder.write("service.toml", Self.service(port: port, forecast: Self.forecastSection, database: database))
            let environment = ["STATE_DIRECTORY": folder.file("state")]
            let client = HTTPClient(port: port)
            // A first run: an empty history is reported per target, and the service runs on.
            var resources: [String] = []
            do {
                let dsod = try BackgroundProcess.dsod(["run", "--config", config], in: folder, environment: environment)
                #expect(dsod.waitForLog("forecast: 3 targets", timeoutSeconds: 30), "\(dsod.stderr)")
                #expect(dsod.waitForLog("SUB-A/load: no measured hour", timeoutSeconds: 30), "\(dsod.stderr)")
                #expect(dsod.waitForLog("api: listening", timeoutSeconds: 30), "\(dsod.stderr)")
                let reply = try await client.get("/api/v1/resources", token: Self.viewerToken)
                resources = try reply.json([ResourceStatus].self).map(\.id)
                #expect(try await client.get("/api/v1/forecasts", token: Self.viewerToken).text == "[]")
                dsod.send(SIGTERM)
                #expect(await dsod.wait(atMost: 20) == 0, "\(dsod.stderr)")
            }
            try Self.writeHistory(database, resources: resources)

            // dsod forecast run: every target, both horizons, from that history.
            let result = try await BuiltExecutable.dsod.run(["forecast", "run", "--config", config, "--json"], in: folder)
            #expect(result.status == 0, "\(result)")
            let forecasts = try JSONDecoder().decode([ForecastDocument].self, from: Data(result.stdout.utf8))
            let keys = Set(forecasts.map { "\($0.target) \($0.horizon)" })
            #expect(keys == Set(["SUB-A/load", "SUB-A/pv", "DR-A/dr-available"].flatMap { ["\($0) day-ahead", "\($0) intraday"] }),
                    "\(keys)\n\(result.stderr)")
            let dayAhead = try #require(forecasts.first { $0.target == "SUB-A/load" && $0.horizon == "day-ahead" })
            #expect(dayAhead.forecaster == "ridge" && [23, 24, 25].contains(dayAhead.hours.count))
            var errors: [Double] = []
            for hour in dayAhead.hours {
                let truth = Self.loadKW(utcHour: Int((hour.startUnixSeconds / 3600) % 24))
                errors.append(abs((hour.p50KW ?? .nan) - truth) / truth)
                let p10 = try #require(hour.p10KW), p50 = try #require(hour.p50KW), p90 = try #require(hour.p90KW)
                #expect(p10 <= p50 && p50 <= p90, "\(hour)")
            }
            let mape = 100 * errors.reduce(0, +) / Double(errors.count)
            #expect(mape < 5, "day-ahead MAPE \(mape) % against the written shape")
            for forecast in forecasts where forecast.kind == "pv" {
                for hour in forecast.hours {
                    let utcHour = (hour.startUnixSeconds / 3600) % 24
                    let p50 = try #require(hour.p50KW)
                    #expect(p50 >= 0 && p50 <= 600)
                    if (3...12).contains(utcHour) { #expect(p50 == 0, "PV at \(utcHour):00 UTC, night in Los Angeles") }
                }
            }
            for forecast in forecasts where forecast.kind == "dr-available" {
                for hour in forecast.hours {
                    // Windows 16–20 Pacific (standard time in the test's months: 00–04 UTC, or 23–03 in summer).
                    let available = try #require(hour.p50KW)
                    #expect(available >= 0 && available <= 60)
                }
                #expect(forecast.hours.contains { $0.p50KW == 0 })
            }
            // As of a past instant, and a bad instant named.
            let past = try await BuiltExecutable.dsod.run(["forecast", "run", "--config", config, "--at", "2000-01-01T00:00:00Z"],
                                                          in: folder)
            #expect(past.status != 0 && past.stderr.contains("no measured hour"), "\(past)")
            let bad = try await BuiltExecutable.dsod.run(["forecast", "run", "--config", config, "--at", "tomorrow"], in: folder)
            #expect(bad.status != 0 && bad.stderr.contains("--at 'tomorrow'"), "\(bad)")

            // dsod run forecasts at start from the same history and serves them.
            let dsod = try BackgroundProcess.dsod(["run", "--config", config], in: folder, environment: environment)
            #expect(dsod.waitForLog("forecast: day-ahead for the day from", timeoutSeconds: 60), "\(dsod.stderr)")
            var served: [ForecastDocument] = []
            let deadline = Date().addingTimeInterval(10)
            while served.count < 3, Date() < deadline {
                let reply = try await client.get("/api/v1/forecasts?horizon=day-ahead", token: Self.viewerToken)
                served = (try? reply.json([ForecastDocument].self)) ?? []
                try await Task.sleep(nanoseconds: 200_000_000)
            }
            #expect(served.map(\.target) == ["DR-A/dr-available", "SUB-A/load", "SUB-A/pv"], "\(served.map(\.target))")
            #expect(served.allSatisfy { $0.horizon == "day-ahead" && $0.issued.hasSuffix("Z") })
            let refused = try await client.get("/api/v1/forecasts?horizon=tomorrow", token: Self.viewerToken)
            #expect(refused.status == 400 && refused.text.contains("horizon"), "\(refused.text)")
            #expect(try await client.get("/api/v1/forecasts").status == 401)
            dsod.send(SIGTERM)
            #expect(await dsod.wait(atMost: 20) == 0, "\(dsod.stderr)")
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM forecast WHERE horizon = 'day-ahead'") >= 3 * 23)
        }
    }

    @Test(arguments: [
        ("forecaster = \"magic\"", "forecast.forecaster: found \"magic\", expected one of clear-sky-persistence, ensemble"),
        ("timezone = \"Mars/Olympus\"", "forecast.timezone"),
        ("day_ahead_issue = \"25:00\"", "forecast.day_ahead_issue"),
        ("refresh_minutes = 7", "forecast.refresh_minutes"),
        ("history_days = 500", "forecast.history_days: found 500, expected at most historian.hourly_retention_days (400)"),
        ("[[forecast.programmes]]\nresource = \"LOAD-A\"", "forecast.programmes[0].resource: found \"LOAD-A\", expected the id of a DR resource: DR-A"),
        ("latitude = 34.05", "forecast.longitude: missing"),
        ("weather = \"nope.csv\"", "forecast.weather: "),
        ("altitude_m = 1e6", "forecast.altitude_m"),
    ])
    func aBadForecastSectionIsRefusedNamingItsKey(line: String, message: String) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write("flat.csv", "hour,value\n0,0.5\n12,0.6\n")
            try folder.write("scenario.toml", Self.scenario)
            let site = line.hasPrefix("latitude") ? "" : "latitude = 34.05\nlongitude = -118.25\n"
            let section = line.hasPrefix("[[") ? "[forecast]\n\(site)\n\(line)" : "[forecast]\n\(site)\(line)"
            let config = try folder.write("service.toml", Self.service(port: 1, forecast: section))
            let result = try await BuiltExecutable.dsod.run(["check-config", config], in: folder)
            #expect(result.status == 1 && result.stdout.contains(message), "\(result)")
        }
    }
}
