import DSOScenario
/// Why a simulated run could not start or finish; each case names the file or setting involved.
public enum SimulationError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case invalidSetting(key: String, message: String)
    case replayMismatch(path: String, cycle: Int64, message: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): \(reason)"
        case .cannotRead(let path, let reason): "\(path): \(reason)"
        case .invalidSetting(let key, let message): "\(key): \(message)"
        case .replayMismatch(let path, let cycle, let message): "\(path): cycle \(cycle): \(message)"
        }
    }
}
