@testable import DSOISOLink
import LibFuzzerDriver

/// The ISO link's request path, bytes to decision, as `ISOConnectionPool` and `ISOLinkServer.serve` run it: the
/// input is one client's stream (an allow-listed writer), cut by `MBAPFrame`, decoded by `ModbusRequest`, and
/// every write checked by `ISOHoldingRegisters`. The low byte of each transaction id advances the clock by
/// tenths of a second, so the signal TTL and counter rules are reached too.
///
/// Besides "no trap", it checks what the kernel may receive: only finite values inside the limits, and a refused
/// write leaves the register image as it was.
func fuzzISORequest(_ input: UnsafeBufferPointer<UInt8>) {
    let limits = ISOWriteLimits(maximumAwardMW: 50, importLimitsKW: [10_000, 8_000, 0], exportLimitsKW: [5_000, 0, 2_000])
    var holding = ISOHoldingRegisters(limits: limits, initialAwardMW: 10)
    var pending = Array(input)
    var nowSeconds = 1000.0
    while true {
        guard case .frame(let bytes) = MBAPFrame.next(pending) else { break }
        precondition(bytes >= MBAPFrame.headerBytes + 1 && bytes <= MBAPFrame.maximumBytes, "frame of \(bytes) bytes")
        nowSeconds += Double(pending[1]) / 10
        let request = pending.withUnsafeBufferPointer { ModbusRequest(frame: UnsafeBufferPointer(rebasing: $0[0..<bytes])) }
        pending.removeFirst(bytes)
        guard let request, request.isWrite else { continue }
        let before = holding
        switch holding.write(address: request.address, values: request.values, atSeconds: nowSeconds) {
        case .failure(let refusal):
            precondition([1, 2, 3].contains(refusal.exceptionCode), "exception \(refusal.exceptionCode)")
            precondition(holding.registers == before.registers && holding.awardMW == before.awardMW, "a refused write changed the image")
        case .success(let commands):
            for command in commands { check(command, limits) }
        }
    }
}

private func check(_ command: ISOCommand, _ limits: ISOWriteLimits) {
    switch command {
    case .signal(let normalized, _):
        precondition(normalized.isFinite && abs(normalized) <= 1, "signal \(normalized)")
    case .award(let kw):
        precondition(kw.isFinite && kw >= 0 && kw <= limits.maximumAwardMW * 1000, "award \(kw) kW")
    case .dispatchTarget(let point, let kw, let seconds):
        precondition(kw.isFinite && kw >= -limits.exportLimitsKW[point] && kw <= limits.importLimitsKW[point], "target \(kw) kW")
        precondition(seconds.isFinite && seconds > 0, "duration \(seconds) s")
    }
}

@main
enum FuzzISORequest {
    static func main() { LibFuzzer.run { data, size in fuzzISORequest(LibFuzzer.bytes(data, size)); return 0 } }
}
