import Foundation

/// Prepares (reads, decodes, extracts) chunks of inputs on background threads, while the caller
/// stores the previous chunk: extraction uses the other cores and never waits for the database.
///
/// Prepared chunks wait up to `depth` chunks and `bytesAhead` of text at once, so memory stays
/// bounded however many files there are. The queue is deep because storing pauses at every commit
/// (a second or so for 1,000 documents): with two chunks, preparation stopped there too and the
/// storing thread then waited 1.4 s of a 9 s import of 10,000 documents; with 32, 0.2 s (BENCHMARKS.md).
final class PreparationPipeline: @unchecked Sendable {
    typealias Prepared = [Result<PreparedDocument, ImportFailure>]

    private let condition = NSCondition()
    private var ready: [Prepared] = []
    private var readyBytes = 0
    private var finished = false
    private var cancelled = false
    private let depth: Int
    private let bytesAhead: Int

    init(
        chunks: [[ImportInput]], preparer: DocumentPreparer, reader: SourceReader, depth: Int = 32,
        bytesAhead: Int = 64 << 20
    ) {
        self.depth = depth
        self.bytesAhead = bytesAhead
        let thread = Thread { [self] in
            for chunk in chunks {
                guard waitForRoom() else { break }
                let prepared = Self.prepareConcurrently(chunk, preparer: preparer, reader: reader)
                condition.lock()
                ready.append(prepared)
                readyBytes += Self.bytes(of: prepared)
                condition.signal()
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The next prepared chunk, in input order, or nil when every chunk has been delivered.
    func next() -> Prepared? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished {
            condition.wait()
        }
        guard !ready.isEmpty else { return nil }
        let chunk = ready.removeFirst()
        readyBytes -= Self.bytes(of: chunk)
        condition.broadcast()
        return chunk
    }

    /// How many prepared chunks, and how many bytes of their text, wait to be stored now.
    var waiting: (chunks: Int, bytes: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (ready.count, readyBytes)
    }

    /// Stops preparing further chunks (the caller failed and will not ask for more).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func waitForRoom() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while (ready.count >= depth || readyBytes >= bytesAhead) && !cancelled {
            condition.wait()
        }
        return !cancelled
    }

    private static func bytes(of chunk: Prepared) -> Int {
        chunk.reduce(0) { total, result in total + ((try? result.get())?.document.sizeBytes ?? 0) }
    }

    /// One core is left to the thread that stores documents, which is the one import waits on;
    /// preparing on every core made the two compete (measured in BENCHMARKS.md).
    static let workerCount = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    /// Reads, decodes and extracts every input of a chunk in parallel; results keep the inputs' order.
    static func prepareConcurrently(_ chunk: [ImportInput], preparer: DocumentPreparer, reader: SourceReader) -> Prepared {
        // Each worker writes only its own slots (every `workers`-th), so no slot is accessed from two threads.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Result<PreparedDocument, ImportFailure>?>.allocate(
            capacity: chunk.count)
        results.initialize(repeating: nil)
        defer {
            // The slots own their documents: release them before the memory goes back.
            results.deinitialize()
            results.deallocate()
        }
        let workers = Self.workerCount
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: chunk.count, by: workers) {
                let input = chunk[index]
                do {
                    let (bytes, path) = try reader.read(input)
                    results[index] = .success(
                        try preparer.prepare(
                            bytes: bytes, fileName: input.fileName, sourcePath: path, displayName: input.displayName))
                } catch let failure as ImportFailure {
                    results[index] = .failure(failure)
                } catch {
                    results[index] = .failure(ImportFailure(file: input.displayName, "\(error)"))
                }
            }
        }
        return zip(chunk, results).map { input, result in
            result ?? .failure(ImportFailure(file: input.displayName, "was not prepared"))
        }
    }
}
