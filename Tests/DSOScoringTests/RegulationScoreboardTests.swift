import Testing
import DSOScoring

@Suite struct RegulationScoreboardTests {
    private func feed(_ board: inout RegulationScoreboard, signal: [Double], response: [Double], periodSeconds: Double = 2, from: Int = 0, to: Int? = nil) {
        for index in from..<(to ?? signal.count) {
            board.record(timeSeconds: Double(index) * periodSeconds, signalMW: signal[index], responseMW: response[index])
        }
    }

    @Test func caisoIntervalClosesWhenTheNextIntervalStarts() throws {
        let signal = ScoringFixtures.randomWalkMW(count: 1000)
        var board = RegulationScoreboard()
        feed(&board, signal: signal, response: signal, to: 450)  // up to t = 898 s
        #expect(board.completedCAISOIntervals.isEmpty)
        #expect(try #require(board.currentCAISO).sampleCount == 225)
        feed(&board, signal: signal, response: signal, from: 450, to: 451)  // t = 900 s
        let closed = try #require(board.completedCAISOIntervals.first)
        #expect(board.completedCAISOIntervals.count == 1)
        #expect(closed.intervalStartSeconds == 0)
        #expect(closed.accuracy == 1)
        // Set points are the 4-s samples: every second 2-s sample.
        let fourSecond = stride(from: 0, to: 450, by: 2).map { signal[$0] }
        let expected = try #require(CAISOIntervalScore.intervalScores(
            setPointMW: fourSecond, responseMW: fourSecond, samplePeriodSeconds: 4).first)
        #expect(abs(closed.mileageMW - expected.mileageMW) < 1e-9)
        #expect(closed.sampleCount == 225)
    }

    @Test func pjmHourClosesAtTheHourAndMatchesTheBatchScore() throws {
        let signal = ScoringFixtures.randomWalkMW(count: 2400)
        let response = ScoringFixtures.delayed(signal, bySamples: 10).map { 0.8 * $0 }
        var board = RegulationScoreboard()
        feed(&board, signal: signal, response: response, to: 1800)
        #expect(board.completedPJMHours.isEmpty)
        #expect(try #require(board.currentPJM).score.sampleCount == 360)
        feed(&board, signal: signal, response: response, from: 1800, to: 1801)
        let hour = try #require(board.completedPJMHours.first)
        let batch = try #require(PJMPerformanceScore.scoring(
            signalMW: Array(signal[0..<1800]), responseMW: Array(response[0..<1800]), samplePeriodSeconds: 2))
        #expect(hour.hourStartSeconds == 0)
        #expect(hour.score == batch)
        #expect(try #require(board.currentPJM).hourStartSeconds == 3600)
    }

    @Test func partialHourIsScoredOnWhatArrived() throws {
        let signal = ScoringFixtures.randomWalkMW(count: 600)  // 20 min
        var board = RegulationScoreboard()
        feed(&board, signal: signal, response: signal)
        let partial = try #require(board.currentPJM)
        #expect(partial.score.sampleCount == 120)
        #expect(partial.isPartial)
        #expect(abs(partial.score.composite - 1) < 1e-9)
        let summary = board.summary()
        #expect(summary.pjmHours.count == 1)
        #expect(summary.caisoIntervals.map(\.intervalStartSeconds) == [0, 900])
        #expect(summary.caisoIntervals.map(\.sampleCount) == [225, 75])
    }

    @Test func summaryScoresTheWholeRunAsOneSeries() throws {
        let signal = ScoringFixtures.randomWalkMW(count: 5400, seed: 3)  // 3 h
        let response = ScoringFixtures.delayed(signal, bySamples: 20).map { $0 + 0.5 }
        var board = RegulationScoreboard()
        feed(&board, signal: signal, response: response)
        let summary = board.summary()
        let batch = try #require(PJMPerformanceScore.scoring(signalMW: signal, responseMW: response, samplePeriodSeconds: 2))
        let whole = try #require(summary.pjm)
        #expect(abs(whole.accuracy - batch.accuracy) < 1e-12)
        #expect(abs(whole.precision - batch.precision) < 1e-12)
        #expect(whole.bestDelaySeconds == batch.bestDelaySeconds)
        #expect(summary.pjmHours.count == 3)
        #expect(summary.pjmHourlyComposite == summary.pjmHours.sampleWeightedComposite())
        #expect(summary.caisoIntervals.count == 12)
        let meanAccuracy = summary.caisoIntervals.map(\.accuracy).reduce(0, +) / 12
        #expect(abs(try #require(summary.caisoMeanAccuracy) - meanAccuracy) < 1e-12)
        #expect(summary.caisoTotalMileageMW > 0)
    }

    @Test func nanSamplesAreSkippedAndCounted() throws {
        var signal = ScoringFixtures.randomWalkMW(count: 1800)
        let response = signal
        signal[7] = .nan
        signal[8] = .nan
        var board = RegulationScoreboard()
        feed(&board, signal: signal, response: response)
        #expect(board.skippedSampleCount == 2)
        let summary = board.summary()
        #expect(summary.skippedSampleCount == 2)
        #expect(try #require(summary.pjm).skippedSampleCount == 2)
        #expect(abs(try #require(summary.pjm).composite - 1) < 1e-9)
        #expect(summary.caisoIntervals.map(\.skippedSampleCount).reduce(0, +) == 2)
    }

    @Test func earlierTimesAreIgnoredAsOutOfOrder() {
        var board = RegulationScoreboard()
        board.record(timeSeconds: 10, signalMW: 1, responseMW: 1)
        board.record(timeSeconds: 4, signalMW: 5, responseMW: 0)
        board.record(timeSeconds: .nan, signalMW: 5, responseMW: 0)
        #expect(board.outOfOrderSampleCount == 2)
        #expect(board.summary().pjm?.sampleCount == 1)
        #expect(board.summary().pjm?.precision == 1)
    }

    @Test func hundredMillisecondSamplesLandInTheRightSlots() throws {
        var board = RegulationScoreboard()
        var time = 0.0
        var noise = ScoringFixtures.Noise(state: 5)
        var value = 0.0
        for step in 0..<18_000 {  // 30 min, time accumulated by repeated addition
            if step % 50 == 0 { value = noise.nextUnit() }
            board.record(timeSeconds: time, signalMW: value, responseMW: value)
            time += 0.1
        }
        let partial = try #require(board.currentPJM)
        #expect(partial.score.sampleCount == 180)
        #expect(abs(partial.score.composite - 1) < 1e-9)
        let intervals = board.summary().caisoIntervals
        #expect(intervals.map(\.sampleCount) == [225, 225])
    }
}
