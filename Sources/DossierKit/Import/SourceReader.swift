import Foundation

/// Reads the raw bytes of one input, refusing anything over the size limit before reading it all.
///
/// Files are read with `open`, `fstat` and `read` straight into the byte array: Foundation's
/// `FileHandle` allocated a megabyte per read and `URL(fileURLWithPath:)` examined the path
/// again, together a tenth of the time spent preparing a document (BENCHMARKS.md).
struct SourceReader {
    let maximumBytes: Int

    func read(_ input: ImportInput) throws -> (bytes: [UInt8], path: String?) {
        switch input {
        case .refused(let path, let reason):
            throw ImportFailure(file: path, reason)
        case .standardInput:
            return (try readLimited(FileHandle.standardInput, name: "-"), nil)
        case .file(let path):
            return (try readFile(path), URL(fileURLWithPath: path, isDirectory: false).standardizedFileURL.path)
        case .upload(let name, let bytes):
            // The server cannot raise its own limit: the file can still go in from the command line.
            if bytes.count > maximumBytes {
                throw tooLarge(name, size: bytes.count, remedy: "import it with `dossier import --max-size`")
            }
            return (bytes, nil)
        }
    }

    private func readFile(_ path: String) throws -> [UInt8] {
        // Non-blocking, so that opening a named pipe cannot hang the import; it is refused below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ImportFailure(file: path, "cannot be read (permission denied?)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw readError(path) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ImportFailure(
                file: path, "is not a regular file (a pipe, socket or device); pass its content on standard input as -")
        }
        let size = Int(status.st_size)
        if size > maximumBytes { throw tooLarge(path, size: size) }
        var bytes: [UInt8] = []
        // One byte more than `fstat` reported, so that a file grown since is still caught by the limit.
        var chunkSize = size + 1
        while true {
            let chunk = try [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
                var read: Int
                repeat {
                    read = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
                } while read < 0 && errno == EINTR
                guard read >= 0 else { throw readError(path) }
                count = read
            }
            if chunk.isEmpty { return bytes }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if bytes.count > maximumBytes { throw tooLarge(path, size: nil) }
            chunkSize = 1 << 16
        }
    }

    private func readError(_ path: String) -> ImportFailure {
        ImportFailure(file: path, "cannot be read: \(String(cString: strerror(errno)))")
    }

    private func readLimited(_ handle: FileHandle, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw ImportFailure(file: name, "cannot be read: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            bytes.append(contentsOf: chunk)
            if bytes.count > maximumBytes { throw tooLarge(name, size: nil) }
        }
    }

    private func tooLarge(_ name: String, size: Int?, remedy: String = "raise it with --max-size") -> ImportFailure {
        let limit = maximumBytes >= 1 << 20 ? "\(maximumBytes >> 20) MiB" : "\(maximumBytes) bytes"
        let actual = size.map { " (\($0) bytes)" } ?? ""
        return ImportFailure(file: name, "file is larger than the \(limit) limit\(actual); \(remedy)")
    }
}
