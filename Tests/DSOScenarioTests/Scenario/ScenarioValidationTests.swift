import OpenDSOTestSupport
import Foundation
import Testing
@testable import DSOScenario

@Suite("Scenario validation")
struct ScenarioValidationTests {
    /// Loads the minimal scenario with `original` replaced by `replacement`; returns the error it must raise.
    private func error(replacing original: String, with replacement: String) throws -> ScenarioError {
        let text = ScenarioFixtures.minimalScenario.replacingOccurrences(of: original, with: replacement)
        #expect(text != ScenarioFixtures.minimalScenario, "fixture must contain '\(original)'")
        let path = try ScenarioFixtures.write(text)
        do {
            _ = try Scenario.load(path: path)
        } catch {
            return error
        }
        Issue.record("expected an error after replacing '\(original)'")
        return ScenarioError(path: path, issues: [])
    }

    @Test("an unknown key is reported with its path")
    func unknownKey() throws {
        let error = try error(replacing: "period_s = 0.5", with: "perod_s = 0.5")
        #expect(error.issues.map(\.keyPath) == ["kernel.perod_s"])
        #expect((error.issues.first?.message ?? "").contains("unknown key"))
    }

    @Test("a wrong type names the key, the value and the expectation")
    func wrongType() throws {
        let error = try error(replacing: "capacity_kwh = 1000", with: "capacity_kwh = \"big\"")
        #expect(error.issues.map(\.keyPath) == ["batteries[0].capacity_kwh"])
        #expect((error.issues.first?.message ?? "").contains("\"big\""))
        #expect((error.issues.first?.message ?? "").contains("> 0"))
    }

    @Test("an out-of-range kernel period is rejected")
    func periodOutOfRange() throws {
        let error = try error(replacing: "period_s = 0.5", with: "period_s = 20")
        #expect(error.mentions("kernel.period_s"))
        #expect(error.issues.first { $0.keyPath == "kernel.period_s" }?.message.contains("0.01…10") == true)
    }

    @Test("an unknown interface point id lists the valid ones")
    func unknownInterfacePoint() throws {
        let error = try error(replacing: "interface_point = \"NORTH\"\nrating_kw = 300",
                              with: "interface_point = \"NROTH\"\nrating_kw = 300")
        #expect(error.issues.map(\.keyPath) == ["pv[0].interface_point"])
        #expect((error.issues.first?.message ?? "").contains("NROTH") && (error.issues.first?.message ?? "").contains("\"SOUTH\""))
    }

    @Test("a missing required key is reported")
    func missingKey() throws {
        let error = try error(replacing: "capacity_kwh = 1000", with: "")
        #expect(error.issues.map(\.keyPath) == ["batteries[0].capacity_kwh"])
        #expect((error.issues.first?.message ?? "").contains("missing"))
    }

    @Test("a missing profile file is reported at the profile key")
    func badProfilePath() throws {
        let error = try error(replacing: "peak_kw = 2000\nprofile = \"profiles/triangle.csv\"",
                              with: "peak_kw = 2000\nprofile = \"profiles/nope.csv\"")
        #expect(error.issues.map(\.keyPath) == ["loads[0].profile"])
        #expect((error.issues.first?.message ?? "").contains("nope.csv"))
    }

    @Test("a bad signal, a duplicate id and bad fleets are all reported")
    func otherChecks() throws {
        let signal = try error(replacing: "signal = \"rega\"", with: "signal = \"regx\"")
        #expect(signal.mentions("regulation.signal"))
        let duplicate = try error(replacing: "id = \"PV1\"", with: "id = \"B1\"")
        #expect(duplicate.issues.map(\.keyPath) == ["pv[0].id"])
        let fleet = try error(replacing: "power_kw_choices = [250, 500]", with: "")
        #expect(fleet.mentions("battery_fleets[0].power_kw_range"))
        let syntax = try error(replacing: "[scenario]", with: "[scenario")
        #expect(syntax.issues.first?.keyPath == "(syntax)")
        // Fuzz/FuzzScenarioTOML: an invalid UTF-8 byte after '[' made toml++ abort the process.
        let header = try error(replacing: "[scenario]", with: "[\u{FFFD}cenario]")
        #expect(header.issues.map(\.keyPath) == ["(syntax)"])
    }

    @Test("all errors are reported together, one line each, prefixed with the file")
    func manyErrorsAtOnce() throws {
        var text = ScenarioFixtures.minimalScenario
        text = text.replacingOccurrences(of: "period_s = 0.5", with: "period_s = 0")
        text = text.replacingOccurrences(of: "capacity_kwh = 1000", with: "capacity_kwh = -5\ncolour = \"red\"")
        text = text.replacingOccurrences(of: "curtailable_share = 0.5", with: "curtailable_share = 1.5")
        let path = try ScenarioFixtures.write(text)
        #expect {
            _ = try Scenario.load(path: path)
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            let lines = error.description.split(separator: "\n")
            return error.issues.count == 4
                && error.mentions("kernel.period_s") && error.mentions("batteries[0].capacity_kwh")
                && error.mentions("batteries[0].colour") && error.mentions("dr[0].curtailable_share")
                && lines.count == 4 && lines.allSatisfy { $0.hasPrefix(path + ": ") }
        }
    }
}
