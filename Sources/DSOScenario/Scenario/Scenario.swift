public import DSOModel

/// A complete, validated description of a simulated DSO: the grid model, the physics behind every resource,
/// schedules, kernel and run settings and the regulation award, as read from a scenario TOML file.
public struct Scenario: Sendable {
    /// Human-readable name (`[scenario] name`).
    public var name: String
    /// The scenario file this was loaded from (absolute when loaded from disk).
    public var sourcePath: String
    /// Interface points and resources, in the kernel's order (resources grouped by interface point).
    public var model: SubstationModel
    /// Physics of each resource, parallel to `model.resources`.
    public var devices: [DeviceSpec]
    /// One meter per interface point, parallel to `model.interfacePoints`.
    public var meters: [InterfaceMeter]
    /// Scheduled net import per interface point, sorted by interface point then start time.
    public var schedules: [ScheduleEntry]
    public var kernel: KernelSettings
    public var run: RunSettings
    public var regulation: RegulationSettings
    /// Every profile the devices use, by resolved file path; each is shared by reference, never copied per device.
    public var profiles: [String: Profile]

    public init(
        name: String, sourcePath: String, model: SubstationModel, devices: [DeviceSpec], meters: [InterfaceMeter],
        schedules: [ScheduleEntry], kernel: KernelSettings, run: RunSettings, regulation: RegulationSettings,
        profiles: [String: Profile]
    ) {
        self.name = name
        self.sourcePath = sourcePath
        self.model = model
        self.devices = devices
        self.meters = meters
        self.schedules = schedules
        self.kernel = kernel
        self.run = run
        self.regulation = regulation
        self.profiles = profiles
    }

    /// Builds fresh simulated devices for a run starting at `startSeconds` (simulated time).
    public func makeFleet(startSeconds: Double = 0) -> SimulatedFleet {
        SimulatedFleet(model: model, devices: devices, meters: meters,
                       startTimeOfDaySeconds: run.startTimeOfDaySeconds, startSeconds: startSeconds)
    }
}
