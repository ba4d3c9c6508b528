import Foundation

extension RegisterMap.File {
    /// Decodes a map file. JSONDecoder's own errors name coding keys and indices; an engineer needs the place as
    /// written (`points[2] ('p_w').scale`) and what was expected, and a misspelt key must be refused, not ignored.
    static func decode(_ data: Data, path: String) throws(RegisterMapError) -> RegisterMap.File {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw RegisterMapError("register map \(path): not valid JSON: \(detail)")
        }
        let entries = ((json as? [String: Any])?["points"] as? [Any]) ?? []
        func place(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    let name = (entries.indices.contains(index) ? entries[index] as? [String: Any] : nil)?["name"] as? String
                    text += "[\(index)]" + (name.map { " ('\($0)')" } ?? "")
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return "register map \(path): " + (text.isEmpty ? "top level" : text)
        }
        func refuseUnknown(_ object: Any, known: [String], at keys: [any CodingKey]) throws(RegisterMapError) {
            guard let object = object as? [String: Any] else { return }
            for key in object.keys.sorted() where !known.contains(key) {
                throw RegisterMapError("\(place(keys + [AnyKey(key)])): unknown key; known keys: \(known.joined(separator: ", "))")
            }
        }
        try refuseUnknown(json, known: CodingKeys.allCases.map(\.rawValue), at: [])
        for (index, entry) in entries.enumerated() {
            try refuseUnknown(entry, known: RegisterMap.Entry.CodingKeys.allCases.map(\.rawValue), at: [AnyKey("points"), AnyKey(index)])
        }
        do {
            return try JSONDecoder().decode(Self.self, from: data)
        } catch let error as DecodingError {
            switch error {
            case .keyNotFound(let key, let context):
                throw RegisterMapError("\(place(context.codingPath + [key])): missing; this key is required")
            case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
                throw RegisterMapError("\(place(context.codingPath)): expected \(Self.expectation(type))")
            case .dataCorrupted(let context):
                throw RegisterMapError("\(place(context.codingPath)): \(context.debugDescription)")
            @unknown default:
                throw RegisterMapError("register map \(path): \(error)")
            }
        } catch {
            throw RegisterMapError("register map \(path): \(error)")
        }
    }

    /// What a JSON value of `type` looks like, in the words of the file rather than Swift's.
    private static func expectation(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Any].Type, is [RegisterMap.Entry].Type: "a list"
        default: "an object"
        }
    }
}

/// A coding key made from a name or an index, to name a place in the file that no Codable type describes.
private struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(_ name: String) { (stringValue, intValue) = (name, nil) }
    init(_ index: Int) { (stringValue, intValue) = ("Index \(index)", index) }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}
