@testable import DSOISOLink
import OpenDSOTestSupport
import Testing

/// The write rules: what the ISO may write, and every refusal with its reason.
@Suite struct ISOHoldingRegistersTests {
    private func fresh(award: Double = 1.0, ttl: Double = 12) -> ISOHoldingRegisters {
        ISOHoldingRegisters(limits: LinkFixtures.limits(ttlSeconds: ttl), initialAwardMW: award)
    }

    private func refusal(_ result: Result<[ISOCommand], ISOWriteRefusal>) -> ISOWriteRefusal? {
        if case .failure(let refusal) = result { refusal } else { nil }
    }

    @Test func aSetPointWithItsCounterBecomesASignal() throws {
        var link = fresh()
        let result = link.write(address: 0, values: LinkFixtures.setpoint(0.5, counter: 7), atSeconds: 100)
        #expect(try result.get() == [.signal(normalized: 0.5, sequence: 1)])
        #expect(link.lastCounter == 7 && link.lastSignal == 0.5)
        // The counter advances by 3: so does the kernel's sequence.
        let next = link.write(address: 0, values: LinkFixtures.setpoint(-0.25, counter: 10), atSeconds: 104)
        #expect(try next.get() == [.signal(normalized: -0.25, sequence: 4)])
        #expect(link.registers[0...4] == LinkFixtures.setpoint(-0.25, counter: 10)[...])
    }

    @Test func valueThenCounterInTwoWritesCommitsOnTheCounter() throws {
        var link = fresh()
        #expect(try link.write(address: 0, values: LinkFixtures.float(0.75), atSeconds: 1).get().isEmpty)
        let commit = link.write(address: 2, values: [0, 1], atSeconds: 1)
        #expect(try commit.get() == [.signal(normalized: 0.75, sequence: 1)])
    }

    @Test func badValuesAreRefusedAndChangeNothing() {
        var link = fresh()
        _ = link.write(address: 0, values: LinkFixtures.setpoint(0.5, counter: 1), atSeconds: 0)
        let before = link.registers
        let nan = refusal(link.write(address: 0, values: LinkFixtures.setpoint(.nan, counter: 2), atSeconds: 1))
        #expect(nan?.exceptionCode == ISOWriteRefusal.illegalDataValue)
        #expect(nan?.reason.contains("not a finite number") == true)
        let tooBig = refusal(link.write(address: 0, values: LinkFixtures.setpoint(1.5, counter: 2), atSeconds: 1))
        #expect(tooBig?.reason.contains("outside −1…1") == true)
        let unit = refusal(link.write(address: 4, values: [7], atSeconds: 1))
        #expect(unit?.reason.contains("register 4") == true)
        #expect(link.registers == before)
        #expect(link.lastCounter == 1)
    }

