public import DSOHistorian

/// Everything the API serves about the running plant at one moment; the service fills it from the
/// recorder thread and the API only reads it.
public struct StatusSnapshot: Sendable, Hashable, Codable {
    /// When the snapshot was assembled, Unix seconds.
    public var wallTimeSeconds: Double
    public var kernel: KernelStatus
    public var interfacePoints: [InterfacePointStatus]
    public var resources: [ResourceStatus]
    public var drivers: [DriverStatus]
    public var regulationScores: RegulationScores
    /// Duration of the kernel's step, seconds.
    public var cycleDuration: HistogramSnapshot
    /// How late each cycle started after its grid time, seconds.
    public var cycleLateness: HistogramSnapshot
    public var historian: HistorianStatistics?

    public init(wallTimeSeconds: Double, kernel: KernelStatus, interfacePoints: [InterfacePointStatus] = [],
                resources: [ResourceStatus] = [], drivers: [DriverStatus] = [],
                regulationScores: RegulationScores = RegulationScores(), cycleDuration: HistogramSnapshot = .empty,
                cycleLateness: HistogramSnapshot = .empty, historian: HistorianStatistics? = nil) {
        self.wallTimeSeconds = wallTimeSeconds
        self.kernel = kernel
        self.interfacePoints = interfacePoints
        self.resources = resources
        self.drivers = drivers
        self.regulationScores = regulationScores
        self.cycleDuration = cycleDuration
        self.cycleLateness = cycleLateness
        self.historian = historian
    }
}

/// The kernel's cycle, counters and fleet-level regulation figures.
public struct KernelStatus: Sendable, Hashable, Codable {
    /// `starting` before the first cycle, `running`, `stopping`.
    public var state: String
    public var cycleIndex: Int64
    /// Seconds on the kernel's clock.
    public var timeSeconds: Double
    public var cyclePeriodSeconds: Double
    public var cycles: Int
    public var overruns: Int
    public var droppedRecords: Int
    public var refusedSchedules: Int
    public var refusedCommands: Int
    public var infeasibleCycles: Int
    public var regulationEnabled: Bool
    /// Normalised regulation signal, −1…1.
    public var signal: Double
    public var awardKW: Double
    public var regulationTargetKW: Double
    public var regulationResponseKW: Double
    public var regulationAvailableUpKW: Double
    public var regulationAvailableDownKW: Double
    public var aggregateSOC: Double?
    public var controllableResources: Int
    /// The running set-point digest, hexadecimal.
    public var setpointDigest: String

    public init(state: String = "running", cycleIndex: Int64 = -1, timeSeconds: Double = 0,
                cyclePeriodSeconds: Double = 0.1, cycles: Int = 0, overruns: Int = 0, droppedRecords: Int = 0,
                refusedSchedules: Int = 0, refusedCommands: Int = 0, infeasibleCycles: Int = 0,
                regulationEnabled: Bool = true, signal: Double = 0, awardKW: Double = 0, regulationTargetKW: Double = 0,
                regulationResponseKW: Double = 0, regulationAvailableUpKW: Double = 0,
                regulationAvailableDownKW: Double = 0, aggregateSOC: Double? = nil, controllableResources: Int = 0,
                setpointDigest: String = "") {
        self.state = state
        self.cycleIndex = cycleIndex
        self.timeSeconds = timeSeconds
        self.cyclePeriodSeconds = cyclePeriodSeconds
        self.cycles = cycles
        self.overruns = overruns
        self.droppedRecords = droppedRecords
        self.refusedSchedules = refusedSchedules
        self.refusedCommands = refusedCommands
        self.infeasibleCycles = infeasibleCycles
        self.regulationEnabled = regulationEnabled
        self.signal = signal
        self.awardKW = awardKW
        self.regulationTargetKW = regulationTargetKW
        self.regulationResponseKW = regulationResponseKW
        self.regulationAvailableUpKW = regulationAvailableUpKW
        self.regulationAvailableDownKW = regulationAvailableDownKW
        self.aggregateSOC = aggregateSOC
        self.controllableResources = controllableResources
        self.setpointDigest = setpointDigest
    }
}

/// One interface point's netting this cycle and its limits.
public struct InterfacePointStatus: Sendable, Hashable, Codable {
    public var index: Int
    public var id: String
    /// Load-positive net import, kW.
    public var netImportKW: Double?
    public var scheduledKW: Double?
    /// Net import minus schedule, kW.
    public var deviationKW: Double?
    public var aceKW: Double?
    public var regulationRequestKW: Double?
    public var deviationBandKW: Double
    public var importLimitKW: Double
    public var exportLimitKW: Double
    /// Names of the raised `InterfacePointFlags` (outOfBand, meterUnavailable…).
    public var flags: [String]

    public init(index: Int, id: String, netImportKW: Double?, scheduledKW: Double?, deviationKW: Double?,
                aceKW: Double?, regulationRequestKW: Double?, deviationBandKW: Double, importLimitKW: Double,
                exportLimitKW: Double, flags: [String]) {
        self.index = index
        self.id = id
        self.netImportKW = netImportKW
        self.scheduledKW = scheduledKW
        self.deviationKW = deviationKW
        self.aceKW = aceKW
        self.regulationRequestKW = regulationRequestKW
        self.deviationBandKW = deviationBandKW
        self.importLimitKW = importLimitKW
        self.exportLimitKW = exportLimitKW
        self.flags = flags
    }
}

