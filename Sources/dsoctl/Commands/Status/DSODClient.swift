import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// dsod's HTTP API as dsoctl reads it (docs/api.md): GETs with the bearer token, failures that say what to check.
struct DSODClient {
    let base: URL
    let token: String?

    init(url: String, token: String?) throws {
        guard let base = URL(string: url), let scheme = base.scheme, ["http", "https"].contains(scheme), base.host != nil else {
            throw CtlFailure(.invalidInput, "--url '\(url)' is not an http:// address", hint: "--url http://HOST:PORT (dsod's [api] listen)")
        }
        self.base = base
        self.token = token
    }

    /// GETs `path`; nil when dsod answers 404 (an endpoint this dsod does not have, such as /api/v1/drivers on an older one).
    func get(_ path: String) async throws -> Data? {
        let url = base.appendingPathComponent(path)
        var request = URLRequest(url: url)
        request.timeoutInterval = 5
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CtlFailure(.unreachable, "cannot reach dsod at \(url.absoluteString): \(error.localizedDescription)",
                             hint: "is dsod running? check --url (dsod's [api] listen address)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        switch status {
        case 200..<300: return data
        case 404: return nil
        case 401:
            throw CtlFailure(.invalidInput, "dsod refused \(path) with 401: \(token == nil ? "no token given" : "the token is not known")",
                             hint: "--token (or DSOCTL_TOKEN): a viewer or operator token from dsod's [[api.tokens]]")
        case 403:
            throw CtlFailure(.invalidInput, "dsod refused \(path) with 403: the token's role may not read it",
                             hint: "--token (or DSOCTL_TOKEN): a token with role viewer or operator")
        default:
            let message = (try? JSONDecoder().decode([String: String].self, from: data))?["error"] ?? String(decoding: data.prefix(200), as: UTF8.self)
            throw CtlFailure(.deviceError, "dsod answered \(path) with \(status): \(message)")
        }
    }
}
