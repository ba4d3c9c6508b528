import DSOModbus
import Testing

/// The SunSpec tables: invariants every model must keep (a typo in an offset or size breaks one), and a few points
/// checked against the SunSpec model definitions (sunspec/models, json/model_<id>.json, written here as facts).
struct SunSpecModelDefinitionTests {
    typealias Point = SunSpecModelDefinition.Point

    /// The models docs/modbus.md says are decoded.
    static let documentedIDs: Set<Int> = [1, 101, 102, 103, 111, 112, 113, 120, 121, 122, 123, 124, 160, 201, 202, 203, 204,
                                          701, 702, 703, 704, 705, 802]

    /// L of each model's fixed block in the standard (its size minus ID and L).
    static let standardFixedLengths: [Int: Int] = [
        1: 66, 101: 50, 102: 50, 103: 50, 111: 60, 112: 60, 113: 60, 120: 26, 121: 30, 122: 44, 123: 24, 124: 24, 160: 8,
        201: 105, 202: 105, 203: 105, 204: 105, 701: 153, 702: 50, 703: 17, 704: 57, 705: 13, 802: 62,
    ]

    /// The standard's `pad` registers (not points): model 1's after DA, model 120's at its end.
    static let standardPads: [Int: Set<Int>] = [1: [67], 120: [27]]

    /// Registers a point of each type takes; strings take their own size.
    static func registers(of type: SunSpecModelDefinition.PointType) -> Int? {
        switch type {
        case .int16, .uint16, .enum16, .bitfield16, .sunssf: 1
        case .int32, .uint32, .acc32, .bitfield32, .float32: 2
        case .uint64, .acc64: 4
        case .string: nil
        }
    }

    @Test func theTablesHoldExactlyTheDocumentedModels() {
        #expect(Set(SunSpecModelDefinition.all.keys) == Self.documentedIDs)
        for (id, model) in SunSpecModelDefinition.all {
            #expect(model.id == id)
            #expect(model.fixedLength == Self.standardFixedLengths[id], "model \(id) L")
            #expect(model.hasRepeatingGroups == !model.groups.isEmpty, "model \(id)")
        }
    }

    @Test func fixedBlocksTileTheirLengthWithoutOverlap() {
        for (id, model) in SunSpecModelDefinition.all {
            var next = 2
            var covered = Set(Self.standardPads[id] ?? [])
            for point in model.points {
                // Offsets strictly increasing and each point after the previous one's end, pads skipped.
                while covered.contains(next) { next += 1 }
                #expect(point.offset == next, "model \(id) \(point.name) at \(point.offset), expected \(next)")
                next = max(next, point.offset + point.size)
                for register in point.offset..<(point.offset + point.size) {
                    #expect(covered.insert(register).inserted, "model \(id) \(point.name) overlaps register \(register)")
                }
            }
            #expect(covered == Set(2..<(2 + model.fixedLength)), "model \(id): points and pads do not fill L = \(model.fixedLength)")
            let sizes = model.points.reduce(0) { $0 + $1.size } + (Self.standardPads[id]?.count ?? 0)
            #expect(sizes == model.fixedLength, "model \(id)")
            #expect(Set(model.points.map(\.name)).count == model.points.count, "model \(id) has a point name twice")
        }
    }

    @Test func sizesMatchTypes() {
        for (id, model) in SunSpecModelDefinition.all {
            for point in Self.everyPoint(of: model) {
                if let size = Self.registers(of: point.type) {
                    #expect(point.size == size, "model \(id) \(point.name): \(point.type) of \(point.size) registers")
                    #expect(point.type.encoding?.type.registerCount == size, "model \(id) \(point.name)")
                } else {
                    #expect(point.size > 0 && point.type.encoding == nil, "model \(id) \(point.name)")
                }
            }
        }
    }

