import DSOScenario
public import Foundation
import TOMLKit

/// Reading a service configuration from a file or text.
extension ServiceConfiguration {
    /// Loads and fully validates a service configuration; every issue is reported at once.
    /// `environment` supplies `STATE_DIRECTORY` (systemd's StateDirectory=).
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServiceConfigurationError) -> ServiceConfiguration {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let text = try? String(contentsOfFile: absolute, encoding: .utf8) else {
            throw ServiceConfigurationError(path: absolute, issues: [ScenarioIssue(keyPath: "(file)", message: "cannot read the file")])
        }
        return try parse(toml: text, path: absolute, environment: environment)
    }

    /// Parses service TOML text; `path` names it in errors and its folder anchors relative paths.
    public static func parse(toml text: String, path: String, environment: [String: String] = [:])
        throws(ServiceConfigurationError) -> ServiceConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLText.parse(text)
        } catch {
            throw ServiceConfigurationError(path: path, issues: [ScenarioIssue(keyPath: "(syntax)", message: error.message)])
        }
        let loader = ServiceConfigurationLoader(root: table, path: path, environment: environment)
        let configuration = loader.load()
        guard let configuration, loader.diagnostics.issues.isEmpty else {
            throw ServiceConfigurationError(path: path, issues: loader.diagnostics.issues)
        }
        return configuration
    }
}
