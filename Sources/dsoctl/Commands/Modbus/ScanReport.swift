/// What `modbus scan` found: the SunSpec base and the models in chain order, as a table or JSON.
struct ScanReport: Encodable {
    let base: Int
    let endpoint: String
    let unit: Int
    let models: [ScannedModel]

    func print() {
        Swift.print("SunSpec map at \(base) on \(endpoint) unit \(unit): \(models.count) model(s)\n")
        var table = Table(["model", "name", "address", "length", "status"], alignments: [.right, .left, .right, .right, .left])
        for model in models {
            table.append(["\(model.id)", model.name ?? "-", "\(model.address)", "\(model.length)", model.decoded ? "decoded" : "unknown"])
        }
        table.print()
        for model in models where model.decoded {
            Swift.print("\nmodel \(model.id) \(model.name ?? "") at \(model.address)")
            var values = Table(["point", "address", "raw", "SF", "value", "unit"], alignments: [.left, .right, .right, .right, .right, .left])
            for name in model.textOrder {
                values.append([name, "", "", "", model.text[name] ?? "n/i", ""])
            }
            for point in model.points {
                let decimals = point.scaleFactor.map { max(0, -$0) }
                values.append([point.name, "\(point.address)", NumberText.format(point.raw.value),
                               point.scaleFactor.map(String.init) ?? "", NumberText.format(point.value.value, decimals: decimals), point.unit])
            }
            values.print()
        }
        let unknown = models.filter { !$0.decoded }.map { "\($0.id)" }
        if !unknown.isEmpty {
            Swift.print("\nnot in the tables (not decoded): model \(unknown.joined(separator: ", "))")
        }
    }
}

/// One unit id's answer in a `modbus scan --units` survey.
struct UnitSurveyRow: Encodable {
    let unit: Int
    let answers: Bool
    let sunSpecBase: Int?
    let models: [Int]
    let error: String?

    enum CodingKeys: String, CodingKey {
        case unit, answers, models, error
        case sunSpecBase = "sunspec_base"
    }
}

/// The survey: which unit ids answer on a link, and which of them are SunSpec devices.
struct UnitSurveyReport: Encodable {
    let endpoint: String
    let units: [UnitSurveyRow]

    func print() {
        let answering = units.filter(\.answers)
        Swift.print("\(answering.count) of \(units.count) unit id(s) answer on \(endpoint)\n")
        var table = Table(["unit", "SunSpec", "models", "note"], alignments: [.right, .right, .left, .left])
        for row in answering {
            // The device label is the survey's header already.
            let note = row.error.map { $0.split(separator: "': ", maxSplits: 1).last.map(String.init) ?? $0 } ?? ""
            table.append(["\(row.unit)", row.sunSpecBase.map(String.init) ?? "no", row.models.map(String.init).joined(separator: " "), note])
        }
        table.print()
    }
}
