import ArgumentParser
import Foundation

/// `--json`: one JSON document on stdout instead of tables, for scripts.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of tables.")
    var json = false

    /// Prints `value` as pretty, key-sorted JSON (non-finite numbers become null).
    func emit(json value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }
}

/// A Double that encodes as null when it is NaN or infinite (JSON has neither).
struct JSONNumber: Encodable, Equatable {
    let value: Double
    init(_ value: Double) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    }
}
