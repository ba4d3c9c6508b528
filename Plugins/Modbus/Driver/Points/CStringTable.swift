/// NUL-terminated copies of point names and units that stay valid until the instance closes, as the ABI requires.
final class CStringTable {
    private var storage: [UnsafeMutablePointer<CChar>] = []
    private var interned: [String: UnsafePointer<CChar>] = [:]

    /// A C copy of `text`, shared between equal strings (units repeat on every point).
    func pointer(_ text: String) -> UnsafePointer<CChar> {
        if let existing = interned[text] { return existing }
        let bytes = Array(text.utf8)
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: bytes.count) }
        }
        copy[bytes.count] = 0
        storage.append(copy)
        let pointer = UnsafePointer(copy)
        interned[text] = pointer
        return pointer
    }

    deinit {
        for pointer in storage { pointer.deallocate() }
    }
}
