import DSODispatch
import Testing

/// Targets out of reach and broken data must degrade gracefully, never trap.
@Suite struct InfeasibleAndInvalidDispatchTests {
    static func twoUnits() -> DispatchInstance {
        var instance = DispatchInstance()
        instance.append(lower: -10, upper: 100, linear: 30, quadratic: 0.1)
        instance.append(lower: -20, upper: 100, linear: 10)
        return instance
    }

    @Test func targetAboveAllUpperLimitsRunsEveryoneFull() {
        var instance = Self.twoUnits()
        instance.targetKW = 250
        let (result, output) = instance.solve()
        #expect(result.status == .shortOfTarget)
        #expect(output == [100, 100])
        #expect(result.shortfallKW == 50)
        #expect(result.dispatchedKW == 200)
        // The last kW available costs 30 + 0.1·100 = 40 $/kWh.
        #expect(result.marginalCostPerKWh == 40)
        #expect(abs(result.totalCostPerHour - instance.cost(of: output)) < 1e-9)
    }

    @Test func targetBelowAllLowerLimitsHoldsEveryoneAtMinimum() {
        var instance = Self.twoUnits()
        instance.targetKW = -60
        let (result, output) = instance.solve()
        #expect(result.status == .excessOverTarget)
        #expect(output == [-10, -20])
        #expect(result.shortfallKW == -30)
        #expect(result.marginalCostPerKWh == 10)
    }

    @Test(arguments: [
        (1, Double.nan, 0.0, 10.0, 0.0),
        (1, 0.0, Double.infinity, 10.0, 0.0),
        (1, 0.0, 50.0, -Double.infinity, 0.0),
        (1, 0.0, 50.0, 10.0, Double.nan),
        (1, 0.0, 50.0, 10.0, -0.5),
        (1, 60.0, 50.0, 10.0, 0.0),
        (1, 0.0, 1e300, 10.0, 1e300),
    ])
    func badResourceIsNamedAndOutputStaysSafe(index: Int, lo: Double, hi: Double, a: Double, b: Double) {
        var instance = Self.twoUnits()
        instance.append(lower: 5, upper: 50, linear: 1)
        instance.lower[index] = lo
        instance.upper[index] = hi
        instance.linearCost[index] = a
        instance.quadraticCost[index] = b
        instance.targetKW = 40
        let (result, output) = instance.solve()
        #expect(result.status == .invalidResource(index: index))
        #expect(!result.status.isUsable)
        #expect(result.marginalCostPerKWh.isNaN)
        // Safe output: the point of each resource's limits nearest zero, zero where limits are unusable.
        #expect(output[0] == 0 && output[2] == 5)
        #expect(output[index].isFinite)
    }

    @Test func nonFiniteTargetIsRejected() {
        var instance = Self.twoUnits()
        instance.targetKW = .nan
        let (result, output) = instance.solve()
        #expect(result.status == .invalidTarget)
        #expect(output == [0, 0])
    }

    @Test func mismatchedOrOversizedBuffersAreRejected() {
        var instance = Self.twoUnits()
        instance.targetKW = 10
        var small = EconomicDispatchSolver(maximumResourceCount: 1)
        let (oversized, output) = instance.solve(with: &small)
        #expect(oversized.status == .mismatchedBuffers)
        #expect(output == [0, 0])
        instance.quadraticCost.removeLast()
        var solver = EconomicDispatchSolver(maximumResourceCount: 2)
        let (mismatched, _) = instance.solve(with: &solver)
        #expect(mismatched.status == .mismatchedBuffers)
    }
}
