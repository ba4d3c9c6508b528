import DSOKernel
import DSOModel
import DSORuntime
import Foundation

/// Writes everything that entered the kernel — every message of every producer's ring, as drained, and the
/// telemetry board — cycle by cycle, so a run can be replayed into a fresh kernel and checked for
/// bit-identical set points.
///
/// Format (little-endian): "ODSOCAP2", resource count, interface-point count (UInt32 each), period ns
/// (Int64), regulation strategy (UInt8: 0 tracking, 1 naive); then per cycle: tag 'C', cycle (Int64),
/// message count (UInt32), the messages in drain order, then the board columns. A message is its producer
/// (UInt8, `InboundProducer`) then tag 'S' (schedule: point Int32, start, end, kW as Double), 'R'
/// (regulation: kind UInt8, value Double, sequence UInt64, received Double) or 'O' (operator command: 0 =
/// resource enabled, resource Int32, flag UInt8; 1 = regulation enabled, flag UInt8). Meant for bounded
/// captures (minutes to hours), not for years of operation.
final class InputCapture {
    static let magic = "ODSOCAP2"
    private let writer: BufferedFileWriter
    private var bytes: [UInt8] = []

    init(path: String, kernel: ControlKernel) throws {
        writer = try BufferedFileWriter(path: path)
        var header: [UInt8] = Array(Self.magic.utf8)
        header.append(littleEndian: UInt32(kernel.board.resourceCount))
        header.append(littleEndian: UInt32(kernel.board.interfacePointCount))
        header.append(littleEndian: kernel.configuration.periodNanoseconds)
        header.append(kernel.configuration.regulation.strategy == .tracking ? 0 : 1)
        header.withUnsafeBytes { writer.write(bytes: $0) }
    }

    /// One cycle: the journal's messages (emptied here) and the board as the kernel saw it.
    func noteCycle(_ cycle: Int64, journal: SPSCRing<InboundRecord>, board: TelemetryFrame) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "C"))
        bytes.append(littleEndian: cycle)
        let countOffset = bytes.count
        bytes.append(littleEndian: UInt32(0))
        var count: UInt32 = 0
        journal.drain { record in
            append(record)
            count += 1
        }
        withUnsafeBytes(of: count.littleEndian) { raw in
            for index in 0..<4 { bytes[countOffset + index] = raw[index] }
        }
        bytes.withUnsafeBytes { writer.write(bytes: $0) }
        for column in [board.measuredKW, board.availableUpKW, board.availableDownKW, board.soc, board.meterNetImportKW] {
            writer.write(bytes: UnsafeRawBufferPointer(column.buffer))
        }
        for column in [board.timestampNanoseconds, board.meterTimestampNanoseconds] {
            writer.write(bytes: UnsafeRawBufferPointer(column.buffer))
        }
        writer.write(bytes: UnsafeRawBufferPointer(board.faultCode.buffer))
    }

    private func append(_ record: InboundRecord) {
        bytes.append(record.producer.rawValue)
        switch record.message {
        case .schedule(let entry):
            bytes.append(UInt8(ascii: "S"))
            bytes.append(littleEndian: Int32(entry.interfacePoint))
            bytes.append(littleEndian: entry.startSeconds.bitPattern)
            bytes.append(littleEndian: entry.endSeconds.bitPattern)
            bytes.append(littleEndian: entry.netImportKW.bitPattern)
        case .regulation(let message):
            bytes.append(UInt8(ascii: "R"))
            bytes.append(message.kind.rawValue)
            bytes.append(littleEndian: message.value.bitPattern)
            bytes.append(littleEndian: message.sequence)
            bytes.append(littleEndian: message.receivedSeconds.bitPattern)
        case .command(let command):
            bytes.append(UInt8(ascii: "O"))
            switch command {
            case .setResourceEnabled(let resource, let enabled):
                bytes.append(0)
                bytes.append(littleEndian: Int32(resource))
                bytes.append(enabled ? 1 : 0)
            case .setRegulationEnabled(let enabled):
                bytes.append(1)
                bytes.append(enabled ? 1 : 0)
            }
        }
    }

    func finish() throws { try writer.close() }
}

extension Array where Element == UInt8 {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
