/// Run lengths written as engineers write them — `8h`, `40m`, `90s`, `1h30m` or plain seconds — shared by
/// every command line that takes a duration.
public enum DurationText {
    /// Seconds in `text`, or nil when it is not a positive duration in that form.
    public static func seconds(_ text: String) -> Double? {
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

    /// What to show in help and errors.
    public static let examples = "e.g. 8h, 40m, 90s, 1h30m"
}
