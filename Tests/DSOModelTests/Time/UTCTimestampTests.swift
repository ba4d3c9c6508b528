import DSOModel
import Foundation
import Testing

/// RFC 3339 at the edges, checked against Foundation's ISO 8601 formatter (an independent implementation).
@Suite struct UTCTimestampTests {
    @Test func parsesAndWritesWhatFoundationDoesOnRandomInstants() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            // 1901…2099, whole milliseconds.
            let unix = Double(Int64.random(in: -2_200_000_000_000...4_100_000_000_000, using: &generator)) / 1000
            let text = UTCTimestamp.text(unixSeconds: unix)
            let reference = formatter.date(from: text.contains(".") ? text : text.replacingOccurrences(of: "Z", with: ".000Z"))
            #expect(reference.map { abs($0.timeIntervalSince1970 - unix) < 1e-6 } == true, "\(unix) → \(text)")
            let parsed = try #require(UTCTimestamp.unixSeconds(text), "\(text)")
            #expect(abs(parsed - unix) < 1e-6, "\(text) → \(parsed), expected \(unix)")
            let foundationText = formatter.string(from: Date(timeIntervalSince1970: unix))
            #expect(abs((UTCTimestamp.unixSeconds(foundationText) ?? .nan) - unix) < 1e-6, "\(foundationText)")
        }
    }

    @Test func offsetsAndTheDSTDaysOfTheMarket() {
        // 2026-03-08 02:00 PST → PDT, 2026-11-01 02:00 PDT → PST: the same UTC instant written both ways.
        #expect(UTCTimestamp.unixSeconds("2026-03-08T01:59:59-08:00") == UTCTimestamp.unixSeconds("2026-03-08T09:59:59Z"))
        #expect(UTCTimestamp.unixSeconds("2026-03-08T03:00:00-07:00") == UTCTimestamp.unixSeconds("2026-03-08T10:00:00Z"))
        #expect(UTCTimestamp.unixSeconds("2026-11-01T01:30:00-07:00")! + 3600 == UTCTimestamp.unixSeconds("2026-11-01T01:30:00-08:00"))
        #expect(UTCTimestamp.unixSeconds("1970-01-01T00:00:00Z") == 0)
        #expect(UTCTimestamp.unixSeconds("2024-02-29T12:00:00.25+00:00") == 1_709_208_000.25)
        #expect(UTCTimestamp.text(unixSeconds: 1_709_208_000.25) == "2024-02-29T12:00:00.250Z")
        #expect(UTCTimestamp.text(unixSeconds: -1) == "1969-12-31T23:59:59Z")
    }

    @Test(arguments: ["", "2026-12-07", "2026-12-07T20:00:00", "2026-12-07T20:00Z", "2026-13-01T00:00:00Z",
                      "2026-02-29T00:00:00Z", "2026-12-07T24:00:00Z", "2026-12-07T20:00:00+8:00",
                      "2026-12-07T20:00:00.Z", "2026-12-07T20:00:00Zjunk", "１２３４-12-07T20:00:00Z"])
    func refusesWhatIsNotAnRFC3339TimeWithAnOffset(_ text: String) {
        #expect(UTCTimestamp.unixSeconds(text) == nil, "\(text)")
    }
}
