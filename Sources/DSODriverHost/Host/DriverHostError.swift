/// Why the driver host could not be built: a plugin was refused or the configuration does not fit.
public enum DriverHostError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A plugin library was refused (names the file).
    case load(DriverLoadError)
    /// An instance's configuration or point map does not fit its driver or the model (names the key).
    case configuration(DriverConfigurationError)

    public var description: String {
        switch self {
        case let .load(error): error.description
        case let .configuration(error): error.description
        }
    }
}
