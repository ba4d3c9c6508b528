import DSOService
import DSOSimulation
import DSOScenario
import Foundation
import OpenDSOTestSupport
import Testing

/// A real-device grid refuses exactly the keys the scenario loader declares as simulation-only
/// (`ScenarioTable.simulationKeys`), each named as such at its key — including any key added there later.
@Suite struct PlantGridSimulationKeysTests {
    static let message = "a simulation-only key; a grid on real devices does not take it (its devices report their state through [[drivers]])"

    /// The valid real-device grid of `PlantGridConfigurationTests` with `key` of `kind` added; returns the
    /// text and the key path the refusal must name (a simulation-only table is refused at its own key).
    static func grid(adding key: String, of kind: ScenarioTable, library: String) -> (text: String, keyPath: String) {
        let text = PlantGridConfigurationTests.text(library: library)
        let line = "\(key) = 1\n"
        if kind == .root {
            return (line + text, key)
        }
        if kind.isSimulationOnly {
            let header = kind.isArray ? "[[\(kind.key)]]" : "[\(kind.key)]"
            return (text + "\n\n\(header)\n\(line)", kind.key)
        }
        let header = kind.isArray ? "[[\(kind.key)]]\n" : "[\(kind.key)]\n"
        guard let first = text.range(of: header) else {
            preconditionFailure("the real grid fixture has no \(header)")
        }
        var added = text
        added.insert(contentsOf: line, at: first.upperBound)
        return (added, kind.isArray ? "\(kind.key)[0].\(key)" : "\(kind.key).\(key)")
    }

    @Test(arguments: ScenarioTable.allCases)
    func everySimulationKeyIsRefusedAsSuch(_ kind: ScenarioTable) throws {
        try TemporaryFolder.with { folder in
            let library = folder.url.appendingPathComponent("libDriver.so").path
            _ = FileManager.default.createFile(atPath: library, contents: Data("not checked here".utf8))
            try "start_s,end_s,net_import_kw\n0,3600,800\n"
                .write(to: folder.url.appendingPathComponent("north.csv"), atomically: true, encoding: .utf8)
            let path = folder.url.appendingPathComponent("site.toml").path
            _ = try ServiceConfiguration.parse(toml: PlantGridConfigurationTests.text(library: library), path: path)
            for key in kind.simulationKeys {
                let (text, keyPath) = Self.grid(adding: key, of: kind, library: library)
                var issues: [ScenarioIssue] = []
                do throws(ServiceConfigurationError) {
                    _ = try ServiceConfiguration.parse(toml: text, path: path)
                } catch {
                    issues = error.issues
                }
                #expect(issues == [ScenarioIssue(keyPath: keyPath, message: Self.message)], "\(keyPath)")
            }
        }
    }
}
