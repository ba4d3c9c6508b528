@testable import DSOModbus
import LibFuzzerDriver

/// The Modbus core's register decoding from what a device answers. The first byte picks the base address
/// SunSpec discovery finds the image at (40000, 0 or 50000); the rest is the register image, big-endian words.
/// Discovery walks the model chain, the known models become points and poll spans, and every point's value is
/// decoded (with its scale factor) from the image; every encoding also decodes and re-encodes the image's words.
func fuzzModbusRegisters(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first else { return }
    let base = SunSpecDiscovery.baseAddresses[Int(first) % SunSpecDiscovery.baseAddresses.count]
    var words = (0..<(input.count - 1) / 2).map { UInt16(input[1 + 2 * $0]) << 8 | UInt16(input[2 + 2 * $0]) }
    decodeEveryEncoding(words)
    let image = RegisterImage(base: base, registers: words)
    guard let found = try? SunSpecDiscovery.discover(on: image) else { return }
    var skipped: [String] = []
    let points = SunSpecPoints.points(for: found.models, skipped: &skipped)
    let spans = SunSpecPoints.spans(for: found.models)
    for span in spans { precondition(span.count >= 0 && span.count <= 65536, "span of \(span.count) registers") }
    // The driver polls what the read plan merges from the spans and the points.
    let plan = ReadPlan(covering: spans + points.map(\.span), maximumGap: 8)
    for read in plan.reads { precondition(read.count >= 1 && read.count <= ModbusLink.maximumReadCount, "read of \(read.count)") }
    words += [0, 0, 0, 0]  // a point at the image's end still has four words to decode from
    for point in points {
        let offset = point.address - base
        guard offset >= 0, offset < words.count - 4 else { continue }
        var value = words.withUnsafeBufferPointer { point.encoding.decode($0.baseAddress! + offset) }
        if let factor = point.scaleFactorAddress, factor - base >= 0, factor - base < words.count,
           let exponent = SunSpecScaleFactor.exponent(register: words[factor - base]) {
            value = SunSpecScaleFactor.scaled(value, exponent: exponent)
        }
        _ = point.encoding.encode(value)
    }
}

/// Decodes the first words as every type and word order and, for a finite value, encodes it back.
private func decodeEveryEncoding(_ words: [UInt16]) {
    guard words.count >= 4 else { return }
    for type in [RegisterType.int16, .uint16, .int32, .uint32, .float32, .int64, .uint64, .float64] {
        for order in [WordOrder.highFirst, .lowFirst] {
            for sentinels in [false, true] {
                let encoding = RegisterEncoding(type: type, wordOrder: order, sunSpecSentinels: sentinels)
                let value = words.withUnsafeBufferPointer { encoding.decode($0.baseAddress!) }
                guard value.isFinite, let encoded = encoding.encode(value) else { continue }
                precondition(encoded.count == type.registerCount, "\(type) encoded to \(encoded.count) registers")
                let again = encoded.withUnsafeBufferPointer { encoding.decode($0.baseAddress!) }
                precondition(again == value || type == .int64 || type == .uint64, "\(type) \(order): \(value) came back as \(again)")
            }
        }
    }
}

@main
enum FuzzModbusRegisters {
    static func main() { LibFuzzer.run { data, size in fuzzModbusRegisters(LibFuzzer.bytes(data, size)); return 0 } }
}
