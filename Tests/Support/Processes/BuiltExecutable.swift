import Foundation
import Testing

/// One of the package's executables, found next to the test bundle (or named by an environment variable) and
/// run to completion with its output captured.
public struct BuiltExecutable: Sendable {
    public let name: String
    public let overrideVariable: String
    /// Whether every run must also look like a handled exit (dsoctl's errors are messages, never traps).
    public let expectsNoCrash: Bool

    public static let dsod = BuiltExecutable(name: "dsod", overrideVariable: "DSOD_EXECUTABLE", expectsNoCrash: false)
    public static let dsoctl = BuiltExecutable(name: "dsoctl", overrideVariable: "DSOCTL_EXECUTABLE", expectsNoCrash: true)
    public static let caisoSim = BuiltExecutable(name: "caiso-sim", overrideVariable: "CAISO_SIM_EXECUTABLE",
                                                 expectsNoCrash: false)

    /// Where the executable is: `overrideVariable` if set, else the build-products folder holding the test bundle.
    public var url: URL? { BuiltProduct.locate(name, overriddenBy: overrideVariable) }

    /// The executable's location, or a failed requirement that says how to provide it.
    public func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(url, "\(name) not found next to the test bundle (\(CommandLine.arguments.first ?? "?")); build it or set \(overrideVariable)",
                     sourceLocation: sourceLocation)
    }

    /// Runs `name arguments…` in `folder`; a run killed at `timeoutSeconds` is a test issue.
    public func run(_ arguments: [String], in folder: TemporaryFolder, input: String? = nil, timeoutSeconds: Double = 120,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProductRunResult {
        let executable = try require(sourceLocation: sourceLocation)
        let result = try await ProductRun.run(executable, arguments, in: folder, input: input, timeoutSeconds: timeoutSeconds)
        if result.timedOut {
            Issue.record("\(name) did not finish within \(timeoutSeconds) s and was killed\n\(result)", sourceLocation: sourceLocation)
        }
        if expectsNoCrash { #expect(!result.looksLikeACrash, "\(result)", sourceLocation: sourceLocation) }
        return result
    }
}
