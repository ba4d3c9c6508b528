import DSOISOLink
import DSOModel
import DSORuntime
import Foundation
import Synchronization

/// An ISO link server on a free port of 127.0.0.1, with the inbound port whose ISO ring it feeds (the
/// test thread is its consumer) and the log lines it wrote.
public final class RunningLink: Sendable {
    public let inbound = InboundPort()
    public let epoch = KernelEpoch()
    /// Messages popped from the ISO ring and not yet handed to a test, in order.
    private let popped = Mutex<[InboundMessage]>([])
    public let telemetry = ISOTelemetryMailbox(interfacePointCount: 2)
    public let server: ISOLinkServer
    private let lines = LogLines()

    public init(writers: [String] = ["127.0.0.1"], ttlSeconds: Double = 12, awardMW: Double = 1.0,
         connections: ISOConnectionLimits = ISOConnectionLimits()) throws {
        let configuration = ISOLinkConfiguration(
            endpoint: ISOEndpoint(host: "127.0.0.1", port: 0), writers: writers.compactMap(IPv4Address.init),
            limits: LinkFixtures.limits(ttlSeconds: ttlSeconds), initialAwardMW: awardMW, connections: connections)
        let lines = self.lines
        epoch.pin(kernelNanoseconds: 0, monotonicNanoseconds: MonotonicClock.nanoseconds(),
                  unixSeconds: KernelEpoch.unixSecondsNow())
        server = try ISOLinkServer(configuration: configuration, port: inbound, epoch: epoch, telemetry: telemetry,
                                   log: { line in lines.append(line) })
        try server.start()
    }

    public var port: Int { server.port }
    public var log: [String] { lines.all }

    /// Everything pushed into the regulation ring so far, waiting up to `seconds` for at least `count`.
    public func regulationMessages(atLeast count: Int, within seconds: Double = 2) -> [RegulationMessage] {
        var messages: [RegulationMessage] = []
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            messages += take { if case .regulation(let message) = $0 { message } else { nil } }
            if messages.count >= count { break }
            Thread.sleep(forTimeInterval: 0.01)
        } while Date() < deadline
        return messages
    }

    public func schedules(atLeast count: Int, within seconds: Double = 2) -> [ScheduleEntryCopy] {
        var entries: [ScheduleEntryCopy] = []
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            entries += take { message in
                guard case .schedule(let entry) = message else { return nil }
                return ScheduleEntryCopy(point: entry.interfacePoint, netImportKW: entry.netImportKW,
                                         durationSeconds: entry.endSeconds - entry.startSeconds)
            }
            if entries.count >= count { break }
            Thread.sleep(forTimeInterval: 0.01)
        } while Date() < deadline
        return entries
    }

    /// Pops the ISO ring and hands back the messages `select` picks, keeping the others for later calls.
    private func take<T: Sendable>(_ select: (InboundMessage) -> T?) -> [T] {
        popped.withLock { kept in
            while let message = inbound.ring(.isoLink).pop() { kept.append(message) }
            var picked: [T] = []
            kept.removeAll { message in
                guard let value = select(message) else { return false }
                picked.append(value)
                return true
            }
            return picked
        }
    }

    deinit { server.stop() }
}

/// The parts of a schedule entry the tests check.
public struct ScheduleEntryCopy: Equatable, Sendable {
    public var point: Int
    public var netImportKW: Double
    public var durationSeconds: Double

    public init(point: Int, netImportKW: Double, durationSeconds: Double) {
        self.point = point
        self.netImportKW = netImportKW
        self.durationSeconds = durationSeconds
    }
}
