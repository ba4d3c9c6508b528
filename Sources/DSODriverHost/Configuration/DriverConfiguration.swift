/// One driver instance as configured: which plugin, its own configuration string, timing and point map.
public struct DriverConfiguration: Sendable, Hashable {
    /// Unique instance name; every log line and error about the instance carries it.
    public var name: String
    /// Absolute path of the plugin's shared library.
    public var libraryPath: String
    /// The driver's configuration string, passed to `open` unchanged (format defined by the driver).
    public var driverConfiguration: String
    /// Sign convention of every power point of this instance.
    public var sign: SignConvention
    /// How often the I/O thread reads the device (and writes pending set points), seconds.
    public var pollPeriodSeconds: Double
    /// Deadline of one driver call, seconds: a read still running after it makes the instance stale.
    public var timeoutSeconds: Double
    /// The point map.
    public var points: [PointMapping]
    /// Where this instance was written (e.g. `drivers[1]`), to name it in errors.
    public var key: String

    public init(name: String, libraryPath: String, driverConfiguration: String = "", sign: SignConvention,
                pollPeriodSeconds: Double = 0.1, timeoutSeconds: Double = 0.05, points: [PointMapping],
                key: String = "") {
        self.name = name
        self.libraryPath = libraryPath
        self.driverConfiguration = driverConfiguration
        self.sign = sign
        self.pollPeriodSeconds = pollPeriodSeconds
        self.timeoutSeconds = timeoutSeconds
        self.points = points
        self.key = key.isEmpty ? "drivers.\(name)" : key
    }
}
