@testable import DSOISOLink
import DSORuntime
import Foundation
import OpenDSOTestSupport
import Synchronization
import Testing

/// Fault injection on the ISO link over real loopback sockets: idle readers, trickling clients, misframed and
/// foreign requests beside the ISO's writer (127.0.0.1), which must keep getting its set points through.
@Suite(.serialized) struct ISOLinkFloodTests {
    @Test func idleReadersCannotLockTheWriterOut() throws {
        let link = try RunningLink()
        let readers = try (0..<20).map { _ in try RawTCPSocket(port: link.port, from: "127.0.0.2") }
        Thread.sleep(forTimeInterval: 0.3)
        let writer = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        try writer.sendSignal(normalized: 0.5)
        #expect(link.regulationMessages(atLeast: 2).map(\.kind) == [.awardKW, .signal])
        // Readers share 16 − 4 slots: the 8 idle longest made room for the others.
        let limits = ISOConnectionLimits()
        #expect(readers.filter { $0.isClosed(within: 0.2) }.count == readers.count - limits.readerSlots, "\(link.log)")
        #expect(link.log.contains { $0.contains("127.0.0.1 connected (may write)") }, "\(link.log)")
    }

    @Test func theWriterTakesTheSlotOfTheLongestIdleReaderWhenAllAreFull() throws {
        let link = try RunningLink(connections: ISOConnectionLimits(maximumClients: 4, writerSlots: 0))
        let readers = try (0..<4).map { _ in try RawTCPSocket(port: link.port, from: "127.0.0.2") }
        Thread.sleep(forTimeInterval: 0.2)
        // Every reader but the first asks for something: the first is the one idle longest.
        for (index, reader) in readers.enumerated().dropFirst() {
            reader.send(MBAPBytes.readInput(transaction: UInt16(index), address: 23, count: 1))
            #expect(reader.receive(11).count == 11)
        }
        let writer = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        try writer.sendSignal(normalized: -0.5)
        #expect(readers[0].isClosed(within: 1))
        #expect(readers.dropFirst().allSatisfy { !$0.isClosed(within: 0.1) })
        #expect(link.log.contains { $0.contains("closed to make room for 127.0.0.1") }, "\(link.log)")
    }

    @Test func idleConnectionsAreClosedAfterTheIdleTimeout() throws {
        let link = try RunningLink(connections: ISOConnectionLimits(idleTimeoutSeconds: 1))
        let idle = try RawTCPSocket(port: link.port, from: "127.0.0.2")
        let active = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        #expect(!idle.isClosed(within: 0.5), "closed before its idle timeout")
        for _ in 0..<6 {
            _ = try active.readTelemetry()
            Thread.sleep(forTimeInterval: 0.3)
        }
        #expect(idle.isClosed(within: 0.5), "open 2.3 s after connecting with a 1-s idle timeout")
        #expect(try active.readTelemetry().netImportMW.count == 2, "a client that keeps asking stays")
        #expect(link.log.contains { $0.contains("127.0.0.2 closed: idle for") }, "\(link.log)")
    }

