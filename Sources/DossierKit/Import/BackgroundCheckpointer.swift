import Foundation

/// Copies an import's committed pages from the WAL into the archive file on a thread and
/// connection of its own, so that the thread storing documents does not stop for it at every
/// commit. Importing into an archive of 100,000 documents, commits with their checkpoints took
/// 0.73 s per 1,000 documents, a third of the import (BENCHMARKS.md).
///
/// While it runs, the importing connection's automatic checkpoints are off; `stop()` turns them
/// back on. A checkpoint that fails or cannot finish is harmless: SQLite checkpoints again later.
final class BackgroundCheckpointer: @unchecked Sendable {
    /// Unowned: the checkpointing thread may outlive `stop()` by a moment, and must not keep the
    /// importing connection open past the import, or SQLite would not remove the WAL when it closes.
    private unowned let importing: Connection
    /// Used only by the checkpointing thread, then closed by `stop()`: the importing connection must
    /// be the archive's last, so that SQLite checkpoints and removes the WAL when it closes.
    private var checkpointing: Connection?
    private let condition = NSCondition()
    private var committed = false
    private var stopping = false
    /// The importing connection's own setting, given back by `stop()`.
    private let automaticCheckpointPages: Int64
    private let finished = DispatchSemaphore(value: 0)

    /// Nil when the archive cannot be opened a second time; the importing connection then
    /// checkpoints by itself as usual.
    init?(importing: Connection) {
        guard let pages = try? importing.automaticCheckpointPages(),
            let checkpointing = try? Archive.connect(path: importing.path, access: .maintain),
            (try? importing.setAutomaticCheckpointPages(0)) != nil
        else { return nil }
        self.importing = importing
        automaticCheckpointPages = pages
        self.checkpointing = checkpointing
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.start()
    }

    /// Called after each commit: there are pages to copy.
    func didCommit() {
        condition.lock()
        committed = true
        condition.signal()
        condition.unlock()
    }

    /// Finishes the copy in progress and restores automatic checkpoints.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
        finished.wait()
        checkpointing = nil
        try? importing.setAutomaticCheckpointPages(automaticCheckpointPages)
    }

    private func run() {
        while true {
            condition.lock()
            while !committed && !stopping {
                condition.wait()
            }
            let work = committed
            committed = false
            let stop = stopping
            condition.unlock()
            if work {
                try? checkpointing?.checkpointWithoutWaiting()
            }
            if stop { return }
        }
    }
}
