import DSORuntime

extension InboundProducer {
    /// The `source` a schedule receipt carries in the historian.
    var auditSource: String {
        switch self {
        case .market: "market"
        case .scheduleFiles: "schedule-files"
        case .api: "api"
        case .isoLink: "iso-link"
        case .operatorCommands: "operator"
        }
    }
}
