/// The SunSpec models an operator expects on a device (`models=` in the driver's configuration), e.g.
/// `1,103,120,160:2,704,705:2x3`: the point list without asking the device, so a device that is off at
/// start-up can still be opened, and the check of what the device reports once it answers.
package struct SunSpecModelHint: Equatable, CustomStringConvertible {
    /// One expected model: its id and the instances of its numbered groups in nesting order (160: modules;
    /// 705: curves, then points per curve). Models without numbered groups have none.
    package struct Entry: Equatable, CustomStringConvertible {
        package let id: Int
        package let instances: [Int]

        package var description: String {
            instances.isEmpty ? "\(id)" : "\(id):" + instances.map(String.init).joined(separator: "x")
        }
    }

    package let entries: [Entry]

    package var description: String { entries.map(\.description).joined(separator: ",") }

    /// Parses `id[:n[xm]]` entries separated by commas; the error says which entry and what was expected.
    package init(parsing text: String) throws(SunSpecHintError) {
        var entries: [Entry] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = String(raw.filter { $0 != " " })
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let id = Int(parts[0]), let definition = SunSpecModelDefinition.all[id] else {
                let known = SunSpecModelDefinition.all.keys.sorted().map(String.init).joined(separator: ", ")
                throw SunSpecHintError("'\(item)' is not a model this driver decodes (\(known))")
            }
            var instances: [Int] = []
            if parts.count == 2 {
                for number in parts[1].split(separator: "x", omittingEmptySubsequences: false) {
                    guard let count = Int(number), (0...1000).contains(count) else {
                        throw SunSpecHintError("'\(item)': '\(number)' is not a count 0…1000")
                    }
                    instances.append(count)
                }
            }
            let groups = definition.numberedGroupNames
            guard instances.count == groups.count else {
                let form = groups.isEmpty ? "\(id) (no repeating groups)" : "\(id):" + groups.map { "<\($0)>" }.joined(separator: "x")
                throw SunSpecHintError("'\(item)': expected \(form)")
            }
            entries.append(Entry(id: id, instances: instances))
        }
        guard !entries.isEmpty else { throw SunSpecHintError("empty; expected model ids, e.g. 1,103,704") }
        self.entries = entries
    }

    /// What a device's discovered chain looks like in hint form, to compare and to show in messages.
    package init(describing models: [DiscoveredModel]) {
        entries = models.compactMap { model in
            guard let definition = SunSpecModelDefinition.all[model.id] else { return Entry(id: model.id, instances: []) }
            return Entry(id: model.id, instances: definition.instanceCounts(length: model.length, counts: model.counts))
        }
    }

    /// The chain the hint describes, laid out from 40000 with each model's full standard length: enough to name
    /// the points and controls. Reads use the chain discovered once the device answers.
    package var models: [DiscoveredModel] {
        var address = SunSpecDiscovery.baseAddresses[0] + 2
        return entries.map { entry in
            let definition = SunSpecModelDefinition.all[entry.id]!
            let shape = definition.shape(instances: entry.instances)
            defer { address += 2 + shape.length }
            return DiscoveredModel(id: entry.id, address: address, length: shape.length, counts: shape.counts)
        }
    }
}

/// Why a `models=` hint was refused.
package struct SunSpecHintError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

extension SunSpecModelDefinition {
    /// Groups whose number of instances the device decides, in nesting order (160 `module`; 705 `Crv`, `Pt`).
    package var numberedGroupNames: [String] {
        func walk(_ groups: [SunSpecGroup]) -> [String] {
            groups.flatMap { group -> [String] in
                if case .one = group.count { return walk(group.groups) }
                return [group.name] + walk(group.groups)
            }
        }
        return walk(groups)
    }

    /// The instances of each numbered group of a model of length L whose count registers hold `counts`.
    func instanceCounts(length: Int, counts: [String: Int]) -> [Int] {
        var result: [Int] = []
        // Registers not taken by length-filled groups: what is left over is theirs.
        var taken = fixedLength
        for group in groups {
            switch group.count {
            case .one: taken += group.instanceLength(counts: counts)
            case .register(let name): taken += group.instanceLength(counts: counts) * (counts[name] ?? 0)
            case .fillingLength: break
            }
        }
        func walk(_ groups: [SunSpecGroup], topLevel: Bool) {
            for group in groups {
                switch group.count {
                case .one: break
                case .register(let name): result.append(counts[name] ?? 0)
                case .fillingLength:
                    let size = group.instanceLength(counts: counts)
                    result.append(topLevel && size > 0 ? max(0, (length - taken) / size) : 0)
                }
                walk(group.groups, topLevel: false)
            }
        }
        walk(groups, topLevel: true)
        return result
    }

    /// L and count registers of this model holding `instances` of its numbered groups (in `numberedGroupNames` order).
    func shape(instances: [Int]) -> (length: Int, counts: [String: Int]) {
        let byGroup = Dictionary(zip(numberedGroupNames, instances), uniquingKeysWith: { first, _ in first })
        // Count registers are named by their point (NCrv), groups by their own name (Crv): map one to the other.
        var registers: [String: Int] = [:]
        func collect(_ groups: [SunSpecGroup]) {
            for group in groups {
                if case .register(let name) = group.count { registers[name] = byGroup[group.name] ?? 0 }
                collect(group.groups)
            }
        }
        collect(groups)
        var length = fixedLength
        for group in groups {
            let size = group.instanceLength(counts: registers)
            switch group.count {
            case .one: length += size
            case .register(let name): length += size * (registers[name] ?? 0)
            case .fillingLength: length += size * (byGroup[group.name] ?? 0)
            }
        }
        return (length, registers)
    }
}
