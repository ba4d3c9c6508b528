import OpenDSOTestSupport
import Testing

/// The tool's shape: help lists every command and the exit statuses; usage errors exit 64.
struct CommandLineTests {
    @Test func helpListsEveryCommandAndTheExitStatuses() async throws {
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["--help"], in: folder)
            #expect(result.status == 0, "\(result)")
            for command in ["plugin", "read", "write", "watch", "bench", "modbus", "can", "status"] {
                #expect(result.stdout.contains("  \(command)"), "help does not list \(command)\n\(result)")
            }
            #expect(result.stdout.contains("Exit status"), "\(result)")
        }
    }

    @Test func anUnknownCommandIsAUsageError() async throws {
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["frobnicate"], in: folder)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("frobnicate"), "\(result)")
        }
    }
}
