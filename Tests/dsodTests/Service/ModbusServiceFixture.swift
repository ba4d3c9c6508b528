import Foundation
import OpenDSOTestSupport

/// A `dsod run` configuration on real devices: one interface point, one battery and a `[[drivers]]` section
/// loading the built Modbus plugin against a pymodbus SunSpec storage device (1 + 124 + 802 at address 0).
enum ModbusServiceFixture {
    static let viewerToken = "viewer-token-for-modbus-0001"

    /// Registers of the storage image (Tests/peers/modbus/device_server.py): model 1 at 2 (66 long), 124 at 70
    /// (24 long), 802 at 96. 124: StorCtl_Mod at +5, OutWRte at +12 and InWRte at +13 (% of WChaMax × 10, SF −1);
    /// 802: SoC at +11 (% × 10, SF −1), W at +47 (SF 0).
    static let storCtlMod = 75, outWRte = 82, inWRte = 83, socRegister = 107, wattRegister = 143
    /// WChaMax of the image: set points travel as a percentage of it.
    static let wChaMaxKW = 5.0

    /// Writes the service file; returns its path. The interface point has no meter (net import is the
    /// battery's), and its schedule asks for 3 kW of export, so the kernel makes the battery discharge.
    static func write(in folder: TemporaryFolder, plugin: String, devicePort: Int, apiPort: Int) throws -> String {
        try folder.write("modbus-service.toml", """
            [service]
            name = "modbus-e2e"
            status_interval_s = 1
            stop_timeout_s = 5

            [kernel]
            period_s = 0.1
            stale_after_s = 1

            [[interface_points]]
            id = "SUB-1"
            import_limit_kw = 100
            export_limit_kw = 100
            deviation_band_kw = 0.5
            has_meter = false

            [[interface_points.schedule]]
            start_s = 0
            end_s = 86400
            net_import_kw = -3

            [[batteries]]
            id = "BESS-1"
            interface_point = "SUB-1"
            power_kw = 5
            capacity_kwh = 20

            [[drivers]]
            name = "bess-1"
            library = "\(plugin)"
            config = "name=bess-1; host=127.0.0.1; port=\(devicePort); unit=1; timeout_ms=300; reconnect_max_ms=500"
            sign = "generation_positive"
            poll_period_s = 0.2
            timeout_s = 0.5

            [[drivers.points]]
            point = "m802.W"
            resource = "BESS-1"
            quantity = "measured_kw"
            scale = 0.001

            [[drivers.points]]
            point = "m802.SoC"
            resource = "BESS-1"
            quantity = "soc"
            scale = 0.01

            [[drivers.points]]
            point = "m124.WChaMax"
            resource = "BESS-1"
            quantity = "available_up_kw"
            scale = 0.001

            [[drivers.points]]
            point = "m124.WChaMax"
            resource = "BESS-1"
            quantity = "available_down_kw"
            scale = -0.001

            [[drivers.points]]
            point = "p_set_w"
            resource = "BESS-1"
            quantity = "setpoint_kw"
            scale = 0.001

            [historian]
            database = "historian.sqlite"
            sample_period_s = 0.2

            [api]
            listen = "127.0.0.1:\(apiPort)"

            [[api.tokens]]
            name = "vera"
            token = "\(viewerToken)"
            role = "viewer"
            """)
    }
}
