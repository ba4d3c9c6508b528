/// Collects every issue found while reading one file (scenario, service configuration, `[[drivers]]`), so it is reported in one pass.
package final class TableDiagnostics {
    package init() {}

    package private(set) var issues: [ScenarioIssue] = []

    package func report(_ keyPath: String, _ message: String) {
        issues.append(ScenarioIssue(keyPath: keyPath, message: message))
    }

    package func report(_ keyPath: String, found: String, expected: String) {
        report(keyPath, "found \(found), expected \(expected)")
    }
}
