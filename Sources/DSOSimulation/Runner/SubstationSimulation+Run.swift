import DSOCycleLoop
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
        externalISO = options.externalISO
        if let path = options.inputCapturePath {
            try loop.captureInputs(to: path)
        }
        var events = EventTally()
        let drain = { [self] in drainOutputs(recorder, &events, options) }
        let started = DispatchTime.now().uptimeNanoseconds
        var timerStatistics: CycleStatistics?
        switch options.clock {
        case .virtual:
            var cycle: Int64 = 0
            loop.runVirtual(cycles: cycles) {
                noteSOC()
                drain()
                cycle += 1
                options.afterEachCycle?(kernel, Double(cycle) * periodSeconds)
            }
        case .realTime:
            loop.afterEachCycle { [self] _, _ in noteSOC() }
            _ = try loop.startRealClock(cycleLimit: cycles)
            loop.waitForLimit(whileWaiting: drain)
            timerStatistics = loop.stopRealClock()
            drain()
        }
        let wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) * 1e-9
        loop.devices.close()
        try recorder.finish()
        try loop.finishCapture()
        return SimulationSummary(simulation: self, cycles: cycles, wallSeconds: wallSeconds,
                                 scores: recorder.scoreboard.summary(), samples: recorder.samples,
                                 events: events, timer: timerStatistics)
    }

    /// Recorder side: records and events to the recorder and the tally, and to the run's observers.
    private func drainOutputs(_ recorder: RunRecorder, _ events: inout EventTally, _ options: SimulationOptions) {
        kernel.records.consume { record in
            options.onRecord?(record)
            recorder.consume(record)
        }
        _ = kernel.records.events.drain { event in
            options.onEvent?(event)
            events.add(event)
        }
        // Refusals are counted by the kernel (the summary's refused schedules) and raised as events.
        kernel.scheduleOutcomes.drain { _ in }
    }
}
