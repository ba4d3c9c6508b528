extension LinearModel {
    /// Free-format MPS (names as given, made MPS-safe), objective sense written as OBJSENSE; what the HiGHS
    /// cross-check reads.
    ///
    /// Rows: `N obj`, then E (lower = upper), G (only a lower side), L (only an upper side), a ranged row as G on
    /// its lower side with a RANGES entry of upper − lower, and a row with no finite side as N. Integer columns
    /// stand between `MARKER INTORG/INTEND` lines with every bound written (readers default a marked column to
    /// binary): BV for [0, 1], else LI/MI and UI/PL. Continuous columns get FR, MI, LO, UP or FX as needed. A
    /// column in no row and without cost still appears in COLUMNS (as `obj 0`) so that it exists.
    public func mps() -> String {
        let names = MPSNames(self)
        var lines = ["NAME \(MPSNames.safe(name, fallback: "model"))"]
        if sense == .maximise { lines += ["OBJSENSE", "    MAX"] }
        lines += ["ROWS", " N  \(MPSNames.objective)"]
        for (i, row) in rows.enumerated() {
            lines.append(" \(Self.mpsRowType(row))  \(names.rows[i])")
        }

        lines.append("COLUMNS")
        let matrix = ColumnMajorProblem(self)
        var inIntegerBlock = false
        var markers = 0
        for (j, column) in columns.enumerated() {
            if column.isInteger != inIntegerBlock {
                inIntegerBlock = column.isInteger
                markers += 1
                lines.append("    MARKER\(markers)  'MARKER'  '\(inIntegerBlock ? "INTORG" : "INTEND")'")
            }
            var entries: [(String, Double)] = column.cost != 0 ? [(MPSNames.objective, column.cost)] : []
            for k in Int(matrix.starts[j])..<Int(matrix.starts[j + 1]) where matrix.elements[k] != 0 {
                entries.append((names.rows[Int(matrix.rowIndices[k])], matrix.elements[k]))
            }
            if entries.isEmpty { entries = [(MPSNames.objective, 0)] }
            for (row, value) in entries {
                lines.append("    \(names.columns[j])  \(row)  \(Self.mpsNumber(value))")
            }
        }
        if inIntegerBlock { lines.append("    MARKER\(markers + 1)  'MARKER'  'INTEND'") }

        lines.append("RHS")
        for (i, row) in rows.enumerated() {
            let rhs = row.lower > -.infinity ? row.lower : row.upper
            if rhs.isFinite, rhs != 0 { lines.append("    RHS  \(names.rows[i])  \(Self.mpsNumber(rhs))") }
        }
        let ranged = rows.indices.filter { rows[$0].lower > -.infinity && rows[$0].upper < .infinity && rows[$0].lower != rows[$0].upper }
        if !ranged.isEmpty {
            lines.append("RANGES")
            for i in ranged {
                lines.append("    RNG  \(names.rows[i])  \(Self.mpsNumber(rows[i].upper - rows[i].lower))")
            }
        }

        lines.append("BOUNDS")
        for (j, column) in columns.enumerated() {
            for (kind, value) in Self.mpsBounds(column) {
                lines.append(" \(kind) BND  \(names.columns[j])" + (value.map { "  \(Self.mpsNumber($0))" } ?? ""))
            }
        }
        lines.append("ENDATA")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mpsRowType(_ row: Row) -> String {
        switch (row.lower > -.infinity, row.upper < .infinity) {
        case (true, true): row.lower == row.upper ? "E" : "G"
        case (true, false): "G"
        case (false, true): "L"
        case (false, false): "N"
        }
    }

    /// The BOUNDS entries of a column (kind and value, nil for the kinds without one); none for the default [0, ∞)
    /// of a continuous column.
    private static func mpsBounds(_ column: Column) -> [(String, Double?)] {
        let (lower, upper) = (column.lower, column.upper)
        if lower == upper { return [("FX", lower)] }
        if column.isInteger {
            if lower == 0, upper == 1 { return [("BV", nil)] }
            return [
                lower == -.infinity ? ("MI", nil) : ("LI", lower),
                upper == .infinity ? ("PL", nil) : ("UI", upper),
            ]
        }
        if lower == -.infinity, upper == .infinity { return [("FR", nil)] }
        var entries: [(String, Double?)] = []
        if lower == -.infinity {
            entries.append(("MI", nil))
        } else if lower != 0 {
            entries.append(("LO", lower))
        }
        if upper < .infinity { entries.append(("UP", upper)) }
        return entries
    }

    /// Shortest text that reads back as the same Double (Swift's description), which strtod/atof parse.
    private static func mpsNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}

/// The names an MPS file gives a model's columns and rows: each made MPS-safe (no spaces, quotes or `$`, nothing
/// a reader takes for a section keyword, a bound/range set or a comment) and unique within its kind.
struct MPSNames {
    static let objective = "obj"
    /// Section keywords (a reader takes a data line starting with one for a new section) and this writer's
    /// set names (HiGHS takes a column named like the bound set for the set-less SIF form).
    static let reserved: Set<String> = [
        "NAME", "OBJSENSE", "MAX", "MIN", "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS", "ENDATA",
        "QSECTION", "QMATRIX", "QUADOBJ", "QCMATRIX", "CSECTION", "DELAYEDROWS", "MODELCUTS", "INDICATORS",
        "SETS", "SOS", "GENCONS", "PWLOBJ", "PWLNAM", "PWLCON", "MARKER", "BND", "RNG", "OBJ",
    ]

    let columns: [String]
    let rows: [String]

    init(_ model: LinearModel) {
        columns = Self.unique(model.columns.map(\.name), fallback: "x")
        rows = Self.unique(model.rows.map(\.name), fallback: "r")
    }

    /// `name` with every character outside letters, digits and `_.-[](),:@#+/<>=!?~^&%{}|` replaced by `_`;
    /// `fallback` when empty.
    static func safe(_ name: String, fallback: String) -> String {
        let allowed = Set("_.-[](),:@#+/<>=!?~^&%{}|")
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            let character = Character(scalar)
            return scalar.isASCII && (character.isLetter || character.isNumber || allowed.contains(character))
                ? character : "_"
        })
        return cleaned.isEmpty ? fallback : cleaned
    }

    /// Safe names, distinct from each other and from the reserved words (a clash gets `_2`, `_3`, …).
    private static func unique(_ names: [String], fallback: String) -> [String] {
        var taken: Set<String> = []
        return names.enumerated().map { index, name in
            let base = safe(name, fallback: "\(fallback)\(index)")
            var candidate = base
            var suffix = 1
            while taken.contains(candidate) || reserved.contains(candidate.uppercased()) {
                suffix += 1
                candidate = "\(base)_\(suffix)"
            }
            taken.insert(candidate)
            return candidate
        }
    }
}
