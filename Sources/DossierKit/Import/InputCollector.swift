import Foundation

/// One thing to import: a file on disk, standard input, or a file sent to `dossier serve`.
public enum ImportInput: Sendable, Equatable {
    case file(path: String)
    case standardInput
    /// A path that cannot be imported at all (missing, a symlink not to be followed, a loop).
    case refused(path: String, reason: String)
    /// A file uploaded through a page: its name as the browser sent it (without any folder) and its
    /// bytes. It has no path on this machine, so none is recorded.
    case upload(name: String, bytes: [UInt8])

    public var displayName: String {
        switch self {
        case .file(let path), .refused(let path, _): path
        case .standardInput: "-"
        case .upload(let name, _): name
        }
    }

    /// The name the file's format is told by (`.html`, `.eml`…) and that the document records.
    var fileName: String? {
        switch self {
        case .file(let path): URL(fileURLWithPath: path, isDirectory: false).lastPathComponent
        case .upload(let name, _): name
        case .standardInput, .refused: nil
        }
    }
}

/// Expands the paths given to `dossier import` into files, in a stable order.
public struct InputCollector: Sendable {
    public let followSymlinks: Bool

    public init(followSymlinks: Bool) {
        self.followSymlinks = followSymlinks
    }

    public func collect(_ paths: [String]) -> [ImportInput] {
        var inputs: [ImportInput] = []
        var visitedDirectories = Set<String>()
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
            } else {
                collect(path, into: &inputs, visited: &visitedDirectories)
            }
        }
        return inputs
    }

    private func collect(_ path: String, into inputs: inout [ImportInput], visited: inout Set<String>) {
        let manager = FileManager.default
        guard let info = FileInfo(path: path, followingLinks: false) else {
            // Foundation turns a name that is not UTF-8 into U+FFFD, so that name no longer exists.
            let reason =
                path.unicodeScalars.contains("\u{FFFD}")
                ? "file name is not valid UTF-8 (shown with �), so it cannot be opened by that name; rename the file to import it"
                : "no such file or directory"
            inputs.append(.refused(path: path, reason: reason))
            return
        }
        if info.isSymbolicLink {
            guard followSymlinks else {
                inputs.append(.refused(path: path, reason: "is a symbolic link; pass --follow-symlinks to import through it"))
                return
            }
            guard manager.fileExists(atPath: path) else {
                inputs.append(.refused(path: path, reason: "is a symbolic link to nothing"))
                return
            }
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            inputs.append(.file(path: path))
            return
        }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            inputs.append(.refused(path: path, reason: "directory already visited (a symbolic link loop?)"))
            return
        }
        guard let names = try? manager.contentsOfDirectory(atPath: path) else {
            inputs.append(.refused(path: path, reason: "directory cannot be read"))
            return
        }
        // Byte order of names, so the order is the same on every machine and locale.
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) where !name.hasPrefix(".") {
            collect((path as NSString).appendingPathComponent(name), into: &inputs, visited: &visited)
        }
    }
}
