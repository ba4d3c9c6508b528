/// Where every value of the ISO link lives: protocol (0-based) register addresses, documented in docs/iso-link.md.
///
/// Holding registers 0–99 are written by the ISO (and read back by anyone); input registers are the
/// telemetry the ISO reads. 32-bit values take two registers, high word first (`RegisterWords`).
public enum ISORegisterMap {
    // MARK: Holding registers, written by the ISO.

    /// float32: the regulation set point, normalised −1…1 or MW (see `setpointUnit`).
    public static let setpoint = 0
    /// uint32: the set-point sequence counter; writing it commits the set point.
    public static let setpointSequence = 2
    /// uint16: unit of `setpoint`: 0 normalised, 1 MW (converted with the award in effect).
    public static let setpointUnit = 4
    /// float32: the regulation capacity award, MW; committed when written.
    public static let awardMW = 6
    /// First per-interface-point dispatch operating target block (4 registers each).
    public static let dispatchTargetBase = 20
    /// Registers per dispatch-target block: float32 net import MW, uint16 duration s, uint16 reserved.
    public static let dispatchTargetStride = 4
    /// uint16 offset in a block: how long the target holds, seconds (0: 300 s).
    public static let dispatchTargetDurationOffset = 2
    /// Holding registers in the map (0…99).
    public static let holdingCount = 100
    /// Most interface points the map has room for.
    public static let maximumInterfacePoints = (holdingCount - dispatchTargetBase) / dispatchTargetStride

    /// First register of interface point `point`'s dispatch-target block.
    public static func dispatchTarget(_ point: Int) -> Int { dispatchTargetBase + point * dispatchTargetStride }

    // MARK: Input registers, read by the ISO.

    /// float32 MW: the fleet's measured regulation response (generation-positive).
    public static let regulationResponseMW = 0
    /// float32 MW: the regulation target the kernel follows (signal × award, ramped on link loss).
    public static let regulationTargetMW = 2
    /// float32 MW: regulation the fleet can still add upwards now.
    public static let availableUpMW = 4
    /// float32 MW: regulation the fleet can still add downwards now.
    public static let availableDownMW = 6
    /// float32 0…1: energy-weighted state of charge of the batteries (NaN without batteries).
    public static let aggregateSOC = 8
    /// float32 MW: the award in effect.
    public static let awardInEffectMW = 10
    /// float32: the normalised signal in effect.
    public static let signalInEffect = 12
    /// uint32: the last accepted set-point sequence counter.
    public static let lastSequence = 14
    /// uint16: `ISOStatus` bits.
    public static let status = 16
    /// uint16: `ISOAlarms` bits.
    public static let alarms = 17
    /// uint16: writes refused since start (wraps).
    public static let refusedWrites = 18
    /// uint16: resources under control this cycle.
    public static let controllableResources = 19
    /// uint32: kernel time of the telemetry, whole seconds.
    public static let kernelTimeSeconds = 20
    /// uint16: counts telemetry updates (wraps); frozen means the kernel side stopped.
    public static let heartbeat = 22
    /// uint16: number of interface points (blocks at `interfacePointBase`).
    public static let interfacePointCount = 23
    /// First per-interface-point telemetry block (8 registers each).
    public static let interfacePointBase = 100
    /// Registers per telemetry block: net import MW, schedule MW, ACE MW (float32 each), flags, reserved.
    public static let interfacePointStride = 8
    /// Offsets in a telemetry block.
    public static let netImportOffset = 0, scheduleOffset = 2, aceOffset = 4, flagsOffset = 6
    /// Input registers in the map.
    public static let inputCount = interfacePointBase + maximumInterfacePoints * interfacePointStride

    /// First register of interface point `point`'s telemetry block.
    public static func interfacePoint(_ point: Int) -> Int { interfacePointBase + point * interfacePointStride }
}
