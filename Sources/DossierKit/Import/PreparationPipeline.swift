import Foundation

/// Prepares (reads, decodes, extracts) chunks of inputs on background threads, while the caller
/// stores the previous chunk: extraction uses the other cores and never waits for the database.
///
/// At most `depth` prepared chunks wait at once, so memory stays bounded however many files there are.
final class PreparationPipeline: @unchecked Sendable {
    typealias Prepared = [Result<PreparedDocument, ImportFailure>]

    private let condition = NSCondition()
    private var ready: [Prepared] = []
    private var finished = false
    private var cancelled = false
    private let depth: Int

    init(chunks: [[ImportInput]], preparer: DocumentPreparer, reader: SourceReader, depth: Int = 2) {
        self.depth = depth
        let thread = Thread { [self] in
            for chunk in chunks {
                guard waitForRoom() else { break }
                let prepared = Self.prepareConcurrently(chunk, preparer: preparer, reader: reader)
                condition.lock()
                ready.append(prepared)
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
        condition.broadcast()
        return chunk
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
        while ready.count >= depth && !cancelled {
            condition.wait()
        }
        return !cancelled
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
                    let fileName = path.map { URL(fileURLWithPath: $0, isDirectory: false).lastPathComponent }
                    results[index] = .success(
                        try preparer.prepare(bytes: bytes, fileName: fileName, sourcePath: path, displayName: input.displayName))
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
