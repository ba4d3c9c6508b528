import OpenDSOTestSupport
import DSODriverABI
import Foundation
import Testing

/// A device that stops answering fails fast (stale), and comes back by itself.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct StaleDeviceTests {
    @Test func aSilentDeviceIsStaleAndRecoversWithoutHelp() throws {
        let peer = try ModbusPeer(device: "meter")
        let driver = try PluginLibrary.modbus.load()
        let config = "name=feeder-meter; host=127.0.0.1; port=\(peer.port); timeout_ms=200; reconnect_max_ms=300"
        let instance = try PluginInstance.opened(driver, host: VirtualHost(), config: config)
        #expect(try instance.read()["m203.W"] == -1500)
        try peer.mute(true)
        let started = Date()
        let silent = instance.attemptRead()
        #expect(silent.code == DSO_ERROR_IO)
        #expect(silent.message.contains("device 'feeder-meter'") && silent.message.contains("no answer within the timeout"), "\(silent.message)")
        #expect(Date().timeIntervalSince(started) < 1.0)
        // During back-off the driver does not wait on the device at all.
        let backoff = Date()
        let again = instance.attemptRead()
        #expect(again.code == DSO_ERROR_IO)
        #expect(Date().timeIntervalSince(backoff) < 0.05, "\(again.message)")
        try peer.mute(false)
        try peer.set(50002 + 68 + 18, [UInt16(bitPattern: -1400)])
        var recovered = false
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            if instance.attemptRead().code == DSO_OK {
                recovered = true
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(recovered)
        #expect(try instance.read()["m203.W"] == -1400)
    }
}
