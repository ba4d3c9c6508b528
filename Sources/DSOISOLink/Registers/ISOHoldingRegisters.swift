/// The registers the ISO writes, and the rules a write must pass before anything reaches the kernel.
///
/// A write is checked as a whole against a staged copy: it must stay inside the writable blocks, never
/// cover only half of a 32-bit value, and leave only valid values behind. Then it commits: writing the
/// sequence counter commits the set point, writing an award or a dispatch target's float commits it.
/// A refused write changes nothing. Pure value type: the server and the tests drive it the same way.
public struct ISOHoldingRegisters: Sendable {
    public let limits: ISOWriteLimits
    /// The register image, as the ISO reads it back.
    public private(set) var registers: [UInt16]
    /// The award in effect, MW (the initial award until the ISO writes one).
    public private(set) var awardMW: Double
    /// The last accepted counter and the normalised value it carried.
    public private(set) var lastCounter: UInt32?
    public private(set) var lastSignal: Double = 0
    /// Monotonic: the kernel sees counters as one never-decreasing sequence across wrap-arounds and restarts.
    public private(set) var extendedSequence: UInt64 = 0
    /// When the last set point was accepted (the caller's monotonic clock, seconds).
    public private(set) var lastAcceptedSeconds: Double?

    public init(limits: ISOWriteLimits, initialAwardMW: Double) {
        self.limits = limits
        registers = Array(repeating: 0, count: ISORegisterMap.holdingCount)
        awardMW = initialAwardMW
        let award = RegisterWords.words(Float(initialAwardMW))
        registers[ISORegisterMap.awardMW] = award.high
        registers[ISORegisterMap.awardMW + 1] = award.low
    }

    /// Whether the link counts as lost at `nowSeconds`: no set point accepted within the signal TTL.
    public func linkLost(atSeconds nowSeconds: Double) -> Bool {
        guard let lastAcceptedSeconds else { return false }
        return nowSeconds - lastAcceptedSeconds > limits.signalTTLSeconds
    }

