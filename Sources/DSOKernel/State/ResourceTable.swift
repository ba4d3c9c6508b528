public import DSOModel

/// The resources' static parameters as columns, in the model's order (grouped by interface point).
public final class ResourceTable: @unchecked Sendable {
    // Sendable: immutable after init; columns are only read.
    public let count: Int
    public let kind: FixedColumn<UInt8>
    public let interfacePoint: FixedColumn<Int32>
    public let maximumKW: FixedColumn<Double>
    public let minimumKW: FixedColumn<Double>
    public let rampKWPerSecond: FixedColumn<Double>
    public let energyCapacityKWh: FixedColumn<Double>
    public let socBandLow: FixedColumn<Double>
    public let socBandHigh: FixedColumn<Double>
    public let socLimitLow: FixedColumn<Double>
    public let socLimitHigh: FixedColumn<Double>
    public let costLinear: FixedColumn<Double>
    public let costQuadratic: FixedColumn<Double>
    public let providesRegulation: FixedColumn<Bool>
    public let isDispatchable: FixedColumn<Bool>
    public let commandDelaySeconds: FixedColumn<Double>
    public let timeConstantSeconds: FixedColumn<Double>

    public init(_ resources: [ResourceSpec]) {
        count = resources.count
        kind = FixedColumn(resources.map { $0.kind.code })
        interfacePoint = FixedColumn(resources.map { Int32($0.interfacePoint) })
        maximumKW = FixedColumn(resources.map(\.maximumKW))
        minimumKW = FixedColumn(resources.map(\.minimumKW))
        rampKWPerSecond = FixedColumn(resources.map { $0.rampKWPerSecond > 0 ? $0.rampKWPerSecond : .infinity })
        energyCapacityKWh = FixedColumn(resources.map(\.energyCapacityKWh))
        socBandLow = FixedColumn(resources.map(\.socBand.lowerBound))
        socBandHigh = FixedColumn(resources.map(\.socBand.upperBound))
        socLimitLow = FixedColumn(resources.map(\.socLimits.lowerBound))
        socLimitHigh = FixedColumn(resources.map(\.socLimits.upperBound))
        costLinear = FixedColumn(resources.map(\.cost.linearPerKWh))
        costQuadratic = FixedColumn(resources.map(\.cost.quadraticPerKWhPerKW))
        providesRegulation = FixedColumn(resources.map { $0.providesRegulation && $0.kind != .load })
        isDispatchable = FixedColumn(resources.map(\.kind.isDispatchable))
        commandDelaySeconds = FixedColumn(resources.map { max(0, $0.commandDelaySeconds) })
        timeConstantSeconds = FixedColumn(resources.map { max(0, $0.responseTimeConstantSeconds) })
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
