import ArgumentParser

/// A failure dsoctl reports: what happened, what to check, and the exit status that classifies it.
struct CtlFailure: Error, CustomStringConvertible {
    let status: ExitStatus
    let message: String
    /// What the engineer should check next (address, unit id, cabling, bit rate…); empty when obvious.
    let hint: String

    init(_ status: ExitStatus, _ message: String, hint: String = "") {
        self.status = status
        self.message = message
        self.hint = hint
    }

    var description: String { hint.isEmpty ? message : "\(message)\n  check: \(hint)" }
}

extension CtlFailure {
    /// Prints the failure on stderr (`Error: …`, then the hint) and returns the exit code to throw.
    func report() -> ExitCode {
        StandardError.write("Error: \(description)\n")
        return status.exitCode
    }
}

/// Runs a command body, turning a `CtlFailure` into its message and exit status (ArgumentParser errors pass through).
func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let failure as CtlFailure {
        throw failure.report()
    }
}
