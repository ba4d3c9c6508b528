// swift-tools-version:6.0
// OpenDSO fuzzers: a nested package (as Bench/) of libFuzzer targets, one executable per decoder that takes
// bytes from outside (ISO link requests, Modbus registers, SLCAN lines, TOML and CSV files). Built by
// Fuzz/run.sh with `-sanitize=fuzzer` (libFuzzer's driver, coverage and ASan) and `-enable-testing`, so a fuzzer reaches
// the internal decoders (`@testable import`) exactly as the service runs them. See docs/fuzzing.md.
import PackageDescription

/// One fuzzer: an executable target in Sources/<name> whose `main` hands its fuzz target to `LibFuzzer.run`.
func fuzzer(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["LibFuzzerDriver"] + products.map { .product(name: $0, package: "OpenDSO") }
    )
}

let package = Package(
    name: "OpenDSOFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OpenDSO", path: ".."),
    ],
    targets: [
        // libFuzzer's driver entry (LLVMFuzzerRunDriver), declared for Swift.
        .target(name: "CLibFuzzer"),
        .target(name: "LibFuzzerDriver", dependencies: ["CLibFuzzer"]),
        fuzzer("FuzzISORequest", ["DSOISOLink"]),
        fuzzer("FuzzModbusRegisters", ["DSOModbus"]),
        fuzzer("FuzzSLCAN", ["DSOCANBMS"]),
        fuzzer("FuzzScenarioTOML", ["DSOScenario"]),
        fuzzer("FuzzServiceTOML", ["DSOService"]),
        fuzzer("FuzzDriverTOML", ["DSODriverHost"]),
        fuzzer("FuzzCSV", ["DSOScenario"]),
    ],
    swiftLanguageModes: [.v6]
)
