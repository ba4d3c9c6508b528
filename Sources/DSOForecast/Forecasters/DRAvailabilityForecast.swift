package import DSOScenario

/// How much a demand-response programme can shed in each forecast hour: its curtailable share of the
/// forecast baseline load, capped by its maximum, inside its call windows (local hours) and zero outside —
/// with the baseline's P10/P90 carried through, so the scheduler can offer what is there on a bad day.
public struct DRAvailabilityForecast: Sendable {
    /// The programme's name, for the API and the historian.
    public var programme: String
    public var curtailableShare: Double
    public var maximumCurtailmentKW: Double
    /// Local hours in which the programme may be called; empty: always.
    public var windows: [(startHour: Double, endHour: Double)]

    public init(programme: String, curtailableShare: Double, maximumCurtailmentKW: Double,
                windows: [(startHour: Double, endHour: Double)]) throws(ForecastError) {
        guard (0...1).contains(curtailableShare) else {
            throw ForecastError("programme '\(programme)': curtailable share \(curtailableShare); expected 0…1")
        }
        guard maximumCurtailmentKW >= 0, maximumCurtailmentKW.isFinite else {
            throw ForecastError("programme '\(programme)': maximum curtailment \(maximumCurtailmentKW) kW; expected a finite value ≥ 0")
        }
        for window in windows where !(0...24).contains(window.startHour) || !(0...24).contains(window.endHour) {
            throw ForecastError("programme '\(programme)': window \(window.startHour)…\(window.endHour); expected hours in 0…24")
        }
        self.programme = programme
        self.curtailableShare = curtailableShare
        self.maximumCurtailmentKW = maximumCurtailmentKW
        self.windows = windows
    }

    /// A programme as the scenario describes it.
    package init(programme: String, parameters: DemandResponseParameters) throws(ForecastError) {
        try self.init(programme: programme, curtailableShare: parameters.curtailableShare,
                      maximumCurtailmentKW: parameters.maxCurtailmentKW,
                      windows: parameters.windows.map { ($0.startHour, $0.endHour) })
    }

    /// Whether the programme may be called in the local hour starting at `hour` (the whole hour inside a window).
    public func isCallable(localHour hour: Int) -> Bool {
        guard !windows.isEmpty else { return true }
        return windows.contains { window in
            let start = Double(hour), end = Double(hour + 1)
            return window.startHour <= window.endHour
                ? start >= window.startHour && end <= window.endHour
                : start >= window.startHour || end <= window.endHour
        }
    }

    /// Available curtailment, kW, per target hour: `baselineKW` is the programme's baseline load forecast at each
    /// hour (any quantile), `hourStarts` its hours (UTC), `zone` the market's.
    public func availableKW(baselineKW: [Double], hourStarts: [Int64], zone: MarketTimeZone) -> [Double] {
        zip(baselineKW, hourStarts).map { baseline, hour in
            guard isCallable(localHour: zone.local(hour).hour), baseline.isFinite else { return baseline.isFinite ? 0 : .nan }
            return min(max(0, baseline) * curtailableShare, maximumCurtailmentKW)
        }
    }
}
