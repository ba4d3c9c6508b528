import Hummingbird

/// Who a request is from: the configured token it carried (the route checks its role).
struct BearerAuthorization: Sendable {
    let tokens: [APIToken]

    /// The caller's token, or 401 if the request has none or an unknown one.
    func identify(_ request: Request) throws(RequestError) -> APIToken {
        guard let header = request.headers[.authorization] else {
            throw RequestError(.unauthorized, "missing Authorization: Bearer <token> header")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw RequestError(.unauthorized, "Authorization header must be \"Bearer <token>\"")
        }
        let presented = Array(parts[1].utf8)
        // Compare every token in full so the time taken does not reveal how much of a secret matched.
        var found: APIToken?
        for token in tokens where Self.constantTimeEqual(Array(token.token.utf8), presented) { found = token }
        guard let found else { throw RequestError(.unauthorized, "unknown token") }
        return found
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
