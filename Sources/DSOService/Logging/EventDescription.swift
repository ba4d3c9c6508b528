public import DSOKernel
public import DSOModel

/// Kernel events in words an operator reads in the journal, with resource and interface point ids.
public enum EventDescription {
    /// One line for `event`, naming its subject from `model`.
    public static func line(_ event: KernelEvent, model: SubstationModel) -> String {
        let subject = Self.subject(event, model: model)
        var text = "event \(event.code) at t=\(String(format: "%.1f", event.timeSeconds)) s"
        if !subject.isEmpty { text += " \(subject)" }
        if !event.value.isNaN { text += " value=\(Self.number(event.value))" }
        if !event.detail.isNaN { text += " detail=\(Self.number(event.detail))" }
        return text
    }

    /// Whether the event is one an operator must act on (logged as a warning rather than info).
    public static func isWarning(_ code: KernelEvent.Code) -> Bool {
        switch code {
        case .resourceUnavailable, .meterUnavailable, .interfaceOutOfBand, .interfaceLimitExceeded,
             .dispatchInfeasible, .regulationSignalStale, .regulationMessageRefused, .scheduleRefused, .commandRefused:
            true
        default:
            false
        }
    }

    static func subject(_ event: KernelEvent, model: SubstationModel) -> String {
        let index = Int(event.subject)
        guard index >= 0 else { return "" }
        switch event.code {
        case .resourceUnavailable, .resourceRecovered:
            return index < model.resources.count ? "resource=\(model.resources[index].id)" : "resource=#\(index)"
        case .meterUnavailable, .meterRecovered, .interfaceOutOfBand, .interfaceBackInBand, .interfaceLimitExceeded,
             .interfaceBackInsideLimits, .dispatchInfeasible, .dispatchFeasibleAgain, .scheduleRefused:
            return index < model.interfacePoints.count ? "interface_point=\(model.interfacePoints[index].id)"
                : "interface_point=#\(index)"
        default:
            return "subject=\(index)"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }
}