    @Test func everyScaleFactorIsAnSunssfPointOfTheSameModel() {
        for (id, model) in SunSpecModelDefinition.all {
            let factors = Dictionary(uniqueKeysWithValues: model.points.filter { $0.type == .sunssf }.map { ($0.name, $0) })
            for point in Self.everyPoint(of: model) {
                if point.type == .sunssf {
                    #expect(point.scaleFactor == nil && !point.writable, "model \(id) \(point.name)")
                }
                guard let name = point.scaleFactor else { continue }
                #expect(factors[name] != nil, "model \(id) \(point.name): scale factor '\(name)' is not an sunssf point of the model")
            }
        }
    }

    @Test func groupPointsLieInsideTheirRepetition() {
        for (id, model) in SunSpecModelDefinition.all {
            for group in Self.everyGroup(of: model) {
                // A group's points tile one instance from 0; nested groups follow the instance's own points.
                var next = 0
                for point in group.points {
                    #expect(point.offset == next, "model \(id) group \(group.name) \(point.name) at \(point.offset), expected \(next)")
                    next = point.offset + point.size
                }
                #expect(!group.points.isEmpty, "model \(id) group \(group.name)")
                if case .register(let name) = group.count {
                    let counter = model.point(named: name)
                    #expect(counter?.type == .uint16 && counter?.writable == false, "model \(id) group \(group.name): count register \(name)")
                }
            }
        }
    }

    @Test func layoutsOfGroupedModelsFollowLengthAndCounts() throws {
        // 160 with three 20-register modules after its 8-register fixed block.
        let mppt = try #require(SunSpecModelDefinition.all[160]).layout(length: 8 + 3 * 20, counts: [:])
        #expect(mppt.end == 2 + 8 + 60)
        #expect(mppt.points.filter { $0.name.hasSuffix(".DCW") }.map(\.name) == ["module1.DCW", "module2.DCW", "module3.DCW"])
        #expect(mppt.points.first { $0.name == "module3.DCW" }?.offset == 10 + 2 * 20 + 11)
        // 705 with 2 curves of 3 points: 13 + 2 × (10 + 3 × 2) registers.
        let voltVar = try #require(SunSpecModelDefinition.all[705]).layout(length: 45, counts: ["NCrv": 2, "NPt": 3])
        #expect(voltVar.end == 2 + 45)
        #expect(voltVar.points.first { $0.name == "Crv2.Pt3.Var" }?.offset == 15 + 16 + 10 + 2 * 2 + 1)
        #expect(voltVar.points.first { $0.name == "Crv2.Pt3.Var" }?.scaleFactor == "DeptRef_SF")
        // 704's four single groups follow the fixed block, two registers each.
        let controls = try #require(SunSpecModelDefinition.all[704]).layout(length: 57 + 8, counts: [:])
        #expect(controls.points.first { $0.name == "PFWAbsRvrt.Ext" }?.offset == 59 + 7)
        for layout in [mppt, voltVar, controls] {
            var covered = Set<Int>()
            for point in layout.points {
                #expect(point.offset + point.size <= layout.end, "\(point.name) past the end")
                #expect(covered.isDisjoint(with: point.offset..<(point.offset + point.size)), "\(point.name) overlaps")
                covered.formUnion(point.offset..<(point.offset + point.size))
            }
        }
    }

