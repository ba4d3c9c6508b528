import Hummingbird

/// A request the API refuses, with the status and a message for the client (JSON `{"error": …}`).
struct RequestError: Error, Sendable, Hashable {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }
}
