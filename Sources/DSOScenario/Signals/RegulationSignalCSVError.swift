/// Why a `time_s,signal` file could not be loaded, with the file, line and value so it can be fixed by hand.
public struct RegulationSignalCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, with the offending text.
    public enum Problem: Sendable, Hashable {
        /// The file could not be read (missing, unreadable, not UTF-8).
        case unreadable(reason: String)
        /// The first line is not exactly `time_s,signal`.
        case badHeader(found: String)
        /// A data line does not have exactly two comma-separated fields.
        case wrongFieldCount(found: Int)
        /// A field is not a finite decimal number.
        case notANumber(column: String, value: String)
        /// A signal value lies outside −1…1.
        case signalOutOfRange(value: String)
        /// A time is not later than the one on the previous data line.
        case timeNotIncreasing(value: String, previousValue: String, previousLine: Int)
        /// Fewer than two data lines.
        case tooFewSamples(count: Int)
    }

    /// The path as given to the loader.
    public var path: String
    /// 1-based line number, nil for problems with the whole file.
    public var line: Int?
    /// What was wrong.
    public var problem: Problem

    /// Builds an error for `path` (and `line` if one line is at fault).
    public init(path: String, line: Int?, problem: Problem) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    /// `path:line: message`, the form editors and compilers use, so the spot is one click away.
    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(message)"
    }

    private var message: String {
        switch problem {
        case let .unreadable(reason):
            "cannot read regulation signal file (\(reason))"
        case let .badHeader(found):
            "header must be 'time_s,signal', found '\(found)'"
        case let .wrongFieldCount(found):
            "expected 2 fields 'time_s,signal', found \(found)"
        case let .notANumber(column, value):
            "\(column) '\(value)' is not a number"
        case let .signalOutOfRange(value):
            "signal '\(value)' is out of range: values must lie in -1...1"
        case let .timeNotIncreasing(value, previousValue, previousLine):
            "time_s must increase (\(value) after \(previousValue) on line \(previousLine))"
        case let .tooFewSamples(count):
            "a regulation signal needs at least 2 samples, found \(count)"
        }
    }
}
