/// Writes driver messages into the caller's error buffer as NUL-terminated UTF-8, as the ABI requires.
public enum ErrorBuffer {
    /// Copies as much of `message` as fits, never cutting a UTF-8 sequence; does nothing for a NULL or empty buffer.
    public static func write(_ message: String, to buffer: UnsafeMutablePointer<CChar>?, capacity: Int) {
        guard let buffer, capacity > 0 else { return }
        let bytes = Array(message.utf8)
        var count = min(bytes.count, capacity - 1)
        // 0b10xxxxxx is a continuation byte: stepping back over them keeps the last character whole.
        while count > 0, count < bytes.count, bytes[count] & 0xC0 == 0x80 { count -= 1 }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: count) }
        }
        buffer[count] = 0
    }
}
