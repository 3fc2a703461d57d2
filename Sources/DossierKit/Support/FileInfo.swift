import Foundation

/// What `stat` says about a path: its size and whether it is a symbolic link.
///
/// FileManager's `attributesOfItem` also looks up the owner's and group's names, reading
/// `/etc/passwd` and `/etc/group` for every file it is asked about: seconds of work before an
/// import of 100,000 files could start.
struct FileInfo {
    let size: Int
    let isSymbolicLink: Bool

    /// Nil when the path does not exist or cannot be examined. `followingLinks` describes the file a
    /// symbolic link points to rather than the link itself.
    init?(path: String, followingLinks: Bool) {
        var status = stat()
        let code = followingLinks ? stat(path, &status) : lstat(path, &status)
        guard code == 0 else { return nil }
        size = Int(status.st_size)
        isSymbolicLink = (status.st_mode & S_IFMT) == S_IFLNK
    }
}
