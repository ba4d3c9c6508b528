/// Which intervals a limited DR programme is called in, when the plan is too large for CBC to decide in time:
/// given each interval's benefit of a call (the energy's marginal value at the interface point from the LP
/// relaxation's duals, less the programme's cost, times what it can shed), the best set of at most
/// `maximumEvents` runs of called intervals lasting at most `maximumHours` in all — by dynamic programming, exact
/// for these benefits. Intervals may differ in length (a receding horizon): hours are counted in units of the
/// shortest.
enum DRCallSelection {
    static func calls(benefit: [Double], callable: [Bool], hours: [Double], maximumEvents: Int?, maximumHours: Double?) -> [Double] {
        let count = benefit.count
        let events = min(maximumEvents ?? count, count)
        let step = hours.min() ?? 1
        let units = hours.map { Int(($0 / step).rounded()) }
        let total = units.reduce(0, +)
        let slots = min(total, Int(((maximumHours ?? Double(total) * step) / step + 1e-9).rounded(.down)))
        // best[e][s][open]: the best benefit so far having started e events, used s intervals, and the previous
        // interval called (open = 1) or not.
        let none = -Double.infinity
        var best = Array(repeating: Array(repeating: [none, none], count: slots + 1), count: events + 1)
        best[0][0][0] = 0
        var choices: [[[[(Int, Int, Int, Bool)]]]] = []
        for t in 0..<count {
            var next = Array(repeating: Array(repeating: [none, none], count: slots + 1), count: events + 1)
            var from = Array(repeating: Array(repeating: [(0, 0, 0, false), (0, 0, 0, false)], count: slots + 1), count: events + 1)
            for e in 0...events {
                for s in 0...slots {
                    for open in 0...1 where best[e][s][open] > none {
                        let value = best[e][s][open]
                        // Not called.
                        if value > next[e][s][0] { next[e][s][0] = value; from[e][s][0] = (e, s, open, false) }
                        // Called: continues an event, or starts one.
                        guard callable[t], s + units[t] <= slots else { continue }
                        let e2 = open == 1 ? e : e + 1
                        guard e2 <= events else { continue }
                        let called = value + benefit[t]
                        let used = s + units[t]
                        if called > next[e2][used][1] { next[e2][used][1] = called; from[e2][used][1] = (e, s, open, true) }
                    }
                }
            }
            choices.append(from)
            best = next
        }
        var state = (e: 0, s: 0, open: 0)
        var top = none
        for e in 0...events {
            for s in 0...slots {
                for open in 0...1 where best[e][s][open] > top { top = best[e][s][open]; state = (e, s, open) }
            }
        }
        var result = [Double](repeating: 0, count: count)
        for t in stride(from: count - 1, through: 0, by: -1) {
            let (e, s, open, called) = choices[t][state.e][state.s][state.open]
            result[t] = called ? 1 : 0
            state = (e, s, open)
        }
        return result
    }
}
