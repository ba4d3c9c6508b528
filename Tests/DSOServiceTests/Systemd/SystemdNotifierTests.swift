import DSOService
import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// sd_notify against a real datagram socket bound by the test (path and abstract namespace).
@Suite struct SystemdNotifierTests {
    @Test(arguments: [false, true])
    func datagramsArrive(abstract: Bool) throws {
        try TemporaryFolder.with { folder in
            let listener = try DatagramListener(folder: folder.path, abstract: abstract)
            let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address]))
            #expect(notifier.ready(status: "cycle 1\nsecond line"))
            #expect(listener.receive() == "READY=1\nSTATUS=cycle 1 second line")
            #expect(notifier.watchdog())
            #expect(listener.receive() == "WATCHDOG=1")
            #expect(notifier.stopping())
            #expect(listener.receive() == "STOPPING=1")
        }
    }

    @Test func sendingToAVanishedSupervisorFailsQuietly() throws {
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/tmp/no-such-notify-\(UUID().uuidString)"]))
        #expect(!notifier.status("nobody listens"))
    }

    @Test func environmentRules() throws {
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative/path"]) == nil)
        let mine = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "8000000",
                                                              "WATCHDOG_PID": "\(getpid())"]))
        #expect(mine.watchdogIntervalSeconds == 8)
        #expect(mine.watchdogPingIntervalSeconds == 4)
        let unowned = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "8000000", "WATCHDOG_PID": "1"]))
        #expect(unowned.watchdogIntervalSeconds == nil, "WATCHDOG_PID names another process")
        let noPid = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "500000"]))
        #expect(noPid.watchdogPingIntervalSeconds == 0.25)
        let bad = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "soon"]))
        #expect(bad.watchdogIntervalSeconds == nil)
    }
}

/// A bound AF_UNIX datagram socket standing in for systemd's notify socket.
final class DatagramListener {
    let address: String
    private let descriptor: Int32
    private let filePath: String?

    init(folder: String, abstract: Bool) throws {
        let name = abstract ? "opendso-notifier-\(UUID().uuidString.prefix(12))" : "\(folder)/notify.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var bytes = Array(name.utf8)
        if abstract { bytes.insert(0, at: 0) }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in for (index, byte) in bytes.enumerated() { raw[index] = byte } }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count)
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        descriptor = fd
        try #require(result == 0, "bind failed: errno \(errno)")
        address = abstract ? "@\(name)" : name
        filePath = abstract ? nil : name
    }

    deinit {
        close(descriptor)
        if let filePath { unlink(filePath) }
    }

    func receive(timeoutSeconds: Double = 2) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeoutSeconds * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count >= 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }
}
