import Foundation

/// Driver configuration files (the `config` string of a `[[drivers]]` entry) for the plugins dsoctl drives.
public enum DriverConfigFiles {
    /// A configuration file for the Modbus driver against `peer` (TCP on 127.0.0.1).
    public static func modbusConfig(_ peer: ModbusPeer, in folder: TemporaryFolder, name: String = "bench-dut",
                                    extra: String = "") throws -> String {
        try folder.write("\(name).conf", """
            # a driver configuration string, as in config = "…" of a [[drivers]] entry
            name=\(name); host=127.0.0.1; port=\(peer.port); unit=1; timeout_ms=300\(extra)
            """)
    }
}
