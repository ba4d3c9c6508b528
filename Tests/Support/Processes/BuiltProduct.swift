import Foundation

/// Finds an executable or plugin this package built, next to the running test bundle (or named by an environment variable).
public enum BuiltProduct {
    /// `environment[variable]` when it names a readable file, else the first `name` in `searchFolders`.
    public static func locate(_ name: String, overriddenBy variable: String? = nil) -> URL? {
        let fileManager = FileManager.default
        if let variable, let explicit = ProcessInfo.processInfo.environment[variable], fileManager.isReadableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        for folder in searchFolders {
            let candidate = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// The build-products folders above the test bundle, nearest first (Linux: `<products>/OpenDSOPackageTests.xctest`;
    /// macOS: `…/X.xctest/Contents/MacOS/X`); error messages list them so a missing product says where it was sought.
    public static var searchFolders: [URL] {
        var starts: [URL] = []
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        starts.append(Bundle.main.bundleURL)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") { starts.append(bundle.bundleURL) }
        var folders: [URL] = []
        for start in starts {
            var folder = start.standardizedFileURL.resolvingSymlinksInPath()
            for _ in 0..<6 {
                folder = folder.deletingLastPathComponent()
                if !folders.contains(folder) { folders.append(folder) }
                if folder.path == "/" { break }
            }
        }
        return folders
    }
}
