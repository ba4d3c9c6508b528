/// What the planner schedules, per interval of its horizon: each interface point with its limits and its
/// inflexible load, the batteries, the PV and the DR programmes behind it. kW, generation-positive like the
/// kernel, except loads and curtailment (consumption and shed load positive).
public struct PlanningFleet: Sendable {
    /// A supply substation: what it may import and export, and the load nobody controls (forecast P50).
    public struct InterfacePoint: Sendable {
        public var id: String
        public var importLimitKW: Double
        public var exportLimitKW: Double
        /// Uncontrolled consumption behind the point (loads and DR baselines), kW ≥ 0, per interval.
        public var inflexibleLoadKW: [Double]
        /// Regulation already awarded to the batteries behind the point, kW each way: the plan must hold at least
        /// this much up and down (an intraday re-plan under a day-ahead award).
        public var regulationAwardKW = 0.0
        /// Hedges, kW per interval (empty: none): how far the load could be above and PV below their P50 (P90/P10
        /// band) — kept free under the import limit — and the other way under the export limit, so a plan stays
        /// within the point's limits on a bad-forecast day, not only on a median one.
        public var importMarginKW: [Double] = []
        public var exportMarginKW: [Double] = []

        public init(id: String, importLimitKW: Double, exportLimitKW: Double, inflexibleLoadKW: [Double]) {
            self.id = id
            self.importLimitKW = importLimitKW
            self.exportLimitKW = exportLimitKW
            self.inflexibleLoadKW = inflexibleLoadKW
        }
    }

    /// A battery: power, energy, efficiencies, the SOC band it plans inside, where it starts and should end.
    public struct Battery: Sendable {
        public var id: String
        public var interfacePoint: Int
        public var chargeKW: Double
        public var dischargeKW: Double
        public var capacityKWh: Double
        public var chargeEfficiency = 0.95
        public var dischargeEfficiency = 0.95
        /// The band the plan keeps the SOC in (the kernel's band); leaving it costs `PlanningSettings.socBandPenaltyPerKWh`.
        public var socBand: ClosedRange<Double> = 0.2...0.8
        public var initialSOC: Double
        /// SOC wanted at the end of the horizon (default: where it starts); missing it costs `terminalPenaltyPerKWh`.
        public var terminalSOC: Double?
        /// Wear per MWh of throughput (charge plus discharge), $.
        public var degradationPerMWh = 10.0
        public var providesRegulation = true

        public init(id: String, interfacePoint: Int, chargeKW: Double, dischargeKW: Double, capacityKWh: Double, initialSOC: Double) {
            self.id = id
            self.interfacePoint = interfacePoint
            self.chargeKW = chargeKW
            self.dischargeKW = dischargeKW
            self.capacityKWh = capacityKWh
            self.initialSOC = initialSOC
        }
    }

    /// PV: what the sun will allow (forecast), curtailable down to zero.
    public struct PV: Sendable {
        public var id: String
        public var interfacePoint: Int
        public var ratingKW: Double
        public var availableKW: [Double]

        public init(id: String, interfacePoint: Int, ratingKW: Double, availableKW: [Double]) {
            self.id = id
            self.interfacePoint = interfacePoint
            self.ratingKW = ratingKW
            self.availableKW = availableKW
        }
    }

    /// A DR programme: the curtailment it can deliver per interval (zero outside its windows), what a called
    /// kWh costs, and how often it may be called.
    public struct DemandResponse: Sendable {
        public var id: String
        public var interfacePoint: Int
        public var availableKW: [Double]
        public var costPerMWh = 150.0
        /// At most this many events (a run of called intervals) in the horizon; nil: unlimited.
        public var maximumEvents: Int?
        /// At most this many called hours in the horizon; nil: unlimited.
        public var maximumHours: Double?
        /// Participants must be told this long ahead: no call may start before this instant (an intraday re-plan
        /// sets it to now plus the programme's notification time), seconds since 1970 UTC; nil: any interval.
        public var notBeforeUnixSeconds: Int64?

        public init(id: String, interfacePoint: Int, availableKW: [Double]) {
            self.id = id
            self.interfacePoint = interfacePoint
            self.availableKW = availableKW
        }
    }

    public var interfacePoints: [InterfacePoint]
    public var batteries: [Battery] = []
    public var pv: [PV] = []
    public var demandResponse: [DemandResponse] = []

    public init(interfacePoints: [InterfacePoint], batteries: [Battery] = [], pv: [PV] = [], demandResponse: [DemandResponse] = []) {
        self.interfacePoints = interfacePoints
        self.batteries = batteries
        self.pv = pv
        self.demandResponse = demandResponse
    }

    /// Checks every series has one value per interval and every rating is sane, naming the resource.
    public func validate(count: Int) throws(PlanningError) {
        func check(_ values: [Double], _ what: String) throws(PlanningError) {
            guard values.count == count else { throw PlanningError("\(what): \(values.count) values; expected \(count), one per interval") }
            if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw PlanningError("\(what): interval \(bad) is \(values[bad]) kW; expected a finite value ≥ 0")
            }
        }
        for point in interfacePoints {
            try check(point.inflexibleLoadKW, "interface point \(point.id) load")
            if !point.importMarginKW.isEmpty { try check(point.importMarginKW, "interface point \(point.id) import margin") }
            if !point.exportMarginKW.isEmpty { try check(point.exportMarginKW, "interface point \(point.id) export margin") }
            guard point.importLimitKW >= 0, point.exportLimitKW >= 0 else {
                throw PlanningError("interface point \(point.id): import/export limits \(point.importLimitKW)/\(point.exportLimitKW) kW; expected ≥ 0")
            }
        }
        for battery in batteries {
            guard interfacePoints.indices.contains(battery.interfacePoint), battery.chargeKW >= 0, battery.dischargeKW >= 0,
                  battery.capacityKWh > 0, (0...1).contains(battery.initialSOC),
                  battery.chargeEfficiency > 0, battery.chargeEfficiency <= 1, battery.dischargeEfficiency > 0,
                  battery.dischargeEfficiency <= 1 else {
                throw PlanningError("battery \(battery.id): expected ratings ≥ 0, capacity > 0, SOC 0…1, efficiencies in (0, 1] and a known interface point")
            }
        }
        for unit in pv { try check(unit.availableKW, "PV \(unit.id) forecast") }
        for programme in demandResponse { try check(programme.availableKW, "DR \(programme.id) availability") }
    }
}
