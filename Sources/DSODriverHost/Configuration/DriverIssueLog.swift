/// Collects every issue found while reading one file's `[[drivers]]`, so the engineer fixes them in one pass.
final class DriverIssueLog {
    /// The file the issues are about.
    let file: String
    private(set) var issues: [DriverConfigurationError] = []

    init(file: String) {
        self.file = file
    }

    func report(_ key: String, _ message: String) {
        issues.append(DriverConfigurationError(file: file, key: key, message: message))
    }

    /// The wording every OpenDSO configuration reader uses: what was written, then what would be right.
    func report(_ key: String, found: String, expected: String) {
        report(key, "found \(found), expected \(expected)")
    }
}
