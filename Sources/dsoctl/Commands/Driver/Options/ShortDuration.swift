import ArgumentParser
import DSOCommandLine

/// A duration on dsoctl's command line, down to milliseconds (`500ms`, `2s`, `1m30s`, or seconds): read rates
/// and set-point lifetimes are shorter than the run lengths `RunDuration` is made for.
struct ShortDuration: ExpressibleByArgument, Sendable, CustomStringConvertible {
    let seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
        if argument.hasSuffix("ms") {
            guard let milliseconds = Double(argument.dropLast(2)), milliseconds.isFinite, milliseconds > 0 else { return nil }
            seconds = milliseconds / 1000
        } else {
            guard let run = RunDuration(argument: argument) else { return nil }
            seconds = run.seconds
        }
    }

    var nanoseconds: Int64 { Int64((seconds * 1e9).rounded()) }

    var description: String { Self.text(seconds) }

    /// `500 ms`, `2 s`, `90 s`: how dsoctl writes a duration back to the engineer.
    static func text(_ seconds: Double) -> String {
        if seconds < 1 { return "\(NumberText.trimmed(seconds * 1000, decimals: 1)) ms" }
        return "\(NumberText.trimmed(seconds, decimals: 3)) s"
    }

    static var defaultValueDescription: String { "e.g. 500ms, 2s, 1m" }
}
