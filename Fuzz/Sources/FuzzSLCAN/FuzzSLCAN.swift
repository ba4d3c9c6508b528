import DSOCANBMS
import LibFuzzerDriver

/// What a serial CAN adapter sends, through `SLCANCodec` into `BMSDecoder` for every protocol. The first byte
/// cuts the stream into reads of 1…256 bytes (a tty hands lines over in pieces). Every frame decoded is encoded
/// again and must decode to itself; every decoded value must be a number or NaN ("not received").
func fuzzSLCAN(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first else { return }
    let chunk = Int(first) + 1
    var codec = SLCANCodec()
    var decoders = BMSProtocol.all.map(BMSDecoder.init)
    var frames: [CANFrame] = []
    let stream = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[1...]))
    var start = 0
    while start < stream.count {
        let end = min(start + chunk, stream.count)
        codec.feed(UnsafeRawBufferPointer(rebasing: stream[start..<end])) { frames.append($0) }
        start = end
    }
    for (index, frame) in frames.enumerated() {
        precondition(frame.length <= 8 && frame.id <= (frame.isExtended ? 0x1FFF_FFFF : 0x7FF), "frame \(frame)")
        for decoder in decoders.indices { decoders[decoder].consume(frame, atNanoseconds: Int64(index + 1)) }
        var line: [UInt8] = []
        SLCANCodec.encode(frame, into: &line)
        var again: [CANFrame] = []
        var echo = SLCANCodec()
        line.withUnsafeBytes { echo.feed($0) { again.append($0) } }
        var expected = frame
        if frame.isRemote { expected.payload = 0 }
        precondition(again == [expected], "\(frame) encoded as \(line) decoded as \(again)")
    }
    for decoder in decoders {
        for value in decoder.values { precondition(!value.isInfinite, "decoded \(value)") }
        _ = decoder.missingFrame(atNanoseconds: Int64(frames.count + 1), timeoutNanoseconds: 1)
    }
}

@main
enum FuzzSLCAN {
    static func main() { LibFuzzer.run { data, size in fuzzSLCAN(LibFuzzer.bytes(data, size)); return 0 } }
}
