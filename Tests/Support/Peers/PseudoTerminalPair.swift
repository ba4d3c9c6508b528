import Foundation

/// Two linked pseudo-terminals from socat: what one side writes, the other reads (a null-modem cable).
public final class PseudoTerminalPair {
    public let folder: URL
    public let plugin: String
    public let peer: String
    private let process = Process()

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dso-can-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        plugin = folder.appendingPathComponent("plugin").path
        peer = folder.appendingPathComponent("peer").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/socat")
        process.arguments = ["pty,raw,echo=0,link=\(plugin)", "pty,raw,echo=0,link=\(peer)"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(5)
        while !(FileManager.default.fileExists(atPath: plugin) && FileManager.default.fileExists(atPath: peer)) {
            guard Date() < deadline else { throw PeerError("socat did not create \(plugin) and \(peer) within 5 s") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    deinit {
        // SIGKILL: a child spawned from a test thread may inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}

