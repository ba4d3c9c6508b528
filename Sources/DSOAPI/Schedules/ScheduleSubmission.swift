public import DSOModel
import Foundation

/// The body of `POST /api/v1/schedules`: intervals of scheduled net import per interface point.
public struct ScheduleSubmission: Sendable, Hashable, Codable {
    public var entries: [ScheduleEntry]

    public init(entries: [ScheduleEntry]) { self.entries = entries }

    /// Decodes and validates a request body; the error message names the field and what was expected.
    static func parse(_ body: Data, interfacePointCount: Int, maximumEntries: Int) throws(RequestError) -> ScheduleSubmission {
        let submission: ScheduleSubmission
        do {
            submission = try JSONDecoder().decode(ScheduleSubmission.self, from: body)
        } catch let error as DecodingError {
            throw RequestError(.badRequest, Self.describe(error))
        } catch {
            throw RequestError(.badRequest, "body: not valid JSON (\(error))")
        }
        guard !submission.entries.isEmpty else { throw RequestError(.badRequest, "entries: expected at least one interval") }
        guard submission.entries.count <= maximumEntries else {
            throw RequestError(.badRequest, "entries: \(submission.entries.count) intervals, at most \(maximumEntries) per request")
        }
        for (index, entry) in submission.entries.enumerated() {
            let field = "entries[\(index)]"
            guard (0..<interfacePointCount).contains(entry.interfacePoint) else {
                throw RequestError(.badRequest, "\(field).interfacePoint: \(entry.interfacePoint) is not an interface point"
                                   + " index; expected 0…\(interfacePointCount - 1)")
            }
            guard entry.startSeconds.isFinite else {
                throw RequestError(.badRequest, "\(field).startSeconds: expected a finite number of seconds")
            }
            guard entry.endSeconds.isFinite, entry.endSeconds > entry.startSeconds else {
                throw RequestError(.badRequest, "\(field).endSeconds: \(entry.endSeconds) must be after startSeconds "
                                   + "\(entry.startSeconds)")
            }
            guard entry.netImportKW.isFinite else {
                throw RequestError(.badRequest, "\(field).netImportKW: expected a finite number of kW")
            }
        }
        return submission
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
