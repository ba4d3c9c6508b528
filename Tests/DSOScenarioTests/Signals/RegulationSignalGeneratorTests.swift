import Testing
import DSOScenario

@Suite struct RegulationSignalGeneratorTests {
    private let seeds: [UInt64] = [1, 2, 3, 4]

    private func hourlyMeans(_ signal: RegulationSignal) -> [Double] {
        stride(from: 0.0, to: signal.durationSeconds, by: 3600).map { start in
            let hour = signal.values(fromSeconds: start, toSeconds: start + 3600)
            return hour.reduce(0, +) / Double(hour.count)
        }
    }

    @Test(arguments: RegulationSignalKind.allCases, [2.0, 4.0])
    func valuesStayInRangeOnTheRequestedGrid(kind: RegulationSignalKind, periodSeconds: Double) {
        let signal = kind.generate(durationSeconds: 3600, samplePeriodSeconds: periodSeconds, seed: 5)
        #expect(signal.values.allSatisfy { $0.isFinite && abs($0) <= 1 })
        #expect(signal.values.count == Int(3600 / periodSeconds) + 1)
        #expect(signal.durationSeconds == 3600)
        #expect(signal.isUniformlySampled)
        #expect(signal.samplePeriodSeconds == periodSeconds)
    }

    @Test(arguments: RegulationSignalKind.allCases)
    func sameSeedSameSignalOtherSeedOtherSignal(kind: RegulationSignalKind) {
        let first = kind.generate(durationSeconds: 1800, seed: 77)
        let again = kind.generate(durationSeconds: 1800, seed: 77)
        let other = kind.generate(durationSeconds: 1800, seed: 78)
        #expect(first == again)
        #expect(first.values != other.values)
    }

    @Test func regDIsEnergyNeutralOverAnHour() {
        for seed in seeds {
            let signal = RegulationSignal.regD(durationSeconds: 4 * 3600, seed: seed)
            for mean in hourlyMeans(signal) { #expect(abs(mean) < 0.1, "seed \(seed)") }
            #expect(signal.values.contains { $0 > 0.5 } && signal.values.contains { $0 < -0.5 })
        }
    }

    @Test func regAMileageIsLikePJMRegA() {
        for seed in seeds {
            for period in [2.0, 4.0] {
                let signal = RegulationSignal.regA(durationSeconds: 8 * 3600, samplePeriodSeconds: period, seed: seed)
                #expect((3...9).contains(signal.mileagePerHour), "seed \(seed), \(period) s: \(signal.mileagePerHour) pu/h")
            }
        }
    }

    @Test func regAIsNotEnergyNeutral() {
        let largestHourlyOffset = seeds.flatMap { hourlyMeans(RegulationSignal.regA(durationSeconds: 8 * 3600, seed: $0)) }
            .map(abs).max() ?? 0
        #expect(largestHourlyOffset > 0.4)
    }

    @Test func regDMovesSeveralTimesMoreThanRegA() {
        for seed in seeds {
            let regA = RegulationSignal.regA(durationSeconds: 4 * 3600, seed: seed)
            let regD = RegulationSignal.regD(durationSeconds: 4 * 3600, seed: seed)
            #expect(regD.mileagePerHour > 3 * regA.mileagePerHour, "seed \(seed)")
        }
    }
}
