import DSORuntime

/// The wall clock the historian stamps rows with (Unix seconds); retention compares against it. The same
/// clock (CLOCK_REALTIME) the run's `KernelEpoch` is pinned on, so rows and schedules agree on UTC.
public enum WallClock {
    public static func nowUnixSeconds() -> Double { KernelEpoch.unixSecondsNow() }
}
