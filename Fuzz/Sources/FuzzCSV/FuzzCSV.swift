@testable import DSOScenario
import LibFuzzerDriver

/// The CSV readers on `CSVFile`: a profile, a regulation signal and an interface point's schedule, all from the
/// same text. What they accept must be what a run can use: finite numbers, times in order.
func fuzzCSV(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    if let profile = try? Profile(csv: text, name: "fuzz.csv") {
        for time in [-1.0, 0, 0.5, 3600, 1e9] { _ = profile.value(atSeconds: time) }
    }
    if let signal = try? RegulationSignal(csvText: text, path: "fuzz.csv") {
        _ = signal.csvText()
    }
    if let rows = try? ScheduleCSV.rows(in: CSVFile(text: text, path: "fuzz.csv")) {
        for row in rows {
            precondition(row.startSeconds.isFinite && row.endSeconds.isFinite && row.netImportKW.isFinite, "row \(row)")
            precondition(row.startSeconds >= 0 && row.endSeconds > row.startSeconds, "row \(row)")
        }
    }
}

@main
enum FuzzCSV {
    static func main() { LibFuzzer.run { data, size in fuzzCSV(LibFuzzer.bytes(data, size)); return 0 } }
}
