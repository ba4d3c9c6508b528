/// Why an instance could not be opened: a message naming the config key, file or value at fault.
struct DriverOpenError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
