public import DSOKernel
import DSOModel
import DSORuntime
import Foundation

/// Feeds a capture written by `InputCapture` into a fresh kernel through the cycle loop, cycle by cycle,
/// and reports the set-point digest it ends with: equal digests mean bit-identical outputs.
public enum InputReplay {
    /// Result of a replay: how many cycles ran and the final set-point digest.
    public struct Outcome: Sendable, Hashable {
        public var cycles: Int64
        public var setpointDigest: UInt64
    }

    /// Replays the capture at `path`; `makeKernel` builds a fresh kernel for the captured regulation strategy
    /// (with the capture's model and period, which are checked against the header).
    public static func replay(capturePath path: String,
                              makeKernel: (RegulationTuning.Strategy) throws -> ControlKernel) throws -> Outcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CaptureError(path: path, reason: "cannot read the capture file")
        }
        var reader = ByteReader(bytes: [UInt8](data), path: path)
        guard try reader.bytes(8) == Array(InputCapture.magic.utf8) else {
            throw CaptureError(path: path, reason: "not an OpenDSO input capture (magic '\(InputCapture.magic)' missing)")
        }
        let resources = Int(try reader.integer(UInt32.self))
        let points = Int(try reader.integer(UInt32.self))
        let period = try reader.integer(Int64.self)
        let strategy: RegulationTuning.Strategy
        switch try reader.integer(UInt8.self) {
        case 0: strategy = .tracking
        case 1: strategy = .naiveProportional
        case let other: throw CaptureError(path: path, reason: "unknown regulation strategy code \(other) in the header")
        }
        let kernel = try makeKernel(strategy)
        guard resources == kernel.board.resourceCount, points == kernel.board.interfacePointCount,
              period == kernel.configuration.periodNanoseconds else {
            throw CaptureError(path: path, reason: "capture has \(resources) resources, \(points) interface points, period \(period) ns; the scenario has \(kernel.board.resourceCount), \(kernel.board.interfacePointCount), \(kernel.configuration.periodNanoseconds) ns")
        }
        let inputs = CapturedInputs(resourceCount: resources, interfacePointCount: points)
        let loop = CycleLoop(kernel: kernel, devices: inputs)
        loop.add(inputs)
        var cycles: Int64 = 0
        while !reader.isAtEnd {
            let cycle = try inputs.read(&reader)
            loop.runCycle(CycleTick(cycleIndex: cycle, scheduledNanoseconds: 0, startedNanoseconds: 0, missedTicks: 0))
            kernel.records.consume { _ in }
            _ = kernel.records.events.drain { _ in }
            kernel.scheduleOutcomes.drain { _ in }
            cycles += 1
        }
        return Outcome(cycles: cycles, setpointDigest: kernel.setpointDigest)
    }
}

/// Why a capture could not be replayed, naming the file and the byte.
public struct CaptureError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Sequential little-endian reads with errors that say where the file ends too early.
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard offset + count <= bytes.count else {
            throw CaptureError(path: path, reason: "capture ends early at byte \(offset)")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else {
            throw CaptureError(path: path, reason: "capture ends early at byte \(offset)")
        }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func double() throws -> Double { Double(bitPattern: try integer(UInt64.self)) }
}
