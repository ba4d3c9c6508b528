#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to stdout, for live output (one line per CAN frame) that a pipe must see at once.
enum StandardOutput {
    static func writeLine(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
