/// Collects every issue found while reading one scenario, so loading can report them all together.
package final class ScenarioDiagnostics {
    package init() {}

    package private(set) var issues: [ScenarioIssue] = []

    package func report(_ keyPath: String, _ message: String) {
        issues.append(ScenarioIssue(keyPath: keyPath, message: message))
    }

    package func report(_ keyPath: String, found: String, expected: String) {
        report(keyPath, "found \(found), expected \(expected)")
    }
}
