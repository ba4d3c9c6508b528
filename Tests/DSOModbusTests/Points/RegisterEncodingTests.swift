import DSOModbus
import OpenDSOTestSupport
import Testing

/// Register encodings against words derived by hand (IEEE 754 and two's complement), SunSpec's "not implemented"
/// values, and rounding and range on encode.
struct RegisterEncodingTests {
    static func decode(_ words: [UInt16], _ encoding: RegisterEncoding) -> Double {
        words.withUnsafeBufferPointer { encoding.decode($0.baseAddress!) }
    }

    @Test func typesAndWordOrdersAreNamedAsInTheMapFiles() {
        let counts: [String: Int] = ["int16": 1, "uint16": 1, "int32": 2, "uint32": 2, "float32": 2, "int64": 4, "uint64": 4, "float64": 4]
        for (name, count) in counts {
            #expect(RegisterType(rawValue: name)?.registerCount == count, "\(name)")
        }
        #expect(RegisterType(rawValue: "int24") == nil)
        #expect(WordOrder(rawValue: "big") == .highFirst && WordOrder(rawValue: "little") == .lowFirst)
    }

    /// (type, value, words high word first), each derived by hand.
    static let documented: [(RegisterType, Double, [UInt16])] = [
        (.int16, -2, [0xFFFE]),
        (.int16, -32768, [0x8000]),
        (.uint16, 65535, [0xFFFF]),
        (.int32, -2, [0xFFFF, 0xFFFE]),
        (.int32, 305_419_896, [0x1234, 0x5678]),
        (.uint32, 4_294_967_295, [0xFFFF, 0xFFFF]),
        (.float32, 231.5, [0x4367, 0x8000]),  // docs/modbus.md: the SDM630's voltage
        (.float32, 1, [0x3F80, 0x0000]),
        (.float32, -0.15625, [0xBE20, 0x0000]),
        (.int64, -1, [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF]),
        (.int64, 4_294_967_296, [0x0000, 0x0001, 0x0000, 0x0000]),
        (.uint64, 72_623_859_790_381_056, [0x0102, 0x0304, 0x0506, 0x0000]),
        (.float64, 1, [0x3FF0, 0x0000, 0x0000, 0x0000]),
        (.float64, -2.5, [0xC004, 0x0000, 0x0000, 0x0000]),
    ]

    @Test func documentedValuesDecodeAndEncodeInBothWordOrders() {
        for (type, value, words) in Self.documented {
            let high = RegisterEncoding(type: type, wordOrder: .highFirst)
            let low = RegisterEncoding(type: type, wordOrder: .lowFirst)
            #expect(Self.decode(words, high) == value, "\(type) \(words)")
            #expect(Self.decode(words.reversed(), low) == value, "\(type) low word first")
            #expect(high.encode(value) == words, "\(type) \(value)")
            #expect(low.encode(value) == Array(words.reversed()), "\(type) \(value) low word first")
        }
        // The same registers read in the other word order mean another value (docs: 231.5 read low word first).
        #expect(Self.decode([0x4367, 0x8000], RegisterEncoding(type: .float32, wordOrder: .lowFirst)) == Double(Float(bitPattern: 0x8000_4367)))
    }

    @Test func sunSpecNotImplementedValuesReadAsNaN() {
        let sentinels: [(RegisterType, [UInt16], Double)] = [
            (.int16, [0x8000], -32768),
            (.uint16, [0xFFFF], 65535),
            (.int32, [0x8000, 0x0000], -2_147_483_648),
            (.uint32, [0xFFFF, 0xFFFF], 4_294_967_295),
            (.int64, [0x8000, 0, 0, 0], -9_223_372_036_854_775_808),
            (.uint64, [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF], Double(UInt64.max)),
        ]
        for (type, words, plain) in sentinels {
            #expect(Self.decode(words, RegisterEncoding(type: type, sunSpecSentinels: true)).isNaN, "\(type) \(words)")
            #expect(Self.decode(words, RegisterEncoding(type: type)) == plain, "\(type) \(words) without SunSpec")
        }
        // float32's not-implemented value is the quiet NaN 0x7FC00000.
        #expect(Self.decode([0x7FC0, 0x0000], RegisterEncoding(type: .float32, sunSpecSentinels: true)).isNaN)
        // One step from a sentinel is an ordinary value.
        #expect(Self.decode([0x8001], RegisterEncoding(type: .int16, sunSpecSentinels: true)) == -32767)
        #expect(Self.decode([0xFFFE], RegisterEncoding(type: .uint16, sunSpecSentinels: true)) == 65534)
        #expect(Self.decode([0x8000, 0x0001], RegisterEncoding(type: .int32, sunSpecSentinels: true)) == -2_147_483_647)
        #expect(Self.decode([0xFFFF, 0xFFFE], RegisterEncoding(type: .uint32, sunSpecSentinels: true)) == 4_294_967_294)
        #expect(Self.decode([0x0000], RegisterEncoding(type: .uint16, sunSpecSentinels: true)) == 0)
    }

