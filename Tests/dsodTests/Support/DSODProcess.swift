import Foundation
import OpenDSOTestSupport
import Testing

/// Runs the real `dsod` executable built next to this test bundle (OpenDSOTestSupport finds and runs it).
enum DSOD {
    /// Where the executable is: `DSOD_EXECUTABLE` if set, else the build-products folder holding the test bundle.
    static let executable: URL? = BuiltProduct.locate("dsod", overriddenBy: "DSOD_EXECUTABLE")

    /// Runs `dsod arguments…` in `folder` with its output captured; a run killed at `timeoutSeconds` is a test issue.
    static func run(_ arguments: [String], in folder: TemporaryFolder, timeoutSeconds: Double = 120,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProductRunResult {
        let executable = try #require(
            executable, "dsod executable not found next to the test bundle (\(CommandLine.arguments.first ?? "?")); build it or set DSOD_EXECUTABLE",
            sourceLocation: sourceLocation)
        let result = try await ProductRun.run(executable, arguments, in: folder, timeoutSeconds: timeoutSeconds)
        if result.timedOut {
            Issue.record("dsod did not finish within \(timeoutSeconds) s and was killed\n\(result)", sourceLocation: sourceLocation)
        }
        return result
    }
}
