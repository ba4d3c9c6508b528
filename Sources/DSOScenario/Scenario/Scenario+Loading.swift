import Foundation
import TOMLKit

/// Reading scenarios from TOML files or text.
extension Scenario {
    /// Loads and validates a scenario file; relative paths inside it resolve against its folder.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let text: String
        do {
            text = try String(contentsOfFile: absolute, encoding: .utf8)
        } catch {
            throw ScenarioError(path: absolute, issues: [ScenarioIssue(keyPath: "(file)", message: "cannot read the file")])
        }
        return try parse(toml: text, path: absolute)
    }

    /// Parses scenario TOML text; `path` names it in errors and its folder anchors relative paths.
    public static func parse(toml text: String, path: String) throws(ScenarioError) -> Scenario {
        let table: TOMLTable
        do {
            table = try TOMLText.parse(text)
        } catch {
            throw ScenarioError(path: path, issues: [ScenarioIssue(keyPath: "(syntax)", message: error.message)])
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let loader = ScenarioLoader(root: table, folder: folder)
        let scenario = loader.load(sourcePath: path)
        let issues = loader.diagnostics.issues
        guard let scenario, issues.isEmpty else {
            throw ScenarioError(path: path, issues: issues)
        }
        return scenario
    }
}
