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
        .library(name: "DSODriverHost", targets: ["DSODriverHost"]),
        .library(name: "DSOModel", targets: ["DSOModel"]),
        .library(name: "DSORuntime", targets: ["DSORuntime"]),
        .library(name: "DSODispatch", targets: ["DSODispatch"]),
        .library(name: "DSOKernel", targets: ["DSOKernel"]),
        .library(name: "DSOScoring", targets: ["DSOScoring"]),
        .library(name: "DSOScenario", targets: ["DSOScenario"]),
        .library(name: "DSOForecast", targets: ["DSOForecast"]),
        .library(name: "DSOOptimization", targets: ["DSOOptimization"]),
        .library(name: "DSOPlanning", targets: ["DSOPlanning"]),
        .library(name: "DSOCycleLoop", targets: ["DSOCycleLoop"]),
        .library(name: "DSOSimulation", targets: ["DSOSimulation"]),
        .executable(name: "dsod", targets: ["dsod"]),
        .library(name: "DSOService", targets: ["DSOService"]),
        .library(name: "DSOHistorian", targets: ["DSOHistorian"]),
        .library(name: "DSOAPI", targets: ["DSOAPI"]),
        // The status JSON dsod's API serves, as Codable types, for clients that read it.
        .library(name: "DSOStatusSchema", targets: ["DSOStatusSchema"]),
        .library(name: "DSOISOLink", targets: ["DSOISOLink"]),
        .executable(name: "caiso-sim", targets: ["caiso-sim"]),
        .executable(name: "dsoctl", targets: ["dsoctl"]),
        // The simulated devices as a driver plugin (dlopen): same path through the ABI as hardware.
        .library(name: "DSOSimulatedDevices", type: .dynamic, targets: ["DSOSimulatedDevices"]),
        // The CAN battery-BMS driver (Pylontech LV, SMA external BMS over SocketCAN or SLCAN) as a plugin.
        .library(name: "DSOCANBMSDriver", type: .dynamic, targets: ["DSOCANBMSDriver"]),
        // The Modbus TCP/RTU driver (libmodbus): SunSpec discovery and declarative register maps.
        .library(name: "DSOModbusDriver", type: .dynamic, targets: ["DSOModbusDriver"]),
        // What the tests share, as a product so the benchmarks (Bench/) run the same synthetic substation.
        .library(name: "OpenDSOTestSupport", targets: ["OpenDSOTestSupport"]),
        // The Modbus and CAN BMS cores without the ABI, for the fuzzers (Fuzz/) that feed their decoders.
        .library(name: "DSOModbus", targets: ["DSOModbus"]),
        .library(name: "DSOCANBMS", targets: ["DSOCANBMS"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The API's connection guard (NIO channel handlers) and TLS (NIOSSL contexts reloaded on SIGHUP).
        .package(url: "https://github.com/apple/swift-nio", from: "2.86.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // Linux calls Swift cannot import directly (variadic prctl, timer slack).
        .target(name: "CPlatform"),
        // The driver plugin ABI: a C header only, so drivers in C and in Swift share one definition.
        .target(name: "DSODriverABI"),
        // Loads driver plugins (dlopen), runs their I/O off the kernel's cycle and bridges them to the board.
        .target(
            name: "DSODriverHost",
            dependencies: ["DSODriverABI", "DSOModel", "DSOScenario", "DSORuntime", "CPlatform", "TOMLKit"],
            swiftSettings: strict
        ),
        // Grid vocabulary shared by every layer: interface points, resources, schedules, units.
        .target(name: "DSOModel", swiftSettings: strict),
        // What the kernel runs on: the lock-free SPSC ring, the inbound port, the epoch, the fixed-cycle timer and the monotonic clock.
        .target(name: "DSORuntime", dependencies: ["CPlatform", "DSOModel"], swiftSettings: strict),
        // Economic dispatch: exact equal-incremental-cost solver on preallocated buffers.
        .target(name: "DSODispatch", swiftSettings: strict),
        // The deterministic fixed-cycle control kernel and its phases.
        .target(
            name: "DSOKernel",
            dependencies: ["DSOModel", "DSORuntime", "DSODispatch"],
            swiftSettings: strict
        ),
        // Regulation performance scores (PJM, CAISO): pure functions over signal and response.
        .target(name: "DSOScoring", swiftSettings: strict),
        // What describes a substation in files: scenario and grid files, profiles, regulation signals,
        // schedule CSVs, durations, the simulated device physics, and the one set of TOML/CSV reading rules.
        .target(name: "DSOScenario", dependencies: ["DSOModel", "TOMLKit"], swiftSettings: strict),
        // The one cycle loop: clock (virtual or CycleTimer), device side, the inbound port's producers that
        // live on the cycle thread, input capture and replay. dsod run, simulate, replay and the benchmarks drive it.
        .target(
            name: "DSOCycleLoop",
            dependencies: ["DSOKernel", "DSORuntime", "DSOModel", "DSOScenario", "DSODriverHost"],
            swiftSettings: strict
        ),
        // The virtual-time substation runner: a scenario on the cycle loop, recorder and summaries.
        .target(
            name: "DSOSimulation",
            dependencies: ["DSOModel", "DSOScenario", "DSOCycleLoop", "DSOKernel", "DSORuntime", "DSOScoring", "DSODriverHost"],
            swiftSettings: strict
        ),
        // What every OpenDSO command line shares (durations written as 8h, 40m, 90s).
        .target(
            name: "DSOCommandLine",
            dependencies: ["DSOScenario", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // libmodbus (Debian libmodbus-dev), for the ISO link and Modbus drivers.
        .systemLibrary(name: "CModbus", pkgConfig: "libmodbus", providers: [.apt(["libmodbus-dev"])]),
        // The ISO link: a Modbus TCP server feeding the kernel's regulation and schedule rings.
        .target(name: "DSOISOLink", dependencies: ["CModbus", "DSOModel", "DSORuntime"], swiftSettings: strict),
        // A CAISO-like ISO: plays a regulation signal to DSOs over the ISO link and scores them.
        .executableTarget(
            name: "caiso-sim",
            dependencies: [
                "DSOISOLink", "DSORuntime", "DSOScoring", "DSOScenario", "DSOCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // dsod as a substation service: service configuration, sd_notify/watchdog, signals, the real-clock run loop.
        .target(
            name: "DSOService",
            dependencies: ["CPlatform", "DSOModel", "DSOKernel", "DSORuntime", "DSOCycleLoop", "DSOScenario", "DSODriverHost", "DSOForecast", "DSOPlanning", "TOMLKit"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "dsod",
            dependencies: ["CPlatform", 
                "DSOService", "DSOCycleLoop", "DSODriverHost", "DSOCommandLine", "DSOModel", "DSOKernel", "DSORuntime", "DSOSimulation", "DSOScenario", "DSOScoring", "DSOISOLink", "DSOHistorian", "DSOAPI", "DSOForecast", "DSOPlanning",
                "DSOStatusSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The simulated battery, PV, load, DR and meters behind the driver ABI; built only as a dynamic library.
        .target(
            name: "DSOSimulatedDevices",
            dependencies: ["DSODriverABI", "DSODriverKit", "DSOScenario", "DSOModel"],
            path: "Plugins/SimulatedDevices",
            swiftSettings: strict
        ),
        // What every Swift driver plugin shares: host connection, checked vtable calls, C strings for the ABI.
        .target(name: "DSODriverKit", dependencies: ["DSODriverABI"], path: "Plugins/DriverKit", swiftSettings: strict),
        // <linux/can.h> frames and CAN_RAW sockets, which Glibc does not import.
        .target(name: "CSocketCAN"),
        // libsocketcan (Debian libsocketcan-dev): CAN link state, bit rate and restart over netlink.
        // The forecast layer (load, PV, DR availability) for the scheduler: baselines, ridge regression on
        // LAPACKE/OpenBLAS, gradient-boosted trees on XGBoost's C API, solar geometry, backtests.
        .systemLibrary(name: "CLAPACKE", providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]),
        .systemLibrary(name: "CXGBoost", providers: [.apt(["libxgboost-dev"])]),
        .target(name: "DSOForecast", dependencies: ["CLAPACKE", "CXGBoost", "DSOModel", "DSOScenario", "DSOStatusSchema"], swiftSettings: strict),
        // The optimiser under the planner: a linear/mixed-integer modelling layer on COIN-OR CLP (LP, duals) and
        // CBC (MILP) through their C interfaces, infeasibility diagnosis by constraint group, and MPS export.
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .target(name: "DSOOptimization", dependencies: ["CClp", "CCbc"], swiftSettings: strict),
        .target(name: "DSOPlanning", dependencies: ["DSOOptimization", "DSOForecast", "DSOModel", "DSOScenario"], swiftSettings: strict),
        .systemLibrary(name: "CLibSocketCAN", pkgConfig: "libsocketcan", providers: [.apt(["libsocketcan-dev"])]),
        // BMS protocols as data, the frame decoder and the CAN transports (SocketCAN, SLCAN); no ABI.
        .target(
            name: "DSOCANBMS",
            dependencies: ["CSocketCAN", "CLibSocketCAN"],
            path: "Plugins/CANBMS/Core",
            swiftSettings: strict
        ),
        // The CAN BMS behind the driver ABI; built only as a dynamic library.
        .target(
            name: "DSOCANBMSDriver",
            dependencies: ["DSODriverABI", "DSODriverKit", "DSOCANBMS"],
            path: "Plugins/CANBMS/Driver",
            swiftSettings: strict
        ),
        // The historian: cycle summaries, telemetry, events, schedules and operator actions in SQLite (GRDB, WAL).
        .target(
            name: "DSOHistorian",
            dependencies: ["DSORuntime", "DSOKernel", "DSOModel", "DSOStatusSchema", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // Writes records into a historian until killed; the kill -9 durability test's subject.
        .executableTarget(name: "historian-crash-probe", dependencies: ["DSOHistorian", "DSOKernel"], swiftSettings: strict),
        // The status JSON of the API (status, interface points, resources, drivers, scores) as Codable types, one
        // definition for dsod, dsoctl and the tests.
        .target(name: "DSOStatusSchema", swiftSettings: strict),
        // The operator HTTP API (Hummingbird 2): status, telemetry, schedules, events, Prometheus metrics.
        .target(
            name: "DSOAPI",
            dependencies: [
                "DSOHistorian", "DSOKernel", "DSOModel", "DSOScoring", "DSOStatusSchema",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: strict
        ),
        // The bench tool: driver plugins, Modbus and CAN devices and a running dsod, from the command line.
        .executableTarget(
            name: "dsoctl",
            dependencies: [
                "DSODriverHost", "DSOModbus", "DSOCANBMS", "DSOCommandLine", "DSORuntime", "DSOScenario",
                "DSOStatusSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // What the tests share: built products and plugins (dlopen, vtable), processes, temporary folders, peers,
        // readers, scenario and driver fixtures, the running API and ISO link, the synthetic substation.
        .target(
            name: "OpenDSOTestSupport",
            dependencies: [
                "DSODriverABI", "DSODriverHost", "DSOKernel", "DSOModel", "DSORuntime", "DSOScoring", "DSOISOLink",
                "DSOAPI", "DSOHistorian", "DSOStatusSchema",
            ],
            path: "Tests/Support"
        ),
        // dsoctl driven as an executable against pymodbus, python-can and a running dsod.
        .testTarget(name: "dsoctlTests", dependencies: ["DSOStatusSchema", "OpenDSOTestSupport"]),
        .testTarget(name: "DSOStatusSchemaTests", dependencies: ["DSOStatusSchema"]),
        .testTarget(name: "DSOModelTests", dependencies: ["DSOModel"]),
        .testTarget(name: "DSOForecastTests", dependencies: ["DSOForecast", "DSOModel", "OpenDSOTestSupport"]),
        // Hand-solved LPs and MILPs, infeasibility and bad input, and the HiGHS (highspy) cross-check through MPS.
        .testTarget(name: "DSOOptimizationTests", dependencies: ["DSOOptimization", "OpenDSOTestSupport"]),
        .testTarget(name: "DSOPlanningTests", dependencies: ["DSOPlanning", "DSOOptimization", "DSOForecast", "DSOStatusSchema", "OpenDSOTestSupport"]),
        .testTarget(
            name: "DSOHistorianTests",
            dependencies: ["DSOHistorian", "DSOKernel", "DSOModel", "OpenDSOTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "DSOAPITests",
            dependencies: [
                "DSOAPI", "DSOHistorian", "DSOKernel", "DSOStatusSchema", "OpenDSOTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "DSODriverHostTests", dependencies: ["DSOCycleLoop", "DSODriverHost", "DSODriverABI", "DSOKernel", "DSOModel", "DSORuntime", "OpenDSOTestSupport"]),
        .testTarget(name: "DSORuntimeTests", dependencies: ["CPlatform", "DSORuntime"]),
        .testTarget(name: "DSODispatchTests", dependencies: ["DSODispatch", "OpenDSOTestSupport"]),
        .testTarget(name: "DSOKernelTests", dependencies: ["DSOKernel", "DSOModel", "DSORuntime", "DSOScenario", "OpenDSOTestSupport"]),
        .testTarget(name: "DSOScoringTests", dependencies: ["DSOScoring"]),
        .testTarget(name: "DSOScenarioTests", dependencies: ["DSOScenario", "DSOModel", "OpenDSOTestSupport"]),
        .testTarget(name: "DSOSimulationTests", dependencies: ["DSOSimulation", "DSOScenario", "DSOKernel", "OpenDSOTestSupport"]),
        .testTarget(name: "DSOISOLinkTests", dependencies: ["DSOISOLink", "DSORuntime", "DSOModel", "OpenDSOTestSupport"]),
        .testTarget(name: "caisoSimTests", dependencies: ["OpenDSOTestSupport"]),
        .testTarget(name: "DSOServiceTests", dependencies: ["DSORuntime", "DSOService", "DSOSimulation", "DSOScenario", "DSOModel", "OpenDSOTestSupport"]),
        .testTarget(name: "dsodTests", dependencies: ["DSOStatusSchema", "OpenDSOTestSupport"]),
        // Modbus without the ABI: libmodbus links, SunSpec discovery and models, register maps (the plugin and dsoctl share it).
        .target(
            name: "DSOModbus",
            dependencies: ["DSODriverABI", "CModbus", "DSORuntime"],
            path: "Plugins/Modbus/Core",
            swiftSettings: strict
        ),
        // The Modbus driver plugin: configuration, set-point leases and the ABI; built only as a dynamic library.
        .target(
            name: "DSOModbusDriver",
            dependencies: ["DSODriverABI", "DSODriverKit", "DSOModbus", "DSORuntime"],
            path: "Plugins/Modbus/Driver",
            swiftSettings: strict
        ),
        // Loads libDSOModbusDriver.so with dlopen and drives it against pymodbus peers (Tests/peers/modbus).
        .testTarget(name: "ModbusDriverTests", dependencies: ["DSOCycleLoop", "DSODriverABI", "DSODriverHost", "DSOKernel", "DSOModel", "OpenDSOTestSupport"]),
        // The Modbus core without the plugin: read plans, register encodings, SunSpec tables, register-map checks.
        .testTarget(name: "DSOModbusTests", dependencies: ["DSODriverABI", "DSOModbus", "OpenDSOTestSupport"]),
        // Loads libDSOSimulatedDevices.so with dlopen (no link to the plugin target) and drives its vtable.
        // Decoder, capture vectors and transports directly; the plugin through dlopen and DSODriverHost; python-can peers.
        .testTarget(
            name: "CANBMSDriverTests",
            dependencies: ["DSOCycleLoop", "DSOCANBMS", "CSocketCAN", "DSODriverABI", "DSODriverHost", "DSOKernel", "DSOModel", "OpenDSOTestSupport"]
        ),
        .testTarget(name: "SimulatedDevicesPluginTests", dependencies: ["DSODriverABI", "DSOSimulation", "DSOScenario", "DSOModel", "OpenDSOTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
