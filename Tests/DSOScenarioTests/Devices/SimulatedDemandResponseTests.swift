import Testing
@testable import DSOScenario

@Suite("SimulatedDemandResponse")
struct SimulatedDemandResponseTests {
    private func programme(startHour: Double) -> SimulatedDemandResponse {
        SimulatedDemandResponse(
            parameters: DemandResponseParameters(
                peakKW: 1_000, shape: .constant(0.8), curtailableShare: 0.25, maxCurtailmentKW: 150,
                windows: [AvailabilityWindow(startHour: 17, endHour: 20)], responseDelaySeconds: 10,
                commandCapacity: 8),
            startTimeOfDaySeconds: startHour * 3_600)
    }

    @Test("nothing is available outside the windows")
    func outsideWindow() {
        var dr = programme(startHour: 16)
        #expect(dr.availableCurtailmentKW == 0)
        dr.command(curtailmentKW: 100, atSeconds: 0)
        dr.advance(toSeconds: 60)
        #expect(dr.curtailmentKW == 0)
        #expect(dr.powerKW == -800)
    }

    @Test("inside a window, curtailment follows the request after the response delay, capped")
    func insideWindow() {
        var dr = programme(startHour: 18)
        #expect(dr.availableCurtailmentKW == 150)  // min(150, 0.25 × 800)
        dr.command(curtailmentKW: 100, atSeconds: 0)
        dr.advance(toSeconds: 9)
        #expect(dr.curtailmentKW == 0)
        dr.advance(toSeconds: 11)
        #expect(dr.curtailmentKW == 100)
        #expect(dr.powerKW == -700)
        dr.command(curtailmentKW: 500, atSeconds: 11)
        dr.advance(toSeconds: 30)
        #expect(dr.curtailmentKW == 150)
    }

    @Test("load returns when the window closes")
    func windowCloses() {
        var dr = programme(startHour: 19.5)
        dr.command(curtailmentKW: 100, atSeconds: 0)
        dr.advance(toSeconds: 20)
        #expect(dr.curtailmentKW == 100)
        dr.advance(toSeconds: 1_900)
        #expect(dr.availableCurtailmentKW == 0)
        #expect(dr.curtailmentKW == 0)
    }

    @Test("windows may wrap midnight")
    func wrappingWindow() {
        let window = AvailabilityWindow(startHour: 22, endHour: 6)
        #expect(window.contains(secondsOfDay: 23 * 3_600))
        #expect(window.contains(secondsOfDay: 1 * 3_600))
        #expect(!window.contains(secondsOfDay: 12 * 3_600))
    }
}
