/// Who gets a slot when a client connects: writers always find one (in their reserved slots or by closing
/// the reader idle longest); readers share the rest and, when those are full, the reader idle longest makes
/// room for the new one (a reader that polls keeps its slot, a parked one loses it first).
enum ISOConnectionAdmission {
    /// What a connection already open looks like to the decision.
    struct Occupant {
        var mayWrite: Bool
        /// When it last completed a request (or connected), monotonic seconds.
        var lastRequestSeconds: Double
    }

    enum Decision: Equatable {
        case accept
        /// Accept after closing the occupant at this index.
        case acceptClosing(Int)
        case refuse
    }

    static func decide(newcomerMayWrite: Bool, occupants: [Occupant], limits: ISOConnectionLimits) -> Decision {
        let readers = occupants.filter { !$0.mayWrite }.count
        let roomLeft = occupants.count < limits.maximumClients
        if newcomerMayWrite {
            if roomLeft { return .accept }
            // A stale writer connection (the ISO reconnecting) goes only when no reader is left to close.
            return longestIdle(occupants, writers: false).map(Decision.acceptClosing)
                ?? longestIdle(occupants, writers: true).map(Decision.acceptClosing) ?? .refuse
        }
        guard limits.readerSlots > 0 else { return .refuse }
        if roomLeft && readers < limits.readerSlots { return .accept }
        return longestIdle(occupants, writers: false).map(Decision.acceptClosing) ?? .refuse
    }

    private static func longestIdle(_ occupants: [Occupant], writers: Bool) -> Int? {
        occupants.indices.filter { occupants[$0].mayWrite == writers }
            .min { occupants[$0].lastRequestSeconds < occupants[$1].lastRequestSeconds }
    }
}
