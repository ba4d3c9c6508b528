/// A set point the host wants: re-written while valid, left to the device's revert timer (or safe value) after.
struct SetpointLease {
    var value: Double
    /// On the host clock.
    var validUntilNanoseconds: Int64
    /// Monotonic time of the last write that reached the device.
    var lastDeviceWriteNanoseconds: Int64
}
