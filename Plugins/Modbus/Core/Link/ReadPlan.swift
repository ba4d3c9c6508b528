/// A register range one point or model needs: function 3 (holding) or 4 (input), 0-based address, count.
package struct RegisterSpan: Hashable {
    package let function: Int
    package let address: Int
    package let count: Int
    package var end: Int { address + count }

    package init(function: Int, address: Int, count: Int) {
        self.function = function
        self.address = address
        self.count = count
    }
}

/// The reads that cover a set of spans: overlapping and adjacent spans merged, each read at most 125 registers.
package struct ReadPlan: Equatable {
    package let reads: [RegisterSpan]
    /// Where each read's registers start in the instance's register buffer; reads of one run are consecutive,
    /// so a value that straddles a 125-register split is still contiguous in the buffer.
    package let bufferOffsets: [Int]
    /// Registers in the buffer.
    package let registerCount: Int

    /// The buffer index of register `address` of `function`, nil when no read covers it.
    package func bufferIndex(function: Int, address: Int) -> Int? {
        for (index, read) in reads.enumerated() where read.function == function && address >= read.address && address < read.end {
            return bufferOffsets[index] + address - read.address
        }
        return nil
    }

    /// Merges spans of the same function whose gap is at most `maximumGap` registers (0: only touching spans).
    package init(covering spans: [RegisterSpan], maximumGap: Int = 0, maximumCount: Int = ModbusLink.maximumReadCount) {
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
