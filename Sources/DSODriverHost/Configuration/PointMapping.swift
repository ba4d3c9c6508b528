/// One line of a driver instance's point map: which driver point feeds (or receives) which kernel quantity.
///
/// The kernel value is `sign × scale × point value` for powers (sign from the instance's
/// `SignConvention`), `scale × point value` for SOC and fault; a set point goes the other way.
public struct PointMapping: Sendable, Hashable {
    /// The point's name as the driver reports it (`dso_point_info.name`).
    public var point: String
    /// The kernel quantity.
    public var target: PointTarget
    /// Factor from the point's unit to the kernel's (e.g. 0.001 for W → kW, 0.01 for % → 0…1); nil
    /// means 1 and is only accepted when the point's unit already is the kernel's.
    public var scale: Double?
    /// Where this mapping was written (e.g. `drivers[0].points[2]`), to name it in errors.
    public var key: String

    public init(point: String, target: PointTarget, scale: Double? = nil, key: String = "") {
        self.point = point
        self.target = target
        self.scale = scale
        self.key = key
    }
}
