@testable import DSORuntime
import Testing

@Suite("Lateness histogram")
struct LatenessHistogramTests {
    @Test("every value falls in a bucket whose bounds contain it")
    func bucketsContainValues() {
        var value: Int64 = 1
        while value < 100_000_000_000 {
            for probe in [value - 1, value, value + value / 3] where probe >= 0 {
                let index = LatenessBuckets.index(ofNanoseconds: probe)
                #expect(probe <= LatenessHistogram.upperBoundNanoseconds(ofBucket: index))
                if index > 0 {
                    #expect(probe > LatenessHistogram.upperBoundNanoseconds(ofBucket: index - 1))
                }
            }
            value *= 2
        }
    }

    @Test("bucket bounds increase and stay within 12.5 % above 1 µs")
    func resolution() {
        for index in 1..<LatenessBuckets.count {
            let lower = LatenessHistogram.upperBoundNanoseconds(ofBucket: index - 1) + 1
            let upper = LatenessHistogram.upperBoundNanoseconds(ofBucket: index)
            #expect(upper > lower)
            #expect(Double(upper - lower + 1) / Double(lower) <= 0.125 + 1e-12)
        }
    }

    @Test("percentiles match sorted samples to within one bucket")
    func percentiles() {
        var counts = [Int](repeating: 0, count: LatenessBuckets.count)
        var samples: [Int64] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<10_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let sample = Int64((state >> 33) % 5_000_000)
            samples.append(sample)
            counts[LatenessBuckets.index(ofNanoseconds: sample)] += 1
        }
        samples.sort()
        let histogram = LatenessHistogram(bucketCounts: counts, maxNanoseconds: samples.last!)
        #expect(histogram.count == samples.count)
        for fraction in [0.5, 0.9, 0.99, 0.999] {
            let exact = samples[Int((fraction * Double(samples.count)).rounded(.up)) - 1]
            let reported = histogram.percentileNanoseconds(fraction)
            #expect(reported >= exact)
            #expect(Double(reported) <= Double(exact) * 1.125 + 1024)
        }
        #expect(histogram.percentileNanoseconds(1.0) == samples.last!)
    }

    @Test("an empty histogram reports zero")
    func empty() {
        let histogram = LatenessHistogram(bucketCounts: [Int](repeating: 0, count: LatenessBuckets.count), maxNanoseconds: 0)
        #expect(histogram.percentileNanoseconds(0.99) == 0)
    }
}
