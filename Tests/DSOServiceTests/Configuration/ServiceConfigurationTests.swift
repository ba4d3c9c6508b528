import DSOService
import DSOSimulation
import DSOScenario
import Foundation
import OpenDSOTestSupport
import Testing

/// Loading and validating service configurations: the example, device sources, all-at-once errors.
@Suite struct ServiceConfigurationTests {
    @Test func exampleConfigurationLoads() throws {
        let configuration = try ServiceConfiguration.load(path: Repository.path("examples/substation.toml"), environment: [:])
        #expect(configuration.service.name == "small-dso")
        #expect(configuration.kernel.periodSeconds == 0.1)
        #expect(configuration.model.interfacePoints.map(\.id) == ["SUB-MISSION-12KV", "SUB-BAYVIEW-12KV"])
        #expect(configuration.model.resources.count > 200)
        #expect(!configuration.schedules.isEmpty)
        guard case .simulation(let simulation) = configuration.devices else {
            Issue.record("expected simulated devices"); return
        }
        #expect(simulation.awardMW == 6)
        // Without STATE_DIRECTORY the state lives next to the file.
        #expect(configuration.service.stateDirectory == Repository.path("examples"))
    }

    @Test func stateDirectoryComesFromSystemd() throws {
        let configuration = try ServiceConfiguration.load(path: Repository.path("examples/substation.toml"),
                                                          environment: ["STATE_DIRECTORY": "/var/lib/opendso"])
        #expect(configuration.service.stateDirectory == "/var/lib/opendso")
    }

    @Test func kernelKeysOverrideTheScenarioKeyByKey() throws {
        let text = """
            [kernel]
            period_s = 0.2
            [simulation]
            scenario = "\(Repository.path("examples/small-dso.toml"))"
            award_mw = 1.5
            """
        let configuration = try ServiceConfiguration.parse(toml: text, path: "/tmp/service.toml")
        #expect(configuration.kernel.periodSeconds == 0.2)
        #expect(configuration.kernel.setpointTTLSeconds == 5.0, "the scenario's value stays")
        guard case .simulation(let simulation) = configuration.devices else { Issue.record("expected simulation"); return }
        #expect(simulation.awardMW == 1.5)
    }

