/// The named phases of one control cycle, in the fixed order they run.
public enum CyclePhase: Int, Sendable, CaseIterable, CustomStringConvertible {
    case drainInbound, snapshotTelemetry, netting, regulation, dispatch, limitsAndSafety, publish, record

    public var description: String {
        switch self {
        case .drainInbound: "drain-inbound"
        case .snapshotTelemetry: "snapshot-telemetry"
        case .netting: "netting"
        case .regulation: "regulation"
        case .dispatch: "dispatch"
        case .limitsAndSafety: "limits-and-safety"
        case .publish: "publish"
        case .record: "record"
        }
    }
}
