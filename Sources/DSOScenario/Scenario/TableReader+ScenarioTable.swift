/// Opening a table of a declared kind holds its reader to that kind's keys, so every reader of scenario
/// tables (the scenario loader, `GridReader`, a real-device grid) is checked against the one declaration.
extension TableReader {
    /// The `[[kind]]` tables, each held (in debug builds) to the keys `kind` declares.
    package func tables(_ kind: ScenarioTable) -> [TableReader] {
        assert(kind.isArray, "\(kind.key) is not written [[\(kind.key)]]")
        let sections = tables(kind.key)
        for section in sections { section.declaredKeys = kind.declaredKeys }
        return sections
    }

    /// The `[kind]` table, held (in debug builds) to the keys `kind` declares.
    package func subtable(_ kind: ScenarioTable) -> TableReader? {
        assert(!kind.isArray && kind != .root, "\(kind.key) is not written [\(kind.key)]")
        let section = subtable(kind.key)
        section?.declaredKeys = kind.declaredKeys
        return section
    }
}
