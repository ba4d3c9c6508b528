import DSOCANBMS
import Testing

@Suite struct SLCANCodecTests {
    static func decode(_ text: String) -> (frames: [CANFrame], codec: SLCANCodec) {
        var codec = SLCANCodec()
        var frames: [CANFrame] = []
        Array(text.utf8).withUnsafeBytes { codec.feed($0) { frames.append($0) } }
        return (frames, codec)
    }

    @Test func captureLinesAsPythonCanWritesThemDecode() {
        // What python-can's slcan interface wrote for the capture (seen on the pty), plus its open commands.
        let (frames, codec) = Self.decode("C\rS6\rO\rt35181402C012C012C201\rt355458005E00\rt35C2C000\r")
        #expect(frames == [CaptureVectorTests.pylontechV12Capture[0], CaptureVectorTests.pylontechV12Capture[1],
                           CaptureVectorTests.pylontechV12Capture[4]])
        #expect(codec.ignoredLineCount == 3)
        #expect(codec.malformedLineCount == 0)
    }

    @Test func encodesStandardExtendedAndRemoteFrames() {
        var output: [UInt8] = []
        SLCANCodec.encode(CANFrame(id: 0x305, bytes: [0, 0, 0, 0, 0, 0, 0, 0]), into: &output)
        SLCANCodec.encode(CANFrame(id: 0x1ABCDEF0, isExtended: true, bytes: [0xDE, 0xAD]), into: &output)
        SLCANCodec.encode(CANFrame(id: 0x7FF, isRemote: true, length: 3, payload: 0), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "t30580000000000000000\rT1ABCDEF02DEAD\rr7FF3\r")
        let (frames, _) = Self.decode(String(decoding: output, as: UTF8.self))
        #expect(frames.count == 3)
        #expect(frames[1].isExtended && frames[1].id == 0x1ABCDEF0 && frames[1].bytes == [0xDE, 0xAD])
        #expect(frames[2].isRemote && frames[2].length == 3)
    }

    @Test func malformedLinesAreCountedNotDecoded() {
        let (frames, codec) = Self.decode("t35G2C000\rt3519\rt3512C0\rt800\r\u{07}t35C2c000\r")
        #expect(frames == [CANFrame(id: 0x35C, bytes: [0xC0, 0x00])])  // lower-case hex accepted
        #expect(codec.malformedLineCount == 4)
        #expect(codec.errorReplyCount == 1)
    }

    @Test func bytesSplitAcrossReadsJoin() {
        var codec = SLCANCodec()
        var frames: [CANFrame] = []
        for chunk in ["t35", "181402C0", "12C012C201", "\rt35C2C0", "00\r"] {
            Array(chunk.utf8).withUnsafeBytes { codec.feed($0) { frames.append($0) } }
        }
        #expect(frames.map(\.id) == [0x351, 0x35C])
    }

    @Test func bitRateCommands() {
        #expect(SLCANCodec.bitrateCommand(500_000) == "S6\r")
        #expect(SLCANCodec.bitrateCommand(1_000_000) == "S8\r")
        #expect(SLCANCodec.bitrateCommand(333_000) == nil)
    }
}
