import DSOHistorian
import DSOModel
import DSOStatusSchema
import Foundation
import Hummingbird

/// The API's endpoints (documented in docs/api.md): reads need a viewer token, writes an operator token
/// and are recorded in the historian; /health and /metrics are open to scrapers.
struct APIRoutes: Sendable {
    let configuration: APIConfiguration
    let status: any StatusProvider
    let historian: Historian?
    let submitSchedules: ScheduleSubmitter
    let wallClock: @Sendable () -> Double
    var authorization: BearerAuthorization { BearerAuthorization(tokens: configuration.tokens) }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in Self.text("ok\n") }
        router.get("/metrics") { _, _ in
            Self.text(MetricsExposition.render(status.snapshot()), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        let api = router.group("/api/v1")
        api.get("/status") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                let snapshot = status.snapshot()
                return try Self.json(StatusDocument(wallTimeSeconds: snapshot.wallTimeSeconds, kernel: snapshot.kernel,
                                                    historian: historian?.statistics))
            }
        }
        api.get("/interface-points") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                return try Self.json(status.snapshot().interfacePoints)
            }
        }
        api.get("/resources") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                return try Self.json(status.snapshot().resources)
            }
        }
        api.get("/resources/{index}") { request, context in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                let resources = status.snapshot().resources
                guard let text = context.parameters.get("index"), let index = Int(text), resources.indices.contains(index)
                else {
                    throw RequestError(.notFound, "resource \(context.parameters.get("index") ?? ""): expected an index "
                                       + "0…\(resources.count - 1)")
                }
                return try Self.json(resources[index])
            }
        }
        api.get("/drivers") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                return try Self.json(status.snapshot().drivers)
            }
        }
        api.get("/regulation/scores") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                return try Self.json(status.snapshot().regulationScores)
            }
        }
        api.get("/events") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                let limit = try Self.limit(request)
                return try Self.json(try stored { historian throws(HistorianError) in try historian.events(limit: limit) })
            }
        }
        api.get("/schedules") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                let limit = try Self.limit(request)
                return try Self.json(try stored { historian throws(HistorianError) in try historian.schedules(limit: limit) })
            }
        }
        api.get("/operator-actions") { request, _ in
            respond { () throws(RequestError) in
                _ = try authorization.require(.viewer, request)
                let limit = try Self.limit(request)
                return try Self.json(try stored { historian throws(HistorianError) in try historian.operatorActions(limit: limit) })
            }
        }
        api.post("/schedules") { request, _ in
            var request = request
            let body = try? await request.collectBody(upTo: configuration.maximumBodyBytes)
            return await respond { () async throws(RequestError) in
                try await submit(request, body: body.map { Data($0.readableBytesView) })
            }
        }
    }

    /// `POST /api/v1/schedules`: validate, hand to the kernel, record who did it and how it ended.
    private func submit(_ request: Request, body: Data?) async throws(RequestError) -> Response {
        let token = try authorization.identify(request)
        let action = "submit_schedules"
        func audit(_ detail: String, _ outcome: String) {
            historian?.record(.operatorAction(OperatorAction(
                wallTimeSeconds: wallClock(), actor: token.name, role: token.role.rawValue, action: action,
                detail: detail, outcome: outcome)))
        }
        do throws(RequestError) {
            _ = try authorization.require(.operator, request)
            guard let body else {
                throw RequestError(.contentTooLarge, "body: larger than \(configuration.maximumBodyBytes) bytes")
            }
            let submission = try ScheduleSubmission.parse(
                body, interfacePointCount: status.snapshot().interfacePoints.count,
                maximumEntries: configuration.maximumScheduleEntries)
            let taken = await submitSchedules(submission.entries)
            let wall = wallClock()
            for (index, entry) in submission.entries.enumerated() {
                historian?.record(.schedule(ScheduleReceipt(wallTimeSeconds: wall, source: "api:\(token.name)",
                                                            entry: entry, accepted: index < taken)))
            }
            let detail = (try? String(decoding: Self.encoder.encode(submission), as: UTF8.self)) ?? ""
            audit(detail, "accepted \(taken) of \(submission.entries.count)")
            guard taken == submission.entries.count else {
                throw RequestError(.serviceUnavailable, "the kernel's schedule queue is full: accepted \(taken) of "
                                   + "\(submission.entries.count); resend the rest")
            }
            return try Self.json(SubmissionBody(accepted: taken, entries: submission.entries), status: .accepted)
        } catch {
            if error.status != .serviceUnavailable { audit("", "refused \(error.status.code): \(error.message)") }
            throw error
        }
    }

    /// A read from the historian; 503 when there is none or it cannot read.
    private func stored<T>(_ read: (Historian) throws(HistorianError) -> T) throws(RequestError) -> T {
        guard let historian else { throw RequestError(.serviceUnavailable, "no historian is configured") }
        do { return try read(historian) } catch { throw RequestError(.serviceUnavailable, error.description) }
    }

    // MARK: - Responses

    private struct SubmissionBody: Encodable {
        var accepted: Int
        var entries: [ScheduleEntry]
    }

    private struct ErrorBody: Encodable { var error: String }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }()

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws(RequestError) -> Response {
        let data: Data
        do { data = try encoder.encode(value) } catch {
            throw RequestError(.internalServerError, "cannot encode the response: \(error)")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `?limit=N`, 1…10000, default 100.
    static func limit(_ request: Request) throws(RequestError) -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return 100 }
        guard let limit = Int(text), (1...10_000).contains(limit) else {
            throw RequestError(.badRequest, "limit: \(text) is not valid; expected an integer 1…10000")
        }
        return limit
    }

    private func respond(_ body: () throws(RequestError) -> Response) -> Response {
        do { return try body() } catch { return Self.errorResponse(error) }
    }

    private func respond(_ body: () async throws(RequestError) -> Response) async -> Response {
        do { return try await body() } catch { return Self.errorResponse(error) }
    }

    private static func errorResponse(_ error: RequestError) -> Response {
        var response = (try? json(ErrorBody(error: error.message), status: error.status)) ?? Response(status: error.status)
        if error.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
