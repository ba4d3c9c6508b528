/// Turns received frames into the latest value of each quantity, remembering when each required frame last came.
///
/// Preallocated: `consume` does not allocate, so it can run for every frame on a busy bus.
public struct BMSDecoder {
    public let bmsProtocol: BMSProtocol
    /// Latest value per `BMSQuantity.rawValue`; NaN until a frame carried it.
    public private(set) var values: [Double]
    /// Host-clock time each quantity was last received (0 = never).
    public private(set) var receivedNanoseconds: [Int64]
    /// Host-clock time each of `bmsProtocol.requiredFrameIDs` was last received (0 = never).
    public private(set) var requiredFrameReceivedNanoseconds: [Int64]
    /// Frames that carried at least one known signal.
    public private(set) var decodedFrameCount = 0
    /// Frames with ids the protocol does not use (ignored).
    public private(set) var ignoredFrameCount = 0

    /// Signals sorted by frame id, and for each standard id the range of them it carries.
    private let signals: [CANSignal]
    private var rangeByID: [UInt32]  // start << 16 | end
    private let requiredSlotByID: [Int8]

    public init(_ bmsProtocol: BMSProtocol) {
        self.bmsProtocol = bmsProtocol
        values = Array(repeating: .nan, count: BMSQuantity.count)
        receivedNanoseconds = Array(repeating: 0, count: BMSQuantity.count)
        requiredFrameReceivedNanoseconds = Array(repeating: 0, count: bmsProtocol.requiredFrameIDs.count)
        signals = bmsProtocol.signals.sorted { $0.frameID < $1.frameID }
        var ranges = Array(repeating: UInt32(0), count: 2048)
        var start = 0
        while start < signals.count {
            var end = start
            while end < signals.count, signals[end].frameID == signals[start].frameID { end += 1 }
            let id = Int(signals[start].frameID & 0x7FF)
            ranges[id] = UInt32(start) << 16 | UInt32(end)
            start = end
        }
        rangeByID = ranges
        var slots = Array(repeating: Int8(-1), count: 2048)
        for (slot, id) in bmsProtocol.requiredFrameIDs.enumerated() { slots[Int(id & 0x7FF)] = Int8(slot) }
        requiredSlotByID = slots
    }

    /// Decodes `frame` received at `nanoseconds` on the host clock. Returns whether the protocol uses it.
    @discardableResult
    public mutating func consume(_ frame: CANFrame, atNanoseconds nanoseconds: Int64) -> Bool {
        guard !frame.isExtended, !frame.isRemote, frame.id < 2048 else {
            ignoredFrameCount += 1
            return false
        }
        let id = Int(frame.id)
        let range = rangeByID[id]
        let slot = requiredSlotByID[id]
        if range == 0 && slot < 0 {
            ignoredFrameCount += 1
            return false
        }
        var index = Int(range >> 16)
        let end = Int(range & 0xFFFF)
        while index < end {
            let signal = signals[index]
            if let value = signal.decode(frame) {
                values[signal.quantity.rawValue] = value
                receivedNanoseconds[signal.quantity.rawValue] = nanoseconds
            }
            index += 1
        }
        if slot >= 0 { requiredFrameReceivedNanoseconds[Int(slot)] = nanoseconds }
        decodedFrameCount += 1
        return true
    }

    /// The latest value of `quantity` (NaN when never received).
    public func value(_ quantity: BMSQuantity) -> Double { values[quantity.rawValue] }

    /// The first required frame id not received within `timeoutNanoseconds` before `now`, or nil when all are fresh.
    public func missingFrame(atNanoseconds now: Int64, timeoutNanoseconds: Int64) -> UInt32? {
        for (slot, stamp) in requiredFrameReceivedNanoseconds.enumerated() where stamp == 0 || now &- stamp > timeoutNanoseconds {
            return bmsProtocol.requiredFrameIDs[slot]
        }
        return nil
    }
}
