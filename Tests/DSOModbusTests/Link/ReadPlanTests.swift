import DSOModbus
import OpenDSOTestSupport
import Testing

/// Read plans: what the protocol allows (≤ 125 registers a read, one function a read), `max_gap`, the instance's
/// buffer, and the fewest reads, counted here by a separate greedy cover rather than taken from the plan.
struct ReadPlanTests {
    @Test func functionsThreeAndFourAreNeverMerged() {
        let plan = ReadPlan(covering: [RegisterSpan(function: 3, address: 10, count: 2), RegisterSpan(function: 4, address: 12, count: 2)],
                            maximumGap: 120)
        #expect(plan.reads == [RegisterSpan(function: 3, address: 10, count: 2), RegisterSpan(function: 4, address: 12, count: 2)])
        #expect(plan.bufferIndex(function: 4, address: 10) == nil)
        #expect(plan.bufferIndex(function: 3, address: 12) == nil)
        Self.verify(plan, covering: [RegisterSpan(function: 3, address: 10, count: 2), RegisterSpan(function: 4, address: 12, count: 2)],
                    maximumGap: 120)
    }

    @Test func touchingOverlappingAndDuplicateSpansBecomeOneRead() {
        let spans = [
            RegisterSpan(function: 3, address: 100, count: 2), RegisterSpan(function: 3, address: 102, count: 2),
            RegisterSpan(function: 3, address: 101, count: 2), RegisterSpan(function: 3, address: 100, count: 2),
        ]
        let plan = ReadPlan(covering: spans)
        #expect(plan.reads == [RegisterSpan(function: 3, address: 100, count: 4)])
        #expect(plan.registerCount == 4)
        Self.verify(plan, covering: spans, maximumGap: 0)
    }

    @Test(arguments: [(0, 2), (4, 2), (5, 1), (120, 1)])
    func aGapIsReadThroughOnlyUpToMaxGap(maximumGap: Int, reads: Int) {
        // Registers 0 and 6: a gap of 5 unneeded registers between them.
        let spans = [RegisterSpan(function: 3, address: 0, count: 1), RegisterSpan(function: 3, address: 6, count: 1)]
        let plan = ReadPlan(covering: spans, maximumGap: maximumGap)
        #expect(plan.reads.count == reads, "\(plan.reads)")
        Self.verify(plan, covering: spans, maximumGap: maximumGap)
    }

    @Test func aRunLongerThan125IsSplitAndAValueAcrossTheSplitStaysWhole() throws {
        // A SunSpec-sized block from 40002 and a uint32 at 40126…40127: the 125-register split falls between its words.
        let spans = [RegisterSpan(function: 3, address: 40002, count: 124), RegisterSpan(function: 3, address: 40126, count: 2)]
        let plan = ReadPlan(covering: spans)
        #expect(plan.reads == [RegisterSpan(function: 3, address: 40002, count: 125), RegisterSpan(function: 3, address: 40127, count: 1)])
        let buffer = Self.answer(plan)
        let index = try #require(plan.bufferIndex(function: 3, address: 40126))
        let decoded = buffer.withUnsafeBufferPointer { RegisterEncoding(type: .uint32).decode($0.baseAddress! + index) }
        let expected = Double(UInt32(Self.deviceWord(function: 3, address: 40126)) << 16 | UInt32(Self.deviceWord(function: 3, address: 40127)))
        #expect(decoded == expected)
        Self.verify(plan, covering: spans, maximumGap: 0)
    }

    @Test(arguments: [(125, 1), (126, 2), (250, 2), (251, 3)])
    func oneLongSpanTakesCeilingOfCountOver125Reads(count: Int, reads: Int) {
        let spans = [RegisterSpan(function: 4, address: 1000, count: count)]
        let plan = ReadPlan(covering: spans)
        #expect(plan.reads.count == reads)
        #expect(plan.registerCount == count)
        Self.verify(plan, covering: spans, maximumGap: 0)
    }

    @Test func gapsAllowedByMaxGapDoNotCostExtraReads() {
        // Single registers 120 apart: 0 and 120 fit one read, 240 and 360 another. Cutting the merged run 0…360 into
        // fixed 125-register pieces would take three reads, the last two starting and ending in the gaps.
        let spans = [0, 120, 240, 360].map { RegisterSpan(function: 3, address: $0, count: 1) }
        let plan = ReadPlan(covering: spans, maximumGap: 120)
        #expect(plan.reads == [RegisterSpan(function: 3, address: 0, count: 121), RegisterSpan(function: 3, address: 240, count: 121)])
        Self.verify(plan, covering: spans, maximumGap: 120)
    }

    @Test func nothingToReadGivesAnEmptyPlan() {
        for spans in [[], [RegisterSpan(function: 3, address: 5, count: 0)]] {
            let plan = ReadPlan(covering: spans, maximumGap: 10)
            #expect(plan.reads.isEmpty && plan.registerCount == 0)
            #expect(plan.bufferIndex(function: 3, address: 5) == nil)
        }
    }

