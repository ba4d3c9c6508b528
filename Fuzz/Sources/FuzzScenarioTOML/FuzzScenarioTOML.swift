import DSOScenario
import LibFuzzerDriver

/// A scenario file as text: TOML parsing and every section's checks. A scenario that loads must hold what the
/// run relies on; one that does not must say why (an error, never a trap). Paths inside it resolve against a
/// folder that does not exist, so the fuzzer reads no files.
func fuzzScenarioTOML(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    do {
        _ = try Scenario.parse(toml: text, path: "/nonexistent-fuzz/scenario.toml")
    } catch {
        precondition(!error.issues.isEmpty, "an error with no issue")
    }
}

@main
enum FuzzScenarioTOML {
    static func main() { LibFuzzer.run { data, size in fuzzScenarioTOML(LibFuzzer.bytes(data, size)); return 0 } }
}
