/// What a distributed resource physically is; decides which controls the kernel may use on it.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Battery storage: charges and discharges, limited by power, energy and state of charge.
    case battery
    /// Photovoltaic system: generates what the sun allows; can only be curtailed.
    case pv
    /// Feeder load: follows its profile; not controllable.
    case load
    /// Curtailable load in a demand-response programme: can reduce consumption when available.
    case demandResponse = "dr"

    /// Whether the dispatch core may move this resource's base point.
    public var isDispatchable: Bool { self != .load }
}
