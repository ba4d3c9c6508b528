import DSOStatusSchema

/// Turns a status snapshot into the /metrics page: cycle timing, counters, drivers, interface points,
/// regulation, the historian and the API's own connections.
enum MetricsExposition {
    /// `connections`: the API's open connections and those refused at a limit, when a server renders the page.
    static func render(_ snapshot: StatusSnapshot, connections: (open: Int, refused: Int)? = nil) -> String {
        var out = PrometheusText()
        out.histogram("dso_cycle_duration_seconds", "Time the control kernel's step took.", snapshot.cycleDuration)
        out.histogram("dso_cycle_lateness_seconds", "How late each cycle started after its grid time.",
                      snapshot.cycleLateness)
        let kernel = snapshot.kernel
        counter(&out, "dso_cycles_total", "Cycles the kernel has run.", kernel.cycles)
        counter(&out, "dso_cycle_overruns_total", "Cycles that could not start on their grid point.", kernel.overruns)
        counter(&out, "dso_records_dropped_total", "Cycle records skipped because the recorder fell behind.",
                kernel.droppedRecords)
        counter(&out, "dso_events_dropped_total", "Kernel events lost because the events ring was full.",
                kernel.droppedEvents)
        counter(&out, "dso_schedules_refused_total", "Schedule entries the kernel refused.", kernel.refusedSchedules)
        counter(&out, "dso_commands_refused_total", "Operator commands the kernel refused.", kernel.refusedCommands)
        counter(&out, "dso_infeasible_cycles_total", "Cycles with an infeasible dispatch somewhere.",
                kernel.infeasibleCycles)
        gauge(&out, "dso_cycle_index", "Index of the latest recorded cycle.", Double(kernel.cycleIndex))
        gauge(&out, "dso_controllable_resources", "Resources under control in the latest cycle.",
              Double(kernel.controllableResources))

        out.family("dso_driver_reads_total", .counter, "Reads per driver instance since start, by outcome (ok: valid and on time).")
        for driver in snapshot.drivers {
            out.sample("dso_driver_reads_total", [("driver", driver.name), ("outcome", "ok")], Double(driver.readsOk))
            out.sample("dso_driver_reads_total", [("driver", driver.name), ("outcome", "failed")], Double(driver.readsFailed))
        }
        out.family("dso_driver_state", .gauge, "1 for each driver instance's current state (ok, stale, failed), else 0.")
        for driver in snapshot.drivers {
            for state in ["ok", "stale", "failed"] {
                out.sample("dso_driver_state", [("driver", driver.name), ("state", state)], driver.state == state ? 1 : 0)
            }
        }
        out.family("dso_driver_last_good_read_age_seconds", .gauge, "Time since each driver instance's latest valid read.")
        for driver in snapshot.drivers {
            out.sample("dso_driver_last_good_read_age_seconds", [("driver", driver.name)], driver.lastGoodReadAgeSeconds)
        }
        out.family("dso_driver_points", .gauge, "Lines in each driver instance's point map.")
        for driver in snapshot.drivers {
            out.sample("dso_driver_points", [("driver", driver.name)], Double(driver.points))
        }

        let pointFamilies: [(String, String, KeyPath<InterfacePointStatus, Double?>)] = [
            ("dso_interface_net_import_kw", "Net import at the interface point, load-positive, kW.", \.netImportKW),
            ("dso_interface_schedule_kw", "Scheduled net import, kW.", \.scheduledKW),
            ("dso_interface_deviation_kw", "Net import minus schedule, kW.", \.deviationKW),
            ("dso_interface_ace_kw", "Area control error at the interface point, kW.", \.aceKW),
        ]
        for (name, help, path) in pointFamilies {
            out.family(name, .gauge, help)
            for point in snapshot.interfacePoints { out.sample(name, [("interface_point", point.id)], point[keyPath: path]) }
        }
        out.family("dso_interface_out_of_band", .gauge, "1 when |ACE| is outside the deviation band.")
        for point in snapshot.interfacePoints {
            out.sample("dso_interface_out_of_band", [("interface_point", point.id)],
                       point.flags.contains("outOfBand") ? 1 : 0)
        }

        gauge(&out, "dso_regulation_signal", "Normalised regulation signal, -1..1.", kernel.signal)
        gauge(&out, "dso_regulation_award_kw", "Awarded regulation capacity, kW.", kernel.awardKW)
        gauge(&out, "dso_regulation_target_kw", "Regulation asked for (signal x award), kW.", kernel.regulationTargetKW)
        gauge(&out, "dso_regulation_response_kw", "Measured regulation response of the fleet, kW.",
              kernel.regulationResponseKW)
        out.family("dso_regulation_score", .gauge, "Regulation performance score, 0..1, by standard and component.")
        let scores = snapshot.regulationScores
        if let pjm = scores.pjm {
            for (component, value) in [("accuracy", pjm.accuracy), ("delay", pjm.delay), ("precision", pjm.precision),
                                       ("composite", pjm.composite)] {
                out.sample("dso_regulation_score", [("standard", "pjm"), ("component", component)], value.finite)
            }
        }
        out.sample("dso_regulation_score", [("standard", "pjm"), ("component", "hourly_composite")],
                   scores.pjmHourlyComposite)
        out.sample("dso_regulation_score", [("standard", "caiso"), ("component", "accuracy")], scores.caisoMeanAccuracy)
        gauge(&out, "dso_regulation_mileage_mw", "CAISO mileage so far, MW.", scores.caisoTotalMileageMW)

        out.family("dso_resource_measured_kw", .gauge, "Measured power per resource, generation-positive, kW.")
        for resource in snapshot.resources {
            out.sample("dso_resource_measured_kw", [("resource", resource.id)], resource.telemetry.measuredKW)
        }
        out.family("dso_resource_setpoint_kw", .gauge, "Published set point per resource, kW.")
        for resource in snapshot.resources {
            out.sample("dso_resource_setpoint_kw", [("resource", resource.id)], resource.setpoint.kw)
        }

        if let historian = snapshot.historian {
            gauge(&out, "dso_historian_pending_entries", "Entries waiting for the historian's next commit.",
                  Double(historian.pendingEntries))
            counter(&out, "dso_historian_refused_entries_total", "Entries the historian refused (queue full).",
                    historian.refusedEntries)
            counter(&out, "dso_historian_failed_commits_total", "Historian transactions that failed.",
                    historian.failedCommits)
        }
        if let connections {
            gauge(&out, "dso_api_connections_open", "Connections the API holds now.", Double(connections.open))
            counter(&out, "dso_api_connections_refused_total",
                    "Connections the API closed on arrival because a connection limit was reached.", connections.refused)
        }
        return out.text
    }

    private static func counter(_ out: inout PrometheusText, _ name: String, _ help: String, _ value: Int) {
        out.family(name, .counter, help)
        out.sample(name, [], Double(value))
    }

    private static func gauge(_ out: inout PrometheusText, _ name: String, _ help: String, _ value: Double?) {
        out.family(name, .gauge, help)
        out.sample(name, [], value)
    }
}
