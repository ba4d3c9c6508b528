import Testing
import DSOScoring

@Suite struct PJMPerformanceScoreTests {
    @Test func identicalResponseScoresPerfectly() throws {
        let signal = ScoringFixtures.randomWalkMW(count: 1800)
        let score = try #require(PJMPerformanceScore.scoring(signalMW: signal, responseMW: signal, samplePeriodSeconds: 2))
        #expect(abs(score.accuracy - 1) < 1e-9)
        #expect(score.delay == 1)
        #expect(score.bestDelaySeconds == 0)
        #expect(abs(score.precision - 1) < 1e-12)
        #expect(abs(score.composite - 1) < 1e-9)
        #expect(score.sampleCount == 360)
        #expect(score.skippedSampleCount == 0)
    }

    @Test func responseSixtySecondsLateFindsTheDelay() throws {
        let signal = ScoringFixtures.heldNoiseMW(hours: 1)
        let response = ScoringFixtures.delayed(signal, bySamples: 30)  // 30 × 2 s = 60 s
        let score = try #require(PJMPerformanceScore.scoring(signalMW: signal, responseMW: response, samplePeriodSeconds: 2))
        #expect(score.bestDelaySeconds == 60)
        #expect(abs(score.delay - 0.8) < 1e-12)
        #expect(score.accuracy > 0.999)
        #expect(score.precision < 0.5)  // unshifted, a late response is far off
    }

    @Test func delayScoreFollowsTheManualFormula() {
        #expect(PJMPerformanceScore.delayScore(delaySeconds: 0) == 1)
        #expect(abs(PJMPerformanceScore.delayScore(delaySeconds: 150) - 0.5) < 1e-12)
        #expect(PJMPerformanceScore.delayScore(delaySeconds: 300) == 0)
    }

    @Test func zeroResponseHasNoPrecisionAndNoAccuracy() throws {
        let signal = ScoringFixtures.randomWalkMW(count: 900)
        let zeros = [Double](repeating: 0, count: signal.count)
        let score = try #require(PJMPerformanceScore.scoring(signalMW: signal, responseMW: zeros, samplePeriodSeconds: 2))
        #expect(score.precision == 0)
        #expect(score.accuracy == 0)  // a flat response has no correlation: convention 0
        #expect(score.bestDelaySeconds == 0)
        #expect(abs(score.composite - 1.0 / 3.0) < 1e-12)
    }

    @Test func constantOffsetCorrelatesButLosesPrecision() throws {
        // 10-s blocks of +4, −4, +8 MW repeating; mean |signal| = 16/3 MW; offset 2 MW.
        let pattern: [Double] = [4, -4, 8]
        let signal = (0..<540).map { pattern[($0 / 5) % 3] }  // 2-s samples, 5 per block
        let response = signal.map { $0 + 2 }
        let score = try #require(PJMPerformanceScore.scoring(signalMW: signal, responseMW: response, samplePeriodSeconds: 2))
        #expect(abs(score.accuracy - 1) < 1e-9)
        #expect(score.bestDelaySeconds == 0)
        #expect(abs(score.precision - (1 - 2 / (16.0 / 3.0))) < 1e-12)  // 0.625
    }

