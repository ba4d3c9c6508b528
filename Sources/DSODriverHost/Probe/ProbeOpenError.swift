/// Why a driver instance could not be opened; names the driver, its library and the instance (the threaded host
/// reports the same text under the instance's configuration key).
public struct ProbeOpenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// `open` returned NULL; the driver's own message, verbatim (empty when it wrote none).
        case refused(String)
        /// `point_count` gave a number outside 1…4096.
        case pointCount(Int32)
        /// `point_info(index)` failed or gave no name.
        case pointInfo(index: Int32)
        /// Two points share a name.
        case duplicatePoint(String)
    }

    public var driverName: String
    public var path: String
    public var instanceName: String
    public var reason: Reason

    public init(driverName: String, path: String, instanceName: String, reason: Reason) {
        self.driverName = driverName
        self.path = path
        self.instanceName = instanceName
        self.reason = reason
    }

    /// The driver's message when it refused the configuration, else nil.
    public var driverMessage: String? {
        if case let .refused(message) = reason { return message }
        return nil
    }

    public var description: String {
        let driver = "driver '\(driverName)' (\(path))"
        return switch reason {
        case let .refused(message):
            "\(driver) refused the configuration of instance '\(instanceName)': \(message.isEmpty ? "(no message)" : message)"
        case let .pointCount(count): "\(driver) reports \(count) points for instance '\(instanceName)', expected 1…4096"
        case let .pointInfo(index): "\(driver): point_info(\(index)) failed or gave no name"
        case let .duplicatePoint(name): "\(driver): duplicate point name '\(name)'"
        }
    }
}