    @Test func accumulatorsCountThroughTheirAllOnesValue() {
        // SunSpec acc32/acc64 wrap: all ones is a count, not "not implemented". (The standard's "not implemented" for
        // an accumulator is 0; the driver reads it as 0, see RegisterEncoding.isAccumulator.)
        let acc32 = RegisterEncoding(type: .uint32, sunSpecSentinels: true, isAccumulator: true)
        let acc64 = RegisterEncoding(type: .uint64, sunSpecSentinels: true, isAccumulator: true)
        #expect(Self.decode([0xFFFF, 0xFFFF], acc32) == 4_294_967_295)
        #expect(Self.decode([0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF], acc64) == Double(UInt64.max))
        #expect(Self.decode([0x0012, 0xD687], acc32) == 1_234_567)
        #expect(Self.decode([0, 0], acc32) == 0 && Self.decode([0, 0, 0, 0], acc64) == 0)
        // The tables mark SunSpec's accumulators so.
        #expect(SunSpecModelDefinition.PointType.acc32.encoding == acc32)
        #expect(SunSpecModelDefinition.PointType.acc64.encoding == acc64)
        #expect(SunSpecModelDefinition.PointType.uint32.encoding == RegisterEncoding(type: .uint32, sunSpecSentinels: true))
    }

    @Test func encodeRoundsHalfAwayFromZero() {
        let int16 = RegisterEncoding(type: .int16)
        #expect(int16.encode(2.5) == [3])
        #expect(int16.encode(-2.5) == [0xFFFD])
        #expect(int16.encode(2.4999) == [2])
        #expect(int16.encode(-0.4) == [0])
        #expect(RegisterEncoding(type: .uint16).encode(-0.4) == [0])
        #expect(RegisterEncoding(type: .int32).encode(-1.5) == [0xFFFF, 0xFFFE])
        #expect(RegisterEncoding(type: .uint32, wordOrder: .lowFirst).encode(65535.5) == [0x0000, 0x0001])
    }

    @Test func encodeRefusesWhatTheTypeCannotHold() {
        let refused: [(RegisterType, Double)] = [
            (.int16, 32767.5), (.int16, -32768.5), (.uint16, -0.5), (.uint16, 65535.5),
            (.int32, 2_147_483_647.5), (.int32, -2_147_483_648.5), (.uint32, -1), (.uint32, 4_294_967_295.5),
            (.int64, 9_223_372_036_854_775_808), (.uint64, -1), (.uint64, 18_446_744_073_709_551_616),
            // Beyond float32's largest finite value (3.4028235e38): it would become infinity on the device.
            (.float32, 1e39), (.float32, -3.5e38),
        ]
        for (type, value) in refused {
            #expect(RegisterEncoding(type: type).encode(value) == nil, "\(type) accepted \(value)")
        }
        for type in [RegisterType.int16, .uint16, .int32, .uint32, .float32, .int64, .uint64, .float64] {
            for value in [Double.nan, .infinity, -.infinity] {
                #expect(RegisterEncoding(type: type).encode(value) == nil, "\(type) accepted \(value)")
            }
        }
        // The edges themselves are accepted.
        #expect(RegisterEncoding(type: .int16).encode(32767.49) == [0x7FFF])
        #expect(RegisterEncoding(type: .int16).encode(-32768.49) == [0x8000])
        #expect(RegisterEncoding(type: .uint32).encode(4_294_967_295.4) == [0xFFFF, 0xFFFF])
        #expect(RegisterEncoding(type: .float32).encode(3.4028234663852886e38) == [0x7F7F, 0xFFFF])
    }

    @Test func integersRoundTripThroughTheirRegisters() {
        var random = SeededGenerator(seed: 16)
        let ranges: [(RegisterType, ClosedRange<Double>)] = [
            (.int16, -32768...32767), (.uint16, 0...65535), (.int32, -2_147_483_648...2_147_483_647), (.uint32, 0...4_294_967_295),
            (.int64, -9.2e18...9.2e18), (.uint64, 0...1.8e19),
        ]
        for (type, range) in ranges {
            for order in [WordOrder.highFirst, .lowFirst] {
                let encoding = RegisterEncoding(type: type, wordOrder: order)
                for _ in 0..<200 {
                    let value = Double.random(in: range, using: &random)
                    guard let words = encoding.encode(value) else {
                        Issue.record("\(type) refused \(value)")
                        continue
                    }
                    #expect(words.count == type.registerCount)
                    #expect(Self.decode(words, encoding) == value.rounded(), "\(type) \(order) \(value)")
                }
            }
        }
    }
}