    @Test func constantSignalUsesTheDocumentedConvention() throws {
        let flat = [Double](repeating: 3, count: 100)
        let same = try #require(PJMPerformanceScore.scoring(signalMW: flat, responseMW: flat, samplePeriodSeconds: 2))
        #expect(same.accuracy == 1)
        #expect(same.precision == 1)
        let other = try #require(PJMPerformanceScore.scoring(
            signalMW: flat, responseMW: [Double](repeating: 2, count: 100), samplePeriodSeconds: 2))
        #expect(other.accuracy == 0)
        #expect(abs(other.precision - (1 - 1.0 / 3.0)) < 1e-12)
        let zero = [Double](repeating: 0, count: 10)
        let zeroScore = try #require(PJMPerformanceScore.scoring(signalMW: zero, responseMW: zero, samplePeriodSeconds: 2))
        #expect(zeroScore.precision == 1)
    }

    @Test func emptyOrAllNaNInputHasNoScore() {
        #expect(PJMPerformanceScore.scoring(signalMW: [], responseMW: [], samplePeriodSeconds: 2) == nil)
        let nan = [Double](repeating: .nan, count: 20)
        #expect(PJMPerformanceScore.scoring(signalMW: nan, responseMW: nan, samplePeriodSeconds: 2) == nil)
        #expect(PJMPerformanceScore.hourlyScores(signalMW: [], responseMW: [], samplePeriodSeconds: 2).isEmpty)
    }

    @Test func nanSamplesAreSkippedAndCounted() throws {
        var signal = ScoringFixtures.randomWalkMW(count: 1800)
        var response = signal
        signal[10] = .nan
        response[500] = .infinity
        response[501] = .nan
        let score = try #require(PJMPerformanceScore.scoring(signalMW: signal, responseMW: response, samplePeriodSeconds: 2))
        #expect(score.skippedSampleCount == 3)
        #expect(score.sampleCount == 360)
        #expect(abs(score.composite - 1) < 1e-9)
    }

    @Test func fastInputIsAveragedIntoTenSecondSamples() throws {
        let tenSecond = ScoringFixtures.randomWalkMW(count: 360)
        let response10 = tenSecond.map { 0.9 * $0 + 0.5 }
        let twoSecond = tenSecond.flatMap { repeatElement($0, count: 5) }
        let response2 = response10.flatMap { repeatElement($0, count: 5) }
        let slow = try #require(PJMPerformanceScore.scoring(signalMW: tenSecond, responseMW: response10, samplePeriodSeconds: 10))
        let fast = try #require(PJMPerformanceScore.scoring(signalMW: twoSecond, responseMW: response2, samplePeriodSeconds: 2))
        #expect(abs(slow.accuracy - fast.accuracy) < 1e-12)
        #expect(abs(slow.precision - fast.precision) < 1e-12)
        #expect(slow.bestDelaySeconds == fast.bestDelaySeconds)
        #expect(slow.sampleCount == fast.sampleCount)
    }

    @Test func hoursAreScoredAloneAndWeightedBySamples() throws {
        // Hour 0 followed perfectly, hour 1 not at all, then half an hour perfect again.
        let signal = ScoringFixtures.randomWalkMW(count: 4500)  // 2.5 h of 2-s samples
        var response = signal
        for index in 1800..<3600 { response[index] = 0 }
        let hours = PJMPerformanceScore.hourlyScores(signalMW: signal, responseMW: response, samplePeriodSeconds: 2)
        #expect(hours.map(\.hourStartSeconds) == [0, 3600, 7200])
        #expect(hours.map(\.score.sampleCount) == [360, 360, 180])
        #expect(hours.map(\.isPartial) == [false, false, true])
        #expect(abs(hours[0].score.composite - 1) < 1e-9)
        #expect(abs(hours[1].score.composite - 1.0 / 3.0) < 1e-9)
        let expected = (360 * 1.0 + 360 * (1.0 / 3.0) + 180 * 1.0) / 900
        #expect(abs(try #require(hours.sampleWeightedComposite()) - expected) < 1e-9)
    }

    @Test func hoursAlignToClockHoursNotToTheFirstSample() {
        let signal = ScoringFixtures.randomWalkMW(count: 1800)  // 1 h starting at 00:30
        let hours = PJMPerformanceScore.hourlyScores(
            signalMW: signal, responseMW: signal, samplePeriodSeconds: 2, startSeconds: 1800)
        #expect(hours.map(\.hourStartSeconds) == [0, 3600])
        #expect(hours.map(\.score.sampleCount) == [180, 180])
    }
}
