@testable import DSOISOLink
import DSOKernel
import Foundation
import Synchronization

/// An ISO link server on a free port of 127.0.0.1, with the kernel's inbound rings it feeds
/// (the test thread is their consumer) and the log lines it wrote.
final class RunningLink: Sendable {
    let inbound = KernelInbound()
    let board = ISOTelemetryBoard(interfacePointCount: 2)
    let server: ISOLinkServer
    private let lines = LogLines()

    init(writers: [String] = ["127.0.0.1"], ttlSeconds: Double = 12, awardMW: Double = 1.0,
         connections: ISOConnectionLimits = ISOConnectionLimits()) throws {
        let configuration = ISOLinkConfiguration(
            endpoint: ISOEndpoint(host: "127.0.0.1", port: 0), writers: writers.compactMap(IPv4Address.init),
            limits: LinkFixtures.limits(ttlSeconds: ttlSeconds), initialAwardMW: awardMW, connections: connections)
        let lines = self.lines
        server = try ISOLinkServer(configuration: configuration, inbound: inbound, board: board,
                                   log: { line in lines.append(line) })
        try server.start()
    }

    var port: Int { server.port }
    var log: [String] { lines.all }

    /// Everything pushed into the regulation ring so far, waiting up to `seconds` for at least `count`.
    func regulationMessages(atLeast count: Int, within seconds: Double = 2) -> [RegulationMessage] {
        var messages: [RegulationMessage] = []
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            while let message = inbound.regulation.pop() { messages.append(message) }
            if messages.count >= count { break }
            Thread.sleep(forTimeInterval: 0.01)
        } while Date() < deadline
        return messages
    }

    func schedules(atLeast count: Int, within seconds: Double = 2) -> [ScheduleEntryCopy] {
        var entries: [ScheduleEntryCopy] = []
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            while let entry = inbound.schedules.pop() {
                entries.append(ScheduleEntryCopy(point: entry.interfacePoint, netImportKW: entry.netImportKW,
                                                 durationSeconds: entry.endSeconds - entry.startSeconds))
            }
            if entries.count >= count { break }
            Thread.sleep(forTimeInterval: 0.01)
        } while Date() < deadline
        return entries
    }

    deinit { server.stop() }
}

/// The parts of a schedule entry the tests check.
struct ScheduleEntryCopy: Equatable {
    var point: Int
    var netImportKW: Double
    var durationSeconds: Double
}

/// Log lines written by the link thread, read by the test.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
