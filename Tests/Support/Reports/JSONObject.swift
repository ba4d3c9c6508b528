import Foundation
import Testing

/// JSON on dsoctl's stdout, as a dictionary (fails the test when it is not one).
public func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)",
                 sourceLocation: sourceLocation)
}

/// The entry named `name` in a JSON array of objects.
public func entry(_ array: Any?, named name: String) -> [String: Any]? {
    (array as? [[String: Any]])?.first { $0["name"] as? String == name }
}
