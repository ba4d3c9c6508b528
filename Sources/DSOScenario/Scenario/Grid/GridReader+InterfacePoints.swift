package import DSOModel

/// `[[interface_points]]`: id, limits, deviation band, meter flag and schedule; the lookup resources use.
extension GridReader {
    /// The `[[interface_points]]` tables, reporting their absence (a grid needs at least one).
    package func interfacePointTables() -> [TableReader] {
        let sections = root.tables(.interfacePoints)
        if sections.isEmpty && !root.has("interface_points") {
            diagnostics.report("interface_points", "missing required key, expected at least one [[interface_points]] table")
        }
        return sections
    }

    /// Reads one interface point and its schedule; a `schedule_kw` holds for `constantScheduleSeconds` (a
    /// scenario's run, a service's "until replaced"). The caller reads its own keys, then finishes `section`.
    @discardableResult
    package func readInterfacePoint(_ section: TableReader, constantScheduleSeconds: Double) -> InterfacePointSpec {
        let point = InterfacePointSpec(
            id: section.requiredString("id"), importLimitKW: section.requiredDouble("import_limit_kw", .positive),
            exportLimitKW: section.requiredDouble("export_limit_kw", .nonNegative),
            deviationBandKW: section.double("deviation_band_kw", default: 0, .nonNegative),
            hasMeter: section.bool("has_meter", default: true))
        let index = interfacePoints.count
        if !point.id.isEmpty, interfacePointIndex[point.id] != nil {
            section.report("id", found: "\"\(point.id)\"", expected: "an interface point id not used before")
        } else if !point.id.isEmpty {
            interfacePointIndex[point.id] = index
        }
        interfacePoints.append(point)
        readSchedule(section, interfacePoint: index, constantScheduleSeconds: constantScheduleSeconds)
        return point
    }

    /// The interface point index named by `interface_point`, reporting an unknown id with the valid ones.
    func interfacePoint(_ section: TableReader) -> Int {
        let id = section.requiredString("interface_point")
        guard !id.isEmpty else { return 0 }
        if let index = interfacePointIndex[id] { return index }
        let known = interfacePoints.map { "\"\($0.id)\"" }.joined(separator: ", ")
        section.report("interface_point", found: "\"\(id)\"", expected: "one of the interface point ids: \(known)")
        return 0
    }
}
