#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to stderr, where progress and errors go so stdout stays clean for tables and JSON.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }

    /// Whether stderr is a terminal: progress indicators are drawn only for a person watching.
    static var isTerminal: Bool { isatty(2) == 1 }
}
