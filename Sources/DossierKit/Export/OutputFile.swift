import Foundation

/// Where `-o PATH` output goes, chosen by what PATH is, so that an export never replaces anything
/// but a regular file:
///
/// - a new name or a regular file: written under a temporary name beside it, synced and renamed into
///   place when complete, so a failed export never leaves a truncated file that looks finished;
/// - `-`, a character device (`/dev/null`, a terminal) or a named pipe: written straight through,
///   since renaming over them would replace the device or the pipe with a regular file;
/// - a symbolic link: followed, and the rules above apply to the file it points to (the link stays);
/// - a directory, a block device or a socket: refused.
///
/// A failed write is an error that names the destination, never a crash.
public final class OutputFile {
    private enum Target {
        case atomic(temporary: String, destination: String, descriptor: Int32)
        case direct(descriptor: Int32, closeWhenDone: Bool)
    }

    /// The path as the user gave it, or "standard output".
    public let name: String
    private var target: Target
    private var buffer: [UInt8] = []
    private var finished = false

    /// Output to standard output.
    public static func standardOutput() -> OutputFile {
        OutputFile(name: "standard output", target: .direct(descriptor: STDOUT_FILENO, closeWhenDone: false))
    }

    private init(name: String, target: Target) {
        self.name = name
        self.target = target
    }

    /// Opens `path` for output (`-` is standard output), following the rules above.
    public convenience init(path: String) throws {
        if path == "-" {
            self.init(name: "standard output", target: .direct(descriptor: STDOUT_FILENO, closeWhenDone: false))
            return
        }
        let resolved = try Self.followingLinks(path)
        var status = stat()
        if stat(resolved, &status) != 0 {
            guard errno == ENOENT else { throw Self.failure(path, "cannot examine it", errno) }
            self.init(name: path, target: try Self.atomic(resolved, shownAs: path))
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            self.init(name: path, target: try Self.atomic(resolved, shownAs: path))
        case S_IFCHR, S_IFIFO:
            // O_WRONLY without O_CREAT or O_TRUNC: a device or pipe is written to, never made anew.
            let descriptor = open(resolved, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.failure(path, "cannot open it for writing", errno) }
            self.init(name: path, target: .direct(descriptor: descriptor, closeWhenDone: true))
        case S_IFDIR:
            throw UsageError("\(path) is a directory: give -o a file name")
        case S_IFBLK:
            throw UsageError("\(path) is a block device (a disk): dossier does not write output over a disk")
        default:
            throw UsageError("\(path) is a socket or another special file: give -o a file name, a pipe or -")
        }
    }

    deinit {
        guard !finished else { return }
        switch target {
        case .atomic(let temporary, _, let descriptor):
            close(descriptor)
            unlink(temporary)
        case .direct(let descriptor, let closeWhenDone):
            if closeWhenDone { close(descriptor) }
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Copies a finished file made elsewhere first (a zip container is written by ZIPFoundation to a
    /// path of its own), a megabyte at a time.
    func write(contentsOf file: URL) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            try write(Array(data))
        }
    }

    /// Writes what is buffered, then makes the output final: for a file, synced and renamed into
    /// place (readers see the old file or the new one, never a part); for a device or pipe, closed.
    public func commit() throws {
        try flush()
        finished = true
        switch target {
        case .atomic(let temporary, let destination, let descriptor):
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else {
                let code = errno
                unlink(temporary)
                throw Self.failure(name, "cannot flush it to disk", code)
            }
            guard rename(temporary, destination) == 0 else {
                let code = errno
                unlink(temporary)
                throw Self.failure(name, "cannot move the finished file into place", code)
            }
            FileSync.sync(folderOf: destination)
        case .direct(let descriptor, let closeWhenDone):
            if closeWhenDone { close(descriptor) }
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let descriptor: Int32
        switch target {
        case .atomic(_, _, let file): descriptor = file
        case .direct(let file, _): descriptor = file
        }
        do {
            try FileDescriptorOutput.writeAll(buffer, to: descriptor)
        } catch let error as FileDescriptorOutput.WriteError {
            throw Self.failure(name, "cannot write to it", error.code)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The path a chain of symbolic links ends at (the path itself when it is not a link).
    private static func followingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                throw UsageError("cannot read the symbolic link \(current)")
            }
            current =
                destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appending(path: destination).path
        }
        throw UsageError("\(path) is a loop of symbolic links")
    }

    /// A fresh temporary file beside `destination`, created exclusively so it never reuses another's.
    private static func atomic(_ destination: String, shownAs shown: String) throws -> Target {
        let url = URL(fileURLWithPath: destination)
        let temporary = url.deletingLastPathComponent()
            .appending(path: ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw failure(shown, "cannot create a file beside it (check that the folder exists and is writable)", errno)
        }
        return .atomic(temporary: temporary, destination: destination, descriptor: descriptor)
    }

    private static func failure(_ name: String, _ what: String, _ code: Int32) -> UsageError {
        UsageError("\(name): \(what): \(String(cString: strerror(code)))")
    }
}
