import DSOKernel
import DSOModel

/// A large substation made up deterministically, for benchmarks and tests that need thousands of
/// resources without a scenario file: 10 % batteries, 60 % PV, 20 % loads, 10 % DR, spread over the
/// interface points, with telemetry that moves a little every cycle as real telemetry does.
public struct SyntheticSubstation: Sendable {
    public let model: SubstationModel
    /// Regulation award that keeps the batteries about half used, kW.
    public let awardKW: Double

    public init(resourceCount: Int, interfacePointCount: Int, seed: UInt64 = 1) throws(ModelError) {
        var random = seed &+ 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            random &+= 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        var points: [InterfacePointSpec] = []
        for index in 0..<interfacePointCount {
            points.append(InterfacePointSpec(id: "IP-\(index)", importLimitKW: 1e9, exportLimitKW: 1e9,
                                             deviationBandKW: 200, hasMeter: index % 2 == 0))
        }
        var resources: [ResourceSpec] = []
        var batteryKW = 0.0
        for index in 0..<resourceCount {
            let point = index % interfacePointCount
            let slot = index % 10
            switch slot {
            case 0:
                let power = 100 + 400 * next()
                batteryKW += power
                resources.append(ResourceSpec(
                    id: "B\(index)", kind: .battery, interfacePoint: point, maximumKW: power, minimumKW: -power,
                    rampKWPerSecond: power, energyCapacityKWh: 2 * power,
                    cost: MarginalCost(linearPerKWh: 0.02, quadraticPerKWhPerKW: 0.02 / power),
                    providesRegulation: true, commandDelaySeconds: 2, responseTimeConstantSeconds: 1))
            case 1...6:
                let power = 5 + 10 * next()
                resources.append(ResourceSpec(id: "PV\(index)", kind: .pv, interfacePoint: point, maximumKW: power,
                                              minimumKW: 0, cost: MarginalCost(linearPerKWh: -0.05)))
            case 7, 8:
                resources.append(ResourceSpec(id: "L\(index)", kind: .load, interfacePoint: point, maximumKW: 0,
                                              minimumKW: -(20 + 80 * next())))
            default:
                resources.append(ResourceSpec(id: "DR\(index)", kind: .demandResponse, interfacePoint: point,
                                              maximumKW: 0, minimumKW: -(50 + 50 * next()),
                                              cost: MarginalCost(linearPerKWh: 0.25, quadraticPerKWhPerKW: 0.001)))
            }
        }
        model = try SubstationModel(interfacePoints: points, resources: resources)
        awardKW = 0.4 * batteryKW
    }

    /// Writes telemetry for `cycle` onto the kernel's board, as drivers would between cycles: outputs
    /// follow the last set points, PV and loads drift slowly, batteries sit mid-band; metered interface
    /// points read the members' net.
    public func fillBoard(_ kernel: ControlKernel, cycle: Int64) {
        let board = kernel.board
        let resources = kernel.resources
        let setpoints = kernel.setpoints
        let nanoseconds = cycle &* kernel.configuration.periodNanoseconds
        let phase = Double(cycle % 6000) / 6000
        for index in 0..<resources.count {
            let maximum = resources.maximumKW[index], minimum = resources.minimumKW[index]
            switch resources.kind[index] {
            case ResourceKind.batteryCode:
                board.measuredKW[index] = setpoints.setpointKW[index]
                board.availableUpKW[index] = maximum
                board.availableDownKW[index] = minimum
                board.soc[index] = 0.45 + 0.1 * phase
            case ResourceKind.pvCode:
                let available = maximum * (0.5 + 0.3 * phase)
                board.measuredKW[index] = min(available, setpoints.setpointKW[index])
                board.availableUpKW[index] = available
                board.availableDownKW[index] = 0
            case ResourceKind.loadCode:
                board.measuredKW[index] = minimum * (0.6 + 0.2 * phase)
                board.availableUpKW[index] = board.measuredKW[index]
                board.availableDownKW[index] = board.measuredKW[index]
            default:
                board.measuredKW[index] = max(minimum * 0.8, setpoints.setpointKW[index])
                board.availableUpKW[index] = minimum * 0.5
                board.availableDownKW[index] = minimum * 0.8
            }
            board.timestampNanoseconds[index] = nanoseconds
        }
        let points = kernel.interfacePoints
        for point in 0..<board.interfacePointCount {
            var net = 0.0
            for index in points.memberStart[point]..<points.memberEnd[point] { net -= board.measuredKW[index] }
            // Metered points read the members' net plus a little feeder loss.
            board.meterNetImportKW[point] = points.hasMeter[point] ? net + 1.5 : .nan
            board.meterTimestampNanoseconds[point] = nanoseconds
        }
    }

    /// Schedules one hour-long interval per interface point near its natural net import.
    public func initialSchedules(netImportKW: Double = 0) -> [ScheduleEntry] {
        model.interfacePoints.indices.map {
            ScheduleEntry(interfacePoint: $0, startSeconds: 0, endSeconds: 1e9, netImportKW: netImportKW)
        }
    }
}
