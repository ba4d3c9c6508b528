import DSOScenario
import DSOKernel
import DSOModel
import Foundation

/// Feeds a capture written by `InputCapture` into a fresh kernel, cycle by cycle, and reports the
/// set-point digest it ends with: equal digests mean bit-identical outputs.
public enum InputReplay {
    /// Result of a replay: how many cycles ran and the final set-point digest.
    public struct Outcome: Sendable, Hashable {
        public var cycles: Int64
        public var setpointDigest: UInt64
    }

    /// Replays the capture at `path` into a fresh kernel of `simulation`'s scenario.
    public static func replay(capturePath path: String, scenario simulation: SubstationSimulation) throws -> Outcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SimulationError.cannotRead(path: path, reason: "cannot read the capture file")
        }
        var reader = ByteReader(bytes: [UInt8](data), path: path)
        guard try reader.bytes(8) == Array("ODSOCAP1".utf8) else {
            throw SimulationError.cannotRead(path: path, reason: "not an OpenDSO input capture (magic 'ODSOCAP1' missing)")
        }
        let resources = Int(try reader.integer(UInt32.self))
        let points = Int(try reader.integer(UInt32.self))
        let period = try reader.integer(Int64.self)
        let strategy: RegulationTuning.Strategy
        switch try reader.integer(UInt8.self) {
        case 0: strategy = .tracking
        case 1: strategy = .naiveProportional
        case let other:
            throw SimulationError.cannotRead(path: path, reason: "unknown regulation strategy code \(other) in the header")
        }
        var tuning = simulation.kernel.configuration.regulation
        tuning.strategy = strategy
        let kernel = try simulation.freshKernel(regulationTuning: tuning)
        guard resources == kernel.board.resourceCount, points == kernel.board.interfacePointCount,
              period == kernel.configuration.periodNanoseconds else {
            throw SimulationError.cannotRead(path: path, reason: "capture has \(resources) resources, \(points) interface points, period \(period) ns; the scenario has \(kernel.board.resourceCount), \(kernel.board.interfacePointCount), \(kernel.configuration.periodNanoseconds) ns")
        }
        var cycles: Int64 = 0
        let board = kernel.board
        while !reader.isAtEnd {
            guard try reader.integer(UInt8.self) == UInt8(ascii: "C") else {
                throw SimulationError.cannotRead(path: path, reason: "corrupt capture at byte \(reader.offset - 1): cycle tag expected")
            }
            let cycle = try reader.integer(Int64.self)
            let count = try reader.integer(UInt32.self)
            for _ in 0..<count {
                switch try reader.integer(UInt8.self) {
                case UInt8(ascii: "S"):
                    let entry = ScheduleEntry(
                        interfacePoint: Int(try reader.integer(Int32.self)), startSeconds: try reader.double(),
                        endSeconds: try reader.double(), netImportKW: try reader.double())
                    _ = kernel.inbound.schedules.push(entry)
                case UInt8(ascii: "R"):
                    guard let kind = RegulationMessage.Kind(rawValue: try reader.integer(UInt8.self)) else {
                        throw SimulationError.cannotRead(path: path, reason: "unknown regulation message kind at byte \(reader.offset - 1)")
                    }
                    let message = RegulationMessage(kind: kind, value: try reader.double(),
                                                    sequence: try reader.integer(UInt64.self), receivedSeconds: try reader.double())
                    _ = kernel.inbound.regulation.push(message)
                default:
                    throw SimulationError.cannotRead(path: path, reason: "unknown message tag at byte \(reader.offset - 1)")
                }
            }
            for column in [board.measuredKW, board.availableUpKW, board.availableDownKW, board.soc, board.meterNetImportKW] {
                for index in 0..<column.count { column[index] = try reader.double() }
            }
            for column in [board.timestampNanoseconds, board.meterTimestampNanoseconds] {
                for index in 0..<column.count { column[index] = try reader.integer(Int64.self) }
            }
            for index in 0..<board.faultCode.count { board.faultCode[index] = try reader.integer(UInt16.self) }
            kernel.step(atNanoseconds: cycle &* period)
            kernel.records.consume { _ in }
            _ = kernel.records.events.drain { _ in }
            cycles += 1
        }
        return Outcome(cycles: cycles, setpointDigest: kernel.setpointDigest)
    }
}

/// Sequential little-endian reads with errors that say where the file ends too early.
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard offset + count <= bytes.count else {
            throw SimulationError.cannotRead(path: path, reason: "capture ends early at byte \(offset)")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else {
            throw SimulationError.cannotRead(path: path, reason: "capture ends early at byte \(offset)")
        }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func double() throws -> Double { Double(bitPattern: try integer(UInt64.self)) }
}
