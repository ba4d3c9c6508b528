import DSOModel

/// An interface point's scheduled net import, in whichever of the three forms the file uses.
extension GridReader {
    /// One of `schedule_kw` (constant from 0 for `constantScheduleSeconds`), `[[…schedule]]` entries or
    /// `schedule_csv`; giving two is reported, since which one wins would be a guess.
    func readSchedule(_ section: TableReader, interfacePoint: Int, constantScheduleSeconds: Double) {
        let given = ["schedule_kw", "schedule", "schedule_csv"].filter(section.has)
        if given.count > 1 {
            diagnostics.report(section.path(given[1]), "found both \(given.joined(separator: " and ")), expected only one schedule form")
        }
        if let constant = section.optionalDouble("schedule_kw") {
            schedules.append(ScheduleEntry(interfacePoint: interfacePoint, startSeconds: 0,
                                           endSeconds: constantScheduleSeconds, netImportKW: constant))
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
}