    /// Checks and applies a write of `values` starting at `address`; returns what to send the kernel.
    public mutating func write(address: Int, values: [UInt16], atSeconds nowSeconds: Double)
        -> Result<[ISOCommand], ISOWriteRefusal> {
        let end = address + values.count
        guard !values.isEmpty, address >= 0, end <= ISORegisterMap.holdingCount else {
            return .failure(ISOWriteRefusal(
                exceptionCode: ISOWriteRefusal.illegalDataAddress,
                reason: "registers \(address)…\(end - 1) are outside the holding map 0…\(ISORegisterMap.holdingCount - 1)"))
        }
        let written = address..<end
        for register in written where !Self.isWritable(register, pointCount: limits.interfacePointCount) {
            return .failure(ISOWriteRefusal(
                exceptionCode: ISOWriteRefusal.illegalDataAddress,
                reason: "register \(register) is not writable (see docs/iso-link.md)"))
        }
        for first in float32Fields() where written.contains(first) != written.contains(first + 1) {
            return .failure(ISOWriteRefusal(
                exceptionCode: ISOWriteRefusal.illegalDataAddress,
                reason: "write covers only half of the 32-bit value at registers \(first)…\(first + 1); write both in one request"))
        }
        var staged = registers
        staged.replaceSubrange(written, with: values)
        var commands: [ISOCommand] = []
        var award = awardMW

        if written.contains(ISORegisterMap.awardMW) {
            let value = Double(float(staged, ISORegisterMap.awardMW))
            guard value.isFinite, value >= 0, value <= limits.maximumAwardMW else {
                return refuse("award \(value) MW (registers 6–7) is outside 0…\(limits.maximumAwardMW) MW")
            }
            award = value
            commands.append(.award(kw: value * 1000))
        }
        var signal: (normalized: Double, counter: UInt32)?
        let setpointRegisters = ISORegisterMap.setpoint...ISORegisterMap.setpointUnit
        if written.overlaps(setpointRegisters) {
            // A new award alone does not re-check an old MW set point: the next set point is checked against it.
            switch normalizedSetpoint(staged, awardMW: award) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let normalized):
                if written.contains(ISORegisterMap.setpointSequence) {
                    signal = (normalized, uint32(staged, ISORegisterMap.setpointSequence))
                }
            }
        }
        var sequence = extendedSequence
        if let signal {
            switch advance(counter: signal.counter, normalized: signal.normalized, atSeconds: nowSeconds) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let next): sequence = next
            }
            commands.append(.signal(normalized: signal.normalized, sequence: sequence))
        }
        for point in 0..<limits.interfacePointCount {
            let first = ISORegisterMap.dispatchTarget(point)
            let durationRegister = first + ISORegisterMap.dispatchTargetDurationOffset
            guard written.contains(first) || written.contains(durationRegister) else { continue }
            let targetMW = Double(float(staged, first))
            let lower = -limits.exportLimitsKW[point] / 1000, upper = limits.importLimitsKW[point] / 1000
            guard targetMW.isFinite, targetMW >= lower, targetMW <= upper else {
                return refuse("dispatch target \(targetMW) MW of interface point \(point) (registers \(first)–\(first + 1)) is outside its limits \(lower)…\(upper) MW")
            }
            guard written.contains(first) else { continue }
            let raw = Double(staged[durationRegister])
            let duration = raw == 0 ? limits.defaultTargetDurationSeconds : raw
            commands.append(.dispatchTarget(interfacePoint: point, netImportKW: targetMW * 1000, durationSeconds: duration))
        }

        registers = staged
        awardMW = award
        if let signal {
            lastCounter = signal.counter
            lastSignal = signal.normalized
            extendedSequence = sequence
            lastAcceptedSeconds = nowSeconds
        }
        return .success(commands)
    }

    /// The set point in the staged image as a normalised value, or why it is not acceptable.
    private func normalizedSetpoint(_ staged: [UInt16], awardMW: Double) -> Result<Double, ISOWriteRefusal> {
        let raw = Double(float(staged, ISORegisterMap.setpoint))
        let unit = staged[ISORegisterMap.setpointUnit]
        guard raw.isFinite else { return refuse("set point \(raw) (registers 0–1) is not a finite number") }
        switch unit {
        case 0:
            guard abs(raw) <= 1 + 1e-6 else { return refuse("set point \(raw) (registers 0–1) is outside −1…1 (normalised)") }
            return .success(min(1, max(-1, raw)))
        case 1:
            guard awardMW > 0 else { return refuse("set point \(raw) MW needs an award above 0 MW (registers 6–7)") }
            guard abs(raw) <= awardMW * (1 + 1e-6) else {
                return refuse("set point \(raw) MW (registers 0–1) exceeds the award ±\(awardMW) MW")
            }
            return .success(min(1, max(-1, raw / awardMW)))
        default:
            return refuse("set-point unit \(unit) (register 4) must be 0 (normalised) or 1 (MW)")
        }
    }

    /// The extended sequence for `counter`, or a refusal when the counter goes backwards.
    ///
    /// Counters are uint32 and wrap. A counter ahead by less than half the range moves forward; behind
    /// by less than half the range is "backwards" and refused. The same counter again is a keep-alive if
    /// it carries the same value. After a lost link (no set point within the TTL) any counter starts afresh.
    private func advance(counter: UInt32, normalized: Double, atSeconds nowSeconds: Double)
        -> Result<UInt64, ISOWriteRefusal> {
        guard let lastCounter, !linkLost(atSeconds: nowSeconds) else { return .success(extendedSequence + 1) }
        let ahead = counter &- lastCounter
        if ahead == 0 {
            guard normalized == lastSignal else {
                return refuse("set point changed to \(normalized) without a new sequence counter (still \(counter))")
            }
            return .success(extendedSequence)
        }
        guard ahead < 1 << 31 else {
            return refuse("sequence counter \(counter) goes backwards from \(lastCounter)")
        }
        return .success(extendedSequence + UInt64(ahead))
    }

    private func refuse<T>(_ reason: String) -> Result<T, ISOWriteRefusal> {
        .failure(ISOWriteRefusal(exceptionCode: ISOWriteRefusal.illegalDataValue, reason: reason))
    }

    /// First registers of every 32-bit field in the writable map.
    private func float32Fields() -> [Int] {
        [ISORegisterMap.setpoint, ISORegisterMap.setpointSequence, ISORegisterMap.awardMW]
            + (0..<limits.interfacePointCount).map(ISORegisterMap.dispatchTarget)
    }

    static func isWritable(_ register: Int, pointCount: Int) -> Bool {
        switch register {
        case ISORegisterMap.setpoint...ISORegisterMap.setpointUnit: return true
        case ISORegisterMap.awardMW...(ISORegisterMap.awardMW + 1): return true
        case ISORegisterMap.dispatchTargetBase..<ISORegisterMap.dispatchTarget(pointCount): return true
        default: return false
        }
    }

    private func float(_ staged: [UInt16], _ first: Int) -> Float {
        RegisterWords.float(high: staged[first], low: staged[first + 1])
    }

    private func uint32(_ staged: [UInt16], _ first: Int) -> UInt32 {
        RegisterWords.uint32(high: staged[first], low: staged[first + 1])
    }
}
