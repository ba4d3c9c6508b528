import Foundation

/// One rule for a path written in a scenario or service file (a profile, a schedule, a plugin, a state
/// directory): absolute as written, else relative to the file's folder — so a file moves with its data.
package enum WrittenPath {
    package static func absolute(_ written: String, relativeTo folder: String) -> String {
        let url = written.hasPrefix("/") ? URL(fileURLWithPath: written)
            : URL(fileURLWithPath: folder).appendingPathComponent(written)
        return url.standardizedFileURL.path
    }
}
