import DSODispatch
import Testing

/// Cases small enough to solve on paper; each comment shows the working.
@Suite struct HandSolvedDispatchTests {
    @Test func twoQuadraticUnitsMeetAtEqualIncrementalCost() {
        // p1 = (λ − 20)/0.1 = 10λ − 200, p2 = (λ − 30)/0.05 = 20λ − 600; sum 30λ − 800 = 400 ⇒ λ = 40,
        // p1 = p2 = 200. Cost 20·200 + 0.05·200² + 30·200 + 0.025·200² = 6000 + 7000 = 13000 $/h.
        var instance = DispatchInstance()
        instance.append(lower: 0, upper: 1000, linear: 20, quadratic: 0.1)
        instance.append(lower: 0, upper: 1000, linear: 30, quadratic: 0.05)
        instance.targetKW = 400
        let (result, output) = instance.solve()
        #expect(result.status == .optimal)
        #expect(abs(result.marginalCostPerKWh - 40) < 1e-12)
        #expect(abs(output[0] - 200) < 1e-9 && abs(output[1] - 200) < 1e-9)
        #expect(abs(result.totalCostPerHour - 13000) < 1e-7)
        #expect(abs(result.shortfallKW) < 1e-9)
    }

    @Test func linearUnitsLoadInMeritOrder() {
        // Prices 50, 10, 30 $/kWh, 100 kW each, target 150: the 10 unit runs full, the 30 unit takes 50.
        // λ = 30, cost 10·100 + 30·50 = 2500.
        var instance = DispatchInstance()
        instance.append(lower: 0, upper: 100, linear: 50)
        instance.append(lower: 0, upper: 100, linear: 10)
        instance.append(lower: 0, upper: 100, linear: 30)
        instance.targetKW = 150
        let (result, output) = instance.solve()
        #expect(result.status == .optimal)
        #expect(output == [0, 100, 50])
        #expect(result.marginalCostPerKWh == 30)
        #expect(result.totalCostPerHour == 2500)
    }

    @Test func tiedLinearUnitsShareInProportionToRange() {
        // The 5 $/kWh unit runs full (100 kW); 200 kW remain for two 25 $/kWh units of 100 and 300 kW
        // range: split 1:3 → 50 and 150. Cost 5·100 + 25·200 = 5500.
        var instance = DispatchInstance()
        instance.append(lower: 0, upper: 100, linear: 25)
        instance.append(lower: 0, upper: 300, linear: 25)
        instance.append(lower: 0, upper: 100, linear: 5)
        instance.targetKW = 300
        let (result, output) = instance.solve()
        #expect(result.status == .optimal)
        #expect(abs(output[0] - 50) < 1e-9 && abs(output[1] - 150) < 1e-9 && output[2] == 100)
        #expect(result.marginalCostPerKWh == 25)
        #expect(abs(result.totalCostPerHour - 5500) < 1e-9)
    }

    @Test func fixedResourceIsHonouredAndTheRestMeetsTheTarget() {
        // Fixed 40 kW at 3 $/kWh; the quadratic unit supplies 60 kW: λ = 10 + 0.2·60 = 22.
        // Cost 3·40 + 10·60 + 0.1·60² = 120 + 600 + 360 = 1080.
        var instance = DispatchInstance()
        instance.append(lower: 40, upper: 40, linear: 3)
        instance.append(lower: 0, upper: 500, linear: 10, quadratic: 0.2)
        instance.targetKW = 100
        let (result, output) = instance.solve()
        #expect(result.status == .optimal)
        #expect(output[0] == 40)
        #expect(abs(output[1] - 60) < 1e-9)
        #expect(abs(result.marginalCostPerKWh - 22) < 1e-12)
        #expect(abs(result.totalCostPerHour - 1080) < 1e-9)
    }

    @Test func batteryChargesFromFreeSolarWhenTheTargetIsAnImport() {
        // Solar at 0 $/kWh up to 50 kW; battery −100…100 kW at 20 + 0.1·p. Target −30 (net import).
        // Solar full: battery at −80, incremental cost 20 − 8 = 12 > 0, so solar stays full; λ = 12.
        // Cost 0 + 20·(−80) + 0.05·6400 = −1280.
        var instance = DispatchInstance()
        instance.append(lower: 0, upper: 50, linear: 0)
        instance.append(lower: -100, upper: 100, linear: 20, quadratic: 0.1)
        instance.targetKW = -30
        let (result, output) = instance.solve()
        #expect(result.status == .optimal)
        #expect(output[0] == 50)
        #expect(abs(output[1] + 80) < 1e-9)
        #expect(abs(result.marginalCostPerKWh - 12) < 1e-12)
        #expect(abs(result.totalCostPerHour + 1280) < 1e-9)
    }

    @Test func targetExactlyAtTheLimitsIsOptimalWithEveryoneAtTheLimit() {
        var instance = DispatchInstance()
        instance.append(lower: -10, upper: 100, linear: 40, quadratic: 0.5)
        instance.append(lower: 5, upper: 60, linear: 15)
        instance.targetKW = 160
        let (high, highOutput) = instance.solve()
        #expect(high.status == .optimal)
        #expect(highOutput == [100, 60])
        instance.targetKW = -5
        let (low, lowOutput) = instance.solve()
        #expect(low.status == .optimal)
        #expect(lowOutput == [-10, 5])
    }

    @Test func noResourcesAndZeroTargetIsTriviallyOptimal() {
        let (result, output) = DispatchInstance().solve()
        #expect(result.status == .optimal)
        #expect(output.isEmpty)
        #expect(result.dispatchedKW == 0)
    }
}
