/// How the control kernel runs: its cycle period and the time limits that make it fail safe.
public struct KernelConfiguration: Sendable, Hashable {
    /// The cycle period; 10 ms … 10 s.
    public var periodNanoseconds: Int64
    /// Telemetry older than this marks a resource (or meter) stale; it drops out of control.
    public var staleAfterSeconds: Double
    /// How long a published set point stays valid at the device if the kernel stops refreshing it.
    public var setpointTTLSeconds: Double
    /// How long a regulation signal sample stays valid; past it, regulation ramps to zero.
    public var regulationSignalTTLSeconds: Double
    /// Rate at which regulation ramps to zero on a stale signal, fraction of the award per second.
    public var regulationFallbackRampPerSecond: Double
    /// Regulation tuning; see `RegulationTuning`.
    public var regulation: RegulationTuning
    /// Smoothing of the uncontrolled load seen at each interface point, seconds (base points follow it).
    public var baseLoadFilterSeconds: Double
    /// Largest number of schedule intervals kept per interface point and schedule layer.
    public var scheduleCapacity: Int
    /// How far ahead of now an interval may end, seconds: a sanity bound, so an absurd end (1e300 s) is
    /// refused rather than held. A century, so a configuration's constant schedule (ten years) fits; each
    /// producer's own admission (`ScheduleAdmission`: the API's seven days) is the tighter bound.
    public var scheduleHorizonSeconds: Double

    public static let allowedPeriodNanoseconds: ClosedRange<Int64> = 10_000_000...10_000_000_000

    public init(
        periodNanoseconds: Int64 = 100_000_000,
        staleAfterSeconds: Double = 3,
        setpointTTLSeconds: Double = 5,
        regulationSignalTTLSeconds: Double = 12,
        regulationFallbackRampPerSecond: Double = 0.1,
        regulation: RegulationTuning = RegulationTuning(),
        baseLoadFilterSeconds: Double = 4,
        scheduleCapacity: Int = 512,
        scheduleHorizonSeconds: Double = 100 * 365.25 * 86_400
    ) {
        self.periodNanoseconds = periodNanoseconds
        self.staleAfterSeconds = staleAfterSeconds
        self.setpointTTLSeconds = setpointTTLSeconds
        self.regulationSignalTTLSeconds = regulationSignalTTLSeconds
        self.regulationFallbackRampPerSecond = regulationFallbackRampPerSecond
        self.regulation = regulation
        self.baseLoadFilterSeconds = baseLoadFilterSeconds
        self.scheduleCapacity = scheduleCapacity
        self.scheduleHorizonSeconds = scheduleHorizonSeconds
    }

    public var periodSeconds: Double { Double(periodNanoseconds) / 1e9 }

    /// Checks every setting; returns one message per problem, naming the setting.
    public func problems() -> [String] {
        var problems: [String] = []
        if !Self.allowedPeriodNanoseconds.contains(periodNanoseconds) {
            problems.append("period \(Double(periodNanoseconds) * 1e-9) s is outside 0.01 … 10 s")
        }
        if !(staleAfterSeconds > 0) { problems.append("stale_after_s \(staleAfterSeconds) must be > 0") }
        if !(setpointTTLSeconds > 0) { problems.append("setpoint_ttl_s \(setpointTTLSeconds) must be > 0") }
        if !(regulationSignalTTLSeconds > 0) { problems.append("regulation signal TTL \(regulationSignalTTLSeconds) s must be > 0") }
        if !(regulationFallbackRampPerSecond > 0) {
            problems.append("regulation fallback ramp \(regulationFallbackRampPerSecond) /s must be > 0")
        }
        if !(baseLoadFilterSeconds >= 0) { problems.append("base load filter \(baseLoadFilterSeconds) s must be ≥ 0") }
        if scheduleCapacity < 1 { problems.append("schedule capacity \(scheduleCapacity) must be ≥ 1") }
        if !(scheduleHorizonSeconds > 0) { problems.append("schedule horizon \(scheduleHorizonSeconds) s must be > 0") }
        return problems
    }
}
