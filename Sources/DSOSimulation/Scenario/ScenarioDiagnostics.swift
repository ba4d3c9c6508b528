/// Collects every issue found while reading one scenario, so loading can report them all together.
final class ScenarioDiagnostics {
    private(set) var issues: [ScenarioIssue] = []

    func report(_ keyPath: String, _ message: String) {
        issues.append(ScenarioIssue(keyPath: keyPath, message: message))
    }

    func report(_ keyPath: String, found: String, expected: String) {
        report(keyPath, "found \(found), expected \(expected)")
    }
}
