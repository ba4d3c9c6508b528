import DSODriverHost
import LibFuzzerDriver

/// The `[[drivers]]` section as text (dsod's configuration, dsoctl's driver files): every entry's checks.
func fuzzDriverTOML(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    do {
        _ = try DriverConfiguration.parseDrivers(toml: text, path: "/nonexistent-fuzz/drivers.toml")
    } catch {
        precondition(!error.issues.isEmpty, "an error with no issue")
    }
}

@main
enum FuzzDriverTOML {
    static func main() { LibFuzzer.run { data, size in fuzzDriverTOML(LibFuzzer.bytes(data, size)); return 0 } }
}
