@testable import DSODispatch
import OpenDSOTestSupport
import Testing

/// Seeded random instances checked against the sorted-breakpoint reference and the KKT conditions.
@Suite struct RandomCrossCheckTests {
    /// Checks the optimality (KKT) conditions of a dispatch directly: each resource strictly inside its
    /// limits runs at λ, one at its lower limit is no cheaper than λ, one at its upper no dearer.
    static func expectOptimalityConditions(
        _ instance: DispatchInstance, _ output: [Double], _ result: DispatchResult, seed: UInt64
    ) {
        let lambda = result.marginalCostPerKWh
        let tolerance = 1e-9 * max(1, abs(lambda))
        var violations = 0
        for i in 0..<instance.count {
            let p = output[i], lo = instance.lower[i], hi = instance.upper[i]
            let incremental = instance.linearCost[i] + instance.quadraticCost[i] * p
            let slack = 1e-9 * max(1, abs(lo), abs(hi))
            if p < lo || p > hi { violations += 1; continue }
            if p > lo + slack && incremental > lambda + tolerance { violations += 1 }
            if p < hi - slack && incremental < lambda - tolerance { violations += 1 }
        }
        #expect(violations == 0, "seed \(seed): \(violations) resources off the clearing cost \(lambda)")
        let scale = max(1, instance.lower.reduce(0) { $0 + abs($1) } + instance.upper.reduce(0) { $0 + abs($1) })
        #expect(abs(output.reduce(0, +) - instance.targetKW) <= 1e-10 * scale, "seed \(seed): target missed")
    }

    @Test(arguments: InstanceMix.allCases)
    func matchesReferenceOnSeededInstances(mix: InstanceMix) {
        let sizes = [1, 2, 3, 5, 8, 13, 40, 100, 333, 1000, 2000]
        for seed in UInt64(0)..<60 {
            let mixIndex = UInt64(InstanceMix.allCases.firstIndex(of: mix) ?? 0)
            var generator = SeededGenerator(seed: seed &* 7919 &+ mixIndex)
            let count = sizes[Int(seed) % sizes.count]
            let instance = InstanceMix.random(mix, count: count, using: &generator)
            let (result, output) = instance.solve()
            #expect(result.status == .optimal, "seed \(seed) n \(count): \(result.status)")
            let reference = ReferenceDispatch.solve(instance)
            let ours = instance.cost(of: output)
            let best = instance.cost(of: reference.output)
            let scale = instance.costScale(of: reference.output)
            #expect(abs(ours - best) <= 1e-9 * scale, "seed \(seed) n \(count): cost \(ours) vs reference \(best)")
            #expect(abs(result.totalCostPerHour - ours) <= 1e-9 * scale, "seed \(seed): reported cost is not the output's")
            Self.expectOptimalityConditions(instance, output, result, seed: seed)
        }
    }

    @Test func warmStartAfterSmallPerturbationMatchesColdSolve() {
        var generator = SeededGenerator(seed: 42)
        var instance = InstanceMix.random(.mixed, count: 2000, using: &generator)
        var warm = EconomicDispatchSolver(maximumResourceCount: instance.count)
        _ = instance.solve(with: &warm)
        for cycle in 0..<50 {
            for i in 0..<instance.count where Double.random(in: 0..<1, using: &generator) < 0.1 {
                let nudge = Double.random(in: -2...2, using: &generator)
                instance.upper[i] = max(instance.lower[i], instance.upper[i] + nudge)
            }
            let span = instance.upper.reduce(0, +) - instance.lower.reduce(0, +)
            instance.targetKW = min(max(instance.targetKW + Double.random(in: -0.01...0.01, using: &generator) * span,
                                        instance.lower.reduce(0, +)), instance.upper.reduce(0, +))
            let (warmResult, warmOutput) = instance.solve(with: &warm)
            let (coldResult, coldOutput) = instance.solve()
            #expect(warmResult.status == .optimal && coldResult.status == .optimal)
            let scale = instance.costScale(of: coldOutput)
            #expect(abs(instance.cost(of: warmOutput) - instance.cost(of: coldOutput)) <= 1e-9 * scale, "cycle \(cycle)")
            Self.expectOptimalityConditions(instance, warmOutput, warmResult, seed: UInt64(cycle))
        }
    }

    @Test func badWarmStartGuessesStillGiveTheOptimum() {
        var generator = SeededGenerator(seed: 7)
        let instance = InstanceMix.random(.mixedWithTies, count: 500, using: &generator)
        let (_, coldOutput) = instance.solve()
        for guess in [-1e9, -50, 0, 25, 30, 1e9, Double.nan] {
            var solver = EconomicDispatchSolver(maximumResourceCount: instance.count)
            solver.warmStartMarginalCostPerKWh = guess
            let (result, output) = instance.solve(with: &solver)
            #expect(result.status == .optimal)
            let scale = instance.costScale(of: coldOutput)
            #expect(abs(instance.cost(of: output) - instance.cost(of: coldOutput)) <= 1e-9 * scale, "guess \(guess)")
        }
    }

    @Test func copiedSolversDoNotShareScratch() {
        var generator = SeededGenerator(seed: 99)
        let first = InstanceMix.random(.quadratic, count: 300, using: &generator)
        let second = InstanceMix.random(.linear, count: 300, using: &generator)
        var original = EconomicDispatchSolver(maximumResourceCount: 300)
        var copy = original
        let (a, _) = first.solve(with: &original)
        let (b, _) = second.solve(with: &copy)
        let (a2, _) = first.solve()
        let (b2, _) = second.solve()
        #expect(a.totalCostPerHour == a2.totalCostPerHour)
        #expect(b.totalCostPerHour == b2.totalCostPerHour)
    }

    @Test func quickselectFindsEveryRank() {
        var generator = SeededGenerator(seed: 3)
        for count in [1, 2, 3, 10, 101, 1000] {
            // Few distinct values so that runs of equal keys are exercised.
            let values = (0..<count).map { _ in Double(Int.random(in: 0..<(count / 3 + 1), using: &generator)) }
            let sorted = values.sorted()
            for rank in Set([0, count / 2, count - 1, Int.random(in: 0..<count, using: &generator)]) {
                var scratch = values
                let selected = scratch.withUnsafeMutableBufferPointer { selectRank(rank, in: $0, count: count) }
                #expect(selected == sorted[rank], "n \(count) rank \(rank)")
            }
        }
    }
}
