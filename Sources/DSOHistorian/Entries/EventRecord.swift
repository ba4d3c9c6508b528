public import DSOKernel

/// A kernel event as stored: the code by name, so the table stays readable without the enum.
public struct EventRecord: Sendable, Hashable, Codable {
    /// Row id once stored (nil before).
    public var id: Int64?
    public var wallTimeSeconds: Double
    /// Seconds on the kernel's clock.
    public var timeSeconds: Double
    /// `KernelEvent.Code` case name, e.g. `interfaceOutOfBand`.
    public var code: String
    /// Resource or interface point index (−1: the whole kernel).
    public var subject: Int
    public var value: Double?
    public var detail: Double?

    public init(id: Int64? = nil, wallTimeSeconds: Double, timeSeconds: Double, code: String, subject: Int,
                value: Double? = nil, detail: Double? = nil) {
        self.id = id
        self.wallTimeSeconds = wallTimeSeconds
        self.timeSeconds = timeSeconds
        self.code = code
        self.subject = subject
        self.value = value
        self.detail = detail
    }

    public init(_ event: KernelEvent, wallTimeSeconds: Double) {
        self.init(wallTimeSeconds: wallTimeSeconds, timeSeconds: event.timeSeconds, code: String(describing: event.code),
                  subject: Int(event.subject), value: event.value.finiteOrNil, detail: event.detail.finiteOrNil)
    }
}
