import ArgumentParser

/// A run length written as engineers write it: `8h`, `40m`, `90s`, `1h30m` or plain seconds.
struct Duration: ExpressibleByArgument, Sendable {
    let seconds: Double

    init?(argument: String) {
        guard let seconds = Self.parse(argument) else { return nil }
        self.seconds = seconds
    }

    static func parse(_ text: String) -> Double? {
        if let plain = Double(text) { return plain > 0 ? plain : nil }
        var total = 0.0
        var number = ""
        for character in text {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
        }
        guard number.isEmpty, total > 0 else { return nil }
        return total
    }

    static var defaultValueDescription: String { "e.g. 8h, 40m, 90s, 1h30m" }
}
