/// Why a data file (profile, schedule, dispatch targets) was rejected, pointing at the exact line so an engineer can fix it.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or name) the profile came from.
    public var file: String
    /// 1-based line number in the file (0 when the problem is not tied to one line).
    public var line: Int
    /// The offending text as found in the file.
    public var value: String
    /// What the loader expected instead.
    public var expected: String

    public init(file: String, line: Int, value: String, expected: String) {
        self.file = file
        self.line = line
        self.value = value
        self.expected = expected
    }

    public var description: String {
        line > 0
            ? "\(file):\(line): found '\(value)', expected \(expected)"
            : "\(file): found '\(value)', expected \(expected)"
    }
}
