@testable import DSOISOLink
import Testing

/// Writers always find a slot; readers share the rest, the one idle longest giving way.
struct ISOConnectionAdmissionTests {
    typealias Occupant = ISOConnectionAdmission.Occupant
    let limits = ISOConnectionLimits(maximumClients: 4, writerSlots: 1)

    func readers(_ lastRequests: [Double]) -> [Occupant] {
        lastRequests.map { Occupant(mayWrite: false, lastRequestSeconds: $0) }
    }

    @Test func readersShareTheSlotsNotKeptForWriters() {
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: false, occupants: readers([1, 2]), limits: limits) == .accept)
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: false, occupants: readers([5, 2, 9]), limits: limits)
                == .acceptClosing(1), "the reader idle longest gives way")
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: true, occupants: readers([5, 2, 9]), limits: limits) == .accept)
    }

    @Test func aWriterClosesTheLongestIdleReaderWhenTheLinkIsFull() {
        let full = readers([5, 3, 9]) + [Occupant(mayWrite: true, lastRequestSeconds: 1)]
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: true, occupants: full, limits: limits) == .acceptClosing(1))
        let writersOnly = [4.0, 2, 3, 8].map { Occupant(mayWrite: true, lastRequestSeconds: $0) }
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: true, occupants: writersOnly, limits: limits) == .acceptClosing(1),
                "a stale writer connection goes last")
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: false, occupants: writersOnly, limits: limits) == .refuse)
    }

    @Test func noReaderSlotsMeansWritersOnly() {
        let writersOnly = ISOConnectionLimits(maximumClients: 2, writerSlots: 2)
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: false, occupants: [], limits: writersOnly) == .refuse)
        #expect(ISOConnectionAdmission.decide(newcomerMayWrite: true, occupants: [], limits: writersOnly) == .accept)
    }

    @Test func impossibleLimitsAreRefused() {
        #expect(throws: ISOLinkError.self) { try ISOConnectionLimits(maximumClients: 2, writerSlots: 3).validate() }
        #expect(throws: ISOLinkError.self) { try ISOConnectionLimits(idleTimeoutSeconds: 0).validate() }
        #expect(throws: ISOLinkError.self) { try ISOConnectionLimits(requestDeadlineSeconds: .nan).validate() }
        #expect(throws: Never.self) { try ISOConnectionLimits().validate() }
    }
}