    @Test func tricklingClientsDoNotDelayTheWriter() throws {
        let link = try RunningLink()
        let state = TrickleState()
        let tricklers = DispatchGroup()
        for index in 0..<4 {
            DispatchQueue.global().async(group: tricklers) {
                Self.trickle(port: link.port, transaction: UInt16(index), state: state)
            }
        }
        let writer = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port), responseTimeoutSeconds: 2)
        var roundTripsSeconds: [Double] = []
        for _ in 0..<6 {
            Thread.sleep(forTimeInterval: 1)
            let start = MonotonicClock.seconds()
            try writer.sendSignal(normalized: 0.25)
            roundTripsSeconds.append(MonotonicClock.seconds() - start)
        }
        // An independent master reads beside the tricklers too.
        let mbpoll = try Mbpoll.run(port: link.port, ["-t", "3", "-r", "23", "-c", "1"])
        state.stop.store(true, ordering: .relaxed)
        tricklers.wait()
        #expect(roundTripsSeconds.allSatisfy { $0 < 1 }, "write round trips \(roundTripsSeconds) s")
        #expect(link.regulationMessages(atLeast: 7).filter { $0.kind == .signal }.count == 6)
        #expect(mbpoll.values[23] == "2", "\(mbpoll.output)")
        #expect(state.closed.load(ordering: .relaxed) >= 4, "tricklers closed by the request deadline")
        #expect(link.log.contains { $0.contains("request still incomplete") }, "\(link.log)")
    }

    @Test func anUnknownFunctionGetsException01AndTheStreamStaysInFrame() throws {
        let link = try RunningLink()
        let socket = try RawTCPSocket(port: link.port, from: "127.0.0.2")
        // Function 43 (0x2B, MEI 0x0E read device identification) with its payload, then a read, in one segment.
        socket.send(MBAPBytes.request(transaction: 7, pdu: [0x2B, 0x0E, 0x01, 0x00])
                    + MBAPBytes.request(transaction: 8, pdu: [0x43, 0x0E, 0x01, 0x00, 0x55])
                    + MBAPBytes.readInput(transaction: 9, address: 23, count: 1))
        #expect(socket.receive(9) == [0, 7, 0, 0, 0, 3, 1, 0xAB, 0x01])
        #expect(socket.receive(9) == [0, 8, 0, 0, 0, 3, 1, 0xC3, 0x01])
        #expect(socket.receive(11) == [0, 9, 0, 0, 0, 5, 1, 4, 2, 0, 2], "interface point count, in frame")
        // A read whose PDU is one byte short is a wrong value, not a reason to lose the frame.
        socket.send(MBAPBytes.request(transaction: 10, pdu: [4, 0, 23, 0]) + MBAPBytes.readInput(transaction: 11, address: 23, count: 1))
        #expect(socket.receive(9) == [0, 10, 0, 0, 0, 3, 1, 0x84, 0x03])
        #expect(socket.receive(11) == [0, 11, 0, 0, 0, 5, 1, 4, 2, 0, 2])
    }

    @Test func aProtocolIDOtherThanZeroIsRefused() throws {
        let link = try RunningLink()
        let socket = try RawTCPSocket(port: link.port, from: "127.0.0.2")
        socket.send(MBAPBytes.request(transaction: 1, protocolID: 1, pdu: [4, 0, 23, 0, 1]))
        #expect(socket.receive(1, within: 1).isEmpty, "answered a protocol id of 1")
        #expect(socket.isClosed(within: 1))
        #expect(link.log.contains { $0.contains("protocol id 1 is not Modbus") }, "\(link.log)")
    }

    @Test func garbageAndOversizedFramesDoNotHurtOtherClients() throws {
        let link = try RunningLink(connections: ISOConnectionLimits(logLinesPerSecond: 100))
        let writer = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        let oversized = try RawTCPSocket(port: link.port, from: "127.0.0.2")
        oversized.send([0, 1, 0, 0, 0xFF, 0xFF, 1, 3] + [UInt8](repeating: 0x41, count: 2000))
        let garbage = try RawTCPSocket(port: link.port, from: "127.0.0.2")
        var generator = SystemRandomNumberGenerator()
        garbage.send((0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let zeroLength = try RawTCPSocket(port: link.port, from: "127.0.0.2")
        zeroLength.send([0, 1, 0, 0, 0, 1, 1])
        try writer.sendSignal(normalized: 0.75)
        #expect(try writer.readTelemetry().lastSequence == 1)
        #expect(oversized.isClosed(within: 1) && zeroLength.isClosed(within: 1))
        #expect(garbage.isClosed(within: 3), "random bytes are closed by the header check or the request deadline")
        #expect(link.log.contains { $0.contains("MBAP length 65535") }, "\(link.log)")
    }

    @Test func aConnectionStormDoesNotFloodTheLog() throws {
        let link = try RunningLink()
        let start = MonotonicClock.seconds()
        for _ in 0..<100 { _ = try RawTCPSocket(port: link.port, from: "127.0.0.2") }
        Thread.sleep(forTimeInterval: 1.5)
        let clientLines = link.log.filter { $0.contains("iso-link: client 127.0.0.2") }
        // 200 lines (connected, disconnected) without the limit; at most 5 in each one-second window with it.
        let windows = Int((MonotonicClock.seconds() - start).rounded(.up)) + 1
        #expect(clientLines.count <= 5 * windows, "\(clientLines.count) lines in \(windows) windows")
        #expect(link.log.contains { $0.contains("connection log lines suppressed") }, "\(link.log)")
    }

    /// One client after another from 127.0.0.2, each sending a read one byte every 0.4 s until the link closes
    /// it; stops when told to (or after 40 bytes).
    private static func trickle(port: Int, transaction: UInt16, state: TrickleState) {
        let request = MBAPBytes.readInput(transaction: transaction, address: 0, count: 4)
        var sent = 0
        while sent < 40, !state.stop.load(ordering: .relaxed) {
            guard let socket = try? RawTCPSocket(port: port, from: "127.0.0.2") else { return }
            for byte in request where !state.stop.load(ordering: .relaxed) {
                socket.send([byte])
                sent += 1
                if socket.isClosed(within: 0.4) {
                    state.closed.add(1, ordering: .relaxed)
                    break
                }
            }
        }
    }
}

/// Shared by the trickling clients and the test: when to stop, and how many connections the link closed.
final class TrickleState: Sendable {
    let stop = Atomic<Bool>(false)
    let closed = Atomic<Int>(0)
}
