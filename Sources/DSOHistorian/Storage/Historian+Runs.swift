import DSOModel
import GRDB

/// Runs: each start of the service is a run with an id stamped on every row it writes (kernel time and cycle
/// indices restart at 0 with every run), where its kernel time 0 sits in UTC, and which anchor its configured
/// schedules counted from — what a restart needs to carry on where the last run left off.
extension Historian {
    /// Starts a run: its row is committed at once and every row committed from now on carries its id.
    @discardableResult
    public func beginRun(startedWallSeconds: Double = WallClock.nowUnixSeconds()) throws(HistorianError) -> Int64 {
        let id = try write { db in
            try db.execute(sql: "INSERT INTO run (started_wall_time_s) VALUES (?)", arguments: [startedWallSeconds])
            return db.lastInsertedRowID
        }
        currentRun.store(id, ordering: .relaxed)
        return id
    }

    /// The run rows are being written for (0 before `beginRun`).
    public var runID: Int64 { currentRun.load(ordering: .relaxed) }

    /// Records where this run's kernel time 0 sits in UTC and what its configured schedules count from.
    public func noteScheduleAnchor(_ anchor: HistorianRun.ScheduleAnchor, kernelEpochUnixSeconds: Double) throws(HistorianError) {
        let id = runID
        try write { db in
            try db.execute(sql: """
                UPDATE run SET kernel_epoch_unix_s = ?, schedule_anchor_unix_s = ?, schedule_digest = ? WHERE id = ?
                """, arguments: [kernelEpochUnixSeconds, anchor.unixSeconds, anchor.digest, id])
        }
    }

    /// Marks this run as stopped cleanly (a run without it ended in a crash or `kill -9`).
    public func endRun(reason: String, wallSeconds: Double = WallClock.nowUnixSeconds()) throws(HistorianError) {
        let id = runID
        try write { db in
            try db.execute(sql: "UPDATE run SET stopped_wall_time_s = ?, stop_reason = ? WHERE id = ?",
                           arguments: [wallSeconds, reason, id])
        }
    }

    /// Runs, newest first.
    public func runs(limit: Int = 100) throws(HistorianError) -> [HistorianRun] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                let anchorSeconds: Double? = row["schedule_anchor_unix_s"]
                let digest: String? = row["schedule_digest"]
                return HistorianRun(
                    id: row["id"], startedWallSeconds: row["started_wall_time_s"],
                    kernelEpochUnixSeconds: row["kernel_epoch_unix_s"],
                    scheduleAnchor: anchorSeconds.flatMap { seconds in
                        digest.map { HistorianRun.ScheduleAnchor(unixSeconds: seconds, digest: $0) }
                    },
                    stoppedWallSeconds: row["stopped_wall_time_s"], stopReason: row["stop_reason"])
            }
        }
    }

    /// The intervals earlier runs had in force or ahead at UTC `unixSeconds`: every interval the kernel
    /// accepted that ends after it, in the order received (replaying them in order reproduces replacements),
    /// except those whose source starts with one of `excludingSourcePrefixes` (the configuration's own, which
    /// the service derives again from its files).
    public func schedulesInForce(atUnixSeconds unixSeconds: Double,
                                 excludingSourcePrefixes: [String] = []) throws(HistorianError) -> [ScheduleReceipt] {
        let id = runID
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM schedule WHERE accepted = 1 AND end_unix_s > ? AND run_id <> ? ORDER BY id
                """, arguments: [unixSeconds, id])
                .map(Self.scheduleReceipt)
                .filter { receipt in !excludingSourcePrefixes.contains { receipt.source.hasPrefix($0) } }
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(HistorianError) -> T {
        do { return try database.write(body) } catch { throw .writeFailed(path: path, reason: "\(error)") }
    }
}
