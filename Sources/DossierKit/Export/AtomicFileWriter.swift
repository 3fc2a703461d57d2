import Foundation

/// Writes a file under a temporary name beside it and renames it into place when complete, so a
/// failed export never leaves a truncated file that looks finished.
public final class AtomicFileWriter {
    private let destination: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false

    public init(path: String) throws {
        destination = URL(fileURLWithPath: path)
        temporary = destination.deletingLastPathComponent()
            .appending(path: ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw UsageError("cannot create \(temporary.path): check that the folder exists and is writable")
        }
        handle = try FileHandle(forWritingTo: temporary)
    }

    deinit {
        if !finished {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames into place.
    public func commit() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
        finished = true
        // rename(2) replaces an existing file atomically: readers see the old file or the new one.
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw UsageError("cannot move the finished file into place at \(destination.path): \(reason)")
        }
    }
}
