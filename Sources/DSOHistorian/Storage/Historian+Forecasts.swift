import DSOModel
public import DSOStatusSchema
import GRDB

/// The forecast layer's reads: hourly means of the meters it learns from, and the forecasts it stored.
extension Historian {
    /// Each resource's telemetry averaged over the UTC hours that start in `fromUnixSeconds ..< toUnixSeconds`,
    /// across runs (a restart does not cut the history), in hour order: from `telemetry_hour`, which SQLite keeps
    /// on every telemetry insert and which outlives the raw rows.
    public func hourlyTelemetry(fromUnixSeconds: Int64, toUnixSeconds: Int64) throws(HistorianError) -> [HourlyTelemetry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT resource, hour_start_unix_s, measured_sum_kw / measured_count AS measured,
                    CASE WHEN setpoint_count > 0 THEN setpoint_sum_kw / setpoint_count END AS setpoint, measured_count
                FROM telemetry_hour WHERE hour_start_unix_s >= ? AND hour_start_unix_s < ? AND measured_count > 0
                ORDER BY hour_start_unix_s, resource
                """, arguments: [fromUnixSeconds, toUnixSeconds]).map { row in
                HourlyTelemetry(resource: row["resource"], hourStartUnixSeconds: row["hour_start_unix_s"],
                                meanMeasuredKW: row["measured"], meanSetpointKW: row["setpoint"], samples: row["measured_count"])
            }
        }
    }

    /// The latest forecast of each target and horizon (optionally one target or horizon), in target order.
    public func latestForecasts(target: String? = nil, horizon: String? = nil) throws(HistorianError) -> [ForecastDocument] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.* FROM forecast f JOIN (
                    SELECT target, horizon, MAX(issue_unix_s) AS issue FROM forecast
                    WHERE (? IS NULL OR target = ?) AND (? IS NULL OR horizon = ?) GROUP BY target, horizon
                ) latest ON f.target = latest.target AND f.horizon = latest.horizon AND f.issue_unix_s = latest.issue
                ORDER BY f.target, f.horizon, f.id
                """, arguments: [target, target, horizon, horizon])
            return Self.forecastDocuments(rows)
        }
    }

    /// The forecasts of one target and horizon issued in `fromUnixSeconds ..< toUnixSeconds`, oldest first, at
    /// most `limit` (what a service's own forecasts are scored on).
    public func forecasts(target: String, horizon: String, issuedFromUnixSeconds from: Int64, toUnixSeconds to: Int64,
                          limit: Int = 1000) throws(HistorianError) -> [ForecastDocument] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM forecast WHERE target = ? AND horizon = ? AND issue_unix_s >= ? AND issue_unix_s < ?
                    AND issue_unix_s IN (SELECT DISTINCT issue_unix_s FROM forecast WHERE target = ? AND horizon = ?
                        AND issue_unix_s >= ? AND issue_unix_s < ? ORDER BY issue_unix_s LIMIT ?)
                ORDER BY issue_unix_s, id
                """, arguments: [target, horizon, from, to, target, horizon, from, to, limit])
            return Self.forecastDocuments(rows)
        }
    }

    /// Rows grouped into documents by (target, horizon, issue); a forecast stored twice keeps its latest copy.
    static func forecastDocuments(_ rows: [Row]) -> [ForecastDocument] {
        var documents: [ForecastDocument] = []
        var latestWall: [Double] = []
        for row in rows {
            let target: String = row["target"], horizon: String = row["horizon"], issue: Int64 = row["issue_unix_s"]
            let wall: Double = row["wall_time_s"]
            let hour = ForecastHour(startUnixSeconds: row["hour_start_unix_s"], p10KW: row["p10_kw"], p50KW: row["p50_kw"],
                                    p90KW: row["p90_kw"], baselineKW: row["baseline_kw"])
            if let last = documents.indices.last, documents[last].target == target, documents[last].horizon == horizon,
               documents[last].issueUnixSeconds == issue {
                if wall > latestWall[last] {
                    documents[last].hours = [hour]
                    latestWall[last] = wall
                } else if wall == latestWall[last] {
                    documents[last].hours.append(hour)
                }
                continue
            }
            documents.append(ForecastDocument(target: target, kind: row["kind"], interfacePoint: row["interface_point"],
                                              horizon: horizon, forecaster: row["forecaster"], issueUnixSeconds: issue,
                                              issued: UTCTimestamp.text(unixSeconds: Double(issue)), hours: [hour]))
            latestWall.append(wall)
        }
        return documents
    }
}
