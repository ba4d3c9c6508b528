import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Finding 8 of issue 14: the real `dsod run`, its descriptor limit lowered to 256 (where 300 idle API
/// connections used to make /health, the ISO link's accept and SIGHUP's file read fail), flooded with 800
/// half-sent API requests from two addresses: the API holds at most its limits, /health answers, the ISO link
/// answers a Modbus read, SIGHUP reloads, and the kernel keeps cycling without an overrun.
@Suite(.serialized) struct ServiceAPIFloodTests {
    typealias Fixture = OperatorSideFixture

    /// Descriptors the process holds now.
    static func openDescriptors(_ pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// One Modbus read of the ISO link's first two input registers; true when a framed answer came back.
    static func isoLinkAnswers(port: Int) -> Bool {
        guard let socket = try? RawTCPSocket(port: port) else { return false }
        socket.send([0x12, 0x34, 0, 0, 0, 6, 1, 4, 0, 0, 0, 2])
        let reply = socket.receive(9, within: 2)
        return reply.count == 9 && reply[0] == 0x12 && reply[1] == 0x34
    }

    @Test func aFloodOfHalfSentRequestsStarvesNeitherTheISOLinkNorTheKernel() async throws {
        try await TemporaryFolder.with { folder in
            let port = try freeTCPPort(), linkPort = try freeTCPPort()
            let config = try Fixture.write(in: folder, port: port, api: """
                max_connections = 32
                max_connections_per_address = 8
                request_timeout_s = 60
                """, extra: """

                [iso_link]
                listen = "127.0.0.1:\(linkPort)"
                writers = ["127.0.0.1"]
                """)
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                             environment: ["STATE_DIRECTORY": folder.file("state")])
            defer { service.send(SIGKILL) }
            #expect(service.waitForLog("api: listening on", timeoutSeconds: 20), "\(service.stderr)")
            let limited = try Command.run("/usr/bin/prlimit", ["--pid", "\(service.pid)", "--nofile=256:256"])
            #expect(limited.status == 0, "\(limited.output)")
            let api = HTTPClient(port: port, timeoutSeconds: 5)
            let before = try #require(try await ServiceOperatorSideTests.waitForCycles(api, 10, timeoutSeconds: 20))
            let descriptorsBefore = Self.openDescriptors(service.pid)

            // The flood runs in a process of its own (Tests/peers/http/half_sent_flood.py): 800 descriptors in the
            // test process would push other suites' select()-based clients past FD_SETSIZE.
            let flood = Process()
            flood.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            flood.arguments = [Repository.root.appendingPathComponent("Tests/peers/http/half_sent_flood.py").path,
                               "\(port)", "800", "127.0.0.2,127.0.0.3"]
            let input = Pipe(), output = Pipe()
            flood.standardInput = input
            flood.standardOutput = output
            try flood.run()
            defer { try? input.fileHandleForWriting.close(); flood.waitUntilExit() }
            let report = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            let held = Int(report.dropFirst("open ".count).trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(held.map { $0 <= 16 } == true, "the server holds at most 2 × 8 of the flood's connections: \(report)")
            try await Task.sleep(for: .seconds(1))
            let descriptorsDuring = Self.openDescriptors(service.pid)
            #expect(descriptorsDuring <= descriptorsBefore + 16 + 4,
                    "\(descriptorsDuring) descriptors during the flood, \(descriptorsBefore) before: at most 2 × 8 API connections more")
            #expect(try await api.get("/health").status == 200)
            #expect(Self.isoLinkAnswers(port: linkPort), "the ISO link answers during the flood")
            service.send(SIGHUP)
            #expect(service.waitForLog("reload: ", timeoutSeconds: 10), "SIGHUP reads the configuration during the flood")

            try await Task.sleep(for: .seconds(3))
            let after = try await api.get("/api/v1/status", token: Fixture.viewerToken).json(StatusDocument.self).kernel
            #expect(after.cycles >= before.cycles + 25, "the kernel keeps its 100-ms cycle: \(before.cycles) → \(after.cycles)")
            #expect(after.overruns == 0, "\(after)")
            #expect(!service.stderr.contains("Too many open files"), "\(service.stderr.suffix(3000))")
        }
    }
}
