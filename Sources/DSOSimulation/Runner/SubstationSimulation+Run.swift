import DSOScenario
import DSOKernel
import DSORuntime
import Foundation

extension SubstationSimulation {
    /// Runs the scenario for `options.durationSeconds` and returns the summary.
    public func run(_ options: SimulationOptions) throws -> SimulationSummary {
        let cycles = Int64((options.durationSeconds / periodSeconds).rounded(.down))
        guard cycles > 0 else {
            throw SimulationError.invalidSetting(key: "duration", message: "\(options.durationSeconds) s is shorter than one cycle (\(periodSeconds) s)")
        }
        let sampleCycles = Int64((scenario.run.recordPeriodSeconds / periodSeconds).rounded())
        try prepareSignal(durationSeconds: options.durationSeconds)
        let recorder = try RunRecorder(model: scenario.model, samplePeriodCycles: sampleCycles, csvPath: options.recordPath)
        recorder.liveScores = options.liveScores
        externalInbound = options.externalInbound
        onRecord = options.onRecord
        onEvent = options.onEvent
        if let path = options.inputCapturePath {
            capture = try InputCapture(path: path, kernel: kernel)
        }
        var events = EventTally()
        let started = DispatchTime.now().uptimeNanoseconds
        var timerStatistics: CycleStatistics?
        switch options.clock {
        case .virtual:
            for index in 0..<cycles {
                cycle(index)
                drainOutputs(recorder, &events)
            }
        case .realTime:
            timerStatistics = try runOnTimer(cycles: cycles, recorder: recorder, events: &events)
        }
        let wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) * 1e-9
        driverHost?.stop()
        try recorder.finish()
        try capture?.finish()
        capture = nil
        return SimulationSummary(simulation: self, cycles: cycles, wallSeconds: wallSeconds,
                                 scores: recorder.scoreboard.summary(), samples: recorder.samples,
                                 events: events, timer: timerStatistics)
    }

    /// Recorder side: records and events to the recorder and the tally, and to the run's observers.
    private func drainOutputs(_ recorder: RunRecorder, _ events: inout EventTally) {
        kernel.records.consume { record in
            onRecord?(record)
            recorder.consume(record)
        }
        _ = kernel.records.events.drain { event in
            onEvent?(event)
            events.add(event)
        }
    }

    /// Real clock: the device side and the kernel run on the timer's queue; this thread records.
    private func runOnTimer(cycles: Int64, recorder: RunRecorder, events: inout EventTally) throws -> CycleStatistics {
        let period = try CyclePeriod(nanoseconds: periodNanoseconds)
        let finished = DispatchSemaphore(value: 0)
        let state = TimerRunState()
        let timer = CycleTimer(period: period, label: "org.opendso.kernel") { [self] tick in
            guard !state.done else { return }
            if tick.missedTicks > 0 { kernel.noteOverruns(Int(tick.missedTicks)) }
            // Grid time on the kernel's clock; cycles merged by a late tick are skipped, not replayed.
            cycle(tick.cycleIndex)
            if tick.cycleIndex + 1 >= cycles {
                state.done = true
                finished.signal()
            }
        }
        timer.start()
        while finished.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            drainOutputs(recorder, &events)
        }
        timer.stop()
        drainOutputs(recorder, &events)
        return timer.statistics
    }
}

/// Completion flag shared between the timer queue (writer) and the recording thread (reader).
private final class TimerRunState: @unchecked Sendable {
    // Sendable: written once on the timer queue; the reader waits on a semaphore signalled after the
    // write, and `stop()` on the timer orders any later handler call before the final drain.
    var done = false
}
