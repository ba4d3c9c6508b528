import Foundation

/// The wall clock the historian stamps rows with (Unix seconds); retention compares against it.
public enum WallClock {
    public static func nowUnixSeconds() -> Double { Date().timeIntervalSince1970 }
}
