import DSODriverHost

extension LogLines {
    /// A driver host's log handler that keeps the host's lines (every level) for the test.
    public var driverLogHandler: DriverLogHandler {
        { [self] _, message in append(message) }
    }
}