    @Test func randomSpanSetsGetTheFewestReadsAndAContiguousBuffer() {
        var random = SeededGenerator(seed: 0x4D6F_6462_7573)
        for _ in 0..<500 {
            let spans = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                let size = Int.random(in: 0..<10, using: &random)
                let count = size < 7 ? Int.random(in: 1...4, using: &random)
                    : size < 9 ? Int.random(in: 1...20, using: &random) : Int.random(in: 100...260, using: &random)
                return RegisterSpan(function: Bool.random(using: &random) ? 3 : 4, address: Int.random(in: 0..<700, using: &random), count: count)
            }
            let maximumGap = [0, 0, 0, 1, 3, 10, 60, 120].randomElement(using: &random)!
            Self.verify(ReadPlan(covering: spans, maximumGap: maximumGap), covering: spans, maximumGap: maximumGap)
        }
    }

    // MARK: - The reference and the checks

    /// The fewest reads covering `needed` (sorted addresses of one function): a read starts at the first register not
    /// yet covered and takes each following needed register that lies within 125 of its start and at most
    /// `maximumGap` unneeded registers after the previous one. Greedy is optimal for this interval cover.
    static func fewestReads(needed: [Int], maximumGap: Int) -> Int {
        var reads = 0
        var first = 0
        while first < needed.count {
            reads += 1
            var last = first
            while last + 1 < needed.count, needed[last + 1] < needed[first] + 125, needed[last + 1] - needed[last] - 1 <= maximumGap {
                last += 1
            }
            first = last + 1
        }
        return reads
    }

    /// What a device answers at `address`: a word that differs from its neighbours and between functions.
    static func deviceWord(function: Int, address: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: (address &* 40503 &+ function &* 7919) ^ (address >> 3))
    }

    /// The instance's buffer after the plan's reads, each answer appended after the previous one.
    static func answer(_ plan: ReadPlan) -> [UInt16] {
        plan.reads.flatMap { read in (read.address..<read.end).map { deviceWord(function: read.function, address: $0) } }
    }

    static func verify(_ plan: ReadPlan, covering spans: [RegisterSpan], maximumGap: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = "spans \(spans.map { "\($0.function):\($0.address)+\($0.count)" }), max_gap \(maximumGap) → \(plan.reads.map { "\($0.function):\($0.address)+\($0.count)" })"
        for function in [3, 4] {
            let needed = Set(spans.filter { $0.function == function }.flatMap { $0.address..<$0.end })
            let reads = plan.reads.filter { $0.function == function }
            var covered = Set<Int>()
            for read in reads {
                #expect((1...125).contains(read.count), "read of \(read.count) registers; \(label)", sourceLocation: sourceLocation)
                #expect(covered.isDisjoint(with: read.address..<read.end), "reads overlap; \(label)", sourceLocation: sourceLocation)
                covered.formUnion(read.address..<read.end)
                // A read starts and ends on a register someone needs, and reads through gaps of at most max_gap.
                #expect(needed.contains(read.address) && needed.contains(read.end - 1), "read starts or ends in a gap; \(label)",
                        sourceLocation: sourceLocation)
                var gap = 0
                for address in read.address..<read.end {
                    gap = needed.contains(address) ? 0 : gap + 1
                    #expect(gap <= maximumGap, "read through a gap wider than max_gap; \(label)", sourceLocation: sourceLocation)
                    if gap > maximumGap { break }
                }
            }
            #expect(needed.isSubset(of: covered), "registers not read; \(label)", sourceLocation: sourceLocation)
            let fewest = fewestReads(needed: needed.sorted(), maximumGap: maximumGap)
            #expect(reads.count == fewest, "\(reads.count) reads of function \(function), \(fewest) suffice; \(label)",
                    sourceLocation: sourceLocation)
            if let low = needed.min(), let high = needed.max() {
                for address in (low - 3)...(high + 3) where !covered.contains(address) {
                    #expect(plan.bufferIndex(function: function, address: address) == nil, "\(function):\(address) is not read; \(label)",
                            sourceLocation: sourceLocation)
                }
            }
        }
        // The buffer holds the reads' answers one after the other: every covered register has its place there.
        let layout = plan.reads.flatMap { read in (read.address..<read.end).map { (read.function, $0) } }
        #expect(plan.registerCount == layout.count, "\(label)", sourceLocation: sourceLocation)
        for (index, (function, address)) in layout.enumerated() where plan.bufferIndex(function: function, address: address) != index {
            Issue.record("bufferIndex(\(function), \(address)) = \(String(describing: plan.bufferIndex(function: function, address: address))), the buffer has it at \(index); \(label)",
                         sourceLocation: sourceLocation)
        }
        // A value's registers stay contiguous in the buffer even when its span crosses a split.
        for span in spans where span.count > 0 {
            guard let first = plan.bufferIndex(function: span.function, address: span.address) else { continue }
            for offset in 1..<span.count where plan.bufferIndex(function: span.function, address: span.address + offset) != first + offset {
                Issue.record("span \(span.function):\(span.address)+\(span.count) is not contiguous in the buffer; \(label)", sourceLocation: sourceLocation)
                break
            }
        }
        #expect(plan.bufferIndex(function: 16, address: spans.first?.address ?? 0) == nil, sourceLocation: sourceLocation)
    }
}
