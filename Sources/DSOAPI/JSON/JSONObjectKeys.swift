/// The keys of every object in a JSON document, in order, with where each object sits.
///
/// JSONDecoder and JSONSerialization both take a repeated key silently (one of the values wins), so an
/// operator who writes `netImportKW` twice cannot tell which one the kernel got. This scan reads the keys
/// (unescaped, so `"a\u0062"` and `"ab"` are the same key) and refuses a repeat. Run it on a body
/// JSONDecoder has already accepted: it checks keys, not syntax, and refuses anything it does not expect.
enum JSONObjectKeys {
    /// Where a value sits: `entries[2].netImportKW` is `[.key("entries"), .index(2), .key("netImportKW")]`.
    enum PathElement: Hashable {
        case key(String)
        case index(Int)
    }

    /// One object: its path and its keys in document order.
    struct Object: Hashable {
        var path: [PathElement]
        var keys: [String]
    }

    /// Deeper nesting is refused before it can exhaust the stack (request bodies are at most a few MiB).
    static let maximumDepth = 32

    /// Every object in `bytes`; a repeated key is a `RequestError` (400) naming it.
    static func objects(in bytes: [UInt8]) throws(RequestError) -> [Object] {
        var scanner = Scanner(bytes: bytes)
        var objects: [Object] = []
        try scanner.value(path: [], depth: 0, into: &objects)
        return objects
    }

    /// `entries[2].netImportKW`, or `body` for the document itself.
    static func describe(_ path: [PathElement]) -> String {
        var text = ""
        for element in path {
            switch element {
            case .key(let key): text += (text.isEmpty ? "" : ".") + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "body" : text
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func value(path: [PathElement], depth: Int, into objects: inout [Object]) throws(RequestError) {
            guard depth <= JSONObjectKeys.maximumDepth else {
                throw RequestError(.badRequest, "\(describe(path)): nested deeper than \(JSONObjectKeys.maximumDepth) levels")
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: "{"): try object(path: path, depth: depth, into: &objects)
            case UInt8(ascii: "["): try array(path: path, depth: depth, into: &objects)
            case UInt8(ascii: "\""): _ = try string(path: path)
            case nil: throw malformed(path)
            default:
                // A number, true, false or null: everything up to the next delimiter.
                let start = position
                while let byte = peek(), !Self.delimiters.contains(byte) { position += 1 }
                guard position > start else { throw malformed(path) }
            }
        }

        private mutating func object(path: [PathElement], depth: Int, into objects: inout [Object]) throws(RequestError) {
            position += 1
            let index = objects.count
            objects.append(Object(path: path, keys: []))
            var seen = Set<String>()
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { position += 1; return }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw malformed(path) }
                let key = try string(path: path)
                guard seen.insert(key).inserted else {
                    throw RequestError(.badRequest, "\(describe(path + [.key(key)])): the key appears more than once; "
                                       + "expected each key once")
                }
                objects[index].keys.append(key)
                try expect(UInt8(ascii: ":"), path)
                try value(path: path + [.key(key)], depth: depth + 1, into: &objects)
                skipWhitespace()
                switch next() {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "}"): return
                default: throw malformed(path)
                }
            }
        }

        private mutating func array(path: [PathElement], depth: Int, into objects: inout [Object]) throws(RequestError) {
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { position += 1; return }
            var index = 0
            while true {
                try value(path: path + [.index(index)], depth: depth + 1, into: &objects)
                skipWhitespace()
                switch next() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): return
                default: throw malformed(path)
                }
            }
        }

        /// A string's value with its escapes resolved (UTF-16 surrogate pairs included).
        private mutating func string(path: [PathElement]) throws(RequestError) -> String {
            position += 1
            var units: [UInt16] = []
            var raw: [UInt8] = []
            func flushRaw() {
                units.append(contentsOf: String(decoding: raw, as: UTF8.self).utf16)
                raw.removeAll()
            }
            while let byte = next() {
                switch byte {
                case UInt8(ascii: "\""):
                    flushRaw()
                    return String(decoding: units, as: UTF16.self)
                case UInt8(ascii: "\\"):
                    flushRaw()
                    guard let escaped = next() else { throw malformed(path) }
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): units.append(UInt16(escaped))
                    case UInt8(ascii: "b"): units.append(0x08)
                    case UInt8(ascii: "f"): units.append(0x0C)
                    case UInt8(ascii: "n"): units.append(0x0A)
                    case UInt8(ascii: "r"): units.append(0x0D)
                    case UInt8(ascii: "t"): units.append(0x09)
                    case UInt8(ascii: "u"):
                        guard position + 4 <= bytes.count,
                              let unit = UInt16(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
                        else { throw malformed(path) }
                        position += 4
                        units.append(unit)
                    default: throw malformed(path)
                    }
                default: raw.append(byte)
                }
            }
            throw malformed(path)
        }

        private mutating func expect(_ byte: UInt8, _ path: [PathElement]) throws(RequestError) {
            skipWhitespace()
            guard next() == byte else { throw malformed(path) }
        }

        private mutating func skipWhitespace() {
            while let byte = peek(), Self.whitespace.contains(byte) { position += 1 }
        }

        private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func next() -> UInt8? {
            defer { position += 1 }
            return peek()
        }

        private func malformed(_ path: [PathElement]) -> RequestError {
            RequestError(.badRequest, "\(describe(path)): not valid JSON near byte \(position)")
        }

        private func describe(_ path: [PathElement]) -> String { JSONObjectKeys.describe(path) }

        private static let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        private static let delimiters: Set<UInt8> = whitespace.union([UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")])
    }
}
