/// A register range one point or model needs: function 3 (holding) or 4 (input), 0-based address, count.
struct RegisterSpan: Hashable {
    let function: Int
    let address: Int
    let count: Int
    var end: Int { address + count }
}

/// The reads that cover a set of spans: overlapping and adjacent spans merged, each read at most 125 registers.
struct ReadPlan: Equatable {
    let reads: [RegisterSpan]
    /// Where each read's registers start in the instance's register buffer; reads of one run are consecutive,
    /// so a value that straddles a 125-register split is still contiguous in the buffer.
    let bufferOffsets: [Int]
    /// Registers in the buffer.
    let registerCount: Int

    /// The buffer index of register `address` of `function`, nil when no read covers it.
    func bufferIndex(function: Int, address: Int) -> Int? {
        for (index, read) in reads.enumerated() where read.function == function && address >= read.address && address < read.end {
            return bufferOffsets[index] + address - read.address
        }
        return nil
    }

    /// Merges spans of the same function whose gap is at most `maximumGap` registers (0: only touching spans).
    init(covering spans: [RegisterSpan], maximumGap: Int = 0, maximumCount: Int = ModbusLink.maximumReadCount) {
        var reads: [RegisterSpan] = []
        let ordered = spans.filter { $0.count > 0 }.sorted { ($0.function, $0.address) < ($1.function, $1.address) }
        var current: (function: Int, start: Int, end: Int)?
        func flush() {
            guard let run = current else { return }
            var start = run.start
            while start < run.end {
                let count = min(maximumCount, run.end - start)
                reads.append(RegisterSpan(function: run.function, address: start, count: count))
                start += count
            }
        }
        for span in ordered {
            if let run = current, run.function == span.function, span.address <= run.end + maximumGap {
                current = (run.function, run.start, max(run.end, span.end))
            } else {
                flush()
                current = (span.function, span.address, span.end)
            }
        }
        flush()
        self.reads = reads
        var offsets: [Int] = []
        var total = 0
        for read in reads {
            offsets.append(total)
            total += read.count
        }
        bufferOffsets = offsets
        registerCount = total
    }
}
