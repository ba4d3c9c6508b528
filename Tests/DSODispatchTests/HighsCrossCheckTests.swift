import OpenDSOTestSupport
import DSODispatch
import Foundation
import Testing

/// The independent check: HiGHS solves the same seeded instances as a QP (an LP when all b = 0)
/// in Python, knowing nothing of our algorithm, and the objectives must agree.
@Suite struct HighsCrossCheckTests {
    /// Sizes up to 10,000; the QP sizes stay moderate because HiGHS's active-set QP needs tens of
    /// seconds at 10,000 quadratic resources, while the LP path is fast at any size.
    static let cases: [(mix: InstanceMix, count: Int)] = [
        (.quadratic, 1), (.quadratic, 10), (.mixed, 100), (.mixedWithTies, 100), (.linear, 1000),
        (.quadratic, 1000), (.mixedWithTies, 1000), (.mixed, 2000), (.linear, 10000), (.mostlyLinear, 10000),
    ]

    @Test func objectivesAgreeWithHighs() throws {
        if let reason = HighsPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        var documents: [String] = []
        for (number, testCase) in Self.cases.enumerated() {
            var generator = SeededGenerator(seed: 0xD15_9A7C + UInt64(number))
            let instance = InstanceMix.random(testCase.mix, count: testCase.count, using: &generator)
            let (result, output) = instance.solve()
            try #require(result.status == .optimal)
            let name = "\(testCase.mix)-\(testCase.count)-\(number)"
            documents.append(HighsPeer.json(name: name, instance, ourCost: result.totalCostPerHour, ourOutput: output))
        }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("opendso-dispatch-highs-\(ProcessInfo.processInfo.processIdentifier).json")
        try Data("{\"instances\":[\(documents.joined(separator: ","))]}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try HighsPeer.run([file.path])
        print(output)  // the per-instance comparison, for the test log
        #expect(status == 0, Comment(rawValue: output))
        #expect(output.contains("\(Self.cases.count)/\(Self.cases.count) instances agree"), Comment(rawValue: output))
    }
}
