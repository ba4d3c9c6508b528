import Testing
import DSOScenario

@Suite struct RegulationSignalTests {
    private let signal = try! RegulationSignal(timesSeconds: [10, 12, 14, 18], values: [0.1, -0.2, 0.3, 1])

    @Test func holdsTheLastSampleAtOrBeforeTheTime() {
        #expect(signal.value(atSeconds: 0) == 0.1)  // before the first sample: first value
        #expect(signal.value(atSeconds: 10) == 0.1)
        #expect(signal.value(atSeconds: 11.999) == 0.1)
        #expect(signal.value(atSeconds: 12) == -0.2)
        #expect(signal.value(atSeconds: 17.9) == 0.3)
        #expect(signal.value(atSeconds: 1000) == 1)
    }

    @Test func reportsSpanAndPeriod() {
        #expect(signal.durationSeconds == 8)
        #expect(signal.startSeconds == 10)
        #expect(signal.samplePeriodSeconds == 2)
        #expect(!signal.isUniformlySampled)
        let uniform = try! RegulationSignal(samplePeriodSeconds: 4, values: [0, 0.5, 1])
        #expect(uniform.isUniformlySampled)
        #expect(uniform.samplePeriodSeconds == 4)
        #expect(uniform.durationSeconds == 8)
    }

    @Test func cursorAgreesWithLookupForwardAndBackward() {
        let generated = RegulationSignal.regD(durationSeconds: 600, seed: 9)
        var cursor = generated.cursor()
        var time = -1.0
        while time < 610 {
            #expect(cursor.value(atSeconds: time) == generated.value(atSeconds: time))
            time += 0.1
        }
        for back in [300.0, 2, -5, 599.9] {
            #expect(cursor.value(atSeconds: back) == generated.value(atSeconds: back))
        }
    }

    @Test func rejectsUnusableSamples() {
        #expect(throws: RegulationSignalError.tooFewSamples(count: 1)) {
            try RegulationSignal(timesSeconds: [0], values: [0])
        }
        #expect(throws: RegulationSignalError.timeNotIncreasing(index: 2, timeSeconds: 2, previousSeconds: 2)) {
            try RegulationSignal(timesSeconds: [0, 2, 2], values: [0, 0, 0])
        }
        #expect(throws: RegulationSignalError.valueOutOfRange(index: 1, value: 1.5)) {
            try RegulationSignal(timesSeconds: [0, 2], values: [0, 1.5])
        }
        #expect(throws: RegulationSignalError.lengthMismatch(times: 2, values: 3)) {
            try RegulationSignal(timesSeconds: [0, 2], values: [0, 0, 0])
        }
        #expect(throws: RegulationSignalError.invalidSamplePeriod(seconds: 0)) {
            try RegulationSignal(samplePeriodSeconds: 0, values: [0, 0])
        }
    }

    @Test func mileageSumsAbsoluteChanges() {
        // |−0.2 − 0.1| + |0.3 + 0.2| + |1 − 0.3| = 0.3 + 0.5 + 0.7
        #expect(abs(signal.mileage - 1.5) < 1e-12)
        #expect(abs(signal.mileagePerHour - 1.5 / (8.0 / 3600)) < 1e-9)
        #expect(Array(signal.values(fromSeconds: 12, toSeconds: 18)) == [-0.2, 0.3])
    }
}
