import DSOCANBMS
import Testing

/// The published captures (setfirelabs.com, Pylontech v1.2) decode to exactly the values the page states.
@Suite struct CaptureVectorTests {
    /// `351 14 02 C0 12 C0 12 C2 01`, `355 58 00 5E 00`, `356 7A 13 F2 FE 6B 01`, `359 00 00 00 00 06 50 4E`,
    /// `35C C0 00`, `35E "PYLON   "` as captured.
    static let pylontechV12Capture: [CANFrame] = [
        CANFrame(id: 0x351, bytes: [0x14, 0x02, 0xC0, 0x12, 0xC0, 0x12, 0xC2, 0x01]),
        CANFrame(id: 0x355, bytes: [0x58, 0x00, 0x5E, 0x00]),
        CANFrame(id: 0x356, bytes: [0x7A, 0x13, 0xF2, 0xFE, 0x6B, 0x01]),
        CANFrame(id: 0x359, bytes: [0x00, 0x00, 0x00, 0x00, 0x06, 0x50, 0x4E]),
        CANFrame(id: 0x35C, bytes: [0xC0, 0x00]),
        CANFrame(id: 0x35E, bytes: Array("PYLON   ".utf8)),
    ]

    static func decoded(_ frames: [CANFrame], _ bmsProtocol: BMSProtocol = .pylontechV12, at time: Int64 = 1) -> BMSDecoder {
        var decoder = BMSDecoder(bmsProtocol)
        for frame in frames { decoder.consume(frame, atNanoseconds: time) }
        return decoder
    }

    @Test func pylontechV12CaptureDecodesToThePublishedValues() {
        let decoder = Self.decoded(Self.pylontechV12Capture)
        #expect(abs(decoder.value(.chargeVoltageLimitV) - 53.2) < 1e-9)
        #expect(abs(decoder.value(.chargeCurrentLimitA) - 480.0) < 1e-9)
        #expect(abs(decoder.value(.dischargeCurrentLimitA) - 480.0) < 1e-9)
        #expect(abs(decoder.value(.dischargeVoltageLimitV) - 45.0) < 1e-9)
        #expect(decoder.value(.stateOfChargePercent) == 88)
        #expect(decoder.value(.stateOfHealthPercent) == 94)
        #expect(abs(decoder.value(.voltageV) - 49.86) < 1e-9)
        #expect(abs(decoder.value(.currentA) - -27.0) < 1e-9)
        #expect(abs(decoder.value(.temperatureDegC) - 36.3) < 1e-9)
        #expect(decoder.value(.alarmFlags) == 0)
        #expect(decoder.value(.warningFlags) == 0)
        #expect(decoder.value(.moduleCount) == 6)
        #expect(decoder.value(.chargeEnable) == 1)
        #expect(decoder.value(.dischargeEnable) == 1)
        // v1.2's 0x355 has 4 bytes: no high-resolution SOC.
        #expect(decoder.value(.stateOfChargeHighResolutionPercent).isNaN)
        // 0x35E (the maker's name) carries no quantity the kernel needs: ignored.
        #expect(decoder.decodedFrameCount == 5 && decoder.ignoredFrameCount == 1)
    }

    @Test func captureGivesLimitsInKilowattsAtTheMeasuredVoltage() {
        let decoder = Self.decoded(Self.pylontechV12Capture)
        let availability = BatteryAvailability.evaluate(decoder, atNanoseconds: 2, timeoutNanoseconds: 3_000_000_000,
                                                        linkFaulted: false)
        #expect(availability.fault == .none)
        #expect(abs(availability.upKW - 480.0 * 49.86 / 1000) < 1e-9)
        #expect(abs(availability.downKW - -480.0 * 49.86 / 1000) < 1e-9)
        // −27 A (discharging) at 49.86 V is +1.346 kW of output, generation-positive.
        #expect(abs(availability.measuredKW - 27.0 * 49.86 / 1000) < 1e-9)
    }

    @Test func v13FrameWithSixByteStateCarriesHighResolutionSOC() {
        let frames = [CANFrame(id: 0x355, bytes: [0x58, 0x00, 0x5E, 0x00, 0x79, 0x22]),
                      CANFrame(id: 0x35A, bytes: [0, 0, 0, 0, 0x04, 0, 0, 0])]
        let decoder = Self.decoded(frames, .pylontechV13)
        #expect(decoder.value(.stateOfChargePercent) == 88)
        #expect(abs(decoder.value(.stateOfChargeHighResolutionPercent) - 88.25) < 1e-9)
        #expect(decoder.value(.alarmFlags) == 0)
        #expect(decoder.value(.warningFlags) == 4)
    }