/// One resource: what it is, its latest telemetry and the set point the kernel published for it.
public struct ResourceStatus: Sendable, Hashable, Codable {
    public var index: Int
    public var id: String
    /// `battery`, `pv`, `load`, `demandResponse`.
    public var kind: String
    public var interfacePoint: Int
    /// `ok`, `stale`, `invalid`, `fault`, `disabled`, `unknown`.
    public var health: String
    public var telemetry: Telemetry
    public var setpoint: Setpoint

    /// Latest measured values (generation-positive kW).
    public struct Telemetry: Sendable, Hashable, Codable {
        public var measuredKW: Double?
        public var availableUpKW: Double?
        public var availableDownKW: Double?
        public var soc: Double?
        public var faultCode: Int
        /// Age of the telemetry at the snapshot's kernel time, s (nil: never received).
        public var ageSeconds: Double?

        public init(measuredKW: Double?, availableUpKW: Double?, availableDownKW: Double?, soc: Double?,
                    faultCode: Int, ageSeconds: Double?) {
            self.measuredKW = measuredKW
            self.availableUpKW = availableUpKW
            self.availableDownKW = availableDownKW
            self.soc = soc
            self.faultCode = faultCode
            self.ageSeconds = ageSeconds
        }
    }

    /// The published set point and its parts.
    public struct Setpoint: Sendable, Hashable, Codable {
        public var kw: Double?
        public var basePointKW: Double?
        public var regulationKW: Double?
        /// Time left until the set point expires, s, at the snapshot's kernel time.
        public var validForSeconds: Double?
        public var isFallback: Bool

        public init(kw: Double?, basePointKW: Double?, regulationKW: Double?, validForSeconds: Double?, isFallback: Bool) {
            self.kw = kw
            self.basePointKW = basePointKW
            self.regulationKW = regulationKW
            self.validForSeconds = validForSeconds
            self.isFallback = isFallback
        }
    }

    public init(index: Int, id: String, kind: String, interfacePoint: Int, health: String, telemetry: Telemetry,
                setpoint: Setpoint) {
        self.index = index
        self.id = id
        self.kind = kind
        self.interfacePoint = interfacePoint
        self.health = health
        self.telemetry = telemetry
        self.setpoint = setpoint
    }
}

/// One driver instance's health as the driver host reports it (`GET /api/v1/drivers`, docs/api.md).
public struct DriverStatus: Sendable, Hashable, Codable {
    /// The instance name (`[[drivers]] name`).
    public var name: String
    /// The plugin's shared library, absolute path.
    public var library: String
    /// The driver's own name and version, e.g. `modbus 1.0.0`.
    public var driver: String
    /// `ok` (its points reach the kernel), `stale` (held out without a driver error: late, hung, no read yet)
    /// or `failed` (held out because the driver reports errors; `lastError` says why).
    public var state: String
    /// The driver's latest error message, kept after it recovers (nil: none since start).
    public var lastError: String?
    /// Reads that returned valid values on time, and the others (errors, garbage, late), since start.
    public var readsOk: Int
    public var readsFailed: Int
    /// Seconds since the latest read that returned valid values (nil: none yet).
    public var lastGoodReadAgeSeconds: Double?
    /// Lines of the instance's point map.
    public var points: Int

    public init(name: String, library: String, driver: String, state: String, lastError: String?, readsOk: Int,
                readsFailed: Int, lastGoodReadAgeSeconds: Double?, points: Int) {
        self.name = name
        self.library = library
        self.driver = driver
        self.state = state
        self.lastError = lastError
        self.readsOk = readsOk
        self.readsFailed = readsFailed
        self.lastGoodReadAgeSeconds = lastGoodReadAgeSeconds
        self.points = points
    }
}

/// Regulation performance so far: PJM (accuracy, delay, precision, composite) and CAISO (accuracy, mileage).
public struct RegulationScores: Sendable, Hashable, Codable {
    public var pjm: PJMScore?
    /// The hour in progress.
    public var pjmCurrentHour: PJMScore?
    public var pjmHourlyComposite: Double?
    public var caisoMeanAccuracy: Double?
    /// Accuracy of the 15-minute interval in progress.
    public var caisoCurrentIntervalAccuracy: Double?
    public var caisoTotalMileageMW: Double

    /// One PJM performance score, each part 0…1.
    public struct PJMScore: Sendable, Hashable, Codable {
        public var accuracy: Double
        public var delay: Double
        public var precision: Double
        public var composite: Double
        public var sampleCount: Int

        public init(accuracy: Double, delay: Double, precision: Double, composite: Double, sampleCount: Int) {
            self.accuracy = accuracy
            self.delay = delay
            self.precision = precision
            self.composite = composite
            self.sampleCount = sampleCount
        }
    }

    public init(pjm: PJMScore? = nil, pjmCurrentHour: PJMScore? = nil, pjmHourlyComposite: Double? = nil,
                caisoMeanAccuracy: Double? = nil, caisoCurrentIntervalAccuracy: Double? = nil,
                caisoTotalMileageMW: Double = 0) {
        self.pjm = pjm
        self.pjmCurrentHour = pjmCurrentHour
        self.pjmHourlyComposite = pjmHourlyComposite
        self.caisoMeanAccuracy = caisoMeanAccuracy
        self.caisoCurrentIntervalAccuracy = caisoCurrentIntervalAccuracy
        self.caisoTotalMileageMW = caisoTotalMileageMW
    }
}
