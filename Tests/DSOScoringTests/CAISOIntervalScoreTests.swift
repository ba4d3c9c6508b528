import Testing
import DSOScoring

@Suite struct CAISOIntervalScoreTests {
    @Test func fiveSampleHandCase() throws {
        let setPoints: [Double] = [10, 12, 9, 9, 14]
        let response: [Double] = [10, 11, 10, 8, 12]
        // Σ|error| = 0 + 1 + 1 + 1 + 2 = 5; Σ|set point| = 54; mileage = 2 + 3 + 0 + 5 = 10.
        let scores = CAISOIntervalScore.intervalScores(setPointMW: setPoints, responseMW: response, samplePeriodSeconds: 4)
        let only = try #require(scores.first)
        #expect(scores.count == 1)
        #expect(abs(only.accuracy - (1 - 5.0 / 54.0)) < 1e-12)
        #expect(abs(only.mileageMW - 10) < 1e-12)
        #expect(only.sampleCount == 5)
        #expect(only.intervalStartSeconds == 0)
        #expect(only.isPartial)
    }

    @Test func negativeSetPointsCountByMagnitude() throws {
        let scores = CAISOIntervalScore.intervalScores(setPointMW: [-5, 5], responseMW: [-4, 4], samplePeriodSeconds: 4)
        let only = try #require(scores.first)
        #expect(abs(only.accuracy - 0.8) < 1e-12)
        #expect(abs(only.mileageMW - 10) < 1e-12)
    }

    @Test func badFollowingIsClampedAtZero() throws {
        let scores = CAISOIntervalScore.intervalScores(setPointMW: [1, 1], responseMW: [-5, 5], samplePeriodSeconds: 4)
        #expect(try #require(scores.first).accuracy == 0)
    }

    @Test func zeroSetPointsUseTheDocumentedConvention() throws {
        let zeros: [Double] = [0, 0, 0]
        let idle = CAISOIntervalScore.intervalScores(setPointMW: zeros, responseMW: zeros, samplePeriodSeconds: 4)
        #expect(try #require(idle.first).accuracy == 1)
        let moving = CAISOIntervalScore.intervalScores(setPointMW: zeros, responseMW: [0, 1, 0], samplePeriodSeconds: 4)
        #expect(try #require(moving.first).accuracy == 0)
    }

    @Test func intervalsSplitEveryFifteenMinutesAndMileageGoesToTheLaterOne() {
        // 30 min of 4-s set points: +1 MW in the first interval, +3 MW in the second.
        var setPoints = [Double](repeating: 1, count: 225)
        setPoints += [Double](repeating: 3, count: 225)
        setPoints[224] = 2  // last of interval 0: 1 → 2 inside it, 2 → 3 across the boundary
        let scores = CAISOIntervalScore.intervalScores(setPointMW: setPoints, responseMW: setPoints, samplePeriodSeconds: 4)
        #expect(scores.map(\.intervalStartSeconds) == [0, 900])
        #expect(scores.map(\.sampleCount) == [225, 225])
        #expect(scores.map(\.mileageMW) == [1, 1])
        #expect(scores.allSatisfy { $0.accuracy == 1 && !$0.isPartial })
    }

    @Test func nanPairsAreSkippedAndCounted() throws {
        let scores = CAISOIntervalScore.intervalScores(
            setPointMW: [10, .nan, 12], responseMW: [10, 11, 12], samplePeriodSeconds: 4)
        let only = try #require(scores.first)
        #expect(only.skippedSampleCount == 1)
        #expect(only.sampleCount == 2)
        #expect(only.mileageMW == 2)
        #expect(only.accuracy == 1)
    }
}
