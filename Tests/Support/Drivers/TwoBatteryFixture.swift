import DSODriverHost
import DSOKernel
import DSOModel

/// Two batteries behind one unmetered interface point, each fed by its own driver instance.
public enum TwoBatteryFixture {
    public static func model() throws -> SubstationModel {
        let point = InterfacePointSpec(id: "IP-1", importLimitKW: 10_000, exportLimitKW: 10_000, deviationBandKW: 50,
                                       hasMeter: false)
        let batteries = ["B1", "B2"].map { id in
            ResourceSpec(id: id, kind: .battery, interfacePoint: 0, maximumKW: 100, minimumKW: -100,
                         energyCapacityKWh: 200, providesRegulation: true)
        }
        return try SubstationModel(interfacePoints: [point], resources: batteries)
    }

    public static func kernel(_ model: SubstationModel, periodMilliseconds: Int64 = 100) throws -> ControlKernel {
        let kernel = try ControlKernel(model: model, configuration: KernelConfiguration(
            periodNanoseconds: periodMilliseconds * 1_000_000, staleAfterSeconds: 1))
        _ = kernel.inbound.ring(.scheduleFiles).push(.schedule(ScheduleEntry(interfacePoint: 0, startSeconds: 0, endSeconds: 1e9,
                                                        netImportKW: -30)))
        return kernel
    }

    /// A scripted-driver instance feeding battery `resource` (measured, SOC, set point).
    public static func instance(_ name: String, library: String, slot: Int, resource: String,
                         sign: SignConvention = .generationPositive,
                         pollPeriodSeconds: Double = 0.1, timeoutSeconds: Double = 0.05) -> DriverConfiguration {
        DriverConfiguration(
            name: name, libraryPath: library, driverConfiguration: "slot=\(slot)", sign: sign,
            pollPeriodSeconds: pollPeriodSeconds, timeoutSeconds: timeoutSeconds,
            points: [
                PointMapping(point: "p_kw", target: .resource(id: resource, quantity: .measuredKW)),
                PointMapping(point: "soc", target: .resource(id: resource, quantity: .soc)),
                PointMapping(point: "p_set_kw", target: .setpointKW(resource: resource)),
            ])
    }
}
