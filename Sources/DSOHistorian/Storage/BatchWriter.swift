import DSOStatusSchema
import GRDB

/// Inserts one batch of entries inside the caller's transaction, with cached prepared statements; every row
/// carries the id of the run that wrote it.
enum BatchWriter {
    static func insert(_ batch: [HistorianEntry], into db: Database, runID: Int64) throws {
        for entry in batch {
            switch entry {
            case .cycle(let cycle): try insert(cycle, db, runID)
            case .telemetry(let sample): try insert(sample, db, runID)
            case .event(let event):
                try db.cachedStatement(sql: """
                    INSERT INTO event (wall_time_s, time_s, code, subject, value, detail, run_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [event.wallTimeSeconds, event.timeSeconds, event.code, event.subject,
                                             event.value, event.detail, runID])
            case .schedule(let schedule):
                try db.cachedStatement(sql: """
                    INSERT INTO schedule (wall_time_s, source, interface_point, start_s, end_s, net_import_kw, accepted,
                        layer, start_unix_s, end_unix_s, run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [schedule.wallTimeSeconds, schedule.source, schedule.interfacePoint,
                                             schedule.startSeconds, schedule.endSeconds, schedule.netImportKW,
                                             schedule.accepted, schedule.layer.description, schedule.startUnixSeconds,
                                             schedule.endUnixSeconds, runID])
            case .operatorAction(let action):
                try db.cachedStatement(sql: """
                    INSERT INTO operator_action (wall_time_s, actor, role, action, detail, outcome, remote_address, run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [action.wallTimeSeconds, action.actor, action.role, action.action,
                                             action.detail, action.outcome, action.remoteAddress, runID])
            case .forecast(let forecast, let wallTimeSeconds): try insert(forecast, wallTimeSeconds, db, runID)
            case .plan(let plan):
                try db.cachedStatement(sql: """
                    INSERT INTO plan (wall_time_s, run_id, kind, day, issue_unix_s, first_interval_unix_s, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [plan.wallTimeSeconds, runID, plan.kind, plan.day, plan.issueUnixSeconds,
                                             plan.firstIntervalUnixSeconds, plan.json])
            }
        }
    }

    private static func insert(_ cycle: CycleSummary, _ db: Database, _ runID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cycle_summary (wall_time_s, cycle_index, time_s, signal, award_kw, regulation_target_kw,
                regulation_command_kw, regulation_response_kw, regulation_available_up_kw,
                regulation_available_down_kw, aggregate_soc, controllable_resources, setpoint_digest, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                cycle.wallTimeSeconds, cycle.cycleIndex, cycle.timeSeconds, cycle.signal.finiteOrNil,
                cycle.awardKW.finiteOrNil, cycle.regulationTargetKW.finiteOrNil, cycle.regulationCommandKW.finiteOrNil,
                cycle.regulationResponseKW.finiteOrNil, cycle.regulationAvailableUpKW.finiteOrNil,
                cycle.regulationAvailableDownKW.finiteOrNil, cycle.aggregateSOC, cycle.controllableResources,
                // SQLite integers are signed: the digest is kept bit for bit.
                Int64(bitPattern: cycle.setpointDigest), runID,
            ])
        let statement = try db.cachedStatement(sql: """
            INSERT INTO interface_sample (wall_time_s, cycle_index, interface_point, net_import_kw, scheduled_kw,
                ace_kw, regulation_request_kw, flags, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for point in cycle.interfacePoints {
            try statement.execute(arguments: [
                cycle.wallTimeSeconds, cycle.cycleIndex, point.interfacePoint, point.netImportKW.finiteOrNil,
                point.scheduledKW.finiteOrNil, point.aceKW.finiteOrNil, point.regulationRequestKW.finiteOrNil,
                point.flags, runID,
            ])
        }
    }

    private static func insert(_ sample: TelemetrySample, _ db: Database, _ runID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO telemetry (wall_time_s, time_s, resource, measured_kw, available_up_kw, available_down_kw, soc,
                fault_code, health, setpoint_kw, base_point_kw, regulation_kw, is_fallback, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                sample.wallTimeSeconds, sample.timeSeconds, sample.resource, sample.measuredKW, sample.availableUpKW,
                sample.availableDownKW, sample.soc, sample.faultCode, sample.health, sample.setpointKW,
                sample.basePointKW, sample.regulationKW, sample.isFallback, runID,
            ])
    }

    private static func insert(_ forecast: ForecastDocument, _ wallTimeSeconds: Double, _ db: Database, _ runID: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO forecast (wall_time_s, run_id, target, kind, interface_point, horizon, forecaster, issue_unix_s,
                hour_start_unix_s, p10_kw, p50_kw, p90_kw, baseline_kw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for hour in forecast.hours {
            try statement.execute(arguments: [
                wallTimeSeconds, runID, forecast.target, forecast.kind, forecast.interfacePoint, forecast.horizon,
                forecast.forecaster, forecast.issueUnixSeconds, hour.startUnixSeconds, hour.p10KW, hour.p50KW, hour.p90KW,
                hour.baselineKW,
            ])
        }
    }
}
