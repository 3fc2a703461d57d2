import Foundation
import Testing

/// `-o PATH` and standard output (issue 14, items 2 and 3): a device, a named pipe or a symbolic link
/// at PATH is written to, never replaced by a regular file; a failed write is one line and exit 2.
@Suite("CLI: output destinations")
struct OutputDestinationCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
    }

    /// The kind of file at `path` without following a link: S_IFREG, S_IFLNK, S_IFCHR, S_IFIFO…
    func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    /// A character device made in the test's own folder (never one under /dev): 1,3 is null, 1,7 is full.
    func device(_ name: String, minor: UInt32) throws -> String {
        let path = cli.path(name)
        // makedev(1, minor) as glibc encodes small numbers; the macro itself is not visible to Swift.
        guard mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | minor)) == 0 else {
            throw CocoaError(
                .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "mknod: \(String(cString: strerror(errno)))"])
        }
        return path
    }

    static let isRoot = getuid() == 0

    @Test("a named pipe is written through and stays a pipe", arguments: [["export", "figures"], ["report", "overview"]])
    func namedPipe(command: [String]) throws {
        let fifo = cli.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        // exec: the process is cat itself, so stopping it below stops the reader.
        reader.arguments = ["-c", "exec cat pipe > received"]
        reader.currentDirectoryURL = cli.directory
        try reader.run()

        let result = try cli.run(command + ["-o", fifo])
        // A pipe replaced by a file has no writer left: the reader would wait forever.
        let deadline = Date().addingTimeInterval(10)
        while reader.isRunning, Date() < deadline { usleep(10_000) }
        if reader.isRunning { kill(reader.processIdentifier, SIGKILL) }
        reader.waitUntilExit()

        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(kind(fifo) == S_IFIFO)
        let received = try String(contentsOfFile: cli.path("received"), encoding: .utf8)
        #expect(received.contains(command[0] == "export" ? "exact_text" : "Cumberland"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    @Test("a symbolic link is followed: the file it points to is replaced, the link stays")
    func symbolicLink() throws {
        let target = try cli.write("real.csv", "old content\n")
        try FileManager.default.createSymbolicLink(atPath: cli.path("link.csv"), withDestinationPath: "real.csv")

        let result = try cli.run("export", "figures", "-o", "link.csv")

        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(kind(cli.path("link.csv")) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: cli.path("link.csv")) == "real.csv")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("id,"), "\(written.prefix(40))")
    }

    @Test("a character device is written to and stays a device", .enabled(if: isRoot, "mknod needs root"))
    func characterDevice() throws {
        let null = try device("null", minor: 3)
        for command in [["export", "figures"], ["report", "overview"]] {
            let result = try cli.run(command + ["-o", null])
            #expect(result.exitCode == 0, "\(command): \(result.stderr)")
            #expect(kind(null) == S_IFCHR, "\(command) replaced the device")
        }
    }

    @Test("a device that refuses the write is one line and exit 2", .enabled(if: isRoot, "mknod needs root"))
    func fullDevice() throws {
        let full = try device("full", minor: 7)
        let result = try cli.run("export", "figures", "-o", full)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "dossier: error: \(full): cannot write to it: No space left on device\n")
        #expect(kind(full) == S_IFCHR)
    }

    @Test(
        "standard output that cannot be written is one line and exit 2, never a crash",
        .enabled(if: isRoot, "mknod needs root"),
        arguments: [["export", "figures"], ["stats"], ["report"], ["export", "figures", "--format", "json"]])
    func standardOutputFull(command: [String]) throws {
        _ = try? device("full", minor: 7)
        let result = try cli.start(command, through: ["/bin/sh", "-c", "exec \"$0\" \"$@\" > full"]).wait()
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("No space left on device\n"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test("a directory is refused with exit 2 and left as it was")
    func refusedKinds() throws {
        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: false)
        let result = try cli.run("export", "figures", "-o", "folder")
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("folder is a directory"))
        #expect(kind(cli.path("folder")) == S_IFDIR)
    }
}
