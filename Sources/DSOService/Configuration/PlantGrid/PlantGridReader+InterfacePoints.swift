import DSOModel
import DSOSimulation

/// `[[interface_points]]` of a real grid: limits, band, meter and schedule.
extension PlantGridReader {
    func readInterfacePoints() {
        let sections = root.tables("interface_points")
        if sections.isEmpty && !root.has("interface_points") {
            diagnostics.report("interface_points", "missing required key, expected at least one [[interface_points]] table")
        }
        for section in sections {
            rejectSimulationKeys(section, section: "interface_points")
            let id = section.requiredString("id")
            let index = interfacePoints.count
            if !id.isEmpty, interfacePointIndex[id] != nil {
                section.report("id", found: "\"\(id)\"", expected: "an interface point id not used before")
            } else if !id.isEmpty {
                interfacePointIndex[id] = index
            }
            interfacePoints.append(InterfacePointSpec(
                id: id, importLimitKW: section.requiredDouble("import_limit_kw", .positive),
                exportLimitKW: section.requiredDouble("export_limit_kw", .nonNegative),
                deviationBandKW: section.double("deviation_band_kw", default: 0, .nonNegative),
                hasMeter: section.bool("has_meter", default: true)))
            readSchedule(section, interfacePoint: index)
            section.finish()
        }
    }

    /// One of `schedule_kw` (constant from the start, until replaced), `[[…schedule]]` entries or `schedule_csv`.
    private func readSchedule(_ section: TableReader, interfacePoint: Int) {
        let given = ["schedule_kw", "schedule", "schedule_csv"].filter(section.has)
        if given.count > 1 {
            diagnostics.report(section.path(given[1]), "found both \(given.joined(separator: " and ")), expected only one schedule form")
        }
        if let constant = section.optionalDouble("schedule_kw") {
            schedules.append(ScheduleEntry(interfacePoint: interfacePoint, startSeconds: 0,
                                           endSeconds: ServiceConfiguration.PlantGrid.constantScheduleSeconds,
                                           netImportKW: constant))
        }
        for entry in section.tables("schedule") {
            let start = entry.requiredDouble("start_s", .nonNegative)
            let end = entry.requiredDouble("end_s", .positive)
            let kw = entry.requiredDouble("net_import_kw")
            if end <= start {
                entry.report("end_s", found: "\(end)", expected: "a time later than start_s (\(start))")
            }
            schedules.append(ScheduleEntry(interfacePoint: interfacePoint, startSeconds: start, endSeconds: end, netImportKW: kw))
            entry.finish()
        }
        if let written = section.optionalString("schedule_csv") {
            do {
                for row in try ScheduleCSV.load(path: resolve(written)) {
                    schedules.append(ScheduleEntry(interfacePoint: interfacePoint, startSeconds: row.startSeconds,
                                                   endSeconds: row.endSeconds, netImportKW: row.netImportKW))
                }
            } catch {
                diagnostics.report(section.path("schedule_csv"), "bad schedule: \(error)")
            }
        }
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
