public import DSOScenario
public import DSOKernel
public import DSOModel
public import DSORuntime
public import DSOScoring
import Foundation

/// What a simulated run did: cycles and timing, interface behaviour, energy per resource and scores.
public struct SimulationSummary: Sendable {
    /// Per interface point: how well it held its schedule.
    public struct InterfacePointOutcome: Sendable {
        public var id: String
        public var meanACEKW: Double
        public var rmsACEKW: Double
        public var maxAbsACEKW: Double
        public var secondsOutOfBand: Double
        public var secondsOutsideLimits: Double
        public var infeasibleCycles: Int
        public var deviationBandKW: Double
    }

    /// Per resource: energy delivered and absorbed, and time not controllable.
    public struct ResourceEnergy: Sendable {
        public var id: String
        public var kind: ResourceKind
        public var interfacePoint: String
        public var energyOutKWh: Double
        public var energyInKWh: Double
        public var unavailableSeconds: Double
    }

    public var scenarioName: String
    public var cycles: Int64
    public var periodSeconds: Double
    public var simulatedSeconds: Double
    public var wallSeconds: Double
    public var counters: KernelCounters
    public var interfacePoints: [InterfacePointOutcome]
    public var resources: [ResourceEnergy]
    public var scores: RegulationScoreSummary
    public var samples: Int
    public var awardMW: Double
    public var finalAggregateSOC: Double
    /// Lowest and highest SOC any battery reached, and battery-seconds spent outside the SOC band.
    public var batterySOCRange: ClosedRange<Double>?
    public var batterySecondsOutsideSOCBand: Double
    public var setpointDigest: UInt64
    public var events: EventTally
    public var timer: CycleStatistics?

    init(simulation: SubstationSimulation, cycles: Int64, wallSeconds: Double, scores: RegulationScoreSummary,
         samples: Int, events: EventTally, timer: CycleStatistics?) {
        let kernel = simulation.kernel
        let model = simulation.scenario.model
        let points = kernel.interfacePoints
        scenarioName = simulation.scenario.name
        self.cycles = cycles
        periodSeconds = kernel.configuration.periodSeconds
        simulatedSeconds = Double(cycles) * periodSeconds
        self.wallSeconds = wallSeconds
        counters = kernel.counters
        interfacePoints = model.interfacePoints.indices.map { point in
            let count = Double(max(points.sampleCount[point], 1))
            let mean = points.deviationSumKW[point] / count
            return InterfacePointOutcome(
                id: model.interfacePoints[point].id, meanACEKW: mean,
                rmsACEKW: (points.deviationSquareSumKW2[point] / count).squareRoot(),
                maxAbsACEKW: points.deviationMaxAbsKW[point], secondsOutOfBand: points.secondsOutOfBand[point],
                secondsOutsideLimits: points.secondsOutsideLimits[point], infeasibleCycles: points.infeasibleCycles[point],
                deviationBandKW: model.interfacePoints[point].deviationBandKW)
        }
        resources = model.resources.indices.map { index in
            let spec = model.resources[index]
            return ResourceEnergy(id: spec.id, kind: spec.kind, interfacePoint: model.interfacePoints[spec.interfacePoint].id,
                                  energyOutKWh: kernel.state.energyOutKWh[index], energyInKWh: kernel.state.energyInKWh[index],
                                  unavailableSeconds: Double(kernel.state.unavailableCycles[index]) * kernel.configuration.periodSeconds)
        }
        self.scores = scores
        self.samples = samples
        awardMW = kernel.regulation.awardKW / 1000
        finalAggregateSOC = kernel.regulation.aggregateSOC
        let lowest = simulation.socLowest.min() ?? .nan, highest = simulation.socHighest.max() ?? .nan
        batterySOCRange = lowest.isFinite && highest.isFinite ? lowest...highest : nil
        batterySecondsOutsideSOCBand = simulation.batterySecondsOutsideSOCBand
        setpointDigest = kernel.setpointDigest
        self.events = events
        self.timer = timer
    }
}
