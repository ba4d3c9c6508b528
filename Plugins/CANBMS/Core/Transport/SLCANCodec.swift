/// The Lawicel SLCAN ASCII protocol: frames as `tIIILDD…\r` (standard), `TIIIIIIIILDD…\r` (extended),
/// `r`/`R` for remote frames; commands `C`, `O`, `Sn`; replies `\r` (ok) and `\a` (error).
public struct SLCANCodec {
    /// Lines that were not frames and not replies (commands echoed by a peer, version strings…), ignored.
    public private(set) var ignoredLineCount = 0
    /// Frame lines that did not parse (bad hex, wrong length).
    public private(set) var malformedLineCount = 0
    /// `\a` error replies from the adapter.
    public private(set) var errorReplyCount = 0

    private var line: [UInt8] = []

    public init() { line.reserveCapacity(64) }

    /// The `S` command for a bit rate, or nil when SLCAN has no code for it.
    public static func bitrateCommand(_ bitsPerSecond: Int) -> String? {
        let codes = [10_000: 0, 20_000: 1, 50_000: 2, 100_000: 3, 125_000: 4, 250_000: 5, 500_000: 6, 800_000: 7,
                     1_000_000: 8]
        return codes[bitsPerSecond].map { "S\($0)\r" }
    }

    /// Appends the ASCII encoding of `frame` to `output`.
    public static func encode(_ frame: CANFrame, into output: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        let kind: UInt8 = frame.isExtended ? (frame.isRemote ? UInt8(ascii: "R") : UInt8(ascii: "T"))
                                           : (frame.isRemote ? UInt8(ascii: "r") : UInt8(ascii: "t"))
        output.append(kind)
        let digits = frame.isExtended ? 8 : 3
        for digit in stride(from: digits - 1, through: 0, by: -1) {
            output.append(hex[Int((frame.id >> (4 * UInt32(digit))) & 0xF)])
        }
        output.append(UInt8(ascii: "0") + frame.length)
        if !frame.isRemote {
            for index in 0..<Int(frame.length) {
                let byte = frame.byte(index)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            }
        }
        output.append(UInt8(ascii: "\r"))
    }

    /// Feeds received bytes; calls `handler` for every complete frame line.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, _ handler: (CANFrame) -> Void) {
        for byte in bytes {
            if byte == 0x0D || byte == 0x07 {
                if byte == 0x07 { errorReplyCount += 1 }
                if !line.isEmpty { parseLine(handler) }
                line.removeAll(keepingCapacity: true)
            } else if byte == 0x0A {
                continue  // some adapters end lines with \r\n
            } else if line.count < 64 {
                line.append(byte)
            }
        }
    }

    private mutating func parseLine(_ handler: (CANFrame) -> Void) {
        let kind = line[0]
        let extended = kind == UInt8(ascii: "T") || kind == UInt8(ascii: "R")
        let remote = kind == UInt8(ascii: "r") || kind == UInt8(ascii: "R")
        guard extended || remote || kind == UInt8(ascii: "t") else {
            ignoredLineCount += 1
            return
        }
        let idDigits = extended ? 8 : 3
        guard line.count >= 1 + idDigits + 1, let id = Self.hexValue(line, from: 1, count: idDigits),
              let length = Self.hexValue(line, from: 1 + idDigits, count: 1), length <= 8
        else {
            malformedLineCount += 1
            return
        }
        let dataStart = 2 + idDigits
        var payload: UInt64 = 0
        if !remote {
            // Extra characters after the data (an adapter's timestamp) are allowed and ignored.
            guard line.count >= dataStart + 2 * Int(length) else {
                malformedLineCount += 1
                return
            }
            for index in 0..<Int(length) {
                guard let byte = Self.hexValue(line, from: dataStart + 2 * index, count: 2) else {
                    malformedLineCount += 1
                    return
                }
                payload |= UInt64(byte) << (8 * UInt64(index))
            }
        }
        guard extended ? id <= 0x1FFF_FFFF : id <= 0x7FF else {
            malformedLineCount += 1
            return
        }
        handler(CANFrame(id: id, isExtended: extended, isRemote: remote, length: UInt8(length), payload: payload))
    }

    private static func hexValue(_ text: [UInt8], from start: Int, count: Int) -> UInt32? {
        var value: UInt32 = 0
        for index in start..<(start + count) {
            let character = text[index]
            let digit: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = character - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = character - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = character - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
