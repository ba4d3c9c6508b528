import Foundation
import Testing

extension BackgroundProcess {
    /// A long-running `dsod` (`run`, `simulate --realtime`) the test talks to with signals and over its ports.
    public static func dsod(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String] = [:],
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> BackgroundProcess {
        let executable = try BuiltExecutable.dsod.require(sourceLocation: sourceLocation)
        return try BackgroundProcess(executable, arguments, in: folder.url, tag: "dsod-\(UUID().uuidString.prefix(8))",
                                     environment: environment)
    }
}
