import DSOHistorian
import DSOModel
import DSOStatusSchema
import Foundation
import Hummingbird

/// The API's endpoints (documented in docs/api.md): reads need a viewer token, writes an operator token; every
/// write and every refused authentication goes to the audit trail (journal and historian). /health is open;
/// /metrics is open unless `metricsRequireToken`.
struct APIRoutes: Sendable {
    let configuration: APIConfiguration
    let status: any StatusProvider
    let historian: Historian?
    let admission: ScheduleAdmission
    let submitSchedules: ScheduleSubmitter
    let audit: APIAuditTrail
    let connections: ConnectionRegistry
    var authorization: BearerAuthorization { BearerAuthorization(tokens: configuration.tokens) }

    func register(on router: Router<APIRequestContext>) {
        router.get("/health") { _, _ in Self.text("ok\n") }
        router.get("/metrics") { request, context in
            respond { () throws(RequestError) in
                if configuration.metricsRequireToken { _ = try authorize(.viewer, request, context) }
                let page = MetricsExposition.render(status.snapshot(), connections: (connections.openConnections,
                                                                                     connections.refusedConnections))
                return Self.text(page, contentType: "text/plain; version=0.0.4; charset=utf-8")
            }
        }
        let api = router.group("/api/v1")
        read(api, "/status") { _, _ throws(RequestError) in
            let snapshot = status.snapshot()
            return try Self.json(StatusDocument(wallTimeSeconds: snapshot.wallTimeSeconds, kernel: snapshot.kernel,
                                                historian: historian?.statistics))
        }
        read(api, "/interface-points") { _, _ throws(RequestError) in try Self.json(status.snapshot().interfacePoints) }
        read(api, "/resources") { _, _ throws(RequestError) in try Self.json(status.snapshot().resources) }
        read(api, "/resources/{index}") { _, context throws(RequestError) in
            let resources = status.snapshot().resources
            guard let text = context.parameters.get("index"), let index = Int(text), resources.indices.contains(index) else {
                throw RequestError(.notFound, "resource \(context.parameters.get("index") ?? ""): expected an index "
                                   + "0…\(resources.count - 1)")
            }
            return try Self.json(resources[index])
        }
        read(api, "/drivers") { _, _ throws(RequestError) in try Self.json(status.snapshot().drivers) }
        read(api, "/regulation/scores") { _, _ throws(RequestError) in try Self.json(status.snapshot().regulationScores) }
        read(api, "/events") { request, _ throws(RequestError) in
            let limit = try Self.limit(request)
            return try Self.json(try stored { historian throws(HistorianError) in try historian.events(limit: limit) })
        }
        read(api, "/schedules") { request, _ throws(RequestError) in
            let limit = try Self.limit(request)
            return try Self.json(try stored { historian throws(HistorianError) in try historian.schedules(limit: limit) })
        }
        read(api, "/operator-actions") { request, _ throws(RequestError) in
            let limit = try Self.limit(request)
            return try Self.json(try stored { historian throws(HistorianError) in try historian.operatorActions(limit: limit) })
        }
        read(api, "/forecasts") { request, _ throws(RequestError) in
            let (target, horizon) = try Self.forecastFilter(request)
            return try Self.json(try stored { historian throws(HistorianError) in
                try historian.latestForecasts(target: target, horizon: horizon)
            })
        }
        read(api, "/plans") { request, _ throws(RequestError) in
            let kind = try Self.planKind(request)
            guard let plan = try stored({ historian throws(HistorianError) in try historian.latestPlan(kind: kind) }) else {
                throw RequestError(.notFound, "no \(kind) plan yet (is [planning] configured?)")
            }
            return Self.text(plan.json, contentType: "application/json")
        }
        read(api, "/bids") { _, _ throws(RequestError) in
            guard let plan = try stored({ historian throws(HistorianError) in try historian.latestPlan(kind: "day-ahead") }) else {
                throw RequestError(.notFound, "no day-ahead plan yet (is [planning] configured?)")
            }
            return try Self.bids(of: plan)
        }
        api.post("/schedules") { request, context in
            var request = request
            let body = try? await request.collectBody(upTo: configuration.maximumBodyBytes)
            return await respond { () async throws(RequestError) in
                try await submit(request, context, body: body.map { Data($0.readableBytesView) })
            }
        }
    }

    /// A GET under /api/v1 that needs a viewer token.
    private func read(_ group: RouterGroup<APIRequestContext>, _ path: RouterPath,
                      _ body: @escaping @Sendable (Request, APIRequestContext) throws(RequestError) -> Response) {
        group.get(path) { request, context in
            respond { () throws(RequestError) in
                _ = try authorize(.viewer, request, context)
                return try body(request, context)
            }
        }
    }

