import DSOCycleLoop
import OpenDSOTestSupport
import DSODriverHost
import DSOKernel
import DSOModel
import Synchronization
import Testing

/// The kernel with a pymodbus SunSpec battery in the loop through the real DriverHost: telemetry in, set points out.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct KernelLoopTests {
    @Test func kernelSetPointsReachTheBatteryAndItsTelemetryComesBack() throws {
        let peer = try ModbusPeer(device: "storage")
        let library = try PluginLibrary.modbus.path()
        let point = InterfacePointSpec(id: "IP-1", importLimitKW: 1000, exportLimitKW: 1000, deviationBandKW: 1, hasMeter: false)
        let battery = ResourceSpec(id: "B1", kind: .battery, interfacePoint: 0, maximumKW: 5, minimumKW: -5,
                                   energyCapacityKWh: 20, providesRegulation: true)
        let model = try SubstationModel(interfacePoints: [point], resources: [battery])
        let kernel = try ControlKernel(model: model, configuration: KernelConfiguration(periodNanoseconds: 100_000_000, staleAfterSeconds: 1))
        _ = kernel.inbound.ring(.scheduleFiles).push(.schedule(ScheduleEntry(interfacePoint: 0, startSeconds: 0, endSeconds: 1e9, netImportKW: -3)))
        let configuration = DriverConfiguration(
            name: "bess-modbus", libraryPath: library, driverConfiguration: "name=bess; host=127.0.0.1; port=\(peer.port); unit=1",
            sign: .generationPositive, pollPeriodSeconds: 0.1, timeoutSeconds: 1,
            points: [
                PointMapping(point: "m802.W", target: .resource(id: "B1", quantity: .measuredKW), scale: 0.001),
                PointMapping(point: "m802.SoC", target: .resource(id: "B1", quantity: .soc), scale: 0.01),
                PointMapping(point: "p_set_w", target: .setpointKW(resource: "B1"), scale: 0.001),
            ])
        let log = Mutex<[String]>([])
        let host = try DriverHost(configurations: [configuration], model: model, mode: .synchronous) { _, message in
            log.withLock { $0.append(message) }
        }
        host.start()
        for cycle in 0..<20 {
            let now = Int64(cycle) * 100_000_000
            kernel.board.availableUpKW[0] = 5
            kernel.board.availableDownKW[0] = -5
            host.beforeCycle(kernel, atNanoseconds: now)
            kernel.step(atNanoseconds: now)
            host.afterCycle(kernel)
            kernel.records.consume { _ in }
            _ = kernel.records.events.drain { _ in }
        }
        let logged = log.withLock { $0 }
        // Telemetry: 802 W = -1200 W, SoC = 65.5 % reached the kernel's image in its units.
        #expect(abs(kernel.image.measuredKW[0] - -1.2) < 1e-9, "\(logged)")
        #expect(abs(kernel.image.soc[0] - 0.655) < 1e-9, "\(logged)")
        // Set point: the kernel's last kW lands in 124 as % of WChaMax (5000 W) × 10 (InOutWRte_SF = -1).
        let setpointKW = kernel.setpoints.setpointKW[0]
        #expect(setpointKW != 0, "\(logged)")
        let percentTimesTen = (abs(setpointKW) / 5 * 1000).rounded()
        let expected: [UInt16] = setpointKW > 0 ? [UInt16(percentTimesTen), 0] : [0, UInt16(percentTimesTen)]
        #expect(try peer.registers(82, 2) == expected, "kernel set point \(setpointKW) kW; \(logged)")
        #expect(try peer.registers(75, 1) == [3])
        host.stop()
        // Closing the instance hands control back: StorCtl_Mod cleared.
        #expect(try peer.registers(75, 1) == [0])
    }
}
