import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dsod run` under a stand-in for systemd: the real executable talks sd_notify to a socket the test binds.
@Suite struct ServiceNotifyTests {
    @Test(arguments: [false, true])
    func readyStatusWatchdogAndStopping(abstractSocket: Bool) async throws {
        try await TemporaryFolder.with { folder in
            let config = try ServiceFiles.writeSimulationService(in: folder)
            let listener = try NotifyListener(folder: folder.path, abstract: abstractSocket)
            // 1 s watchdog: dsod must ping every 0.5 s.
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder, environment: [
                "NOTIFY_SOCKET": listener.socketEnvironmentValue, "WATCHDOG_USEC": "1000000",
            ])
            let ready = listener.collect(until: { $0.contains("READY=1") }, timeoutSeconds: 20)
            #expect(ready.matched, "no READY=1 within 20 s; got \(ready.messages)\n\(service.stderr)")
            let readyMessage = try #require(ready.messages.last)
            #expect(readyMessage.contains("STATUS=cycle "), "READY=1 comes with a status line: \(readyMessage)")
            // At least two watchdog pings and one periodic status line within ~1.5 s.
            var pings = 0
            var statuses: [String] = []
            let window = listener.collect(until: { message in
                if message == "WATCHDOG=1" { pings += 1 }
                if message.hasPrefix("STATUS=") { statuses.append(message) }
                return pings >= 2 && !statuses.isEmpty
            }, timeoutSeconds: 5)
            #expect(window.matched, "expected WATCHDOG=1 twice and a STATUS= line; got \(window.messages)")
            let status = try #require(statuses.first)
            #expect(status.contains("SUB-A net") && status.contains("resources controllable"), "\(status)")
            #expect(!status.contains("\n"), "STATUS= is one line")

            service.send(SIGTERM)
            let stopping = listener.collect(until: { $0 == "STOPPING=1" }, timeoutSeconds: 5)
            #expect(stopping.matched, "no STOPPING=1 after SIGTERM; got \(stopping.messages)")
            let exit = try #require(service.waitForExit(timeoutSeconds: 5), "dsod did not exit within 5 s of SIGTERM\n\(service.stderr)")
            #expect(exit.exited && exit.status == 0, "exit \(exit)\n\(service.stderr)")
            #expect(service.stderr.contains("stopping (SIGTERM)"))
            #expect(service.stderr.contains("stopped after"))
        }
    }

    @Test func watchdogForAnotherPidIsIgnored() async throws {
        try await TemporaryFolder.with { folder in
            let config = try ServiceFiles.writeSimulationService(in: folder, statusIntervalSeconds: 60)
            let listener = try NotifyListener(folder: folder.path)
            // WATCHDOG_PID names a process that is not dsod (pid 1): dsod must not ping.
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder, environment: [
                "NOTIFY_SOCKET": listener.socketEnvironmentValue, "WATCHDOG_USEC": "400000", "WATCHDOG_PID": "1",
            ])
            let ready = listener.collect(until: { $0.contains("READY=1") }, timeoutSeconds: 20)
            #expect(ready.matched, "\(ready.messages)\n\(service.stderr)")
            let after = listener.collect(until: { $0 == "WATCHDOG=1" }, timeoutSeconds: 1.2)
            #expect(!after.matched, "pinged although WATCHDOG_PID is another process: \(after.messages)")
            service.send(SIGTERM)
            let exit = try #require(service.waitForExit(timeoutSeconds: 5))
            #expect(exit.exited && exit.status == 0)
        }
    }
}
