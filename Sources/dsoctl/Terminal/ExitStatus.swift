import ArgumentParser

/// Exit codes scripts can rely on; each failure class has its own so a wrapper knows what to check.
enum ExitStatus: Int32, CaseIterable {
    /// Everything asked for was done.
    case success = 0
    /// The device or driver answered, with an error (Modbus exception, refused set point, stale point).
    case deviceError = 1
    /// Nothing answered: connection refused, timeout, no such serial port or CAN interface, dsod not running.
    case unreachable = 2
    /// A plugin, configuration file or argument value was refused before anything was sent.
    case invalidInput = 3
    /// A write was not confirmed (answer other than "yes", or no terminal and no `--yes`).
    case declined = 4
    /// Command-line usage error (ArgumentParser's EX_USAGE).
    case usage = 64

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The table printed at the end of `dsoctl --help`.
    static let help = """
        Exit status: 0 success; 1 the device or driver answered with an error; 2 nothing answered (check \
        address, port, unit id, cabling, bit rate, or that dsod runs); 3 a plugin, configuration or value was \
        refused; 4 a write was not confirmed; 64 usage error.
        """
}
