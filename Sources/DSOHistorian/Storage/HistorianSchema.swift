import GRDB

/// The historian's tables, created and evolved by numbered migrations (never edit a shipped one: add one).
enum HistorianSchema {
    /// Every table has `wall_time_s` (Unix seconds, indexed): retention deletes by it. Telemetry retention
    /// applies to these; the audit tables keep their own, longer retention (NERC CIP asks at least 90 days).
    static let telemetryTables = ["cycle_summary", "interface_sample", "telemetry", "event", "schedule", "forecast", "plan"]
    static let auditTables = ["operator_action"]
    /// Hourly means of the telemetry, kept longer than the telemetry (`hourlyRetentionDays`).
    static let hourlyTables = ["telemetry_hour"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cycles, telemetry, events, schedules, operator actions") { db in
            try db.execute(sql: """
                CREATE TABLE cycle_summary (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, cycle_index INTEGER NOT NULL,
                    time_s REAL NOT NULL, signal REAL, award_kw REAL, regulation_target_kw REAL,
                    regulation_command_kw REAL, regulation_response_kw REAL, regulation_available_up_kw REAL,
                    regulation_available_down_kw REAL, aggregate_soc REAL, controllable_resources INTEGER,
                    setpoint_digest INTEGER);
                CREATE INDEX cycle_summary_wall_time ON cycle_summary(wall_time_s);
                CREATE TABLE interface_sample (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, cycle_index INTEGER NOT NULL,
                    interface_point INTEGER NOT NULL, net_import_kw REAL, scheduled_kw REAL, ace_kw REAL,
                    regulation_request_kw REAL, flags INTEGER NOT NULL);
                CREATE INDEX interface_sample_wall_time ON interface_sample(wall_time_s);
                CREATE TABLE telemetry (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, time_s REAL NOT NULL,
                    resource INTEGER NOT NULL, measured_kw REAL, available_up_kw REAL, available_down_kw REAL,
                    soc REAL, fault_code INTEGER NOT NULL, health INTEGER NOT NULL, setpoint_kw REAL,
                    base_point_kw REAL, regulation_kw REAL, is_fallback INTEGER NOT NULL);
                CREATE INDEX telemetry_wall_time ON telemetry(wall_time_s);
                CREATE INDEX telemetry_resource ON telemetry(resource, id);
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, time_s REAL NOT NULL, code TEXT NOT NULL,
                    subject INTEGER NOT NULL, value REAL, detail REAL);
                CREATE INDEX event_wall_time ON event(wall_time_s);
                CREATE TABLE schedule (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, source TEXT NOT NULL,
                    interface_point INTEGER NOT NULL, start_s REAL NOT NULL, end_s REAL NOT NULL,
                    net_import_kw REAL NOT NULL, accepted INTEGER NOT NULL);
                CREATE INDEX schedule_wall_time ON schedule(wall_time_s);
                CREATE TABLE operator_action (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
                    action TEXT NOT NULL, detail TEXT NOT NULL, outcome TEXT NOT NULL);
                CREATE INDEX operator_action_wall_time ON operator_action(wall_time_s);
                """)
        }
        migrator.registerMigration("v2: where each operator action came from") { db in
            try db.execute(sql: "ALTER TABLE operator_action ADD COLUMN remote_address TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v3: runs, and schedules on the wall clock with their layer") { db in
            // Kernel time restarts at 0 with every run: rows of different runs are told apart by `run_id`, and a
            // schedule interval is kept in UTC (`start_unix_s`, `end_unix_s`) so a restart can restore it.
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY, started_wall_time_s REAL NOT NULL, kernel_epoch_unix_s REAL,
                    schedule_anchor_unix_s REAL, schedule_digest TEXT, stopped_wall_time_s REAL, stop_reason TEXT);
                ALTER TABLE schedule ADD COLUMN layer TEXT NOT NULL DEFAULT 'day_ahead';
                ALTER TABLE schedule ADD COLUMN start_unix_s REAL;
                ALTER TABLE schedule ADD COLUMN end_unix_s REAL;
                CREATE INDEX schedule_end_unix ON schedule(end_unix_s);
                """)
            // The tables of v1/v2, written out: a shipped migration must not change when later ones add tables.
            for table in ["cycle_summary", "interface_sample", "telemetry", "event", "schedule", "operator_action"] {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN run_id INTEGER NOT NULL DEFAULT 0")
            }
        }
        migrator.registerMigration("v4: forecasts, and hourly telemetry means") { db in
            // One row per forecast hour: the scheduler and the console read a target's latest forecast of an
            // hour, the backtests of the service's own forecasts read every issue of it.
            try db.execute(sql: """
                CREATE TABLE forecast (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, run_id INTEGER NOT NULL DEFAULT 0,
                    target TEXT NOT NULL, kind TEXT NOT NULL, interface_point TEXT NOT NULL, horizon TEXT NOT NULL,
                    forecaster TEXT NOT NULL, issue_unix_s INTEGER NOT NULL, hour_start_unix_s INTEGER NOT NULL,
                    p10_kw REAL, p50_kw REAL, p90_kw REAL, baseline_kw REAL);
                CREATE INDEX forecast_wall_time ON forecast(wall_time_s);
                CREATE INDEX forecast_target_issue ON forecast(target, horizon, issue_unix_s);
                """)
            // Sums and counts per resource and UTC hour, kept by SQLite itself on every telemetry insert (whoever
            // writes it) and outliving the raw rows' retention: the forecasts read weeks of history from here
            // without scanning millions of samples. Existing telemetry is summed in once.
            try db.execute(sql: """
                CREATE TABLE telemetry_hour (
                    resource INTEGER NOT NULL, hour_start_unix_s INTEGER NOT NULL, wall_time_s REAL NOT NULL,
                    measured_sum_kw REAL NOT NULL, measured_count INTEGER NOT NULL,
                    setpoint_sum_kw REAL NOT NULL, setpoint_count INTEGER NOT NULL,
                    PRIMARY KEY (hour_start_unix_s, resource)) WITHOUT ROWID;
                CREATE INDEX telemetry_hour_wall_time ON telemetry_hour(wall_time_s);
                INSERT INTO telemetry_hour
                    SELECT resource, CAST(wall_time_s / 3600 AS INTEGER) * 3600 AS hour, CAST(wall_time_s / 3600 AS INTEGER) * 3600,
                        TOTAL(measured_kw), COUNT(measured_kw), TOTAL(setpoint_kw), COUNT(setpoint_kw)
                    FROM telemetry GROUP BY resource, hour;
                CREATE TRIGGER telemetry_hour_rollup AFTER INSERT ON telemetry BEGIN
                    INSERT INTO telemetry_hour VALUES (
                        NEW.resource, CAST(NEW.wall_time_s / 3600 AS INTEGER) * 3600, CAST(NEW.wall_time_s / 3600 AS INTEGER) * 3600,
                        COALESCE(NEW.measured_kw, 0), NEW.measured_kw IS NOT NULL,
                        COALESCE(NEW.setpoint_kw, 0), NEW.setpoint_kw IS NOT NULL)
                    ON CONFLICT (hour_start_unix_s, resource) DO UPDATE SET
                        measured_sum_kw = measured_sum_kw + excluded.measured_sum_kw,
                        measured_count = measured_count + excluded.measured_count,
                        setpoint_sum_kw = setpoint_sum_kw + excluded.setpoint_sum_kw,
                        setpoint_count = setpoint_count + excluded.setpoint_count;
                END;
                """)
        }
        migrator.registerMigration("v5: plans") { db in
            // Each plan whole, as JSON: what the planner decided is read back exactly as it was (API, console,
            // settlement), whatever the planner's types become.
            try db.execute(sql: """
                CREATE TABLE plan (
                    id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, run_id INTEGER NOT NULL DEFAULT 0,
                    kind TEXT NOT NULL, day TEXT NOT NULL, issue_unix_s INTEGER NOT NULL,
                    first_interval_unix_s INTEGER NOT NULL, json TEXT NOT NULL);
                CREATE INDEX plan_wall_time ON plan(wall_time_s);
                CREATE INDEX plan_kind ON plan(kind, id);
                """)
        }
        return migrator
    }
}
