import OpenDSOTestSupport
import DSODriverABI
import Foundation
import Testing

/// Several instances on one RS-485 line (a socat pty pair, a pymodbus RTU server answering several unit ids):
/// one port, one lock, the unit id per request, the quiet time bus-wide, one framing per line.
@Suite(.enabled(if: ModbusPeer.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/socat"),
                "pymodbus 3.16.1 in .venv and socat needed (run scripts/setup-peers.sh)"), .serialized)
struct SharedSerialBusTests {
    static func config(_ name: String, line: String, unit: Int, extra: String = "") -> String {
        "name=\(name); transport=rtu; device=\(line); baud=19200; parity=N; data_bits=8; stop_bits=1; unit=\(unit); "
            + "timeout_ms=1000; map=\(ModbusPeer.mapPath("victron-gx-ess.json"))\(extra)"
    }

    @Test func twoUnitsOnOneLinePolledFromTwoThreadsEachGetTheirOwnValues() throws {
        let line = try PseudoTerminalPair()
        let peer = try ModbusPeer(device: "victron", unit: 1, otherUnits: [2], serial: line.peer, baud: 19200)
        try peer.select(unit: 2)
        try peer.set(843, [41])
        let secondSoC = Double(try peer.registers(843, 1)[0])
        try peer.select(unit: 1)
        let expected = [1: Double(try peer.registers(843, 1)[0]), 2: secondSoC]
        #expect(expected[1] != expected[2])   // each unit has its own image
        let driver = try PluginLibrary.modbus.load()
        let first = try PluginInstance.opened(driver, host: VirtualHost(), config: Self.config("bess-a", line: line.plugin, unit: 1))
        let second = try PluginInstance.opened(driver, host: VirtualHost(), config: Self.config("bess-b", line: line.plugin, unit: 2))
        let pollers = [PollingThread(first, reading: "soc_pct", times: 25), PollingThread(second, reading: "soc_pct", times: 25)]
        for poller in pollers { poller.start() }
        for poller in pollers { #expect(poller.join(timeoutSeconds: 60)) }
        for (unit, poller) in zip([1, 2], pollers) {
            #expect(poller.results.count == 25)
            for result in poller.results {
                #expect(result.code == DSO_OK, "unit \(unit): \(result.message)")
                #expect(result.value == expected[unit], "unit \(unit) read \(result.value)")
            }
        }
        withExtendedLifetime((line, peer)) {}
    }

    @Test func aDeadUnitHoldsTheLineNoLongerThanItsTimeout() throws {
        let line = try PseudoTerminalPair()
        let peer = try ModbusPeer(device: "victron", unit: 1, serial: line.peer, baud: 19200)
        let driver = try PluginLibrary.modbus.load()
        let alive = try PluginInstance.opened(driver, host: VirtualHost(), config: Self.config("bess-a", line: line.plugin, unit: 1))
        // Unit 9 is not on the line and never answers: each of its attempts costs the line its 300 ms timeout, then it backs off.
        let dead = try PluginInstance.opened(driver, host: VirtualHost(),
                                             config: Self.config("ghost", line: line.plugin, unit: 9, extra: "; timeout_ms=300; reconnect_max_ms=200"))
        let pollers = [PollingThread(dead, reading: "soc_pct", times: 150, pauseSeconds: 0.01),
                       PollingThread(alive, reading: "soc_pct", times: 30, pauseSeconds: 0.05)]
        for poller in pollers { poller.start() }
        for poller in pollers { #expect(poller.join(timeoutSeconds: 90)) }
        let silent = try #require(pollers[0].results.first { $0.code != DSO_OK })
        #expect(silent.code == DSO_ERROR_IO)
        #expect(silent.message.contains("device 'ghost'") && silent.message.contains("no answer within the timeout"), "\(silent.message)")
        let soc = Double(try peer.registers(843, 1)[0])
        for result in pollers[1].results {
            #expect(result.code == DSO_OK, "\(result.message)")
            #expect(result.value == soc)
        }
        // One read of the live unit is two requests; it may wait for one dead request (300 ms) before each.
        let longest = pollers[1].results.map(\.seconds).max() ?? 0
        #expect(longest < 2 * 0.3 + 1.0, "longest read of the live unit \(longest) s")
        withExtendedLifetime(line) {}
    }

    @Test func theQuietTimeHoldsBusWide() throws {
        let line = try PseudoTerminalPair()
        let peer = try ModbusPeer(device: "victron", unit: 1, otherUnits: [2], serial: line.peer, baud: 19200)
        let driver = try PluginLibrary.modbus.load()
        // Only the first instance asks for 150 ms; the line keeps the largest, so the second's requests wait too.
        let slow = try PluginInstance.opened(driver, host: VirtualHost(), config: Self.config("a", line: line.plugin, unit: 1, extra: "; min_gap_ms=150"))
        let other = try PluginInstance.opened(driver, host: VirtualHost(), config: Self.config("b", line: line.plugin, unit: 2))
        _ = try slow.read()
        let started = Date()
        for _ in 0..<4 { _ = try other.read() }   // 2 requests each (840…843 and 2700): 8 gaps of ≥ 150 ms
        #expect(Date().timeIntervalSince(started) >= 8 * 0.15)
        withExtendedLifetime((line, peer)) {}
    }

    @Test func aSecondFramingOnOneLineIsRefusedNamingBoth() throws {
        let line = try PseudoTerminalPair()
        let driver = try PluginLibrary.modbus.load()
        let first = try PluginInstance.opened(driver, host: VirtualHost(), config: Self.config("meter-1", line: line.plugin, unit: 1))
        let other = Self.config("meter-2", line: line.plugin, unit: 2).replacingOccurrences(of: "baud=19200; parity=N", with: "baud=9600; parity=E")
        guard case .failure(let failure) = PluginInstance.open(driver, host: VirtualHost(), config: other) else {
            Issue.record("opened a second framing on one line")
            return
        }
        #expect(failure.message.contains("device 'meter-2'"), "\(failure.message)")
        #expect(failure.message.contains("already open at 19200 8N1 by device 'meter-1'"), "\(failure.message)")
        #expect(failure.message.contains("9600 8E1"), "\(failure.message)")
        // Once the first closes, the line is free for another framing.
        _ = consume first
        let reopened = PluginInstance.open(driver, host: VirtualHost(), config: other)
        if case .failure(let failure) = reopened { Issue.record("line still held after close: \(failure.message)") }
        withExtendedLifetime(line) {}
    }
}
