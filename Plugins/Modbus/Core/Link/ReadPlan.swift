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

/// The fewest reads that cover a set of spans: overlapping and adjacent spans merged, each read at most 125 registers.
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

    /// Merges spans of the same function whose gap is at most `maximumGap` registers (0: only touching spans) into
    /// the fewest reads. Each read starts at the first register not yet read and takes every following needed range
    /// that begins within `maximumCount` registers of its start and at most `maximumGap` after the previous one (greedy
    /// is optimal for this cover). A read therefore starts and ends on needed registers: cutting a merged run into
    /// fixed 125-register pieces instead would read gaps at the cuts and can take one read more.
    package init(covering spans: [RegisterSpan], maximumGap: Int = 0, maximumCount: Int = ModbusLink.maximumReadCount) {
        let ordered = spans.filter { $0.count > 0 }.sorted { ($0.function, $0.address) < ($1.function, $1.address) }
        // The needed registers: overlapping and touching spans of one function merged.
        var needed: [(function: Int, start: Int, end: Int)] = []
        for span in ordered {
            if let last = needed.last, last.function == span.function, span.address <= last.end {
                needed[needed.count - 1].end = max(last.end, span.end)
            } else {
                needed.append((span.function, span.address, span.end))
            }
        }
        let gap = max(0, maximumGap)
        var reads: [RegisterSpan] = []
        var index = 0
        while index < needed.count {
            let (function, start) = (needed[index].function, needed[index].start)
            let limit = start + maximumCount
            var end = start
            while index < needed.count, needed[index].function == function, needed[index].start < limit, needed[index].start - end <= gap {
                guard needed[index].end <= limit else {
                    // The rest of this range starts the next read, right after this one in the buffer.
                    needed[index].start = limit
                    end = limit
                    break
                }
                end = needed[index].end
                index += 1
            }
            reads.append(RegisterSpan(function: function, address: start, count: end - start))
        }
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
