public import DSODriverHost
public import DSOModel
public import DSOScenario

/// Everything `dsod run` needs, read and validated from one service TOML file (docs/configuration.md).
public struct ServiceConfiguration: Sendable {
    /// The configuration file, absolute.
    public var path: String
    public var service: ServiceSettings
    /// Kernel period and trust limits (`[kernel]`); defaults from the scenario in simulation mode.
    public var kernel: Scenario.KernelSettings
    /// Where the grid model and the devices come from.
    public var devices: DeviceSource
    /// The ISO link (`[iso_link]`), nil when the section is absent.
    public var isoLink: ISOLinkSettings?
    /// The historian (`[historian]`), nil when absent.
    public var historian: HistorianSettings?
    /// The operator HTTP API and metrics (`[api]`), nil when absent.
    public var api: APISettings?
    /// Forecasts inside the service (`[forecast]`), nil when absent.
    public var forecast: ForecastConfiguration?
    /// The planners inside the service (`[planning]`), nil when absent.
    public var planning: PlanningConfiguration?

    /// Interface points and resources in the kernel's order, whichever source they come from.
    public var model: SubstationModel {
        switch devices {
        case .simulation(let simulation): simulation.scenario.model
        case .drivers(let grid, _): grid.model
        }
    }

    /// Scheduled net import per interface point, as loaded (kernel time: seconds since the service started).
    public var schedules: [ScheduleEntry] {
        switch devices {
        case .simulation(let simulation): simulation.scenario.schedules
        case .drivers(let grid, _): grid.schedules
        }
    }

    /// The `[[drivers]]` instances (empty with simulated devices).
    public var driverConfigurations: [DriverConfiguration] {
        if case .drivers(_, let drivers) = devices { return drivers }
        return []
    }

    /// The grid's name in logs: the scenario's name, else the service name.
    public var gridName: String {
        switch devices {
        case .simulation(let simulation): simulation.scenario.name
        case .drivers: service.name
        }
    }

    public init(path: String, service: ServiceSettings, kernel: Scenario.KernelSettings, devices: DeviceSource,
                isoLink: ISOLinkSettings? = nil, historian: HistorianSettings? = nil, api: APISettings? = nil,
                forecast: ForecastConfiguration? = nil, planning: PlanningConfiguration? = nil) {
        self.path = path
        self.service = service
        self.kernel = kernel
        self.devices = devices
        self.isoLink = isoLink
        self.historian = historian
        self.api = api
        self.forecast = forecast
        self.planning = planning
    }
}

extension ServiceConfiguration {
    /// The two ways a service gets its devices: simulated from a scenario, or real through driver plugins.
    public enum DeviceSource: Sendable {
        /// `[simulation] scenario = "…"`: the scenario's grid and simulated devices, its regulation award and
        /// built-in signal (unless the ISO link supplies the signal).
        case simulation(SimulationSettings)
        /// Real devices: the grid written in the service file and `[[drivers]]` (DSODriverHost) with their point maps.
        case drivers(grid: PlantGrid, drivers: [DriverConfiguration])
    }
}
