import OpenDSOTestSupport
import Foundation
import Testing
@testable import DSOScenario

/// `ScenarioTable` declares every key a scenario table takes; a real-device grid refuses its simulation keys.
/// These show the declaration is what the loader reads, so it cannot rot into a key the loader ignores.
@Suite("Scenario table declarations")
struct ScenarioTableTests {
    /// A TOML date-time: no key takes one, so wherever it is put the reader that asks for the key refuses it.
    private static let valueNoKeyTakes = "1979-05-27T07:32:00Z"

    /// The issues of the minimal scenario with `key` of `kind`'s first table set to `value`.
    private func issues(setting key: String, of kind: ScenarioTable, to value: String) throws -> [ScenarioIssue] {
        var sections = TOMLSections(ScenarioFixtures.minimalScenario)
        sections.set(key, to: value, inTable: kind.key)
        let path = try ScenarioFixtures.write(sections.text)
        do {
            _ = try Scenario.load(path: path)
            return []
        } catch {
            return error.issues
        }
    }

    /// Where `key` of `kind`'s first table sits, as issues name it.
    private func keyPath(_ key: String, of kind: ScenarioTable) -> String {
        switch kind {
        case .root: key
        case _ where kind.isArray: "\(kind.key)[0].\(key)"
        default: "\(kind.key).\(key)"
        }
    }

    @Test("the fixture every check starts from loads cleanly")
    func fixtureLoads() throws {
        _ = try Scenario.load(path: try ScenarioFixtures.write(ScenarioFixtures.minimalScenario))
    }

    @Test("every declared key is read: a bad value there is refused at the key, never called unknown",
          arguments: ScenarioTable.allCases)
    func everyDeclaredKeyIsRead(_ kind: ScenarioTable) throws {
        #expect(!kind.declaredKeys.isEmpty)
        for key in kind.declaredKeys.sorted() {
            let path = keyPath(key, of: kind)
            let atKey = try issues(setting: key, of: kind, to: Self.valueNoKeyTakes).filter { $0.keyPath == path }
            #expect(!atKey.isEmpty, "\(path): a date-time there was not refused")
            #expect(atKey.allSatisfy { $0.message != "unknown key" }, "\(path) is declared but not read: \(atKey)")
        }
    }

    @Test("a key is either shared with a real grid or simulation-only, never both", arguments: ScenarioTable.allCases)
    func sharedAndSimulationKeysAreApart(_ kind: ScenarioTable) {
        #expect(Set(kind.sharedKeys).isDisjoint(with: kind.simulationKeys))
        #expect(Set(kind.simulationKeys).count == kind.simulationKeys.count, "no key listed twice")
    }

    @Test("every table is declared a key of the top level")
    func tablesHangOffTheTopLevel() {
        for kind in ScenarioTable.allCases where kind != .root {
            #expect(ScenarioTable.root.declaredKeys.contains(kind.key), "\(kind.key)")
        }
    }
}
