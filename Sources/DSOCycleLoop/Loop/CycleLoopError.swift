/// Why the cycle loop refused a request.
public enum CycleLoopError: Error, CustomStringConvertible {
    /// Input capture was asked for on a kernel built without an inbound journal.
    case captureNeedsJournal

    public var description: String {
        switch self {
        case .captureNeedsJournal: "input capture needs a kernel built with an inbound journal (journalCapacity)"
        }
    }
}
