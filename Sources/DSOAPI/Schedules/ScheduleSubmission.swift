public import DSOModel
import Foundation

/// The body of `POST /api/v1/schedules`: intervals of scheduled net import per interface point.
public struct ScheduleSubmission: Sendable, Hashable, Codable {
    public var entries: [ScheduleEntry]

    public init(entries: [ScheduleEntry]) { self.entries = entries }

    /// Decodes and validates a request body: strict JSON (no repeated or unknown keys), then the shared
    /// `ScheduleAdmission` for every interval at kernel time `nowSeconds`. The error names the field.
    ///
    /// An interval gives its times either on the kernel's clock (`startSeconds`, `endSeconds`: this run's
    /// seconds, which restart at 0 with the service) or on the wall clock (`start`, `end`: RFC 3339 with an
    /// offset), converted with `epochUnixSeconds`, the UTC of kernel time 0 — the form that means the same
    /// after a restart.
    static func parse(_ body: Data, admission: ScheduleAdmission, nowSeconds: Double, epochUnixSeconds: Double?,
                      maximumEntries: Int) throws(RequestError) -> ScheduleSubmission {
        let written: WrittenSubmission
        do {
            written = try JSONDecoder().decode(WrittenSubmission.self, from: body)
        } catch let error as DecodingError {
            throw RequestError(.badRequest, Self.describe(error))
        } catch {
            throw RequestError(.badRequest, "body: not valid JSON (\(error))")
        }
        try refuseUnknownKeys(body)
        var entries: [ScheduleEntry] = []
        for (index, interval) in written.entries.enumerated() {
            entries.append(try interval.entry(index: index, epochUnixSeconds: epochUnixSeconds))
        }
        let submission = ScheduleSubmission(entries: entries)
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
    static let entryKeys: Set<String> = ["interfacePoint", "startSeconds", "endSeconds", "start", "end", "netImportKW"]

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
        case is [ScheduleEntry].Type, is [WrittenInterval].Type: "a list of intervals"
        default: "\(type)"
        }
    }
}

/// A submission as written: each interval's times on the kernel's clock or in RFC 3339.
struct WrittenSubmission: Decodable {
    var entries: [WrittenInterval]
}

/// One interval as written, before its times are placed on the kernel's clock.
struct WrittenInterval: Decodable {
    var interfacePoint: Int
    var startSeconds: Double?
    var endSeconds: Double?
    var start: String?
    var end: String?
    var netImportKW: Double

    func entry(index: Int, epochUnixSeconds: Double?) throws(RequestError) -> ScheduleEntry {
        let startSeconds = try seconds(kernel: self.startSeconds, utc: start, kernelKey: "startSeconds", utcKey: "start",
                                       index: index, epochUnixSeconds: epochUnixSeconds)
        let endSeconds = try seconds(kernel: self.endSeconds, utc: end, kernelKey: "endSeconds", utcKey: "end",
                                     index: index, epochUnixSeconds: epochUnixSeconds)
        return ScheduleEntry(interfacePoint: interfacePoint, startSeconds: startSeconds, endSeconds: endSeconds,
                             netImportKW: netImportKW)
    }

    private func seconds(kernel: Double?, utc: String?, kernelKey: String, utcKey: String, index: Int,
                         epochUnixSeconds: Double?) throws(RequestError) -> Double {
        let path = "entries[\(index)]"
        switch (kernel, utc) {
        case (let kernel?, nil):
            return kernel
        case (nil, let text?):
            guard let unixSeconds = UTCTimestamp.unixSeconds(text) else {
                throw RequestError(.badRequest, "\(path).\(utcKey): \"\(text)\" is not an RFC 3339 time; expected e.g. "
                                   + "\"2026-12-08T08:00:00Z\" or \"2026-12-08T00:00:00-08:00\"")
            }
            guard let epochUnixSeconds else {
                throw RequestError(.serviceUnavailable, "\(path).\(utcKey): the kernel's clock has not started yet; retry")
            }
            return unixSeconds - epochUnixSeconds
        case (nil, nil):
            throw RequestError(.badRequest, "\(path).\(kernelKey): missing; expected \(kernelKey) (kernel seconds) or \(utcKey) (RFC 3339)")
        case (_?, _?):
            throw RequestError(.badRequest, "\(path): both \(kernelKey) and \(utcKey); expected one of them")
        }
    }
}
