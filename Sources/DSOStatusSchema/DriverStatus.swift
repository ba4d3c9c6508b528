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
