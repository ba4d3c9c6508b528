import DSOService
import LibFuzzerDriver

/// dsod's service configuration as text: TOML parsing, every section's checks, the plant grid and the
/// `[[drivers]]` entries. Paths resolve against a folder that does not exist, so the fuzzer reads no files.
func fuzzServiceTOML(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    do {
        _ = try ServiceConfiguration.parse(toml: text, path: "/nonexistent-fuzz/dsod.toml", environment: [:])
    } catch {
        precondition(!error.issues.isEmpty, "an error with no issue")
    }
}

@main
enum FuzzServiceTOML {
    static func main() { LibFuzzer.run { data, size in fuzzServiceTOML(LibFuzzer.bytes(data, size)); return 0 } }
}
