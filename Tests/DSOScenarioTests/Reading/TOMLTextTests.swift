@testable import DSOScenario
import Testing

/// Table headers toml++ 3.x aborts the process on (found by Fuzz/FuzzScenarioTOML, FuzzServiceTOML and
/// FuzzDriverTOML) are a syntax error with their line; valid TOML with brackets elsewhere still parses.
struct TOMLTextTests {
    @Test(arguments: [
        ("[\u{FFFD}cenario]\nname = \"fuzz-one-feeder\"\n", 1, "\\u{FFFD}"),  // an invalid UTF-8 byte, decoded
        ("[service]\nname = \"x\"\n\n[\nperiod_s = 0.1\n", 4, "\\n"),           // a header cut short
        ("a = 1\n[[[1]]]\n", 2, "["),
        ("# [[drivers]]\n  [[=\n", 2, "="),
        ("[ \t.x]\n", 1, "."),
        ("[é]\n", 1, "\\u{00E9}"),
        ("\u{FEFF}[[\u{FFFD}dr]]\n", 1, "\\u{FFFD}"),  // after a byte-order mark (Fuzz/FuzzDriverTOML)
    ])
    func aHeaderWithoutAKeyIsASyntaxErrorNotAnAbort(text: String, line: Int, found: String) {
        let error = #expect(throws: TOMLSyntaxError.self) { try TOMLText.parse(text) }
        #expect(error?.message.hasPrefix("line \(line): a table header starts with a key") == true)
        #expect(error?.message.hasSuffix("found '\(found)'") == true)
    }

    /// Fuzz/FuzzScenarioTOML: `name =[}` (a `}` where an array element is expected) made toml++ abort.
    @Test(arguments: [
        ("[scenario]\nname =[}[in\n", 2, "'}' closes an array: expected ']'"),
        ("a = [\n  1,\n  { b = [2] ],\n]\n", 3, "']' closes an inline table: expected '}'"),
    ])
    func aMismatchedClosingBracketIsASyntaxError(text: String, line: Int, message: String) {
        let error = #expect(throws: TOMLSyntaxError.self) { try TOMLText.parse(text) }
        #expect(error?.message == "line \(line): \(message)")
    }

    @Test func bracketsInStringsArraysAndQuotedHeadersAreNoHeaders() throws {
        let text = """
        s = "[=" # [=
        m = \"\"\"
        [=
        \\
        [.\"\"\"
        l = '''
        [{'''
        nested = [
          [+1, 2],
          [-1, "x"],
          [{ a = 1 }],
        ]
        inline = { b = [ [ 3 ] ] }
        ["quoted ]".key]
        x = 1
        [[ 'list' ]]
        y = 2
        """
        let table = try TOMLText.parse(text)
        #expect(table["s"]?.string == "[=")
        #expect(table["m"]?.string == "[=\n[.")
        #expect(table["quoted ]"]?.table?["key"]?.table?["x"]?.int == 1)
        #expect(table["list"]?.array?.count == 1)
    }

    @Test func parseErrorsKeepTheirLine() {
        let error = #expect(throws: TOMLSyntaxError.self) { try TOMLText.parse("a = 1\nb = \n") }
        #expect(error?.message.hasPrefix("line 2: ") == true)
    }
}
