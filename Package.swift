// swift-tools-version:6.0
// OpenDSO: a Distribution System Operator platform for one slice of the grid behind CAISO supply substations.
import PackageDescription

/// Release builds of the control path are what substations run; keep them fast and checked.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "OpenDSO",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DSODriverABI", targets: ["DSODriverABI"]),
        .library(name: "DSOModel", targets: ["DSOModel"]),
        .library(name: "DSORuntime", targets: ["DSORuntime"]),
        .library(name: "DSODispatch", targets: ["DSODispatch"]),
        .library(name: "DSOKernel", targets: ["DSOKernel"]),
        .library(name: "DSOScoring", targets: ["DSOScoring"]),
        .library(name: "DSOSimulation", targets: ["DSOSimulation"]),
        .executable(name: "dsod", targets: ["dsod"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Linux calls Swift cannot import directly (variadic prctl, timer slack).
        .target(name: "CPlatform"),
        // The driver plugin ABI: a C header only, so drivers in C and in Swift share one definition.
        .target(name: "DSODriverABI"),
        // Grid vocabulary shared by every layer: interface points, resources, schedules, units.
        .target(name: "DSOModel", swiftSettings: strict),
        // What the kernel runs on: the lock-free SPSC ring and the fixed-cycle timer.
        .target(name: "DSORuntime", dependencies: ["CPlatform"], swiftSettings: strict),
        // Economic dispatch: exact equal-incremental-cost solver on preallocated buffers.
        .target(name: "DSODispatch", swiftSettings: strict),
        // The deterministic fixed-cycle control kernel and its phases.
        .target(
            name: "DSOKernel",
            dependencies: ["DSOModel", "DSORuntime", "DSODispatch", "DSOScoring", "CPlatform"],
            swiftSettings: strict
        ),
        // Regulation performance scores (PJM, CAISO): pure functions over signal and response.
        .target(name: "DSOScoring", swiftSettings: strict),
        // Simulated devices, profiles, scenarios and the virtual-time substation runner.
        .target(
            name: "DSOSimulation",
            dependencies: ["DSOModel", "DSOKernel", "DSOScoring", "TOMLKit"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "dsod",
            dependencies: [
                "DSOModel", "DSOKernel", "DSOSimulation", "DSOScoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "DSOModelTests", dependencies: ["DSOModel"]),
        .testTarget(name: "DSORuntimeTests", dependencies: ["DSORuntime"]),
        .testTarget(name: "DSODispatchTests", dependencies: ["DSODispatch"]),
        .testTarget(name: "DSOKernelTests", dependencies: ["DSOKernel", "DSOModel", "DSORuntime", "DSOSimulation"]),
        .testTarget(name: "DSOScoringTests", dependencies: ["DSOScoring"]),
        .testTarget(name: "DSOSimulationTests", dependencies: ["DSOSimulation", "DSOKernel", "DSOModel"]),
        .testTarget(name: "dsodTests", dependencies: ["DSOSimulation", "DSOScoring"]),
    ],
    swiftLanguageModes: [.v6]
)
