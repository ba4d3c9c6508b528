import Foundation
import OpenDSOTestSupport
import Testing

/// Driver configuration files for the plugins the end-to-end tests drive through dsoctl.
enum BuiltPlugins {
    /// A configuration file for the Modbus driver against `peer` (TCP on 127.0.0.1).
    static func modbusConfig(_ peer: ModbusPeer, in folder: TemporaryFolder, name: String = "bench-dut",
                             extra: String = "") throws -> String {
        try folder.write("\(name).conf", """
            # a driver configuration string, as in config = "…" of a [[drivers]] entry
            name=\(name); host=127.0.0.1; port=\(peer.port); unit=1; timeout_ms=300\(extra)
            """)
    }
}

/// JSON on dsoctl's stdout, as a dictionary (fails the test when it is not one).
func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)",
                 sourceLocation: sourceLocation)
}

/// The entry named `name` in a JSON array of objects.
func entry(_ array: Any?, named name: String) -> [String: Any]? {
    (array as? [[String: Any]])?.first { $0["name"] as? String == name }
}
