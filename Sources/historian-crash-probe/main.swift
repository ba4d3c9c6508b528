// Writes cycle records into a historian through the real path (RecordChannel → HistorianFeed → Historian)
// at a fixed rate until killed: the subject of the kill -9 durability test.
//
// usage: historian-crash-probe DATABASE [RATE_HZ]
// Prints "ready" once the database is open, then runs until a signal ends it.
import DSOHistorian
import DSOKernel
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: historian-crash-probe DATABASE [RATE_HZ]\n".utf8))
    exit(2)
}
let rateHz = arguments.count >= 3 ? Double(arguments[2]) ?? 0 : 100
guard rateHz > 0 && rateHz <= 10_000 else {
    FileHandle.standardError.write(Data("historian-crash-probe: RATE_HZ \(arguments[2]) must be in (0, 10000]\n".utf8))
    exit(2)
}

do {
    let historian = try Historian(path: arguments[1], configuration: HistorianConfiguration(commitIntervalSeconds: 0.25))
    historian.start()
    let feed = HistorianFeed(historian: historian)
    let channel = RecordChannel(interfacePointCount: 2, frameCount: 16, eventCapacity: 16)
    FileHandle.standardOutput.write(Data("ready\n".utf8))
    var cycle: Int64 = 0
    let period = 1 / rateHz
    let start = Date()
    while true {
        // Kernel side of the channel: fill a free frame and hand it over.
        if let index = channel.free.pop() {
            let frame = channel.frames[Int(index)]
            frame.cycleIndex = cycle
            frame.timeSeconds = Double(cycle) * period
            frame.signal = sin(Double(cycle) / 50)
            for point in 0..<2 { frame.netImportKW[point] = 1000 + Double(point) + frame.signal * 100 }
            _ = channel.filled.push(index)
        }
        if cycle % 100 == 0 {
            _ = channel.events.push(KernelEvent(code: .interfaceOutOfBand, timeSeconds: Double(cycle) * period, subject: 0))
        }
        // Recorder side.
        channel.consume { feed.take($0) }
        _ = channel.events.drain { feed.take($0) }
        cycle += 1
        let next = start.addingTimeInterval(Double(cycle) * period)
        Thread.sleep(until: next)
    }
} catch {
    FileHandle.standardError.write(Data("historian-crash-probe: \(error)\n".utf8))
    exit(1)
}
