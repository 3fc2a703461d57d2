import Foundation

/// A one-line progress counter on stderr, shown only on a terminal and only for long runs.
final class ProgressLine {
    private let total: Int
    private let enabled: Bool
    private var done = 0
    private var shown = false
    private let started = Date()

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > 20 && isatty(STDERR_FILENO) == 1
    }

    func advance() {
        done += 1
        guard enabled, Date().timeIntervalSince(started) > 1 else { return }
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        Console.errorText("\r[\(bar)] \(done)/\(total)")
        shown = true
    }

    func clear() {
        guard shown else { return }
        Console.errorText("\r\u{1B}[K")
        shown = false
    }
}
