/// What to build for one resource of the substation model: the physics behind its `ResourceSpec`.
public enum DeviceSpec: Sendable {
    case battery(BatteryParameters)
    case pv(PVParameters)
    case load(LoadParameters)
    case demandResponse(DemandResponseParameters)
}
