import DSOModel
import GRDB

/// Reads for the API and for tests: newest first, bounded by `limit`. Only committed rows are visible;
/// call `flush()` first to see entries still waiting for their commit.
extension Historian {
    public func events(limit: Int = 100, sinceWallSeconds: Double = -.infinity) throws(HistorianError) -> [EventRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM event WHERE wall_time_s >= ? ORDER BY id DESC LIMIT ?
                """, arguments: [sinceWallSeconds.isFinite ? sinceWallSeconds : -1e300, limit]).map { row in
                EventRecord(id: row["id"], wallTimeSeconds: row["wall_time_s"], timeSeconds: row["time_s"],
                            code: row["code"], subject: row["subject"], value: row["value"], detail: row["detail"])
            }
        }
    }

    public func schedules(limit: Int = 100) throws(HistorianError) -> [ScheduleReceipt] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM schedule ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.scheduleReceipt)
        }
    }

    static func scheduleReceipt(_ row: Row) -> ScheduleReceipt {
        let layerName: String = row["layer"]
        return ScheduleReceipt(
            id: row["id"], wallTimeSeconds: row["wall_time_s"], source: row["source"],
            entry: .init(interfacePoint: row["interface_point"], startSeconds: row["start_s"], endSeconds: row["end_s"],
                         netImportKW: row["net_import_kw"], layer: ScheduleLayer(name: layerName) ?? .dayAhead),
            accepted: row["accepted"], startUnixSeconds: row["start_unix_s"], endUnixSeconds: row["end_unix_s"],
            runID: row["run_id"])
    }

    public func operatorActions(limit: Int = 100) throws(HistorianError) -> [OperatorAction] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM operator_action ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map { row in
                    OperatorAction(id: row["id"], wallTimeSeconds: row["wall_time_s"], actor: row["actor"],
                                   role: row["role"], action: row["action"], detail: row["detail"],
                                   outcome: row["outcome"], remoteAddress: row["remote_address"])
                }
        }
    }

    /// Cycle summaries with their interface point rows, newest first.
    public func cycleSummaries(limit: Int = 100) throws(HistorianError) -> [CycleSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM cycle_summary ORDER BY id DESC LIMIT ?",
                                        arguments: [limit])
            return try rows.map { row in
                let cycleIndex: Int64 = row["cycle_index"]
                let wall: Double = row["wall_time_s"]
                let points = try Row.fetchAll(db, sql: """
                    SELECT * FROM interface_sample WHERE cycle_index = ? AND wall_time_s = ? ORDER BY interface_point
                    """, arguments: [cycleIndex, wall]).map { point in
                    InterfacePointSample(interfacePoint: point["interface_point"],
                                         netImportKW: point["net_import_kw"] ?? .nan,
                                         scheduledKW: point["scheduled_kw"] ?? .nan, aceKW: point["ace_kw"] ?? .nan,
                                         regulationRequestKW: point["regulation_request_kw"] ?? .nan,
                                         flags: point["flags"])
                }
                let digest: Int64 = row["setpoint_digest"] ?? 0
                return CycleSummary(
                    wallTimeSeconds: wall, cycleIndex: cycleIndex, timeSeconds: row["time_s"],
                    signal: row["signal"] ?? .nan, awardKW: row["award_kw"] ?? .nan,
                    regulationTargetKW: row["regulation_target_kw"] ?? .nan,
                    regulationCommandKW: row["regulation_command_kw"] ?? .nan,
                    regulationResponseKW: row["regulation_response_kw"] ?? .nan,
                    regulationAvailableUpKW: row["regulation_available_up_kw"] ?? .nan,
                    regulationAvailableDownKW: row["regulation_available_down_kw"] ?? .nan,
                    aggregateSOC: row["aggregate_soc"], controllableResources: row["controllable_resources"] ?? 0,
                    setpointDigest: UInt64(bitPattern: digest), interfacePoints: points)
            }
        }
    }

    /// Stored telemetry of one resource, newest first.
    public func telemetry(resource: Int, limit: Int = 100) throws(HistorianError) -> [TelemetrySample] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM telemetry WHERE resource = ? ORDER BY id DESC LIMIT ?",
                             arguments: [resource, limit]).map { row in
                TelemetrySample(wallTimeSeconds: row["wall_time_s"], timeSeconds: row["time_s"],
                                resource: row["resource"], measuredKW: row["measured_kw"],
                                availableUpKW: row["available_up_kw"], availableDownKW: row["available_down_kw"],
                                soc: row["soc"], faultCode: row["fault_code"], health: row["health"],
                                setpointKW: row["setpoint_kw"], basePointKW: row["base_point_kw"],
                                regulationKW: row["regulation_kw"], isFallback: row["is_fallback"])
            }
        }
    }

    /// Rows in each table, by table name.
    public func rowCounts() throws(HistorianError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in HistorianSchema.telemetryTables + HistorianSchema.auditTables + HistorianSchema.hourlyTables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// The journal mode SQLite reports (`wal` when the historian is healthy).
    public func journalMode() throws(HistorianError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    func read<T>(_ body: (Database) throws -> T) throws(HistorianError) -> T {
        do { return try database.read(body) } catch { throw .readFailed(path: path, reason: "\(error)") }
    }
}
