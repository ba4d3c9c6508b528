import DSOCycleLoop
import OpenDSOTestSupport
import DSODriverHost
import DSOKernel
import DSOModel
import Foundation
import Testing

/// The plugin loaded by DSODriverHost (synchronous mode) on a one-battery model: the BMS limits and alarms reach
/// `kernel.board`, and a silent BMS leaves the battery with no room and a fault.
@Suite(.serialized) struct DriverHostPluginTests {
    static func model() throws -> SubstationModel {
        let point = InterfacePointSpec(id: "IP-1", importLimitKW: 1000, exportLimitKW: 1000, deviationBandKW: 10,
                                       hasMeter: false)
        let battery = ResourceSpec(id: "BESS-1", kind: .battery, interfacePoint: 0, maximumKW: 30, minimumKW: -30,
                                   energyCapacityKWh: 50, providesRegulation: false)
        return try SubstationModel(interfacePoints: [point], resources: [battery])
    }

    @Test func limitsAndSilenceReachTheBoard() throws {
        try #require(Repository.peerUnavailableReason == nil, "\(Repository.peerUnavailableReason ?? "")")
        let pair = try PseudoTerminalPair()
        let model = try Self.model()
        let configuration = DriverConfiguration(
            name: "bms-1", libraryPath: try PluginLibrary.canBMS.path(),
            driverConfiguration: "transport=slcan:\(pair.plugin); protocol=pylontech-v1.2; frame_timeout_s=1",
            sign: .generationPositive, pollPeriodSeconds: 0.05, timeoutSeconds: 0.05,
            points: [
                PointMapping(point: "p_kw", target: .resource(id: "BESS-1", quantity: .measuredKW)),
                PointMapping(point: "available_up_kw", target: .resource(id: "BESS-1", quantity: .availableUpKW)),
                PointMapping(point: "available_down_kw", target: .resource(id: "BESS-1", quantity: .availableDownKW)),
                PointMapping(point: "soc", target: .resource(id: "BESS-1", quantity: .soc), scale: 0.01),
                PointMapping(point: "fault", target: .resource(id: "BESS-1", quantity: .fault)),
            ])
        let kernel = try ControlKernel(model: model, configuration: KernelConfiguration(
            periodNanoseconds: 50_000_000, staleAfterSeconds: 2))
        let host = try DriverHost(configurations: [configuration], model: model, mode: .synchronous)
        host.start()
        defer { host.stop() }
        let peer = try BMSPeer(port: pair.peer, dbc: Repository.pylontechDBC, duration: 3.2, silentAt: 1.5)
        let board = kernel.board
        func cycle() {
            let now = monotonicNanoseconds()
            host.beforeCycle(kernel, atNanoseconds: now)
            kernel.step(atNanoseconds: now)
            host.afterCycle(kernel)
            Thread.sleep(forTimeInterval: 0.05)
        }
        var deadline = monotonicNanoseconds() + 1_400_000_000
        while board.faultCode[0] != 0 || board.availableUpKW[0] == 0, monotonicNanoseconds() < deadline { cycle() }
        #expect(board.faultCode[0] == 0)
        #expect(abs(board.availableUpKW[0] - 480 * 49.86 / 1000) < 1e-9)
        #expect(abs(board.availableDownKW[0] - -480 * 49.86 / 1000) < 1e-9)
        #expect(abs(board.soc[0] - 0.88) < 1e-12)
        #expect(abs(board.measuredKW[0] - 27 * 49.86 / 1000) < 1e-9)
        deadline = monotonicNanoseconds() + 2_500_000_000
        while board.faultCode[0] == 0, monotonicNanoseconds() < deadline { cycle() }
        #expect(board.faultCode[0] == 2, "the board's fault code after the BMS fell silent")
        #expect(board.availableUpKW[0] == 0 && board.availableDownKW[0] == 0)
        _ = peer.finish()
    }
}
