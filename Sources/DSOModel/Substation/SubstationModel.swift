/// The DSO's area as the kernel controls it: interface points and the resources behind each.
///
/// Resources are stored grouped by interface point (stable within a group), so every interface point's
/// members form one contiguous range: the kernel's per-interface loops then walk contiguous memory.
public struct SubstationModel: Sendable, Hashable {
    public let interfacePoints: [InterfacePointSpec]
    public let resources: [ResourceSpec]
    /// For interface point `k`, the indices of its resources in `resources`.
    public let memberRanges: [Range<Int>]

    /// Builds the model, reordering resources by interface point; throws naming the first inconsistency.
    public init(interfacePoints: [InterfacePointSpec], resources: [ResourceSpec]) throws(ModelError) {
        if interfacePoints.isEmpty { throw ModelError(key: "interface_points", message: "at least one interface point is needed") }
        var seen = Set<String>()
        for point in interfacePoints where !seen.insert(point.id).inserted {
            throw ModelError(key: "interface_points.\(point.id)", message: "duplicate interface point id '\(point.id)'")
        }
        seen.removeAll()
        for resource in resources {
            if !seen.insert(resource.id).inserted {
                throw ModelError(key: "resources.\(resource.id)", message: "duplicate resource id '\(resource.id)'")
            }
            if !interfacePoints.indices.contains(resource.interfacePoint) {
                throw ModelError(key: "resources.\(resource.id).interface_point",
                                 message: "interface point index \(resource.interfacePoint) does not exist")
            }
            if !(resource.minimumKW <= resource.maximumKW) {
                throw ModelError(key: "resources.\(resource.id)",
                                 message: "minimum \(resource.minimumKW) kW exceeds maximum \(resource.maximumKW) kW")
            }
        }
        var ordered: [ResourceSpec] = []
        ordered.reserveCapacity(resources.count)
        var ranges: [Range<Int>] = []
        for index in interfacePoints.indices {
            let start = ordered.count
            ordered.append(contentsOf: resources.lazy.filter { $0.interfacePoint == index })
            ranges.append(start..<ordered.count)
        }
        self.interfacePoints = interfacePoints
        self.resources = ordered
        self.memberRanges = ranges
    }
}
