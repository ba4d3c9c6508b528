public import DSODriverHost

extension ServiceLog {
    /// The drivers' log lines in the service's log, at their own levels.
    public var driverLog: DriverLogHandler {
        { [self] level, message in
            let mapped: ServiceLog.Level = switch level {
            case .debug: .debug
            case .info: .info
            case .warning: .warning
            case .error: .error
            }
            log(mapped, message)
        }
    }
}
