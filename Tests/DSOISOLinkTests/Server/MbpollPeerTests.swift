@testable import DSOISOLink
import Foundation
import OpenDSOTestSupport
import Testing

/// Debian's mbpoll, an independent Modbus master, against the link: the register map as documented.
@Suite(.serialized) struct MbpollPeerTests {
    @Test func mbpollReadsTheTelemetryRegisters() throws {
        let link = try RunningLink()
        link.telemetry.publish { telemetry in
            telemetry.kernelSeconds = 0
            telemetry.regulationResponseKW = 250
            telemetry.regulationTargetKW = -500
            telemetry.aggregateSOC = 0.625
            telemetry.netImportKW[0] = 0; telemetry.netImportKW[1] = 1500
            telemetry.scheduledKW = [0, 0]; telemetry.aceKW = [0, 0]; telemetry.flags = [0, 0]
        }
        let floats = try Mbpoll.run(port: link.port, ["-t", "3:float", "-r", "0", "-c", "5"])
        #expect(floats.status == 0, "\(floats.output)")
        #expect(floats.values[0] == "0.25" && floats.values[2] == "-0.5", "\(floats.output)")
        #expect(floats.values[8] == "0.625", "\(floats.output)")
        let block = try Mbpoll.run(port: link.port, ["-t", "3:float", "-r", "108", "-c", "1"])
        #expect(block.values[108] == "1.5", "net import of interface point 1\n\(block.output)")
        let count = try Mbpoll.run(port: link.port, ["-t", "3", "-r", "23", "-c", "1"])
        #expect(count.values[23] == "2", "\(count.output)")
    }

    @Test func mbpollWritesASetPointThenItsCounter() throws {
        let link = try RunningLink()
        let value = try Mbpoll.run(port: link.port, ["-t", "4:float", "-r", "0"], values: ["-0.75"])
        #expect(value.status == 0, "\(value.output)")
        let counter = try Mbpoll.run(port: link.port, ["-t", "4:int", "-r", "2"], values: ["41"])
        #expect(counter.status == 0, "\(counter.output)")
        let messages = link.regulationMessages(atLeast: 2)
        let signal = try #require(messages.first { $0.kind == .signal }, "\(messages)")
        #expect(signal.value == -0.75)
        // A counter going backwards is refused with an exception mbpoll reports.
        let backwards = try Mbpoll.run(port: link.port, ["-t", "4:int", "-r", "2"], values: ["40"])
        #expect(backwards.status != 0 || backwards.output.lowercased().contains("illegal data value"), "\(backwards.output)")
        #expect(link.log.contains { $0.contains("goes backwards") }, "\(link.log)")
        let sequence = try Mbpoll.run(port: link.port, ["-t", "3:int", "-r", "14", "-c", "1"])
        #expect(sequence.values[14] == "41", "\(sequence.output)")
    }
}