    /// The caller's token if its role includes `role`; 401 without a valid token, 403 with too small a role.
    /// Each refusal is audited with where it came from (never with the presented secret).
    private func authorize(_ role: APIRole, _ request: Request, _ context: APIRequestContext,
                           action: String? = nil) throws(RequestError) -> APIToken {
        let action = action ?? "\(request.method) \(request.uri.path)"
        let token: APIToken
        do {
            token = try authorization.identify(request)
        } catch {
            audit.record(actor: "-", role: "", remoteAddress: context.remoteAddress, action: action, detail: "",
                         outcome: "refused \(error.status.code): \(error.message)")
            throw error
        }
        guard token.role.includes(role) else {
            let error = RequestError(.forbidden, "token \"\(token.name)\" has role \(token.role.rawValue); this needs \(role.rawValue)")
            audit.record(actor: token.name, role: token.role.rawValue, remoteAddress: context.remoteAddress, action: action,
                         detail: "", outcome: "refused \(error.status.code): \(error.message)")
            throw error
        }
        return token
    }

    /// `POST /api/v1/schedules`: check, hand to the kernel, audit who did it, from where and how it ended.
    private func submit(_ request: Request, _ context: APIRequestContext, body: Data?) async throws(RequestError) -> Response {
        let action = "submit_schedules"
        let token = try authorize(.operator, request, context, action: action)
        func audit(_ detail: String, _ outcome: String) {
            self.audit.record(actor: token.name, role: token.role.rawValue, remoteAddress: context.remoteAddress,
                              action: action, detail: detail, outcome: outcome)
        }
        do throws(RequestError) {
            try Self.requireJSON(request)
            guard let body else {
                throw RequestError(.contentTooLarge, "body: larger than \(configuration.maximumBodyBytes) bytes")
            }
            let kernel = status.snapshot().kernel
            let submission = try ScheduleSubmission.parse(
                body, admission: admission, nowSeconds: kernel.timeSeconds, epochUnixSeconds: kernel.epochUnixSeconds,
                maximumEntries: configuration.maximumScheduleEntries)
            // An operator's intervals stand over the day-ahead, FMM and RTD schedules and the ISO's targets
            // while they cover now. The kernel's verdict on each is what the audit trail's schedule table keeps
            // (dsod records it from the kernel's outcomes), not this request.
            let entries = submission.entries.map { entry in
                var override = entry
                override.layer = .operatorOverride
                return override
            }
            let outcome = await submitSchedules(entries)
            let taken = outcome.queued
            let detail = (try? String(decoding: Self.encoder.encode(submission), as: UTF8.self)) ?? ""
            guard let verdicts = outcome.verdicts else {
                audit(detail, "accepted \(taken) of \(submission.entries.count)")
                guard taken == submission.entries.count else {
                    throw RequestError(.serviceUnavailable, "the kernel's schedule queue is full: accepted \(taken) of "
                                       + "\(submission.entries.count); resend the rest")
                }
                // Queued, verdict not yet known: 202, and the kernel's verdicts show in GET /api/v1/schedules.
                return try Self.json(SubmissionBody(accepted: taken, entries: entries), status: .accepted)
            }
            let refused = verdicts.enumerated().filter { !$0.element.accepted }
                .map { RefusedEntry(index: $0.offset, reason: $0.element.reason) }
            let accepted = verdicts.count - refused.count
            audit(detail, "accepted \(accepted) of \(submission.entries.count) (kernel)"
                  + (refused.isEmpty ? "" : "; refused: \(refused.first!.reason)"))
            guard taken == submission.entries.count else {
                throw RequestError(.serviceUnavailable, "the kernel's schedule queue is full: queued \(taken) of "
                                   + "\(submission.entries.count), the kernel accepted \(accepted); resend the rest")
            }
            // The kernel's own answer: 200 when it took every interval, 409 naming each one it refused.
            return try Self.json(SubmissionBody(accepted: accepted, entries: entries, refused: refused),
                                 status: refused.isEmpty ? .ok : .conflict)
        } catch {
            if error.status != .serviceUnavailable { audit("", "refused \(error.status.code): \(error.message)") }
            throw error
        }
    }

    /// A write's body must say it is JSON (`application/json`, parameters such as `charset=utf-8` allowed).
    static func requireJSON(_ request: Request) throws(RequestError) {
        let declared = request.headers[.contentType] ?? ""
        let mediaType = declared.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        guard mediaType == "application/json" else {
            throw RequestError(.unsupportedMediaType, "Content-Type: "
                               + (declared.isEmpty ? "missing" : "\"\(declared)\" is not accepted") + "; expected application/json")
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
        /// The entries the kernel refused, by index in the request, with why (absent when unknown).
        var refused: [RefusedEntry]?
    }

    private struct RefusedEntry: Encodable {
        var index: Int
        var reason: String
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

    /// `?target=SUB-A/load&horizon=day-ahead`, both optional.
    static func forecastFilter(_ request: Request) throws(RequestError) -> (target: String?, horizon: String?) {
        let horizon = request.uri.queryParameters.get("horizon")
        if let horizon, !["day-ahead", "intraday"].contains(horizon) {
            throw RequestError(.badRequest, "horizon: \(horizon) is not valid; expected day-ahead or intraday")
        }
        return (request.uri.queryParameters.get("target"), horizon)
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
