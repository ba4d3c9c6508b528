import GRDB

/// The plans the service made, for the API and the console.
extension Historian {
    /// The latest plan of `kind` (`day-ahead`, `intraday`), or nil.
    public func latestPlan(kind: String) throws(HistorianError) -> StoredPlan? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE kind = ? ORDER BY id DESC LIMIT 1", arguments: [kind]).map(Self.storedPlan)
        }
    }

    /// Plans newest first, optionally of one kind, at most `limit`.
    public func plans(kind: String? = nil, limit: Int = 10) throws(HistorianError) -> [StoredPlan] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM plan WHERE (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?",
                             arguments: [kind, kind, limit]).map(Self.storedPlan)
        }
    }

    static func storedPlan(_ row: Row) -> StoredPlan {
        StoredPlan(id: row["id"], wallTimeSeconds: row["wall_time_s"], kind: row["kind"], day: row["day"],
                   issueUnixSeconds: row["issue_unix_s"], firstIntervalUnixSeconds: row["first_interval_unix_s"], json: row["json"])
    }
}
