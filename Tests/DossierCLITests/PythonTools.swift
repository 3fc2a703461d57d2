import Foundation
import Testing

/// The Python virtual environment holding the real tools that read Dossier's output (Datasette,
/// sqlite-utils, openpyxl…), made by `Scripts/install-python-tools`, which `Scripts/test` and CI run.
/// A plain `swift test` without it skips those tests; with DOSSIER_REQUIRE_PYTHON_TOOLS set (CI sets
/// it) their absence is a failure, so they can never be skipped silently where they must run.
enum PythonTools {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let binDirectory: String? = {
        let environment = ProcessInfo.processInfo.environment
        let python = environment["DOSSIER_PYTHON"] ?? packageRoot.appending(path: ".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        return (python as NSString).deletingLastPathComponent
    }()

    static var available: Bool { binDirectory != nil }

    static let required = ProcessInfo.processInfo.environment["DOSSIER_REQUIRE_PYTHON_TOOLS"] != nil

    /// A program of the environment: `python`, `datasette`, `sqlite-utils`.
    static func program(_ name: String) -> String {
        ((binDirectory ?? "/nonexistent") as NSString).appendingPathComponent(name)
    }

    /// A checker script of Tests/ToolChecks.
    static func script(_ name: String) -> String {
        packageRoot.appending(path: "Tests/ToolChecks/\(name)").path
    }
}

@Suite("Python tools")
struct PythonToolsPresence {
    @Test("the tools are installed where they are required", .enabled(if: PythonTools.required))
    func present() {
        #expect(PythonTools.available, "run Scripts/install-python-tools: DOSSIER_REQUIRE_PYTHON_TOOLS is set")
    }
}
