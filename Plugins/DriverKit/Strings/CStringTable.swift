/// NUL-terminated copies of point names and units that stay valid until the instance closes, as the ABI requires.
public final class CStringTable {
    private var storage: [UnsafeMutablePointer<CChar>] = []
    private var interned: [String: UnsafePointer<CChar>] = [:]

    public init() {}

    /// A C copy of `text`, shared between equal strings (units repeat on every point).
    public func pointer(_ text: String) -> UnsafePointer<CChar> {
        if let existing = interned[text] { return existing }
        let pointer = Self.copy(text)
        storage.append(UnsafeMutablePointer(mutating: pointer))
        interned[text] = pointer
        return pointer
    }

    /// A C copy the caller owns (a table's strings, or a vtable's name and version that live for the process).
    public static func copy(_ text: String) -> UnsafePointer<CChar> {
        let bytes = Array(text.utf8)
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: bytes.count) }
        }
        copy[bytes.count] = 0
        return UnsafePointer(copy)
    }

    deinit {
        for pointer in storage { pointer.deallocate() }
    }
}
