public import DSOModel
public import DSORuntime
public import DSOScenario
import Synchronization

/// A stand-in for the ISO on the cycle thread: plays a regulation signal into the ISO link's ring every
/// signal period and sends the award whenever it changes, as the ISO's AGC would over the link.
///
/// `dsod simulate` plays the scenario's signal once (its last sample holds past its end); `dsod run` on
/// simulated devices without an ISO link repeats it. A sample the ring refuses is retried next cycle with
/// the next sequence number; nothing is skipped silently.
public final class RegulationSignalPlayer: CycleProducer, @unchecked Sendable {
    // Sendable: everything but `requestedAwardBits` (atomic, written by reload on another thread) is
    // touched only on the cycle thread.
    private let signal: RegulationSignal?
    private var cursor: RegulationSignalCursor?
    private let repeats: Bool
    private let periodSeconds: Double
    private var nextSignalSeconds = 0.0
    private var sequence: UInt64 = 0
    /// Award requested (kW, bit pattern of a Double); pushed when it differs from the last one sent.
    private let requestedAwardBits: Atomic<UInt64>
    private var sentAwardKW = -1.0

    public init(signal: RegulationSignal?, signalPeriodSeconds: Double, awardKW: Double, repeats: Bool) {
        self.signal = signal
        cursor = repeats ? nil : signal?.cursor()
        self.repeats = repeats
        periodSeconds = signalPeriodSeconds
        requestedAwardBits = Atomic(awardKW.bitPattern)
    }

    /// Changes the award (any thread); returns the previous one. It reaches the kernel at the next cycle.
    @discardableResult
    public func setAward(kw: Double) -> Double {
        Double(bitPattern: requestedAwardBits.exchange(kw.bitPattern, ordering: .relaxed))
    }

    /// The award requested now, kW.
    public var awardKW: Double { Double(bitPattern: requestedAwardBits.load(ordering: .relaxed)) }

    public func produce(cycle: Int64, atNanoseconds nanoseconds: Int64, into port: InboundPort) {
        let ring = port.ring(.isoLink)
        let seconds = Double(nanoseconds) / 1e9
        let awardKW = self.awardKW
        if awardKW != sentAwardKW, ring.push(.regulation(.award(kw: awardKW, at: seconds))) {
            sentAwardKW = awardKW
        }
        guard let signal, seconds + 1e-9 >= nextSignalSeconds else { return }
        let value: Double
        if repeats {
            value = signal.value(atSeconds: seconds.truncatingRemainder(dividingBy: max(signal.endSeconds, periodSeconds)))
        } else {
            value = cursor!.value(atSeconds: seconds)
        }
        sequence += 1
        if ring.push(.regulation(.signal(value, sequence: sequence, at: seconds))) {
            nextSignalSeconds += periodSeconds
        }
    }
}
