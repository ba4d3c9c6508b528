import DSOModel
import DSOService
import DSOSimulation
import DSOScenario
import Foundation
import OpenDSOTestSupport
import Testing

/// A service on real devices: its grid needs only what a substation has (limits, ratings, schedules, the
/// award), simulation-only keys are named as such, and every issue comes with its key in one report.
@Suite struct PlantGridConfigurationTests {
    /// A grid of one metered interface point, a battery, PV, a load and DR, with `[[drivers]]` naming `library`.
    static func text(library: String, extra: String = "") -> String {
        """
        [[interface_points]]
        id = "SUB-1"
        import_limit_kw = 2000
        export_limit_kw = 1000
        deviation_band_kw = 20
        schedule_csv = "north.csv"

        [[interface_points]]
        id = "SUB-2"
        import_limit_kw = 500
        export_limit_kw = 0
        has_meter = false
        schedule_kw = 120

        [[batteries]]
        id = "BESS-1"
        interface_point = "SUB-1"
        power_kw = 500
        charge_kw = 400
        capacity_kwh = 1000
        soc_band_min = 0.3
        command_delay_s = 0.5

        [[pv]]
        id = "PV-1"
        interface_point = "SUB-2"
        rating_kw = 250

        [[loads]]
        id = "FEEDER-1"
        interface_point = "SUB-1"
        peak_kw = 1500

        [[dr]]
        id = "DR-1"
        interface_point = "SUB-1"
        peak_kw = 80
        cost_linear_per_kwh = 0.3

        [regulation]
        award_mw = 0.4
        \(extra)

        [[drivers]]
        name = "bess-1"
        library = "\(library)"
        sign = "generation_positive"

        [[drivers.points]]
        point = "m802.W"
        resource = "BESS-1"
        quantity = "measured_kw"
        scale = 0.001

        [[drivers.points]]
        point = "p_set_w"
        resource = "BESS-1"
        quantity = "setpoint_kw"
        scale = 0.001
        """
    }

