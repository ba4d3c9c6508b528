import Foundation
import OpenDSOTestSupport
import Testing

/// Runs the real `dsoctl` executable built next to this test bundle (or `DSOCTL_EXECUTABLE`).
enum DSOCtl {
    static let executable = BuiltProduct.locate("dsoctl", overriddenBy: "DSOCTL_EXECUTABLE")

    static func run(_ arguments: [String], in folder: TemporaryFolder, input: String? = nil, timeoutSeconds: Double = 60,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProductRunResult {
        let executable = try #require(executable, "dsoctl not found next to the test bundle; build it or set DSOCTL_EXECUTABLE",
                                      sourceLocation: sourceLocation)
        let result = try await ProductRun.run(executable, arguments, in: folder, input: input, timeoutSeconds: timeoutSeconds)
        if result.timedOut { Issue.record("dsoctl was killed at its \(timeoutSeconds) s timeout\n\(result)", sourceLocation: sourceLocation) }
        #expect(!result.looksLikeACrash, "\(result)", sourceLocation: sourceLocation)
        return result
    }
}
