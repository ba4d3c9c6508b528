package import DSOModel

/// Reads the grid vocabulary a scenario and a real-device service file share — interface points with their
/// schedules, and the keys a commissioned resource has — so both formats accept the same keys with the same
/// limits and word their issues alike. Each caller loops over its tables, adds its own keys (a scenario's
/// physics) or rules (a real grid refusing them) and finishes each table itself.
package final class GridReader {
    /// The file's top level, where the grid tables sit in both formats.
    let root: TableReader
    let diagnostics: TableDiagnostics
    /// Folder of the file; a relative path written in it (a schedule CSV, a profile) resolves against it.
    let folder: String
    /// What was read so far, kept even when the file has issues (a service checks its point maps against it).
    package internal(set) var interfacePoints: [InterfacePointSpec] = []
    var interfacePointIndex: [String: Int] = [:]
    package private(set) var resources: [ResourceSpec] = []
    /// Key path of each resource id's first definition, to point a duplicate back at it.
    private var resourceKeyPaths: [String: String] = [:]
    var schedules: [ScheduleEntry] = []

    package init(root: TableReader, folder: String) {
        self.root = root
        self.diagnostics = root.diagnostics
        self.folder = folder
    }

    /// Absolute form of a path written in the file.
    func resolve(_ written: String) -> String {
        WrittenPath.absolute(written, relativeTo: folder)
    }

    /// Records a resource, reporting a duplicate id at the second definition; false when it was refused.
    @discardableResult
    package func add(_ resource: ResourceSpec, idKeyPath: String) -> Bool {
        if let first = resourceKeyPaths[resource.id] {
            diagnostics.report(idKeyPath, "duplicate resource id '\(resource.id)' (first defined at \(first))")
            return false
        }
        resourceKeyPaths[resource.id] = idKeyPath
        resources.append(resource)
        return true
    }

    /// The kernel's model and the schedules by interface point then start, once the whole file was read
    /// without an issue; nil otherwise (a model inconsistency is reported at its key).
    package func buildModel() -> (model: SubstationModel, schedules: [ScheduleEntry])? {
        guard diagnostics.issues.isEmpty else { return nil }
        let model: SubstationModel
        do {
            model = try SubstationModel(interfacePoints: interfacePoints, resources: resources)
        } catch {
            diagnostics.report(error.key, error.message)
            return nil
        }
        let sorted = schedules.sorted { ($0.interfacePoint, $0.startSeconds) < ($1.interfacePoint, $1.startSeconds) }
        return (model, sorted)
    }
}
