import DSOISOLink

/// Limits and register writes shared by the ISO link tests.
public enum LinkFixtures {
    /// Two interface points: import ≤ 5 MW / export ≤ 2 MW and import ≤ 4 MW / export ≤ 1 MW; award ≤ 1.2 MW.
    public static func limits(ttlSeconds: Double = 12) -> ISOWriteLimits {
        ISOWriteLimits(maximumAwardMW: 1.2, importLimitsKW: [5000, 4000], exportLimitsKW: [2000, 1000],
                       signalTTLSeconds: ttlSeconds)
    }

    /// Registers 0…4: set point, counter, unit.
    public static func setpoint(_ value: Float, counter: UInt32, unit: UInt16 = 0) -> [UInt16] {
        let value = RegisterWords.words(value), counter = RegisterWords.words(counter)
        return [value.high, value.low, counter.high, counter.low, unit]
    }

    public static func float(_ value: Float) -> [UInt16] {
        let words = RegisterWords.words(value)
        return [words.high, words.low]
    }
}
