/// Which direction a driver instance's power points count as positive, stated once per instance.
///
/// The kernel is generation-positive for resources and load-positive for interface meters; the host
/// converts every power point of an instance with this convention so the kernel never sees a flipped sign.
public enum SignConvention: String, Sendable, Hashable, CaseIterable {
    /// Positive = power flowing out of the device into the grid (discharging battery, producing PV,
    /// a meter exporting from the area).
    case generationPositive = "generation_positive"
    /// Positive = power flowing into the device or the area (charging battery, a consuming load,
    /// a meter importing into the area).
    case loadPositive = "load_positive"

    /// Factor from the device's power to the kernel's generation-positive resource power.
    public var resourceFactor: Double { self == .generationPositive ? 1 : -1 }
    /// Factor from the device's power to the kernel's load-positive net import at an interface point.
    public var meterFactor: Double { self == .loadPositive ? 1 : -1 }
}
