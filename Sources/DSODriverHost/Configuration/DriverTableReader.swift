import TOMLKit

/// Reads one `[[drivers]]` or `[[drivers.points]]` table key by key, reporting every wrong type, bad value and
/// (on `finish`) unknown key to the log instead of stopping; a bad value reads as nil.
final class DriverTableReader {
    let table: TOMLTable
    /// Key path of this table, e.g. `drivers[1].points[2]`.
    let key: String
    let log: DriverIssueLog
    /// The keys asked for, in the order asked: what an unknown key is told it could have been.
    private var known: [String] = []

    init(table: TOMLTable, key: String, log: DriverIssueLog) {
        self.table = table
        self.key = key
        self.log = log
    }

    func path(_ field: String) -> String { "\(key).\(field)" }

    /// Marks `field` as understood and returns its raw value, if present.
    func raw(_ field: String) -> (any TOMLValueConvertible)? {
        if !known.contains(field) { known.append(field) }
        return table[field]
    }

    func has(_ field: String) -> Bool { table.contains(key: field) }

    func report(_ field: String, found: String, expected: String) {
        log.report(path(field), found: found, expected: expected)
    }

    func report(_ field: String, _ message: String) {
        log.report(path(field), message)
    }

    /// A string, if present; `expected` says what it names (e.g. "the driver's configuration string").
    func optionalString(_ field: String, expected: String) -> String? {
        guard let value = raw(field) else { return nil }
        guard let text = value.string else {
            report(field, found: Self.describe(value), expected: expected)
            return nil
        }
        return text
    }

    /// A non-empty string that must be present; nil (after reporting) when missing, of another type or empty.
    func requiredString(_ field: String, expected: String) -> String? {
        guard has(field) else {
            _ = raw(field)
            report(field, "missing required key, expected \(expected)")
            return nil
        }
        guard let text = optionalString(field, expected: expected) else { return nil }
        guard !text.isEmpty else {
            report(field, found: "an empty string", expected: expected)
            return nil
        }
        return text
    }

    /// A number (integers accepted) that `admits`; nil when absent, and (after reporting) when bad.
    func optionalDouble(_ field: String, expected: String, admits: (Double) -> Bool) -> Double? {
        guard let value = raw(field) else { return nil }
        let number: Double
        if let double = value.double {
            number = double
        } else if let integer = value.int {
            number = Double(integer)
        } else {
            report(field, found: Self.describe(value), expected: expected)
            return nil
        }
        guard number.isFinite, admits(number) else {
            report(field, found: "\(number)", expected: expected)
            return nil
        }
        return number
    }

    /// An array of tables (`[[drivers.points]]`), one reader per element with paths `key.field[i]`; nil
    /// (after reporting) when missing, of another type or empty.
    func requiredTables(_ field: String) -> [DriverTableReader]? {
        let expected = "at least one [[drivers.\(field)]] table"
        guard let value = raw(field) else {
            report(field, "missing required key, expected \(expected)")
            return nil
        }
        guard let array = value.array else {
            report(field, found: Self.describe(value), expected: expected)
            return nil
        }
        guard !array.isEmpty else {
            report(field, found: "an empty array", expected: expected)
            return nil
        }
        var readers: [DriverTableReader] = []
        for (index, element) in array.enumerated() {
            let elementKey = "\(path(field))[\(index)]"
            guard let child = element.table else {
                log.report(elementKey, found: Self.describe(element), expected: "a table [[drivers.\(field)]]")
                continue
            }
            readers.append(DriverTableReader(table: child, key: elementKey, log: log))
        }
        return readers
    }

    /// Reports every key no read asked for, with the keys this table has (a typo must not pass silently).
    func finish() {
        let listed = known.joined(separator: ", ")
        for field in table.keys.sorted() where !known.contains(field) {
            report(field, "unknown key, expected one of \(listed)")
        }
    }

    /// A value as the engineer wrote it, for "found …".
    static func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "the string \"\(value.string ?? "")\""
        case .table: "a table"
        case .array: "an array \(value.debugDescription)"
        default: "\(value.type) \(value.debugDescription)"
        }
    }
}
