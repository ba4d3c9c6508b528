import Foundation
import OpenDSOTestSupport
import Testing

/// kill -9 of a process that is writing loses at most the last second and never corrupts the database.
@Suite struct CrashDurabilityTests {
    @Test func killNineLosesAtMostTheLastSecond() async throws {
        let probe = try #require(BuiltProduct.locate("historian-crash-probe"), "historian-crash-probe not built next to the test bundle")
        try await TemporaryFolder.with { folder in
            let path = folder.file("crash.sqlite")
            let process = Process()
            process.executableURL = probe
            process.arguments = [path, "200"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let ready = output.fileHandleForReading.availableData
            #expect(String(decoding: ready, as: UTF8.self).contains("ready"))
            try await Task.sleep(for: .milliseconds(1500))
            kill(process.processIdentifier, SIGKILL)
            let killedAt = Date().timeIntervalSince1970
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

            #expect(try SQLiteShell.text(path, "PRAGMA integrity_check") == "ok")
            let row = try SQLiteShell.text(path, "SELECT MIN(cycle_index), MAX(cycle_index), COUNT(*), MAX(wall_time_s) FROM cycle_summary")
            let fields = row.split(separator: "|").map(String.init)
            try #require(fields.count == 4, "got \(row)")
            let first = try #require(Int(fields[0])), last = try #require(Int(fields[1])), count = try #require(Int(fields[2]))
            let lastWall = try #require(Double(fields[3]))
            #expect(first == 0, "the earliest records must be there")
            #expect(count == last + 1, "no holes: \(count) rows for cycles 0…\(last)")
            #expect(count > 100, "about 1.5 s at 200 Hz")
            #expect(killedAt - lastWall <= 1.0, "newest stored record \(killedAt - lastWall) s before the kill")
            #expect(try SQLiteShell.text(path, "SELECT COUNT(*) FROM interface_sample") == "\(2 * count)")
        }
    }
}
