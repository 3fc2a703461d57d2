import Foundation

/// Reads the raw bytes of one input, refusing anything over the size limit before reading it all.
struct SourceReader {
    let maximumBytes: Int

    func read(_ input: ImportInput) throws -> (bytes: [UInt8], path: String?) {
        switch input {
        case .refused(let path, let reason):
            throw ImportFailure(file: path, reason)
        case .standardInput:
            return (try readLimited(FileHandle.standardInput, name: "-"), nil)
        case .file(let path):
            if let size = FileInfo(path: path, followingLinks: true)?.size, size > maximumBytes {
                throw tooLarge(path, size: size)
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ImportFailure(file: path, "cannot be read (permission denied?)")
            }
            defer { try? handle.close() }
            return (try readLimited(handle, name: path), URL(fileURLWithPath: path).standardizedFileURL.path)
        }
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

    private func tooLarge(_ name: String, size: Int?) -> ImportFailure {
        let limit = maximumBytes >= 1 << 20 ? "\(maximumBytes >> 20) MiB" : "\(maximumBytes) bytes"
        let actual = size.map { " (\($0) bytes)" } ?? ""
        return ImportFailure(file: name, "file is larger than the \(limit) limit\(actual); raise it with --max-size")
    }
}
