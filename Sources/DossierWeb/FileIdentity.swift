import Foundation

/// Device and inode of the archive file: tells a connection kept open to a file that has since been
/// renamed away (a restore over an unreadable archive puts a new file in its place) from one to the
/// file at the path now.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
