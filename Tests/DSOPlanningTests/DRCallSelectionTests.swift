@testable import DSOPlanning
import DSOForecast
import Testing

/// The DR calls chosen from interval benefits: hand cases, and every subset of small random cases.
@Suite struct DRCallSelectionTests {
    @Test func theBestRunsWithinTheLimits() {
        let benefit = [0.0, 5, 3, -1, 4, 6]
        let hours = Array(repeating: 1.0, count: 6), callable = Array(repeating: true, count: 6)
        #expect(DRCallSelection.calls(benefit: benefit, callable: callable, hours: hours, maximumEvents: 1, maximumHours: 2)
                == [0, 0, 0, 0, 1, 1])
        #expect(DRCallSelection.calls(benefit: benefit, callable: callable, hours: hours, maximumEvents: 2, maximumHours: 3)
                == [0, 1, 0, 0, 1, 1])
        let closed = [true, true, true, true, false, true]
        #expect(DRCallSelection.calls(benefit: benefit, callable: closed, hours: hours, maximumEvents: 1, maximumHours: 4)
                == [0, 1, 1, 0, 0, 0])
    }

    @Test func itMatchesEverySubsetOnRandomCases() {
        var state: UInt64 = 99
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<200 {
            let count = 8
            let benefit = (0..<count).map { _ in (uniform() - 0.3) * 10 }
            let callable = (0..<count).map { _ in uniform() > 0.2 }
            let events = Int(uniform() * 3) + 1, hours = Double(Int(uniform() * 6) + 1)
            var best = 0.0
            for mask in 0..<(1 << count) {
                let called = (0..<count).map { mask >> $0 & 1 == 1 }
                guard zip(called, callable).allSatisfy({ !$0 || $1 }), Double(called.count { $0 }) <= hours else { continue }
                let starts = (0..<count).count { called[$0] && ($0 == 0 || !called[$0 - 1]) }
                guard starts <= events else { continue }
                best = max(best, zip(called, benefit).reduce(0) { $0 + ($1.0 ? $1.1 : 0) })
            }
            let chosen = DRCallSelection.calls(benefit: benefit, callable: callable, hours: Array(repeating: 1, count: count),
                                               maximumEvents: events, maximumHours: hours)
            let value = zip(chosen, benefit).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(value - best) < 1e-9, "benefit \(benefit) callable \(callable) events \(events) hours \(hours): \(chosen)")
        }
    }
}

/// Receding horizons: fine intervals first, whole hours after, and calls counted in hours whatever the length.
@Suite struct RecedingHorizonTests {
    @Test func fineThenHourly() throws {
        // 12:15 PDT to midnight: quarter-hours to 16:15 and on to 17:00, then hours.
        let start = Int64(1_784_142_900), end = Int64(1_784_185_200)
        let horizon = try PlanningHorizon(recedingFrom: start, until: end)
        let minutes = horizon.intervals.map(\.minutes)
        #expect(minutes.prefix(19).allSatisfy { $0 == 15 } && minutes.dropFirst(19).allSatisfy { $0 == 60 } && minutes.count == 26,
                "\(minutes)")
        #expect(horizon.intervals.last?.endUnixSeconds == end && horizon.intervals.first?.startUnixSeconds == start)
        #expect(throws: PlanningError.self) { try PlanningHorizon(recedingFrom: start + 60, until: end) }
    }

    @Test func mixedLengthsCountHours() {
        // Four quarter-hours then two hours; two hours of calls allowed: the two quarter-hour pairs are worth
        // less than the one dear hour plus two quarter-hours.
        let calls = DRCallSelection.calls(benefit: [1, 1, 2, 2, 5, 0], callable: Array(repeating: true, count: 6),
                                          hours: [0.25, 0.25, 0.25, 0.25, 1, 1], maximumEvents: 1, maximumHours: 1.5)
        #expect(calls == [0, 0, 1, 1, 1, 0])
    }
}
