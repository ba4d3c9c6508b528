public import DSOModel

/// The resources' static parameters as columns, in the model's order (grouped by interface point).
public final class ResourceTable: @unchecked Sendable {
    // Sendable: immutable after init; columns are only read.
    public let count: Int
    public let kind: KernelColumn<UInt8>
    public let interfacePoint: KernelColumn<Int32>
    public let maximumKW: KernelColumn<Double>
    public let minimumKW: KernelColumn<Double>
    public let rampKWPerSecond: KernelColumn<Double>
    public let energyCapacityKWh: KernelColumn<Double>
    public let socBandLow: KernelColumn<Double>
    public let socBandHigh: KernelColumn<Double>
    public let socLimitLow: KernelColumn<Double>
    public let socLimitHigh: KernelColumn<Double>
    public let costLinear: KernelColumn<Double>
    public let costQuadratic: KernelColumn<Double>
    public let providesRegulation: KernelColumn<Bool>
    public let isDispatchable: KernelColumn<Bool>
    public let commandDelaySeconds: KernelColumn<Double>
    public let timeConstantSeconds: KernelColumn<Double>

    public init(_ resources: [ResourceSpec]) {
        count = resources.count
        kind = KernelColumn(resources.map { $0.kind.code })
        interfacePoint = KernelColumn(resources.map { Int32($0.interfacePoint) })
        maximumKW = KernelColumn(resources.map(\.maximumKW))
        minimumKW = KernelColumn(resources.map(\.minimumKW))
        rampKWPerSecond = KernelColumn(resources.map { $0.rampKWPerSecond > 0 ? $0.rampKWPerSecond : .infinity })
        energyCapacityKWh = KernelColumn(resources.map(\.energyCapacityKWh))
        socBandLow = KernelColumn(resources.map(\.socBand.lowerBound))
        socBandHigh = KernelColumn(resources.map(\.socBand.upperBound))
        socLimitLow = KernelColumn(resources.map(\.socLimits.lowerBound))
        socLimitHigh = KernelColumn(resources.map(\.socLimits.upperBound))
        costLinear = KernelColumn(resources.map(\.cost.linearPerKWh))
        costQuadratic = KernelColumn(resources.map(\.cost.quadraticPerKWhPerKW))
        providesRegulation = KernelColumn(resources.map { $0.providesRegulation && $0.kind != .load })
        isDispatchable = KernelColumn(resources.map(\.kind.isDispatchable))
        commandDelaySeconds = KernelColumn(resources.map { max(0, $0.commandDelaySeconds) })
        timeConstantSeconds = KernelColumn(resources.map { max(0, $0.responseTimeConstantSeconds) })
    }

    deinit {
        kind.deallocate(); interfacePoint.deallocate(); maximumKW.deallocate(); minimumKW.deallocate()
        rampKWPerSecond.deallocate(); energyCapacityKWh.deallocate(); socBandLow.deallocate()
        socBandHigh.deallocate(); socLimitLow.deallocate(); socLimitHigh.deallocate(); costLinear.deallocate()
        costQuadratic.deallocate(); providesRegulation.deallocate(); isDispatchable.deallocate()
        commandDelaySeconds.deallocate(); timeConstantSeconds.deallocate()
    }
}

extension ResourceKind {
    /// Byte code stored in the kernel's kind column.
    public var code: UInt8 {
        switch self {
        case .battery: 0
        case .pv: 1
        case .load: 2
        case .demandResponse: 3
        }
    }

    public static let batteryCode: UInt8 = 0
    public static let pvCode: UInt8 = 1
    public static let loadCode: UInt8 = 2
    public static let demandResponseCode: UInt8 = 3
}
