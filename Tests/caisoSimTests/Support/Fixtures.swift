import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files for the end-to-end runs: a two-point scenario, a slow sine signal and a dispatch-target schedule.
enum Fixtures {
    static let flatProfile = "hour,value\n0,0.5\n12,0.6\n"

    /// Two interface points, a 600-kW battery at each (2-s command delay), a load at each; award 1 MW.
    static let scenario = """
        [scenario]
        name = "iso-link-e2e"
        [kernel]
        period_s = 0.1
        [run]
        duration_s = 300
        record_period_s = 2
        seed = 7
        [regulation]
        award_mw = 1.0
        signal = "regd"
        signal_period_s = 2
        [[interface_points]]
        id = "SUB-A"
        import_limit_kw = 5000
        export_limit_kw = 2000
        deviation_band_kw = 100
        schedule_kw = 300
        [[interface_points]]
        id = "SUB-B"
        import_limit_kw = 4000
        export_limit_kw = 1000
        deviation_band_kw = 100
        schedule_kw = 200
        [[batteries]]
        id = "BESS-A1"
        interface_point = "SUB-A"
        power_kw = 600
        capacity_kwh = 1200
        command_delay_s = 2
        time_constant_s = 0.5
        ramp_kw_per_s = 600
        [[batteries]]
        id = "BESS-B1"
        interface_point = "SUB-B"
        power_kw = 600
        capacity_kwh = 1200
        command_delay_s = 2
        time_constant_s = 0.5
        ramp_kw_per_s = 600
        [[loads]]
        id = "LOAD-A"
        interface_point = "SUB-A"
        peak_kw = 600
        profile = "flat.csv"
        [[loads]]
        id = "LOAD-B"
        interface_point = "SUB-B"
        peak_kw = 400
        profile = "flat.csv"

        """

    /// A 60-s sine of amplitude 0.8, sampled every 2 s for 400 s.
    static var sineSignal: String {
        var text = "time_s,signal\n"
        for index in 0..<200 {
            let time = Double(2 * index)
            text += "\(Int(time)),\(0.8 * sin(2 * Double.pi * time / 60))\n"
        }
        return text
    }

    static let dispatchTargets = "time_s,interface_point,net_import_mw\n0,0,0.35\n5,1,0.25\n"

    /// A TCP port nobody listens on right now (bound to 0, read back, released).
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(socket, $0, length)
                _ = getsockname(socket, $0, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A fresh folder with the scenario, profile, signal and schedule written into it.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caisoSimTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try flatProfile.write(to: url.appendingPathComponent("flat.csv"), atomically: true, encoding: .utf8)
        try scenario.write(to: url.appendingPathComponent("scenario.toml"), atomically: true, encoding: .utf8)
        try sineSignal.write(to: url.appendingPathComponent("sine.csv"), atomically: true, encoding: .utf8)
        try dispatchTargets.write(to: url.appendingPathComponent("dot.csv"), atomically: true, encoding: .utf8)
        return url
    }
}
