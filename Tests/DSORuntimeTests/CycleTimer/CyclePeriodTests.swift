import DSORuntime
import Testing

@Suite("CyclePeriod validation")
struct CyclePeriodTests {
    @Test("periods inside 10 ms ... 10 s are accepted", arguments: [10, 100, 1_000, 4_000, 10_000] as [Int64])
    func accepted(milliseconds: Int64) throws {
        let period = try CyclePeriod(milliseconds: milliseconds)
        #expect(period.nanoseconds == milliseconds * 1_000_000)
    }

    @Test("5 ms is refused with a message naming the value and the range")
    func tooShort() {
        #expect {
            try CyclePeriod(milliseconds: 5)
        } throws: { error in
            guard let error = error as? CyclePeriodError else { return false }
            let message = error.description
            return error.requestedNanoseconds == 5_000_000 && message.contains("5 ms")
                && message.contains("10 ms") && message.contains("10 s")
        }
    }

    @Test("11 s is refused with a message naming the value and the range")
    func tooLong() {
        #expect {
            try CyclePeriod(nanoseconds: 11_000_000_000)
        } throws: { error in
            guard let error = error as? CyclePeriodError else { return false }
            return error.requestedNanoseconds == 11_000_000_000 && error.description.contains("11 s")
                && error.description.contains("10 ms to 10 s")
        }
    }

    @Test("just outside the bounds is refused", arguments: [9_999_999, 10_000_000_001, 0, -10_000_000] as [Int64])
    func boundaries(nanoseconds: Int64) {
        #expect(throws: CyclePeriodError(requestedNanoseconds: nanoseconds)) {
            try CyclePeriod(nanoseconds: nanoseconds)
        }
    }

    @Test("overflowing millisecond values are refused, not wrapped")
    func overflow() {
        #expect(throws: CyclePeriodError.self) { try CyclePeriod(milliseconds: .max / 1000) }
    }
}
