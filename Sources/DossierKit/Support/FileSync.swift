import Foundation

/// Makes a written file and its name durable before anyone relies on them: data written and
/// renamed without fsync can vanish or come back empty after a power loss.
public enum FileSync {
    /// Flushes a file's content to the disk.
    public static func sync(file path: String) throws {
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw UsageError("cannot open \(path) to flush it to disk")
        }
        defer { try? handle.close() }
        try handle.synchronize()
    }

    /// Flushes a folder's entries, so that a rename into it survives a power loss.
    public static func sync(folderOf path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Renames `source` over `destination` atomically (replacing it), then syncs the folder.
    public static func rename(_ source: String, over destination: String) throws {
        guard Foundation.rename(source, destination) == 0 else {
            throw UsageError("cannot rename \(source) to \(destination): \(String(cString: strerror(errno)))")
        }
        sync(folderOf: destination)
    }
}
