/// A failed read or write: the ABI return code and a message naming the point and value.
struct DriverCallError: Error {
    let code: Int32
    let message: String
    init(_ code: Int32, _ message: String) {
        self.code = code
        self.message = message
    }
}
