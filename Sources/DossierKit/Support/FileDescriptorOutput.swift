import Foundation

/// Writes bytes to a file descriptor and reports failure as an error.
///
/// Foundation's `FileHandle.write(_: Data)` ends the process with a `try!` when the write fails
/// (`dossier export figures > /dev/full` crashed with exit 132 after a long backtrace); every
/// output of dossier goes through here instead.
public enum FileDescriptorOutput {
    public struct WriteError: Error {
        /// The `errno` of the failed write.
        public let code: Int32
        public var reason: String { String(cString: strerror(code)) }
    }

    /// Writes every byte, retrying partial writes and interrupted calls.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(code: errno)
                }
                offset += written
            }
        }
    }
}
