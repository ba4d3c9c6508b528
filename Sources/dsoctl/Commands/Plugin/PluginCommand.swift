import ArgumentParser

/// `dsoctl plugin`: what a driver plugin is before anything is wired to it.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin", abstract: "Inspect a driver plugin.", subcommands: [PluginInfoCommand.self])
}
