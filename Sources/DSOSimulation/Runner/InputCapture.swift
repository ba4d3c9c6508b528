import DSOScenario
import DSOKernel
import DSOModel
import Foundation

/// Writes everything that enters the kernel — inbound messages and the telemetry board — cycle by cycle,
/// so a run can be replayed into a fresh kernel and checked for bit-identical set points.
///
/// Format (little-endian): "ODSOCAP1", resource count, interface-point count (UInt32 each), period ns
/// (Int64), regulation strategy (UInt8: 0 tracking, 1 naive); then per cycle: tag 0x43 'C', cycle (Int64), message count (UInt32), the messages, then the
/// board columns. A message is tag 'S' (schedule: point Int32, start, end, kW as Double) or 'R'
/// (regulation: kind UInt8, value Double, sequence UInt64, received Double). Meant for bounded captures
/// (minutes to hours), not for years of operation.
final class InputCapture {
    private let writer: BufferedFileWriter
    private var messages: [UInt8] = []
    private var messageCount: UInt32 = 0

    init(path: String, kernel: ControlKernel) throws {
        writer = try BufferedFileWriter(path: path)
        var header: [UInt8] = Array("ODSOCAP1".utf8)
        header.append(littleEndian: UInt32(kernel.board.resourceCount))
        header.append(littleEndian: UInt32(kernel.board.interfacePointCount))
        header.append(littleEndian: kernel.configuration.periodNanoseconds)
        header.append(kernel.configuration.regulation.strategy == .tracking ? 0 : 1)
        header.withUnsafeBytes { writer.write(bytes: $0) }
    }

    func note(_ entry: ScheduleEntry) {
        messages.append(UInt8(ascii: "S"))
        messages.append(littleEndian: Int32(entry.interfacePoint))
        messages.append(littleEndian: entry.startSeconds.bitPattern)
        messages.append(littleEndian: entry.endSeconds.bitPattern)
        messages.append(littleEndian: entry.netImportKW.bitPattern)
        messageCount += 1
    }

    func note(_ message: RegulationMessage) {
        messages.append(UInt8(ascii: "R"))
        messages.append(message.kind.rawValue)
        messages.append(littleEndian: message.value.bitPattern)
        messages.append(littleEndian: message.sequence)
        messages.append(littleEndian: message.receivedSeconds.bitPattern)
        messageCount += 1
    }

    /// Closes the cycle: writes its messages and the board as the kernel will see it.
    func noteBoard(_ board: TelemetryFrame, cycle: Int64) {
        var bytes: [UInt8] = [UInt8(ascii: "C")]
        bytes.append(littleEndian: cycle)
        bytes.append(littleEndian: messageCount)
        bytes.append(contentsOf: messages)
        bytes.withUnsafeBytes { writer.write(bytes: $0) }
        messages.removeAll(keepingCapacity: true)
        messageCount = 0
        for column in [board.measuredKW, board.availableUpKW, board.availableDownKW, board.soc, board.meterNetImportKW] {
            writer.write(bytes: UnsafeRawBufferPointer(column.buffer))
        }
        for column in [board.timestampNanoseconds, board.meterTimestampNanoseconds] {
            writer.write(bytes: UnsafeRawBufferPointer(column.buffer))
        }
        writer.write(bytes: UnsafeRawBufferPointer(board.faultCode.buffer))
    }

    func finish() throws { try writer.close() }
}

extension Array where Element == UInt8 {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
