import Testing

/// The SunSpec model chain as the peer holds it, walked from its registers by the test itself (not by the driver),
/// so expected values come from what the server serves.
public struct PeerSunSpecChain {
    /// Model id → (address of its ID register, L), first model of each id.
    public private(set) var models: [Int: (address: Int, length: Int)] = [:]
    public private(set) var ids: [Int] = []

    public init(_ peer: ModbusPeer, base: Int) throws {
        var address = base + 2
        while true {
            let header = try peer.registers(address, 2)
            guard header.count == 2, header[0] != 0xFFFF else { break }
            let id = Int(header[0])
            ids.append(id)
            if models[id] == nil { models[id] = (address, Int(header[1])) }
            address += 2 + Int(header[1])
        }
    }

    /// The model's registers from its ID register through its last (ID, L and the L registers after them).
    public func registers(of id: Int, in peer: ModbusPeer) throws -> (address: Int, words: [UInt16]) {
        let model = try #require(models[id], "model \(id) not in the peer's chain \(ids)")
        return (model.address, try peer.registers(model.address, model.length + 2))
    }
}

/// SunSpec decoding done independently of the driver: raw × 10^SF, NaN for "not implemented".
public enum SunSpecValue {
    public static func uint16(_ raw: UInt16, _ factor: UInt16? = nil) -> Double {
        raw == 0xFFFF ? .nan : scaled(Double(raw), factor)
    }

    public static func int16(_ raw: UInt16, _ factor: UInt16? = nil) -> Double {
        raw == 0x8000 ? .nan : scaled(Double(Int16(bitPattern: raw)), factor)
    }

    public static func uint32(_ high: UInt16, _ low: UInt16, _ factor: UInt16? = nil) -> Double {
        let raw = UInt32(high) << 16 | UInt32(low)
        return raw == .max ? .nan : scaled(Double(raw), factor)
    }

    private static func scaled(_ value: Double, _ factor: UInt16?) -> Double {
        guard let factor else { return value }
        guard factor != 0x8000 else { return .nan }
        var result = value
        let exponent = Int(Int16(bitPattern: factor))
        for _ in 0..<abs(exponent) { result = exponent < 0 ? result / 10 : result * 10 }
        return result
    }

    /// Equal, or both NaN, within rounding of the scale factor.
    public static func same(_ actual: Double, _ expected: Double) -> Bool {
        if expected.isNaN { return actual.isNaN }
        return abs(actual - expected) <= 1e-9 * max(1, abs(expected))
    }
}