    @Test func everyIssueIsReportedAtOnceWithItsKey() {
        let text = """
            [service]
            status_interval_s = 0
            control_priority = 120
            typo = true
            [kernel]
            period_s = 0.5
            setpoint_ttl_s = 0.1
            [simulation]
            scenario = "missing.toml"
            [historian]
            retention_days = "forever"
            [iso_link]
            listen = "0.0.0.0:99999"
            writers = "10.0.0.1"
            """
        #expect {
            _ = try ServiceConfiguration.parse(toml: text, path: "/tmp/service.toml")
        } throws: { error in
            guard let error = error as? ServiceConfigurationError else { return false }
            let keys = Set(error.issues.map(\.keyPath))
            let expected: Set<String> = [
                "service.status_interval_s", "service.control_priority", "service.typo", "kernel.setpoint_ttl_s",
                "simulation.scenario", "historian.database", "historian.retention_days", "iso_link.listen", "iso_link.writers",
            ]
            #expect(keys == expected, "\(error)")
            #expect(error.description.contains("/tmp/service.toml: service.control_priority: found 120, expected an integer in 0…99"))
            #expect(error.description.contains("historian.database: missing required key"))
            return true
        }
    }

    /// Issue 14, finding 7: the schedule files can be anchored to a UTC instant, written with its offset.
    @Test func scheduleAnchorIsAnRFC3339TimeWithItsOffset() throws {
        let scenario = Repository.path("examples/small-dso.toml")
        let anchored = try ServiceConfiguration.parse(toml: """
            [service]
            schedule_anchor_utc = "2026-12-08T00:00:00-08:00"
            [simulation]
            scenario = "\(scenario)"
            """, path: "/tmp/service.toml")
        #expect(anchored.service.scheduleAnchorUnixSeconds == 1_796_716_800, "2026-12-08T08:00:00Z")
        let unanchored = try ServiceConfiguration.parse(toml: "[simulation]\nscenario = \"\(scenario)\"", path: "/tmp/service.toml")
        #expect(unanchored.service.scheduleAnchorUnixSeconds == nil)
        #expect {
            _ = try ServiceConfiguration.parse(toml: """
                [service]
                schedule_anchor_utc = "2026-12-08 00:00"
                [simulation]
                scenario = "\(scenario)"
                """, path: "/tmp/service.toml")
        } throws: { error in
            "\(error)".contains("/tmp/service.toml: service.schedule_anchor_utc: found \"2026-12-08 00:00\", expected an RFC 3339 time with its offset")
        }
    }

    @Test func isoLinkConnectionLimitsAreReadAndChecked() throws {
        let scenario = Repository.path("examples/small-dso.toml")
        let good = try ServiceConfiguration.parse(toml: """
            [simulation]
            scenario = "\(scenario)"
            [iso_link]
            listen = "127.0.0.1:1502"
            writers = ["127.0.0.1"]
            max_clients = 8
            writer_slots = 3
            idle_timeout_s = 12
            request_deadline_s = 0.5
            """, path: "/tmp/service.toml")
        #expect(good.isoLink == ServiceConfiguration.ISOLinkSettings(
            listen: "127.0.0.1:1502", writers: ["127.0.0.1"], maximumClients: 8, writerSlots: 3,
            idleTimeoutSeconds: 12, requestDeadlineSeconds: 0.5))
        #expect {
            _ = try ServiceConfiguration.parse(toml: """
                [simulation]
                scenario = "\(scenario)"
                [iso_link]
                listen = "127.0.0.1:1502"
                max_clients = 4
                writer_slots = 6
                idle_timeout_s = 0
                """, path: "/tmp/service.toml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("iso_link.writer_slots: found 6, expected at most max_clients (4)")
                && text.contains("iso_link.idle_timeout_s")
        }
    }

    @Test func scenarioIssuesNameTheScenarioFile() throws {
        try TemporaryFolder.with { folder in
            let scenario = folder.url.appendingPathComponent("grid.toml").path
            try "[[interface_points]]\nid = \"A\"\nimport_limit_kw = -5\nexport_limit_kw = 1\n".write(toFile: scenario, atomically: true, encoding: .utf8)
            #expect {
                _ = try ServiceConfiguration.parse(toml: "[simulation]\nscenario = \"grid.toml\"\n", path: folder.url.appendingPathComponent("s.toml").path)
            } throws: { error in
                let text = "\(error)"
                return text.contains("interface_points[0].import_limit_kw") && text.contains(scenario)
            }
        }
    }

    @Test func oneDeviceSourceOnly() {
        let inlineAndSimulation = """
            [simulation]
            scenario = "\(Repository.path("examples/small-dso.toml"))"
            [[interface_points]]
            id = "A"
            import_limit_kw = 10
            export_limit_kw = 1
            """
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration.parse(toml: inlineAndSimulation, path: "/tmp/s.toml")
        }
        #expect {
            try ServiceConfiguration.parse(toml: "[service]\nname = \"x\"\n", path: "/tmp/s.toml")
        } throws: { error in
            (error as? ServiceConfigurationError)?.mentions("simulation") == true
        }
    }

    @Test func aRealGridWithoutDriversIsRefused() {
        let text = """
            [[interface_points]]
            id = "A"
            import_limit_kw = 1000
            export_limit_kw = 100
            schedule_kw = 50

            [[batteries]]
            id = "B1"
            interface_point = "A"
            power_kw = 100
            capacity_kwh = -1
            """
        #expect {
            try ServiceConfiguration.parse(toml: text, path: "/tmp/s.toml")
        } throws: { error in
            guard let error = error as? ServiceConfigurationError else { return false }
            // The scenario format's wording for the battery, and the missing drivers, in one report.
            return error.mentions("batteries[0].capacity_kwh") && error.mentions("drivers")
                && error.description.contains("batteries[0].capacity_kwh: found -1.0, expected a number > 0")
        }
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect {
            try ServiceConfiguration.parse(toml: "[service]\nname = \n", path: "/tmp/s.toml")
        } throws: { error in
            (error as? ServiceConfigurationError)?.issues.first?.keyPath == "(syntax)"
        }
    }

    /// Fuzz/FuzzServiceTOML: a header cut short (`[` then a newline) made toml++ abort dsod (check-config, run,
    /// and a SIGHUP reload of the running service).
    @Test func aHeaderCutShortIsASyntaxError() {
        let text = "[service]\nname = \"fuzz-service\"\nstop_timeout_s = 5\n\n[\nperiod_s = 0.1\n"
        let error = #expect(throws: ServiceConfigurationError.self) { try ServiceConfiguration.parse(toml: text, path: "/tmp/s.toml") }
        #expect(error?.issues.map(\.keyPath) == ["(syntax)"])
        #expect(error?.issues.first?.message.hasPrefix("line 5: a table header starts with a key") == true)
    }
}