    /// (model, point, offset, type, size, scale factor and its offset, writable), from json/model_<id>.json.
    static let standardPoints: [(Int, String, Int, SunSpecModelDefinition.PointType, Int, (String, Int)?, Bool)] = [
        (1, "SN", 50, .string, 16, nil, false),
        (1, "DA", 66, .uint16, 1, nil, true),
        (103, "W", 14, .int16, 1, ("W_SF", 15), false),
        (103, "WH", 24, .acc32, 2, ("WH_SF", 26), false),
        (111, "W", 22, .float32, 2, nil, false),
        (120, "WRtg", 3, .uint16, 1, ("WRtg_SF", 4), false),
        (121, "WMax", 2, .uint16, 1, ("WMax_SF", 22), true),
        (123, "WMaxLimPct", 5, .uint16, 1, ("WMaxLimPct_SF", 23), true),
        (123, "WMaxLim_Ena", 9, .enum16, 1, nil, true),
        (124, "WChaMax", 2, .uint16, 1, ("WChaMax_SF", 18), true),
        (124, "StorCtl_Mod", 5, .bitfield16, 1, nil, true),
        (124, "OutWRte", 12, .int16, 1, ("InOutWRte_SF", 25), true),
        (124, "InWRte", 13, .int16, 1, ("InOutWRte_SF", 25), true),
        (203, "W", 18, .int16, 1, ("W_SF", 22), false),
        (203, "TotWhImp", 46, .acc32, 2, ("TotWh_SF", 54), false),
        (701, "W", 10, .int16, 1, ("W_SF", 116), false),
        (704, "WMaxLimPct", 15, .uint16, 1, ("WMaxLimPct_SF", 54), true),
        (704, "WSetEna", 22, .enum16, 1, nil, true),
        (704, "WSet", 24, .int32, 2, ("WSet_SF", 55), true),
        (802, "SoC", 11, .uint16, 1, ("SoC_SF", 56), false),
        (802, "W", 47, .int16, 1, ("W_SF", 63), false),
    ]

    @Test func pointsCheckedAgainstTheStandard() throws {
        for (id, name, offset, type, size, factor, writable) in Self.standardPoints {
            let model = try #require(SunSpecModelDefinition.all[id])
            let point = try #require(model.point(named: name), "model \(id) has no \(name)")
            #expect(point.offset == offset && point.type == type && point.size == size && point.writable == writable,
                    "model \(id) \(name): \(point.offset) \(point.type) \(point.size) writable \(point.writable)")
            #expect(point.scaleFactor == factor?.0, "model \(id) \(name)")
            if let (factorName, factorOffset) = factor {
                #expect(model.point(named: factorName)?.offset == factorOffset, "model \(id) \(factorName)")
            }
        }
    }

    @Test func groupPointsCheckedAgainstTheStandard() throws {
        func point(_ name: String, in group: SunSpecGroup) throws -> Point {
            try #require(group.points.first { $0.name == name }, "group \(group.name) has no \(name)")
        }
        let module = try #require(SunSpecModelDefinition.all[160]?.groups.first)
        #expect(module.name == "module" && module.points.reduce(0) { $0 + $1.size } == 20)
        let text = try point("IDStr", in: module)
        #expect(text.offset == 1 && text.size == 8 && text.type == .string)
        let power = try point("DCW", in: module)
        #expect(power.offset == 11 && power.scaleFactor == "DCW_SF")
        let energy = try point("DCWH", in: module)
        #expect(energy.offset == 12 && energy.type == .acc32 && energy.scaleFactor == "DCWH_SF")
        let curve = try #require(SunSpecModelDefinition.all[705]?.groups.first)
        #expect(curve.name == "Crv" && curve.points.reduce(0) { $0 + $1.size } == 10)
        let response = try point("RspTms", in: curve)
        #expect(response.offset == 7 && response.type == .uint32 && response.scaleFactor == "RspTms_SF" && response.writable)
        let pair = try #require(curve.groups.first)
        #expect(pair.name == "Pt" && pair.points.map(\.name) == ["V", "Var"])
        #expect(pair.points.map(\.scaleFactor) == ["V_SF", "DeptRef_SF"])
        let injecting = try #require(SunSpecModelDefinition.all[704]?.groups.first)
        #expect(injecting.name == "PFWInj" && injecting.points.map(\.name) == ["PF", "Ext"])
        #expect(try point("PF", in: injecting).scaleFactor == "PF_SF")
    }

    // MARK: - Walking the tables

    static func everyGroup(of model: SunSpecModelDefinition) -> [SunSpecGroup] {
        func walk(_ groups: [SunSpecGroup]) -> [SunSpecGroup] { groups.flatMap { [$0] + walk($0.groups) } }
        return walk(model.groups)
    }

    static func everyPoint(of model: SunSpecModelDefinition) -> [Point] {
        model.points + everyGroup(of: model).flatMap(\.points)
    }
}
