/// How a value sits in registers: its type, and for 32-bit values which word comes first.
package enum RegisterType: String, Equatable {
    case int16, uint16, int32, uint32, float32, int64, uint64, float64

    package var registerCount: Int {
        switch self {
        case .int16, .uint16: 1
        case .int32, .uint32, .float32: 2
        case .int64, .uint64, .float64: 4
        }
    }
}

/// Word order of multi-register values: `highFirst` is Modbus's and SunSpec's; many meters send `lowFirst`.
package enum WordOrder: String, Equatable {
    case highFirst = "big"
    case lowFirst = "little"
}

/// A value's encoding in registers, with SunSpec's "not implemented" sentinels when `sunSpecSentinels` is set.
package struct RegisterEncoding: Equatable {
    package let type: RegisterType
    package var wordOrder: WordOrder = .highFirst
    /// SunSpec: 0x8000, 0xFFFF, 0x80000000, 0xFFFFFFFF and their 64-bit forms mean "not implemented" (NaN).
    package var sunSpecSentinels = false
    /// SunSpec acc32/acc64: the all-ones value is a count like any other (accumulators wrap). The standard's
    /// "not implemented" 0 reads as 0: a meter that has never exported cannot be told from one without the counter.
    package var isAccumulator = false

    package init(type: RegisterType, wordOrder: WordOrder = .highFirst, sunSpecSentinels: Bool = false, isAccumulator: Bool = false) {
        self.type = type
        self.wordOrder = wordOrder
        self.sunSpecSentinels = sunSpecSentinels
        self.isAccumulator = isAccumulator
    }

    /// The raw value of the registers at `registers[0..<type.registerCount]`, NaN when not implemented.
    package func decode(_ registers: UnsafePointer<UInt16>) -> Double {
        let wide = combined(registers)
        switch type {
        case .int16:
            let raw = Int16(bitPattern: registers[0])
            if sunSpecSentinels, raw == Int16.min { return .nan }
            return Double(raw)
        case .uint16:
            if sunSpecSentinels, registers[0] == 0xFFFF, !isAccumulator { return .nan }
            return Double(registers[0])
        case .int32:
            let raw = Int32(bitPattern: UInt32(truncatingIfNeeded: wide))
            if sunSpecSentinels, raw == Int32.min { return .nan }
            return Double(raw)
        case .uint32:
            let raw = UInt32(truncatingIfNeeded: wide)
            if sunSpecSentinels, raw == UInt32.max, !isAccumulator { return .nan }
            return Double(raw)
        case .float32:
            return Double(Float(bitPattern: UInt32(truncatingIfNeeded: wide)))
        case .int64:
            let raw = Int64(bitPattern: wide)
            if sunSpecSentinels, raw == Int64.min { return .nan }
            return Double(raw)
        case .uint64:
            if sunSpecSentinels, wide == UInt64.max, !isAccumulator { return .nan }
            return Double(wide)
        case .float64:
            return Double(bitPattern: wide)
        }
    }

    /// The registers for `value` (already divided by the scale), rounded; nil when it does not fit the type.
    package func encode(_ value: Double) -> [UInt16]? {
        guard value.isFinite else { return nil }
        let wide: UInt64
        switch type {
        case .int16:
            guard let raw = Int16(exactly: value.rounded()) else { return nil }
            return [UInt16(bitPattern: raw)]
        case .uint16:
            guard let raw = UInt16(exactly: value.rounded()) else { return nil }
            return [raw]
        case .int32:
            guard let raw = Int32(exactly: value.rounded()) else { return nil }
            wide = UInt64(UInt32(bitPattern: raw))
        case .uint32:
            guard let raw = UInt32(exactly: value.rounded()) else { return nil }
            wide = UInt64(raw)
        case .float32:
            // Beyond float32's range the conversion gives infinity, which is no value to write.
            guard Float(value).isFinite else { return nil }
            wide = UInt64(Float(value).bitPattern)
        case .int64:
            guard let raw = Int64(exactly: value.rounded()) else { return nil }
            wide = UInt64(bitPattern: raw)
        case .uint64:
            guard let raw = UInt64(exactly: value.rounded()) else { return nil }
            wide = raw
        case .float64:
            wide = value.bitPattern
        }
        let count = type.registerCount
        var words = (0..<count).map { UInt16(truncatingIfNeeded: wide >> (16 * UInt64(count - 1 - $0))) }
        if wordOrder == .lowFirst { words.reverse() }
        return words
    }

    private func combined(_ registers: UnsafePointer<UInt16>) -> UInt64 {
        let count = type.registerCount
        var wide: UInt64 = 0
        for index in 0..<count {
            let word = wordOrder == .highFirst ? registers[index] : registers[count - 1 - index]
            wide = (wide << 16) | UInt64(word)
        }
        return wide
    }
}
