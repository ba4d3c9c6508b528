package import TOMLKit

/// Why TOML text could not be parsed: "line N: what is wrong".
package struct TOMLSyntaxError: Error {
    package let message: String
}

/// Parses TOML text for every OpenDSO file (scenarios, the service configuration, `[[drivers]]` sections).
///
/// TOMLKit's toml++ (3.x) asserts, and so aborts the process, on a table header whose key starts with a
/// character that cannot start a key (`[=`, `[[[1]]]`, `[` then a newline or a non-ASCII letter; fixed upstream
/// after the copy TOMLKit bundles) and on a `}` where an array element is expected (`a = [}`). A SIGHUP reload of
/// such a file would take dsod down, so this invalid TOML is refused here before the text reaches the parser.
/// (Found by the fuzzers in Fuzz/.)
package enum TOMLText {
    package static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        if let problem = firstAbortingConstruct(in: text) { throw TOMLSyntaxError(message: problem) }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(message: "line \(error.source.begin.line): \(error.description)")
        } catch {
            throw TOMLSyntaxError(message: "\(error)")
        }
    }

    /// The first table header (`[` at the start of a statement) whose key does not start with a character a key
    /// starts with, or closing bracket of a value that does not match the one it closes, as "line N: …".
    /// Strings, comments and multi-line arrays are skipped as the parser skips them.
    static func firstAbortingConstruct(in text: String) -> String? {
        let characters = Array(text.unicodeScalars)
        // The parser skips a byte-order mark at the start: a header right after it starts a statement.
        var index = characters.first == "\u{FEFF}" ? 1 : 0, line = 1
        /// The brackets of the value being read (arrays, inline tables), innermost last.
        var open: [Unicode.Scalar] = []
        var atStatementStart = true
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < characters.count ? characters[index + offset] : nil }
        func skipSpaces() { while let next = at(0), next == " " || next == "\t" { index += 1 } }
        /// Skips a string starting at `index`; multi-line strings may hold newlines (counted).
        func skipString(quote: Unicode.Scalar) {
            let multiLine = at(1) == quote && at(2) == quote
            index += multiLine ? 3 : 1
            while let next = at(0) {
                if next == "\\", quote == "\"" {
                    if at(1) == "\n" { line += 1 }
                    index += 2
                    continue
                }
                if next == "\n" {
                    guard multiLine else { return }
                    line += 1
                } else if next == quote, !multiLine || (at(1) == quote && at(2) == quote) {
                    index += multiLine ? 3 : 1
                    return
                }
                index += 1
            }
        }
        while let character = at(0) {
            switch character {
            case "\n":
                line += 1
                if open.isEmpty { atStatementStart = true }
                index += 1
            case " ", "\t", "\r":
                index += 1
            case "#":
                while let next = at(0), next != "\n" { index += 1 }
            case "\"", "'":
                skipString(quote: character)
                atStatementStart = false
            case "[" where atStatementStart:
                index += 1
                skipSpaces()
                if at(0) == "[" { index += 1; skipSpaces() }
                guard let first = at(0) else { return nil }
                let startsKey = first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first))
                    || first == "_" || first == "-" || first == "\"" || first == "'" || first == "]"
                if !startsKey {
                    return "line \(line): a table header starts with a key (a letter, digit, '_', '-' or a quoted key), "
                        + "found '\(first.escaped(asASCII: true))'"
                }
                atStatementStart = false
            case "[", "{":
                open.append(character)
                index += 1
            case "]", "}":
                if let innermost = open.popLast(), (innermost == "[") != (character == "]") {
                    return "line \(line): '\(character)' closes \(innermost == "[" ? "an array: expected ']'" : "an inline table: expected '}'")"
                }
                index += 1
            default:
                atStatementStart = false
                index += 1
            }
        }
        return nil
    }
}
