/// A file's `[[drivers]]` read as far as it goes: every issue, and what could be read for the checks that come
/// after reading (each library exists, each mapped id is in the grid), so those issues come in the same report.
package struct DriverSection: Sendable {
    /// Each entry whose `library` could be read, holding only the points whose target could be read; a key
    /// with an issue holds its default. A configuration to run needs `issues` to be empty.
    package var drivers: [DriverConfiguration]
    /// Every issue, in reading order, each naming the file and its key.
    package var issues: [DriverConfigurationError]
}