    @Test func aCounterThatGoesBackwardsIsRefused() {
        var link = fresh()
        _ = link.write(address: 0, values: LinkFixtures.setpoint(0.125, counter: 100), atSeconds: 0)
        let back = refusal(link.write(address: 0, values: LinkFixtures.setpoint(0.25, counter: 99), atSeconds: 1))
        #expect(back?.reason.contains("backwards") == true)
        // Changing the value without a new counter is refused; repeating both is a keep-alive.
        let same = refusal(link.write(address: 0, values: LinkFixtures.setpoint(0.25, counter: 100), atSeconds: 1))
        #expect(same?.reason.contains("without a new sequence counter") == true)
        #expect((try? link.write(address: 0, values: LinkFixtures.setpoint(0.125, counter: 100), atSeconds: 2).get())
                == [.signal(normalized: 0.125, sequence: 1)])
    }

    @Test func theCounterWrapsAround() throws {
        var link = fresh()
        _ = link.write(address: 0, values: LinkFixtures.setpoint(0.125, counter: .max), atSeconds: 0)
        let wrapped = link.write(address: 0, values: LinkFixtures.setpoint(0.25, counter: 1), atSeconds: 4)
        #expect(try wrapped.get() == [.signal(normalized: 0.25, sequence: 3)])
        // Half the range ahead or more counts as backwards.
        let far = refusal(link.write(address: 0, values: LinkFixtures.setpoint(0.375, counter: 1 &+ (1 << 31)), atSeconds: 8))
        #expect(far?.reason.contains("backwards") == true)
    }

    @Test func afterLinkLossAnyCounterStartsAfresh() throws {
        var link = fresh(ttl: 12)
        _ = link.write(address: 0, values: LinkFixtures.setpoint(0.125, counter: 500), atSeconds: 0)
        #expect(!link.linkLost(atSeconds: 12))
        #expect(link.linkLost(atSeconds: 12.5))
        let restart = link.write(address: 0, values: LinkFixtures.setpoint(0.375, counter: 1), atSeconds: 13)
        #expect(try restart.get() == [.signal(normalized: 0.375, sequence: 2)])
        #expect(!link.linkLost(atSeconds: 14))
    }

    @Test func aSetPointInMWIsNormalisedByTheAward() throws {
        var link = fresh(award: 0.5)
        let result = link.write(address: 0, values: LinkFixtures.setpoint(-0.25, counter: 1, unit: 1), atSeconds: 0)
        #expect(try result.get() == [.signal(normalized: -0.5, sequence: 1)])
        let over = refusal(link.write(address: 0, values: LinkFixtures.setpoint(0.75, counter: 2, unit: 1), atSeconds: 1))
        #expect(over?.reason.contains("exceeds the award") == true)
    }

    @Test func theAwardIsCheckedAndCommitted() throws {
        var link = fresh()
        #expect(try link.write(address: 6, values: LinkFixtures.float(0.5), atSeconds: 0).get() == [.award(kw: 500)])
        #expect(link.awardMW == 0.5)
        let tooLarge = refusal(link.write(address: 6, values: LinkFixtures.float(2), atSeconds: 0))
        #expect(tooLarge?.reason.contains("award 2.0 MW") == true)
        let negative = refusal(link.write(address: 6, values: LinkFixtures.float(-1), atSeconds: 0))
        #expect(negative != nil)
        #expect(link.awardMW == 0.5)
    }

    @Test func halfOfA32BitValueOrAnUnmappedRegisterIsAnAddressError() {
        var link = fresh()
        let half = refusal(link.write(address: 1, values: [0, 0], atSeconds: 0))
        #expect(half?.exceptionCode == ISOWriteRefusal.illegalDataAddress)
        #expect(half?.reason.contains("half of the 32-bit value") == true)
        let unmapped = refusal(link.write(address: 10, values: [1], atSeconds: 0))
        #expect(unmapped?.exceptionCode == ISOWriteRefusal.illegalDataAddress)
        // Interface point 2 does not exist (two points: blocks 20…27).
        let noPoint = refusal(link.write(address: 28, values: [0, 0], atSeconds: 0))
        #expect(noPoint?.exceptionCode == ISOWriteRefusal.illegalDataAddress)
        let outside = refusal(link.write(address: 99, values: [0, 0], atSeconds: 0))
        #expect(outside?.exceptionCode == ISOWriteRefusal.illegalDataAddress)
    }

    @Test func dispatchTargetsRespectTheInterfaceLimits() throws {
        var link = fresh()
        let target = link.write(address: 24, values: LinkFixtures.float(3.5) + [600, 0], atSeconds: 0)
        #expect(try target.get() == [.dispatchTarget(interfacePoint: 1, netImportKW: 3500, durationSeconds: 600)])
        let defaulted = link.write(address: 20, values: LinkFixtures.float(-1.5) + [0, 0], atSeconds: 0)
        #expect(try defaulted.get() == [.dispatchTarget(interfacePoint: 0, netImportKW: -1500, durationSeconds: 300)])
        let beyondExport = refusal(link.write(address: 24, values: LinkFixtures.float(-1.5), atSeconds: 0))
        #expect(beyondExport?.reason.contains("interface point 1") == true)
    }
}
