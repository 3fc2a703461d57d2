import Foundation
import PackagePlugin

/// Generates `EmbeddedResources.swift` from the package's top-level `Migrations/*.sql` and
/// `Seeds/*.json`, so those folders stay the single copy and the binary needs nothing beside it.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs =
            try files(in: root.appending(path: "Migrations"), withExtension: "sql")
            + files(in: root.appending(path: "Seeds"), withExtension: "json")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding migrations and seed data",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func files(in directory: URL, withExtension ext: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == ext }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