    @Test func protectionBitMakesTheBatteryUnavailable() {
        var frames = Self.pylontechV12Capture
        frames[3] = CANFrame(id: 0x359, bytes: [0x08, 0x00, 0x00, 0x00, 0x06, 0x50, 0x4E])  // over-temperature
        let decoder = Self.decoded(frames)
        #expect(decoder.value(.alarmFlags) == 8)
        let availability = BatteryAvailability.evaluate(decoder, atNanoseconds: 2, timeoutNanoseconds: 3_000_000_000,
                                                        linkFaulted: false)
        #expect(availability == BatteryAvailability(measuredKW: availability.measuredKW, upKW: 0, downKW: 0, fault: .alarm))
    }

    @Test func warningAloneKeepsTheBatteryAvailable() {
        var frames = Self.pylontechV12Capture
        frames[3] = CANFrame(id: 0x359, bytes: [0x00, 0x00, 0x08, 0x00, 0x06, 0x50, 0x4E])
        let decoder = Self.decoded(frames)
        #expect(decoder.value(.warningFlags) == 8)
        let availability = BatteryAvailability.evaluate(decoder, atNanoseconds: 2, timeoutNanoseconds: 3_000_000_000,
                                                        linkFaulted: false)
        #expect(availability.fault == .none && availability.upKW > 20)
    }

    @Test func dischargeDisabledClosesOnlyTheUpwardRoom() {
        var frames = Self.pylontechV12Capture
        frames[4] = CANFrame(id: 0x35C, bytes: [0x80, 0x00])  // charge enable only
        let availability = BatteryAvailability.evaluate(Self.decoded(frames), atNanoseconds: 2,
                                                        timeoutNanoseconds: 3_000_000_000, linkFaulted: false)
        #expect(availability.upKW == 0)
        #expect(availability.downKW < -20)
    }

    @Test func missingLimitFrameTimesOut() {
        let decoder = Self.decoded(Self.pylontechV12Capture, at: 1_000_000_000)
        let fresh = BatteryAvailability.evaluate(decoder, atNanoseconds: 3_900_000_000, timeoutNanoseconds: 3_000_000_000,
                                                 linkFaulted: false)
        #expect(fresh.fault == .none)
        let late = BatteryAvailability.evaluate(decoder, atNanoseconds: 4_000_000_001, timeoutNanoseconds: 3_000_000_000,
                                                linkFaulted: false)
        #expect(late.fault == .bmsSilent && late.upKW == 0 && late.downKW == 0)
        #expect(decoder.missingFrame(atNanoseconds: 4_000_000_001, timeoutNanoseconds: 3_000_000_000) == 0x351)
        // A BMS that never sent 0x359 (its alarms) is not available either.
        let noAlarms = Self.decoded(Self.pylontechV12Capture.filter { $0.id != 0x359 })
        #expect(noAlarms.missingFrame(atNanoseconds: 2, timeoutNanoseconds: 3_000_000_000) == 0x359)
    }

    @Test func framesOfOtherIdsAndExtendedFramesAreIgnored() {
        var decoder = BMSDecoder(.pylontechV12)
        let other = decoder.consume(CANFrame(id: 0x123, bytes: [1, 2]), atNanoseconds: 1)
        let extended = decoder.consume(CANFrame(id: 0x351, isExtended: true, bytes: [1, 2, 3, 4, 5, 6, 7, 8]), atNanoseconds: 1)
        #expect(!other && !extended)
        #expect(decoder.value(.chargeVoltageLimitV).isNaN)
        #expect(decoder.ignoredFrameCount == 2)
    }

    @Test func shortFrameLeavesTheFieldsItLacksUnchanged() {
        var decoder = BMSDecoder(.pylontechV12)
        decoder.consume(CANFrame(id: 0x351, bytes: [0x14, 0x02, 0xC0, 0x12, 0xC0, 0x12]), atNanoseconds: 1)  // DLC 6
        #expect(abs(decoder.value(.dischargeCurrentLimitA) - 480) < 1e-9)
        #expect(decoder.value(.dischargeVoltageLimitV).isNaN)
    }
}
