/// A SunSpec information model: its id, its fixed block (length and points, offsets from the model's ID register)
/// and the groups that follow the fixed block.
package struct SunSpecModelDefinition: Sendable {
    /// SunSpec point types that occur in the supported models.
    package enum PointType: Sendable {
        case int16, uint16, int32, uint32, uint64, acc32, acc64, enum16, bitfield16, bitfield32, sunssf, string, float32

        /// The register encoding, or nil for strings (not a number for the host).
        package var encoding: RegisterEncoding? {
            switch self {
            case .int16, .sunssf: RegisterEncoding(type: .int16, sunSpecSentinels: true)
            case .uint16, .enum16, .bitfield16: RegisterEncoding(type: .uint16, sunSpecSentinels: true)
            case .int32: RegisterEncoding(type: .int32, sunSpecSentinels: true)
            case .uint32, .bitfield32: RegisterEncoding(type: .uint32, sunSpecSentinels: true)
            case .acc32: RegisterEncoding(type: .uint32, sunSpecSentinels: true, isAccumulator: true)
            case .uint64: RegisterEncoding(type: .uint64, sunSpecSentinels: true)
            case .acc64: RegisterEncoding(type: .uint64, sunSpecSentinels: true, isAccumulator: true)
            case .float32: RegisterEncoding(type: .float32, sunSpecSentinels: true)
            case .string: nil
            }
        }

        /// Enumerations and bit fields are states for the host, not measurements.
        package var isStatus: Bool { self == .enum16 || self == .bitfield16 || self == .bitfield32 }
    }

    /// One point of the model (or of one group instance, with the group's prefix in `name` once laid out).
    package struct Point: Sendable {
        package let name: String
        /// Registers from the model's ID register (from the group instance's start inside a `SunSpecGroup`).
        package let offset: Int
        package let type: PointType
        package let size: Int
        /// The name of its `sunssf` point: in the same group instance when it has one, else in the fixed block.
        package let scaleFactor: String?
        package let unit: String
        package let writable: Bool

        init(_ name: String, _ offset: Int, _ type: PointType, size: Int, scaleFactor: String?, unit: String, writable: Bool) {
            self.name = name
            self.offset = offset
            self.type = type
            self.size = size
            self.scaleFactor = scaleFactor
            self.unit = unit
            self.writable = writable
        }
    }

    package let id: Int
    package let name: String
    /// L of the fixed block (registers after ID and L).
    package let fixedLength: Int
    /// The model continues with groups after its fixed block (160 modules, 704 power-factor groups, 705 curves).
    package let hasRepeatingGroups: Bool
    package let points: [Point]
    /// The groups after the fixed block, in register order (see `layout(length:counts:)`).
    package let groups: [SunSpecGroup]

    package init(id: Int, name: String, fixedLength: Int, hasRepeatingGroups: Bool, points: [Point], groups: [SunSpecGroup] = []) {
        self.id = id
        self.name = name
        self.fixedLength = fixedLength
        self.hasRepeatingGroups = hasRepeatingGroups
        self.points = points
        self.groups = groups
    }

    package func point(named name: String) -> Point? { points.first { $0.name == name } }

    /// Every model this driver decodes, by id.
    package static let all: [Int: SunSpecModelDefinition] = {
        let models = [
            model1, model101, model102, model103, model111, model112, model113, model120, model121, model122, model123,
            model124, model160, model201, model202, model203, model204, model701, model702, model703, model704, model705,
            model802,
        ]
        return Dictionary(uniqueKeysWithValues: models.map { ($0.id, $0) })
    }()
}
