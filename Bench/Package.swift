// swift-tools-version:6.0
// OpenDSO benchmarks: a nested package (as swift-nio's Benchmarks/) so the main build stays light.
import PackageDescription

/// DSOBench's own optimisation: -Ounchecked by default; `DSOBENCH_OPTIMIZATION=O` builds it with the -O that
/// dsod ships with, so `compare-settings.sh` can report both side by side (each in its own scratch path).
let benchOptimization = Context.environment["DSOBENCH_OPTIMIZATION"] == "O" ? "-O" : "-Ounchecked"

let package = Package(
    name: "OpenDSOBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OpenDSO", path: ".."),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Counts heap allocations process-wide by interposing malloc and friends.
        .target(name: "MallocCounter"),
        .executableTarget(
            name: "DSOBench",
            dependencies: [
                "MallocCounter",
                .product(name: "DSOModel", package: "OpenDSO"),
                .product(name: "DSORuntime", package: "OpenDSO"),
                .product(name: "DSODispatch", package: "OpenDSO"),
                .product(name: "DSOKernel", package: "OpenDSO"),
                .product(name: "DSOScoring", package: "OpenDSO"),
                .product(name: "DSOSimulation", package: "OpenDSO"),
                .product(name: "DSOForecast", package: "OpenDSO"),
                .product(name: "DSOPlanning", package: "OpenDSO"),
                .product(name: "DSOScenario", package: "OpenDSO"),
                .product(name: "DSOOptimization", package: "OpenDSO"),
                .product(name: "DSODriverABI", package: "OpenDSO"),
                .product(name: "DSODriverHost", package: "OpenDSO"),
                // SyntheticSubstation: the made-up thousand-resource substation the cycle benchmarks run.
                .product(name: "OpenDSOTestSupport", package: "OpenDSO"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: [.unsafeFlags([benchOptimization], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
