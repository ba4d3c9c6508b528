public import DSOModel
import Foundation

/// The body of `POST /api/v1/schedules`: intervals of scheduled net import per interface point.
public struct ScheduleSubmission: Sendable, Hashable, Codable {
    public var entries: [ScheduleEntry]

    public init(entries: [ScheduleEntry]) { self.entries = entries }

    /// Decodes and validates a request body: strict JSON (no repeated or unknown keys), then the shared
    /// `ScheduleAdmission` for every interval at kernel time `nowSeconds`. The error names the field.
    static func parse(_ body: Data, admission: ScheduleAdmission, nowSeconds: Double,
                      maximumEntries: Int) throws(RequestError) -> ScheduleSubmission {
        let submission: ScheduleSubmission
        do {
            submission = try JSONDecoder().decode(ScheduleSubmission.self, from: body)
        } catch let error as DecodingError {
            throw RequestError(.badRequest, Self.describe(error))
        } catch {
            throw RequestError(.badRequest, "body: not valid JSON (\(error))")
        }
        try refuseUnknownKeys(body)
        guard !submission.entries.isEmpty else { throw RequestError(.badRequest, "entries: expected at least one interval") }
        guard submission.entries.count <= maximumEntries else {
            throw RequestError(.badRequest, "entries: \(submission.entries.count) intervals, at most \(maximumEntries) per request")
        }
        for (index, entry) in submission.entries.enumerated() {
            if let refusal = admission.refusal(entry, nowSeconds: nowSeconds) {
                throw RequestError(.badRequest, "entries[\(index)].\(refusal)")
            }
        }
        return submission
    }

    /// The keys each object of a submission may have; anything else is a typo the operator must hear about.
    static let submissionKeys: Set<String> = ["entries"]
    static let entryKeys: Set<String> = ["interfacePoint", "startSeconds", "endSeconds", "netImportKW"]

    private static func refuseUnknownKeys(_ body: Data) throws(RequestError) {
        for object in try JSONObjectKeys.objects(in: Array(body)) {
            let allowed: Set<String>
            if object.path.isEmpty {
                allowed = submissionKeys
            } else if object.path.count == 2, object.path[0] == .key("entries") {
                allowed = entryKeys
            } else {
                throw RequestError(.badRequest, "\(JSONObjectKeys.describe(object.path)): expected no object here")
            }
            for key in object.keys where !allowed.contains(key) {
                throw RequestError(.badRequest, "\(JSONObjectKeys.describe(object.path + [.key(key)])): unknown key; "
                                   + "expected only \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    /// "entries[2].netImportKW: expected a number" from a decoding error's coding path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "body: \(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is [ScheduleEntry].Type: "a list of intervals"
        default: "\(type)"
        }
    }
}
