import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP client (Foundation's URLSession, libcurl on Linux) for an API a test runs on 127.0.0.1: the
/// operator API in process, or a running `dsod`'s.
public struct HTTPClient: Sendable {
    public let port: Int
    /// How long one request may wait for its answer.
    public let timeoutSeconds: Double

    public init(port: Int, timeoutSeconds: Double = 60) {
        self.port = port
        self.timeoutSeconds = timeoutSeconds
    }

    /// One answer: status, body and headers (names lower-cased).
    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
        public var headers: [String: String]

        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object or array, nil when it is not JSON.
        public var json: Any? { try? JSONSerialization.jsonObject(with: body) }

        public func json<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: body) }

        /// The `error` message of a JSON error reply.
        public var errorMessage: String? { (json as? [String: Any])?["error"] as? String }
    }

    /// `contentType` is what a body is declared as (nil: no Content-Type header).
    public func send(_ method: String, _ path: String, token: String? = nil, body: String? = nil,
                     contentType: String? = "application/json") async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = timeoutSeconds
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
        return Reply(status: http.statusCode, body: data, headers: headers)
    }

    public func get(_ path: String, token: String? = nil) async throws -> Reply { try await send("GET", path, token: token) }
}
