/// Why a resource may or may not take part in this cycle's control; stored as a byte per resource.
public enum ResourceHealth: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Fresh, plausible telemetry: the resource is controlled.
    case ok = 0
    /// No telemetry within the stale time: set point goes to the fallback.
    case stale = 1
    /// Telemetry present but not plausible (NaN, outside physical limits): treated as stale.
    case invalid = 2
    /// The device or its BMS reports a fault or alarm.
    case fault = 3
    /// An operator took the resource out of control.
    case disabled = 4

    public var description: String {
        switch self {
        case .ok: "ok"
        case .stale: "stale"
        case .invalid: "invalid"
        case .fault: "fault"
        case .disabled: "disabled"
        }
    }
}
