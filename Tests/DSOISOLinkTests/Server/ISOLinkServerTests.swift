@testable import DSOISOLink
import DSOModel
import Foundation
import OpenDSOTestSupport
import Testing

/// The server over real sockets, driven by the link's own libmodbus client.
@Suite(.serialized) struct ISOLinkServerTests {
    @Test func writesReachTheRegulationRingInOrder() throws {
        let link = try RunningLink(awardMW: 1.0)
        let client = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        try client.sendSignal(normalized: 0.5)
        try client.sendSignal(normalized: -0.25)
        try client.sendAward(mw: 0.75)
        let messages = link.regulationMessages(atLeast: 4)
        // The initial award first, then the two signals with a growing sequence, then the new award.
        #expect(messages.map(\.kind) == [.awardKW, .signal, .signal, .awardKW], "\(messages)")
        #expect(messages.map(\.value) == [1000, 0.5, -0.25, 750])
        #expect(messages[1].sequence < messages[2].sequence)
        // The holding registers read back what was written.
        let holding = try client.read(holding: 0, count: 5)
        #expect(RegisterWords.float(high: holding[0], low: holding[1]) == -0.25)
        #expect(RegisterWords.uint32(high: holding[2], low: holding[3]) == 2)
    }

    @Test func aRefusedWriteGetsAnExceptionAndALogLine() throws {
        let link = try RunningLink()
        let client = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        try client.sendSetpoint(value: 0.25, unit: 0, counter: 10)
        #expect(throws: ISOClientError.self) { try client.sendSetpoint(value: 0.375, unit: 0, counter: 9) }
        #expect(throws: ISOClientError.self) { try client.sendSetpoint(value: .nan, unit: 0, counter: 11) }
        #expect(throws: ISOClientError.self) { try client.write(address: 50, [1]) }
        let messages = link.regulationMessages(atLeast: 2)
        #expect(messages.filter { $0.kind == .signal }.map(\.value) == [0.25])
        let refusals = link.log.filter { $0.contains("refused write") }
        #expect(refusals.count == 3, "\(link.log)")
        #expect(refusals.contains { $0.contains("backwards") })
        #expect(refusals.contains { $0.contains("not a finite number") })
        let telemetry = try client.readTelemetry()
        #expect(telemetry.refusedWrites == 3)
        #expect(telemetry.alarms.contains(.lastWriteRefused))
        #expect(telemetry.lastSequence == 10)
    }

    @Test func aClientNotInTheWritersListMayOnlyRead() throws {
        let link = try RunningLink(writers: ["10.9.8.7"])
        let client = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        #expect(throws: ISOClientError.self) { try client.sendSignal(normalized: 0.5) }
        #expect(try client.readTelemetry().refusedWrites == 1)
        #expect(link.regulationMessages(atLeast: 2, within: 0.3).map(\.kind) == [.awardKW])
        #expect(link.log.contains { $0.contains("not in the writers list") }, "\(link.log)")
    }

    @Test func dispatchTargetsBecomeScheduleEntries() throws {
        let link = try RunningLink()
        let client = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        try client.sendDispatchTarget(point: 1, netImportMW: 2.5, durationSeconds: 300)
        try client.sendDispatchTarget(point: 0, netImportMW: -1, durationSeconds: 60)
        #expect(link.schedules(atLeast: 2) == [
            ScheduleEntryCopy(point: 1, netImportKW: 2500, durationSeconds: 300),
            ScheduleEntryCopy(point: 0, netImportKW: -1000, durationSeconds: 60),
        ])
    }

    @Test func telemetryComesFromTheLatestRecord() throws {
        let link = try RunningLink()
        link.telemetry.publish { telemetry in
            telemetry.kernelSeconds = 42.5
            telemetry.regulationResponseKW = 420
            telemetry.regulationTargetKW = 500
            telemetry.availableUpKW = 700
            telemetry.availableDownKW = 650
            telemetry.aggregateSOC = 0.55
            telemetry.awardKW = 1000
            telemetry.signal = 0.5
            telemetry.controllableResources = 4
            telemetry.netImportKW[0] = 310; telemetry.netImportKW[1] = -120
            telemetry.scheduledKW = [0, 0]; telemetry.aceKW = [0, 0]
            telemetry.flags[0] = 0; telemetry.flags[1] = InterfacePointFlags.outOfBand.rawValue
        }
        let client = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        let telemetry = try client.readTelemetry()
        #expect(telemetry.regulationResponseMW == Double(Float(0.42)))
        #expect(telemetry.regulationTargetMW == 0.5)
        #expect(telemetry.availableUpMW == Double(Float(0.7)))
        #expect(telemetry.aggregateSOC == Double(Float(0.55)))
        #expect(telemetry.kernelSeconds == 42)
        #expect(telemetry.controllableResources == 4)
        #expect(telemetry.netImportMW == [Double(Float(0.31)), Double(Float(-0.12))])
        #expect(telemetry.flags == [0, UInt16(InterfacePointFlags.outOfBand.rawValue)])
        #expect(telemetry.alarms.contains(.outOfBand))
        #expect(telemetry.status.contains(.telemetryFresh) && telemetry.status.contains(.regulating))
        #expect(!telemetry.status.contains(.setpointFresh), "no set point yet")
    }

    @Test func linkLossIsLoggedAndTheReturnToo() throws {
        let link = try RunningLink(ttlSeconds: 0.3)
        let client = try ISOLinkClient(endpoint: ISOEndpoint(host: "127.0.0.1", port: link.port))
        try client.sendSignal(normalized: 0.5)
        #expect(try client.readTelemetry().status.contains(.setpointFresh))
        Thread.sleep(forTimeInterval: 0.6)
        #expect(!(try client.readTelemetry().status.contains(.setpointFresh)))
        #expect(link.log.contains { $0.contains("link lost") }, "\(link.log)")
        try client.sendSignal(normalized: 0.1)
        #expect(link.log.contains { $0.contains("regulation follows the ISO") }, "\(link.log)")
    }
}
