package import TOMLKit

/// Reads one TOML table key by key, reporting wrong types, bad values and (on `finish`) unknown keys.
///
/// The one set of reading rules for every OpenDSO file: scenarios, the service configuration and its
/// `[[drivers]]` sections all read through it, so an engineer sees the same wording (key path, what was
/// found, what was expected) whichever file is wrong, and every issue of a file at once.
package final class TableReader {
    package let table: TOMLTable
    /// Key path of this table, e.g. `batteries[2]` (empty for the root).
    package let keyPath: String
    package let diagnostics: TableDiagnostics
    /// The keys asked for, in the order asked: what an unknown key is told it could have been.
    private var knownKeys: [String] = []
    /// The keys this table's format declares (`ScenarioTable`); nil when it declares none. Asking for
    /// another traps in debug builds, so a reader cannot take a key the declaration (and with it the real
    /// grid's refusal of simulation keys) does not know.
    package var declaredKeys: Set<String>?

    package init(table: TOMLTable, keyPath: String, diagnostics: TableDiagnostics) {
        self.table = table
        self.keyPath = keyPath
        self.diagnostics = diagnostics
    }

    package func path(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }

    /// Marks `key` as understood and returns its raw value, if present.
    package func raw(_ key: String) -> (any TOMLValueConvertible)? {
        assert(declaredKeys?.contains(key) ?? true,
               "\(path(key)) is read but not declared: add it to ScenarioTable's sharedKeys or simulationKeys")
        if !knownKeys.contains(key) { knownKeys.append(key) }
        return table[key]
    }

    package func has(_ key: String) -> Bool { table.contains(key: key) }

    package func report(_ key: String, found: String, expected: String) {
        diagnostics.report(path(key), found: found, expected: expected)
    }

    package func report(_ key: String, _ message: String) {
        diagnostics.report(path(key), message)
    }

    /// A number (integers accepted), checked against `bound`; nil (after reporting) when present but bad.
    package func optionalDouble(_ key: String, _ bound: ValueBound = .any) -> Double? {
        guard let value = raw(key) else { return nil }
        guard let number = Self.number(value) else {
            report(key, found: describe(value), expected: bound.expectation)
            return nil
        }
        guard bound.admits(number) else {
            report(key, found: "\(number)", expected: bound.expectation)
            return nil
        }
        return number
    }

    package func double(_ key: String, default fallback: Double, _ bound: ValueBound = .any) -> Double {
        optionalDouble(key, bound) ?? fallback
    }

    /// A number that must be present; reports a missing key and returns a harmless placeholder.
    package func requiredDouble(_ key: String, _ bound: ValueBound = .any) -> Double {
        if !has(key) {
            _ = raw(key)
            diagnostics.report(path(key), "missing required key, expected \(bound.expectation)")
            return 1
        }
        return optionalDouble(key, bound) ?? 1
    }

    package func optionalInt(_ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard let value = raw(key) else { return nil }
        guard let number = value.int else {
            report(key, found: describe(value), expected: "an integer in \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        guard range.contains(number) else {
            report(key, found: "\(number)", expected: "an integer in \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return number
    }

    package func requiredInt(_ key: String, _ range: ClosedRange<Int>) -> Int {
        if !has(key) {
            _ = raw(key)
            diagnostics.report(path(key), "missing required key, expected an integer in \(range.lowerBound)…\(range.upperBound)")
            return range.lowerBound
        }
        return optionalInt(key, range) ?? range.lowerBound
    }

    package func optionalString(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        guard let text = value.string else {
            report(key, found: describe(value), expected: "a string")
            return nil
        }
        return text
    }

    package func requiredString(_ key: String) -> String {
        if !has(key) {
            _ = raw(key)
            diagnostics.report(path(key), "missing required key, expected a string")
            return ""
        }
        return optionalString(key) ?? ""
    }

    package func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = raw(key) else { return fallback }
        guard let flag = value.bool else {
            report(key, found: describe(value), expected: "true or false")
            return fallback
        }
        return flag
    }

    /// An array of strings; nil when absent, and (after reporting) when not an array of strings.
    package func optionalStrings(_ key: String) -> [String]? {
        guard let value = raw(key) else { return nil }
        guard let array = value.array, case let texts = array.compactMap(\.string), texts.count == array.count else {
            report(key, found: describe(value), expected: "an array of strings, e.g. [\"a\", \"b\"]")
            return nil
        }
        return texts
    }

    /// An array of numbers, each checked against `bound`; nil when absent or bad.
    package func optionalDoubles(_ key: String, _ bound: ValueBound = .any, count: Int? = nil) -> [Double]? {
        guard let value = raw(key) else { return nil }
        let expected = (count.map { "an array of \($0) numbers, each " } ?? "a non-empty array of numbers, each ")
            + bound.expectation
        guard let array = value.array else {
            report(key, found: describe(value), expected: expected)
            return nil
        }
        var numbers: [Double] = []
        for element in array {
            guard let number = Self.number(element), bound.admits(number) else {
                report(key, found: describe(value), expected: expected)
                return nil
            }
            numbers.append(number)
        }
        if numbers.isEmpty || (count != nil && numbers.count != count) {
            report(key, found: describe(value), expected: expected)
            return nil
        }
        return numbers
    }

    /// A sub-table, as a reader (nil when absent; reports a wrong type).
    package func subtable(_ key: String) -> TableReader? {
        guard let value = raw(key) else { return nil }
        guard let child = value.table else {
            report(key, found: describe(value), expected: "a table [\(path(key))]")
            return nil
        }
        return TableReader(table: child, keyPath: path(key), diagnostics: diagnostics)
    }

    /// An array of tables (`[[key]]`), one reader per element with paths `key[i]`.
    package func tables(_ key: String) -> [TableReader] {
        guard let value = raw(key) else { return [] }
        guard let array = value.array else {
            report(key, found: describe(value), expected: "an array of tables [[\(path(key))]]")
            return []
        }
        var readers: [TableReader] = []
        for (index, element) in array.enumerated() {
            let elementPath = "\(path(key))[\(index)]"
            guard let child = element.table else {
                diagnostics.report(elementPath, found: describe(element), expected: "a table [[\(path(key))]]")
                continue
            }
            readers.append(TableReader(table: child, keyPath: elementPath, diagnostics: diagnostics))
        }
        return readers
    }

    /// Reports every key of this table that no reader asked for, with the keys it has (typos must not pass silently).
    package func finish() {
        let listed = knownKeys.joined(separator: ", ")
        for key in table.keys.sorted() where !knownKeys.contains(key) {
            diagnostics.report(path(key), listed.isEmpty ? "unknown key" : "unknown key, expected one of \(listed)")
        }
    }

    /// A string, if present; `expected` says what it names (e.g. "the driver's configuration string").
    package func optionalString(_ key: String, expected: String) -> String? {
        guard let value = raw(key) else { return nil }
        guard let text = value.string else {
            report(key, found: describe(value), expected: expected)
            return nil
        }
        return text
    }

    /// A non-empty string that must be present; nil (after reporting) when missing, of another type or empty.
    package func requiredString(_ key: String, expected: String) -> String? {
        guard has(key) else {
            _ = raw(key)
            report(key, "missing required key, expected \(expected)")
            return nil
        }
        guard let text = optionalString(key, expected: expected) else { return nil }
        guard !text.isEmpty else {
            report(key, found: "an empty string", expected: expected)
            return nil
        }
        return text
    }

    /// A finite number (integers accepted) that `admits`; nil when absent, and (after reporting) when bad.
    package func optionalDouble(_ key: String, expected: String, admits: (Double) -> Bool) -> Double? {
        guard let value = raw(key) else { return nil }
        guard let number = Self.number(value) else {
            report(key, found: describe(value), expected: expected)
            return nil
        }
        guard number.isFinite, admits(number) else {
            report(key, found: "\(number)", expected: expected)
            return nil
        }
        return number
    }

    /// A non-empty array of tables (`[[key]]`) that must be present; nil (after reporting) when missing,
    /// of another type or empty.
    package func requiredTables(_ key: String, expected: String) -> [TableReader]? {
        guard let value = raw(key) else {
            report(key, "missing required key, expected \(expected)")
            return nil
        }
        guard let array = value.array else {
            report(key, found: describe(value), expected: expected)
            return nil
        }
        guard !array.isEmpty else {
            report(key, found: "an empty array", expected: expected)
            return nil
        }
        return tables(key)
    }

    package static func number(_ value: any TOMLValueConvertible) -> Double? {
        if let number = value.double { return number }
        if let number = value.int { return Double(number) }
        return nil
    }

    package func describe(_ value: any TOMLValueConvertible) -> String { Self.describe(value) }

    /// A value as the engineer wrote it, for "found …".
    package static func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "the string \"\(value.string ?? "")\""
        case .table: return "a table"
        case .array: return "an array \(value.debugDescription)"
        default: return "\(value.type) \(value.debugDescription)"
        }
    }
}
