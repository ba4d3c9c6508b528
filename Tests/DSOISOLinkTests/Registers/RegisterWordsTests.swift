@testable import DSOISOLink
import Testing

@Suite struct RegisterWordsTests {
    @Test func highWordComesFirst() {
        let one = RegisterWords.words(Float(1))
        #expect(one.high == 0x3F80 && one.low == 0x0000)
        let counter = RegisterWords.words(UInt32(0x0001_0002))
        #expect(counter.high == 1 && counter.low == 2)
    }

    @Test func valuesRoundTrip() {
        for value: Float in [0, -1, 0.25, 12.5, -6_000.125, .greatestFiniteMagnitude] {
            let words = RegisterWords.words(value)
            #expect(RegisterWords.float(high: words.high, low: words.low) == value)
        }
        for value: UInt32 in [0, 1, 65_535, 65_536, .max] {
            let words = RegisterWords.words(value)
            #expect(RegisterWords.uint32(high: words.high, low: words.low) == value)
        }
    }
}
