/// A run that could not go ahead (bad scenario, unreadable file): printed as `Error: …` without usage.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