    @Test func aRealGridNeedsNoSimulationKeys() throws {
        try TemporaryFolder.with { folder in
            let library = folder.url.appendingPathComponent("libDriver.so").path
            _ = FileManager.default.createFile(atPath: library, contents: Data("not checked here".utf8))
            try "start_s,end_s,net_import_kw\n0,3600,800\n3600,7200,-200\n"
                .write(to: folder.url.appendingPathComponent("north.csv"), atomically: true, encoding: .utf8)
            let path = folder.url.appendingPathComponent("site.toml").path
            let configuration = try ServiceConfiguration.parse(toml: Self.text(library: library), path: path)
            guard case .drivers(let grid, let drivers) = configuration.devices else {
                Issue.record("expected real devices"); return
            }
            #expect(drivers.map(\.name) == ["bess-1"])
            #expect(grid.model.interfacePoints.map(\.hasMeter) == [true, false])
            #expect(grid.model.resources.map(\.id) == ["BESS-1", "FEEDER-1", "DR-1", "PV-1"], "grouped by interface point")
            let battery = grid.model.resources[0]
            #expect(battery.maximumKW == 500 && battery.minimumKW == -400 && battery.energyCapacityKWh == 1000)
            #expect(battery.socBand == 0.3...0.8 && battery.providesRegulation && battery.commandDelaySeconds == 0.5)
            #expect(grid.model.resources[1].kind == .load && grid.model.resources[1].minimumKW == -1500)
            #expect(grid.model.resources[2].minimumKW == -80 && grid.model.resources[2].cost.linearPerKWh == 0.3)
            #expect(grid.model.resources[3].maximumKW == 250 && grid.model.resources[3].minimumKW == 0)
            #expect(grid.schedules.map(\.netImportKW) == [800, -200, 120])
            #expect(grid.schedules[2].endSeconds == ServiceConfiguration.PlantGrid.constantScheduleSeconds,
                    "a constant schedule holds until replaced")
            #expect(grid.regulationAwardMW == 0.4)
            #expect(configuration.kernel == .init(), "no scenario: the kernel's defaults")
        }
    }

    @Test func theSameGridReadsAlikeInAScenario() throws {
        try TemporaryFolder.with { folder in
            try "start_s,end_s,net_import_kw\n0,3600,800\n3600,7200,-200\n"
                .write(to: folder.url.appendingPathComponent("north.csv"), atomically: true, encoding: .utf8)
            let library = folder.url.appendingPathComponent("libDriver.so").path
            _ = FileManager.default.createFile(atPath: library, contents: Data("not checked here".utf8))
            let serviceText = Self.text(library: library)
            let configuration = try ServiceConfiguration.parse(
                toml: serviceText, path: folder.url.appendingPathComponent("site.toml").path)
            guard case .drivers(let grid, _) = configuration.devices else {
                Issue.record("expected real devices"); return
            }
            // The same tables with the physics a simulated device needs, and no drivers.
            let profiles = Repository.path("examples/profiles")
            let scenarioText = String(serviceText[..<serviceText.range(of: "[[drivers]]")!.lowerBound])
                .replacingOccurrences(of: "rating_kw = 250", with: "rating_kw = 250\nprofile = \"\(profiles)/pv-clear-sky.csv\"")
                .replacingOccurrences(of: "peak_kw = 1500", with: "peak_kw = 1500\nprofile = \"\(profiles)/feeder-load.csv\"")
                .replacingOccurrences(of: "peak_kw = 80", with: "peak_kw = 80\ncurtailable_share = 0.5\nprofile = \"\(profiles)/dr-commercial-hvac.csv\"")
            let scenario = try Scenario.parse(toml: scenarioText, path: folder.url.appendingPathComponent("site-sim.toml").path)
            #expect(scenario.model == grid.model)
            #expect(scenario.schedules.dropLast() == grid.schedules.dropLast())
            #expect(scenario.schedules.map(\.netImportKW) == grid.schedules.map(\.netImportKW))
            #expect(scenario.schedules.last?.endSeconds == scenario.run.durationSeconds,
                    "a scenario's constant schedule holds over its run")
        }
    }

    @Test func simulationKeysAndMapErrorsAreAllNamed() throws {
        let extra = """
            signal = "regd"

            [[battery_fleets]]
            count = 3

            [run]
            duration_s = 60
            """
        var text = Self.text(library: "/nonexistent/libDriver.so", extra: extra)
        text = text.replacingOccurrences(of: "capacity_kwh = 1000", with: "capacity_kwh = 1000\ninitial_soc = 0.5")
            .replacingOccurrences(of: "peak_kw = 1500", with: "peak_kw = 1500\nprofile = \"load.csv\"")
            .replacingOccurrences(of: "rating_kw = 250", with: "rating_kw = 250\nprofile = \"sun.csv\"\ncolour = \"red\"")
            .replacingOccurrences(of: "resource = \"BESS-1\"\nquantity = \"setpoint_kw\"", with: "resource = \"FEEDER-1\"\nquantity = \"setpoint_kw\"")
            .replacingOccurrences(of: "resource = \"BESS-1\"\nquantity = \"measured_kw\"", with: "resource = \"BESS-9\"\nquantity = \"measured_kw\"")
        #expect {
            _ = try ServiceConfiguration.parse(toml: text, path: "/tmp/site.toml")
        } throws: { error in
            guard let error = error as? ServiceConfigurationError else { return false }
            let keys = Set(error.issues.map(\.keyPath))
            let expected: Set<String> = [
                "regulation.signal", "battery_fleets", "run", "batteries[0].initial_soc", "loads[0].profile",
                "pv[0].profile", "pv[0].colour", "interface_points[0].schedule_csv", "drivers[0].library",
                "drivers[0].points[0].resource", "drivers[0].points[1].resource",
            ]
            #expect(keys == expected, "\(error)")
            #expect(error.description.contains("/tmp/site.toml: loads[0].profile: a simulation-only key"))
            #expect(error.description.contains("pv[0].colour: unknown key"))
            #expect(error.description.contains("drivers[0].points[0].resource: no resource 'BESS-9' in the grid"))
            #expect(error.description.contains("resource 'FEEDER-1' is a load and gets no set points"))
            return true
        }
    }

    @Test func theModbusExampleIsValidApartFromItsInstalledLibrary() {
        #expect {
            _ = try ServiceConfiguration.load(path: Repository.path("examples/modbus-battery.toml"), environment: [:])
        } throws: { error in
            // Everything but the plugin path (installed under /usr/local/lib/opendso on a real machine) checks out.
            (error as? ServiceConfigurationError)?.issues.map(\.keyPath) == ["drivers[0].library"]
        }
    }
}
