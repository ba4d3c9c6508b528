@testable import DSOISOLink
import OpenDSOTestSupport
import Testing

/// The MBAP header alone cuts requests: length decides the frame, a foreign protocol id or length is refused.
struct MBAPFrameTests {
    @Test func theLengthFieldDecidesWhereARequestEnds() {
        let unknown = MBAPBytes.request(transaction: 1, pdu: [0x2B, 0x0E, 0x01, 0x00])
        let read = MBAPBytes.readInput(transaction: 2, address: 0, count: 1)
        #expect(MBAPFrame.next(unknown + read) == .frame(bytes: 11))
        #expect(MBAPFrame.next(read) == .frame(bytes: 12))
        #expect(MBAPFrame.next(Array(read.prefix(11))) == .incomplete)
        #expect(MBAPFrame.next([]) == .incomplete)
    }

    @Test func aForeignProtocolIDIsRefusedAsSoonAsItArrives() {
        #expect(MBAPFrame.next([0, 1, 0, 1]) == .refuse("protocol id 1 is not Modbus (0)"))
        #expect(MBAPFrame.next([0, 1, 0]) == .incomplete)
    }

    @Test func aLengthOutsideModbusIsRefused() {
        #expect(MBAPFrame.next([0, 1, 0, 0, 0, 1]) == .refuse("MBAP length 1 outside 2…254"))
        #expect(MBAPFrame.next([0, 1, 0, 0, 0, 255]) == .refuse("MBAP length 255 outside 2…254"))
        #expect(MBAPFrame.next([0, 1, 0, 0, 0, 254]) == .incomplete)
    }

    @Test func requestsOfTheWrongSizeForTheirFunctionDoNotDecode() {
        func decode(_ pdu: [UInt8]) -> ModbusRequest? {
            MBAPBytes.request(transaction: 1, pdu: pdu).withUnsafeBufferPointer { ModbusRequest(frame: $0) }
        }
        #expect(decode([4, 0, 0, 0, 1]) != nil)
        #expect(decode([4, 0, 0, 0, 1, 9]) == nil, "a read with a payload")
        #expect(decode([16, 0, 2, 0, 2, 4, 0, 0, 0, 1])?.values == [0, 1])
        #expect(decode([16, 0, 2, 0, 2, 4, 0, 0, 0]) == nil, "one byte short")
        #expect(decode([0x2B, 0x0E, 0x01, 0x00])?.function == 0x2B, "unknown functions decode to their code")
    }
}
