/// Why a forecast could not be made or its input could not be read, naming the file, row, column or
/// parameter at fault and what was expected.
public struct ForecastError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    /// The error of a data file (file, line, value, what was expected), as a forecast error.
    public init(_ error: some Error & CustomStringConvertible) {
        description = error.description
    }
}
