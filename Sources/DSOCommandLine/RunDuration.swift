public import ArgumentParser
import DSOScenario

/// A run length on any OpenDSO command line (`8h`, `40m`, `90s`, `1h30m` or seconds).
public struct RunDuration: ExpressibleByArgument, Sendable {
    public let seconds: Double

    public init?(argument: String) {
        guard let seconds = DurationText.seconds(argument) else { return nil }
        self.seconds = seconds
    }

    public static var defaultValueDescription: String { DurationText.examples }
}
