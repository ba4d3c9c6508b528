import DSOModbus
import Foundation
import OpenDSOTestSupport
import Testing

/// Register encodings against Python's `struct` (big-endian packing, split into 16-bit words): random values and
/// edges of every type, so the expected words come from an independent implementation.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Repository.python), "no \(Repository.python): run scripts/setup-peers.sh"))
struct RegisterEncodingPythonTests {
    /// Prints `type value word…` lines, words high word first; float32 values as the double they are exactly.
    static let script = """
    import random, struct
    random.seed(20260611)
    formats = {"int16": "h", "uint16": "H", "int32": "i", "uint32": "I", "float32": "f", "int64": "q", "uint64": "Q", "float64": "d"}
    def words(fmt, value):
        packed = struct.pack(">" + fmt, value)
        return [int.from_bytes(packed[i:i + 2], "big") for i in range(0, len(packed), 2)]
    for name, fmt in formats.items():
        size = struct.calcsize(fmt)
        values = []
        if fmt in "fd":
            values += [0.0, -0.0, 1.0, -1.5, float("inf"), float("-inf"), 5e-324 if fmt == "d" else 1.401298464324817e-45]
            for _ in range(150):
                value = struct.unpack(">" + fmt, random.getrandbits(8 * size).to_bytes(size, "big"))[0]
                if value == value:
                    values.append(value)
            values += [random.uniform(-1e6, 1e6) for _ in range(50)]
        else:
            bits = 8 * size
            low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if fmt.islower() else (0, (1 << bits) - 1)
            values += [low, high, 0, 1, low + 1, high - 1] + [random.randint(low, high) for _ in range(200)]
        for value in values:
            packed = words(fmt, value)
            if fmt == "f":
                value = struct.unpack(">f", struct.pack(">f", value))[0]
            print(name, repr(value) if fmt in "fd" else value, *packed)
    """

    /// One line of the script: the type, the value as text, the words high word first.
    struct Case {
        let type: RegisterType
        let text: String
        let words: [UInt16]

        /// The value as a Double, and whether it is exactly that Double (false for large 64-bit integers).
        var value: (Double, exact: Bool) {
            if let signed = Int64(text) { return (Double(signed), Int64(exactly: Double(signed)) == signed) }
            if let unsigned = UInt64(text) { return (Double(unsigned), UInt64(exactly: Double(unsigned)) == unsigned) }
            return (Double(text) ?? .nan, true)
        }
    }

    static func cases() async throws -> [Case] {
        let result = try await TemporaryFolder.with { folder in
            try await ProductRun.run(URL(fileURLWithPath: Repository.python), ["-c", script], in: folder, timeoutSeconds: 60)
        }
        try #require(result.exited && result.status == 0, "\(result)")
        return try result.stdout.split(separator: "\n").map { line in
            let fields = line.split(separator: " ").map(String.init)
            let type = try #require(RegisterType(rawValue: fields[0]), "\(line)")
            let words = try fields.dropFirst(2).map { try #require(UInt16($0), "\(line)") }
            return Case(type: type, text: fields[1], words: words)
        }
    }

    @Test func decodeAndEncodeAgreeWithPythonStructInBothWordOrders() async throws {
        let cases = try await Self.cases()
        for type in [RegisterType.int16, .uint16, .int32, .uint32, .float32, .int64, .uint64, .float64] {
            #expect(cases.filter { $0.type == type }.count >= 200, "too few \(type) cases from the script")
        }
        for sample in cases {
            let (value, exact) = sample.value
            #expect(sample.words.count == sample.type.registerCount, "\(sample.type) \(sample.text)")
            for order in [WordOrder.highFirst, .lowFirst] {
                let encoding = RegisterEncoding(type: sample.type, wordOrder: order)
                let words = order == .highFirst ? sample.words : sample.words.reversed()
                let decoded = words.withUnsafeBufferPointer { encoding.decode($0.baseAddress!) }
                #expect(decoded == value, "\(sample.type) \(order) \(words) decoded \(decoded), Python packed \(sample.text)")
                if !value.isFinite {
                    #expect(encoding.encode(value) == nil, "\(sample.type) encoded \(sample.text)")
                } else if exact {
                    #expect(encoding.encode(value) == words, "\(sample.type) \(order) \(sample.text)")
                }
            }
        }
    }
}
