public import DSOModel

/// What the service remembers of earlier runs so a restart (`Restart=on-failure` after a crash, or an
/// operator's restart) carries on: the anchor its configured schedules counted from and the intervals other
/// producers had sent (operator overrides, the ISO's dispatch targets, the market's schedules). dsod's
/// historian is the memory; without a historian a restart starts afresh.
public protocol ScheduleMemory: AnyObject, Sendable {
    /// The anchor the last run recorded for its configured schedules, if any.
    func previousScheduleAnchor() -> ScheduleAnchor?
    /// Records this run's anchor and where its kernel time 0 sits in UTC.
    func noteScheduleAnchor(_ anchor: ScheduleAnchor, kernelEpochUnixSeconds: Double)
    /// Intervals earlier runs accepted that end after UTC `unixSeconds`, in the order received, without the
    /// configuration's own (the service derives those again from its files and the anchor).
    func intervalsInForce(atUnixSeconds unixSeconds: Double) -> [RememberedInterval]
}

/// The UTC instant a run's configured schedule files count their `start_s` from, with a digest of those
/// schedules: a restart with the same schedules keeps it, new schedules start from the new run.
public struct ScheduleAnchor: Sendable, Hashable {
    public var unixSeconds: Double
    public var digest: String

    public init(unixSeconds: Double, digest: String) {
        self.unixSeconds = unixSeconds
        self.digest = digest
    }

    /// A digest of the intervals (points, times relative to the anchor, values, layers): FNV-1a 64 over their
    /// bit patterns, stable across runs and platforms.
    public static func digest(of entries: [ScheduleEntry]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (value >> UInt64(shift)) & 0xff
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        for entry in entries {
            mix(UInt64(bitPattern: Int64(entry.interfacePoint)))
            mix(entry.startSeconds.bitPattern)
            mix(entry.endSeconds.bitPattern)
            mix(entry.netImportKW.bitPattern)
            mix(UInt64(entry.layer.rawValue))
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

/// An interval an earlier run accepted, on the wall clock, with its original source and layer.
public struct RememberedInterval: Sendable, Hashable {
    public var source: String
    public var interfacePoint: Int
    public var layer: ScheduleLayer
    public var startUnixSeconds: Double
    public var endUnixSeconds: Double
    public var netImportKW: Double

    public init(source: String, interfacePoint: Int, layer: ScheduleLayer, startUnixSeconds: Double,
                endUnixSeconds: Double, netImportKW: Double) {
        self.source = source
        self.interfacePoint = interfacePoint
        self.layer = layer
        self.startUnixSeconds = startUnixSeconds
        self.endUnixSeconds = endUnixSeconds
        self.netImportKW = netImportKW
    }
}
