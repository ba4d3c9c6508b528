/// Why a plan could not be made or its input could not be read, naming the file, interval, resource or
/// parameter at fault and what was expected.
public struct PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
