public import DSOModel

/// Every simulated device of a substation, stored per kind in contiguous arrays so one advance is a few tight loops.
///
/// Resources are addressed by their index in `SubstationModel.resources`. All commands and readouts are
/// generation-positive kW, whatever the kind: a battery set point, a PV output cap, and for demand response the
/// net power wanted (converted at command time to a curtailment of `kw + baseline`); commands to loads are ignored.
public struct SimulatedFleet: Sendable {
    public private(set) var batteries: [SimulatedBattery] = []
    public private(set) var pvSystems: [SimulatedPV] = []
    public private(set) var loads: [SimulatedLoad] = []
    public private(set) var demandResponse: [SimulatedDemandResponse] = []
    /// One meter per interface point, in the model's order.
    public let meters: [InterfaceMeter]
    /// Kind of each resource, in the model's order.
    public let kinds: [ResourceKind]
    /// Index of each resource inside its kind's array.
    public let slots: [Int]
    private let memberRanges: [Range<Int>]
    private var memberPowerSumKW: [Double]
    /// Simulated time of the last advance, seconds.
    public private(set) var timeSeconds: Double

    /// Builds the devices; `devices` must be parallel to `model.resources` and `meters` to `model.interfacePoints`.
    public init(model: SubstationModel, devices: [DeviceSpec], meters: [InterfaceMeter],
                startTimeOfDaySeconds: Double = 0, startSeconds: Double = 0) {
        precondition(devices.count == model.resources.count, "one DeviceSpec per model resource")
        precondition(meters.count == model.interfacePoints.count, "one meter per interface point")
        var kinds: [ResourceKind] = []
        var slots: [Int] = []
        for device in devices {
            switch device {
            case .battery(let parameters):
                kinds.append(.battery)
                slots.append(batteries.count)
                batteries.append(SimulatedBattery(parameters: parameters, startSeconds: startSeconds))
            case .pv(let parameters):
                kinds.append(.pv)
                slots.append(pvSystems.count)
                pvSystems.append(SimulatedPV(parameters: parameters, startTimeOfDaySeconds: startTimeOfDaySeconds,
                                             startSeconds: startSeconds))
            case .load(let parameters):
                kinds.append(.load)
                slots.append(loads.count)
                loads.append(SimulatedLoad(parameters: parameters, startTimeOfDaySeconds: startTimeOfDaySeconds,
                                           startSeconds: startSeconds))
            case .demandResponse(let parameters):
                kinds.append(.demandResponse)
                slots.append(demandResponse.count)
                demandResponse.append(SimulatedDemandResponse(
                    parameters: parameters, startTimeOfDaySeconds: startTimeOfDaySeconds, startSeconds: startSeconds))
            }
        }
        self.kinds = kinds
        self.slots = slots
        self.meters = meters
        memberRanges = model.memberRanges
        memberPowerSumKW = Array(repeating: 0, count: model.interfacePoints.count)
        timeSeconds = startSeconds
        sumMembers()
    }

    /// Number of resources (the model's resource count).
    public var resourceCount: Int { kinds.count }

    /// Moves every device to `seconds` and refreshes the interface-point sums. Allocation-free.
    public mutating func advance(toSeconds seconds: Double) {
        timeSeconds = seconds
        for index in batteries.indices { batteries[index].advance(toSeconds: seconds) }
        for index in pvSystems.indices { pvSystems[index].advance(toSeconds: seconds) }
        for index in loads.indices { loads[index].advance(toSeconds: seconds) }
        for index in demandResponse.indices { demandResponse[index].advance(toSeconds: seconds) }
        sumMembers()
    }

    /// Sends a generation-positive set point to resource `resource` (see the type's note for each kind).
    public mutating func command(resource: Int, kw: Double, atSeconds seconds: Double) {
        let slot = slots[resource]
        switch kinds[resource] {
        case .battery: batteries[slot].command(kw: kw, atSeconds: seconds)
        case .pv: pvSystems[slot].command(maxKW: max(0, kw), atSeconds: seconds)
        case .load: break
        case .demandResponse:
            let baseline = demandResponse[slot].baselineKW
            demandResponse[slot].command(curtailmentKW: kw + baseline, atSeconds: seconds)
        }
    }

    /// Output of resource `resource`, kW (generation-positive).
    @inline(__always)
    public func powerKW(_ resource: Int) -> Double {
        let slot = slots[resource]
        switch kinds[resource] {
        case .battery: return batteries[slot].powerKW
        case .pv: return pvSystems[slot].powerKW
        case .load: return loads[slot].powerKW
        case .demandResponse: return demandResponse[slot].powerKW
        }
    }

    /// Highest output the resource could be asked for now, kW (generation-positive).
    public func availableUpKW(_ resource: Int) -> Double {
        let slot = slots[resource]
        switch kinds[resource] {
        case .battery: return batteries[slot].availableDischargeKW
        case .pv: return pvSystems[slot].availableKW
        case .load: return loads[slot].powerKW
        case .demandResponse:
            let programme = demandResponse[slot]
            return programme.availableCurtailmentKW - programme.baselineKW
        }
    }

    /// Lowest output the resource could be asked for now, kW (generation-positive).
    public func availableDownKW(_ resource: Int) -> Double {
        let slot = slots[resource]
        switch kinds[resource] {
        case .battery: return -batteries[slot].availableChargeKW
        case .pv: return 0
        case .load: return loads[slot].powerKW
        case .demandResponse: return -demandResponse[slot].baselineKW
        }
    }

    /// State of charge of a battery resource; NaN for any other kind.
    public func soc(_ resource: Int) -> Double {
        kinds[resource] == .battery ? batteries[slots[resource]].soc : .nan
    }

    /// Σ of member outputs behind interface point `point`, kW (generation-positive).
    public func memberPowerSumKW(interfacePoint point: Int) -> Double { memberPowerSumKW[point] }

    /// True net import at interface point `point` (load-positive, losses included), kW.
    public func netImportKW(interfacePoint point: Int) -> Double {
        meters[point].netImportKW(memberPowerSumKW: memberPowerSumKW[point])
    }

    /// What the interface point's meter reads now (true net import plus meter noise), kW.
    public func meteredNetImportKW(interfacePoint point: Int) -> Double {
        meters[point].measuredNetImportKW(memberPowerSumKW: memberPowerSumKW[point], atSeconds: timeSeconds)
    }

    /// Losses at interface point `point`, kW.
    public func lossesKW(interfacePoint point: Int) -> Double {
        meters[point].lossesKW(memberPowerSumKW: memberPowerSumKW[point])
    }

    private mutating func sumMembers() {
        for point in memberRanges.indices {
            var sum = 0.0
            for resource in memberRanges[point] { sum += powerKW(resource) }
            memberPowerSumKW[point] = sum
        }
    }
}
