/// A group after a model's fixed block (SunSpec `groups`): 160's modules, 704's power-factor settings, 705's curves
/// and their points. Its points' offsets count from the start of one instance.
package struct SunSpecGroup: Sendable {
    /// How many instances of the group a device holds.
    package enum Count: Sendable {
        /// Exactly one: a fixed sub-block (`"type": "sync"` in the definition, e.g. 704 `PFWInj`).
        case one
        /// The value of a count register of the fixed block (705 `NCrv` curves, `NPt` points per curve).
        case register(String)
        /// As many as fit in what L leaves after the fixed block (`"count": 0`, e.g. 160 `module`).
        case fillingLength
    }

    package let name: String
    package let count: Count
    package let points: [SunSpecModelDefinition.Point]
    /// Groups nested in each instance, after its points (705 `Pt` in `Crv`).
    package let groups: [SunSpecGroup]

    package init(name: String, count: Count, points: [SunSpecModelDefinition.Point], groups: [SunSpecGroup] = []) {
        self.name = name
        self.count = count
        self.points = points
        self.groups = groups
    }

    /// Registers of one instance, nested groups included, for the device's count registers.
    func instanceLength(counts: [String: Int]) -> Int {
        var length = points.reduce(0) { $0 + $1.size }
        for group in groups {
            let size = group.instanceLength(counts: counts)
            switch group.count {
            case .one: length += size
            case .register(let name): length += size * max(0, counts[name] ?? 0)
            // A length-filled group nested in another has no end of its own: the definitions have none.
            case .fillingLength: break
            }
        }
        return length
    }

    /// The count registers this group and its nested groups depend on.
    var countRegisterNames: [String] {
        var names: [String] = []
        if case .register(let name) = count { names.append(name) }
        for group in groups { names += group.countRegisterNames }
        return names
    }

    /// Appends the points of every instance that fits before `end`, named `<prefix><name><n>.<point>` (numbered
    /// groups) or `<prefix><name>.<point>` (a single sync group), with offsets from the model's ID register.
    func layOut(into result: inout [SunSpecModelDefinition.Point], prefix: String, offset: inout Int, end: Int, counts: [String: Int]) {
        let size = instanceLength(counts: counts)
        guard size > 0 else { return }
        // A count register larger than L allows is cut to what L holds: points past L do not exist.
        let fitting = max(0, (end - offset) / size)
        let instances: Int
        let numbered: Bool
        switch count {
        case .one: (instances, numbered) = (1, false)
        case .register(let name): (instances, numbered) = (min(max(0, counts[name] ?? 0), fitting), true)
        case .fillingLength: (instances, numbered) = (fitting, true)
        }
        guard instances > 0 else { return }
        let ownNames = Set(points.map(\.name))
        for instance in 1...instances {
            let qualified = prefix + (numbered ? "\(name)\(instance)." : "\(name).")
            let start = offset
            for point in points {
                let factor = point.scaleFactor.map { ownNames.contains($0) ? qualified + $0 : $0 }
                result.append(.init(qualified + point.name, start + point.offset, point.type, size: point.size,
                                    scaleFactor: factor, unit: point.unit, writable: point.writable))
            }
            offset = start + points.reduce(0) { $0 + $1.size }
            for group in groups { group.layOut(into: &result, prefix: qualified, offset: &offset, end: end, counts: counts) }
        }
    }
}

extension SunSpecModelDefinition {
    /// Every point of one model as a device lays it out: the fixed block, then each group instance in register
    /// order, for a model of length `length` (L) whose count registers hold `counts`; `end` is one past the last
    /// register the layout reaches (offset from the ID register).
    package func layout(length: Int, counts: [String: Int]) -> (points: [Point], end: Int) {
        var result = points
        var offset = 2 + fixedLength
        for group in groups { group.layOut(into: &result, prefix: "", offset: &offset, end: 2 + length, counts: counts) }
        return (result, offset)
    }

    /// The fixed-block registers whose values give the group counts (705 `NPt`, `NCrv`), read at discovery.
    package var countRegisterNames: [String] {
        var names: [String] = []
        for group in groups {
            for name in group.countRegisterNames where !names.contains(name) { names.append(name) }
        }
        return names
    }
}
