import DSOKernel
import DSOModel
import DSORuntime

/// One captured cycle at a time, played back as the devices (the board) and as every producer (each
/// message back into the ring it came from), so a replay runs through the same loop as the original run.
final class CapturedInputs: DeviceSide, CycleProducer, @unchecked Sendable {
    // Sendable: used on the replaying thread only.
    private var messages: [InboundRecord] = []
    private var doubles: [[Double]]
    private var timestamps: [[Int64]]
    private var faults: [UInt16]

    init(resourceCount: Int, interfacePointCount: Int) {
        let counts = [resourceCount, resourceCount, resourceCount, resourceCount, interfacePointCount]
        doubles = counts.map { Array(repeating: 0, count: $0) }
        timestamps = [Array(repeating: 0, count: resourceCount), Array(repeating: 0, count: interfacePointCount)]
        faults = Array(repeating: 0, count: resourceCount)
    }

    var description: String { "captured inputs" }

    /// Reads the next cycle's record; returns its cycle index.
    func read(_ reader: inout ByteReader) throws -> Int64 {
        let path = reader.path
        guard try reader.integer(UInt8.self) == UInt8(ascii: "C") else {
            throw CaptureError(path: path, reason: "corrupt capture at byte \(reader.offset - 1): cycle tag expected")
        }
        let cycle = try reader.integer(Int64.self)
        let count = try reader.integer(UInt32.self)
        messages.removeAll(keepingCapacity: true)
        for _ in 0..<count {
            let producerByte = try reader.integer(UInt8.self)
            guard let producer = InboundProducer(rawValue: producerByte) else {
                throw CaptureError(path: path, reason: "unknown producer \(producerByte) at byte \(reader.offset - 1)")
            }
            messages.append(InboundRecord(producer: producer, message: try Self.message(&reader)))
        }
        for column in doubles.indices {
            for index in doubles[column].indices { doubles[column][index] = try reader.double() }
        }
        for column in timestamps.indices {
            for index in timestamps[column].indices { timestamps[column][index] = try reader.integer(Int64.self) }
        }
        for index in faults.indices { faults[index] = try reader.integer(UInt16.self) }
        return cycle
    }

    private static func message(_ reader: inout ByteReader) throws -> InboundMessage {
        let path = reader.path
        switch try reader.integer(UInt8.self) {
        case UInt8(ascii: "S"):
            return .schedule(ScheduleEntry(
                interfacePoint: Int(try reader.integer(Int32.self)), startSeconds: try reader.double(),
                endSeconds: try reader.double(), netImportKW: try reader.double()))
        case UInt8(ascii: "R"):
            guard let kind = RegulationMessage.Kind(rawValue: try reader.integer(UInt8.self)) else {
                throw CaptureError(path: path, reason: "unknown regulation message kind at byte \(reader.offset - 1)")
            }
            return .regulation(RegulationMessage(kind: kind, value: try reader.double(),
                                                 sequence: try reader.integer(UInt64.self), receivedSeconds: try reader.double()))
        case UInt8(ascii: "O"):
            switch try reader.integer(UInt8.self) {
            case 0:
                let resource = Int(try reader.integer(Int32.self))
                return .command(.setResourceEnabled(resource: resource, enabled: try reader.integer(UInt8.self) != 0))
            case 1:
                return .command(.setRegulationEnabled(try reader.integer(UInt8.self) != 0))
            default:
                throw CaptureError(path: path, reason: "unknown operator command at byte \(reader.offset - 1)")
            }
        default:
            throw CaptureError(path: path, reason: "unknown message tag at byte \(reader.offset - 1)")
        }
    }

    func prepare(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {
        let board = kernel.board
        let columns = [board.measuredKW, board.availableUpKW, board.availableDownKW, board.soc, board.meterNetImportKW]
        for (column, values) in zip(columns, doubles) {
            for index in values.indices { column[index] = values[index] }
        }
        for (column, values) in zip([board.timestampNanoseconds, board.meterTimestampNanoseconds], timestamps) {
            for index in values.indices { column[index] = values[index] }
        }
        for index in faults.indices { board.faultCode[index] = faults[index] }
    }

    func produce(cycle: Int64, atNanoseconds nanoseconds: Int64, into port: InboundPort) {
        for record in messages { _ = port.ring(record.producer).push(record.message) }
    }

    func apply(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {}
}
