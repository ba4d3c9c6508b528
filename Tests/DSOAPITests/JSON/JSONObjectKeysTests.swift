@testable import DSOAPI
import Testing

/// The key scan that catches what JSONDecoder lets through: a key written twice, in any spelling.
@Suite struct JSONObjectKeysTests {
    static func scan(_ text: String) throws(RequestError) -> [JSONObjectKeys.Object] {
        try JSONObjectKeys.objects(in: Array(text.utf8))
    }

    @Test func keysArePathedAndInOrder() throws {
        let objects = try Self.scan(#" {"b": [1, {"x": "}\"{", "y": null}], "a": {"c": [[{"d": true}]]}} "#)
        #expect(objects.map(\.keys) == [["b", "a"], ["x", "y"], ["c"], ["d"]])
        #expect(objects.map { JSONObjectKeys.describe($0.path) } == ["body", "b[1]", "a", "a.c[0][0]"])
    }

    @Test func aRepeatedKeyIsRefusedEvenWhenEscapedDifferently() {
        for text in [#"{"ab": 1, "ab": 2}"#, #"{"ab": 1, "a\u0062": 2}"#, #"{"x": [{"é": 1, "\u00e9": 2}]}"#,
                     #"{"a\/b": 1, "a/b": 2}"#, #"{"😀": 1, "\ud83d\ude00": 2}"#] {
            #expect(throws: RequestError.self, "\(text)") { try Self.scan(text) }
        }
        #expect(throws: Never.self) { try Self.scan(#"{"ab": 1, "a\u0063": 2, "x": {"ab": 3}}"#) }
    }

    @Test func theMessageNamesTheRepeatedKey() {
        do {
            _ = try Self.scan(#"{"entries": [{"kw": 1}, {"kw": 1, "kw": 2}]}"#)
            Issue.record("a repeated key passed")
        } catch {
            #expect(error.status == .badRequest)
            #expect(error.message.hasPrefix("entries[1].kw:"), "\(error.message)")
        }
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(throws: RequestError.self) { try Self.scan(deep) }
    }

    @Test func truncatedInputIsRefused() {
        for text in [#"{"a": 1"#, #"{"a"#, #"{"a": "x"#, #"{"a\u00": 1}"#, ""] {
            #expect(throws: RequestError.self, "\(text)") { try Self.scan(text) }
        }
    }
}
