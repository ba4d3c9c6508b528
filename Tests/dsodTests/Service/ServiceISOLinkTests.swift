import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dsod run` with `[iso_link]`: Debian's `mbpoll` as the ISO writes a regulation set point and a dispatch
/// operating target over Modbus TCP; the kernel follows both (read back through the API), the ISO reads the
/// kernel's telemetry, and the target is recorded in the historian as coming from the ISO link.
@Suite(.serialized) struct ServiceISOLinkTests {
    /// Runs mbpoll once against the link, failing the test on a non-zero exit.
    static func mbpoll(_ port: Int, _ arguments: [String], values: [String] = []) throws -> Mbpoll.Result {
        let result = try Mbpoll.run(port: port, arguments, values: values)
        #expect(result.status == 0, "mbpoll \(arguments) \(values): \(result.output)")
        return result
    }

    @Test func theISOsSetPointAndOperatingTargetReachTheKernel() async throws {
        try await TemporaryFolder.with { folder in
            let apiPort = try freeTCPPort()
            let linkPort = try freeTCPPort()
            let config = try OperatorSideFixture.write(in: folder, port: apiPort, extra: """

                [iso_link]
                listen = "127.0.0.1:\(linkPort)"
                writers = ["127.0.0.1"]
                """)
            let state = folder.file("state")
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                             environment: ["STATE_DIRECTORY": state])
            #expect(service.waitForLog("iso-link: listening on 127.0.0.1:\(linkPort)", timeoutSeconds: 20), "\(service.stderr)")
            let api = HTTPClient(port: apiPort, timeoutSeconds: 5)
            _ = try await ServiceOperatorSideTests.waitForCycles(api, 5, timeoutSeconds: 60)

            _ = try Self.mbpoll(linkPort, ["-t", "4:float", "-r", "0"], values: ["0.5"])   // set point
            _ = try Self.mbpoll(linkPort, ["-t", "4:int", "-r", "2"], values: ["7"])       // counter commits it
            _ = try Self.mbpoll(linkPort, ["-t", "4:float", "-r", "20"], values: ["0.5"])  // SUB-A: 500 kW (exact in float32)

            var signal: Double?, scheduled: Double?
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, signal != 0.5 || scheduled != 500 {
                try await Task.sleep(nanoseconds: 200_000_000)
                let status = try await api.get("/api/v1/status", token: OperatorSideFixture.viewerToken)
                signal = try status.json(StatusDocument.self).kernel.signal
                let points = try await api.get("/api/v1/interface-points", token: OperatorSideFixture.viewerToken)
                scheduled = try points.json([InterfacePointStatus].self).first?.scheduledKW
            }
            #expect(signal == 0.5, "the kernel's signal after the ISO's set point")
            #expect(scheduled == 500, "SUB-A's schedule after the ISO's operating target")

            // The ISO reads the kernel's side: the award in effect (MW) and the number of interface points.
            let award = try Self.mbpoll(linkPort, ["-t", "3:float", "-r", "10"]).numbers
            #expect(award[10] == 1, "award register: \(award)")
            let points = try Self.mbpoll(linkPort, ["-t", "3", "-r", "23"]).numbers
            #expect(points[23] == 2, "interface point count register: \(points)")

            service.send(SIGTERM)
            let exit = try #require(service.waitForExit(timeoutSeconds: 8), "\(service.stderr)")
            #expect(exit.exited && exit.status == 0, "\(service.stderr)")
            let database = "\(state)/historian.sqlite"
            let rows = try SQLiteShell.query(database, "SELECT interface_point, net_import_kw FROM schedule WHERE source = 'iso-link'")
            #expect(rows == ["0|500.0"], "\(rows)")
        }
    }
}
