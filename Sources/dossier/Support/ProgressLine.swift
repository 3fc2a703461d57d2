import Foundation

/// One line on stderr that rewrites itself while a long run goes on at a terminal: how many items
/// are done out of how many, what the caller says of them, the rate and the time left.
final class ProgressLine {
    private let total: Int
    private let noun: String
    private let enabled: Bool
    private var done = 0
    private var shown = false
    private let started = Date()
    private var lastDrawn = Date.distantPast

    /// At most this many redraws a second: a terminal redrawn per file slows a fast run down.
    private static let redrawInterval = 0.1

    init(total: Int, noun: String, enabled: Bool) {
        self.total = total
        self.noun = noun
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    /// One more item done; `detail` (e.g. "12 imported, 1 failed") is asked for only when drawn.
    func advance(detail: () -> String? = { nil }) {
        done += 1
        let now = Date()
        guard enabled, done == total || now.timeIntervalSince(lastDrawn) >= Self.redrawInterval else { return }
        lastDrawn = now
        let line = Self.text(done: done, total: total, noun: noun, detail: detail(), elapsed: now.timeIntervalSince(started))
        Console.errorText("\r\u{1B}[K" + line)
        shown = true
    }

    func clear() {
        guard shown else { return }
        Console.errorText("\r\u{1B}[K")
        shown = false
    }

    /// "1,200/2,000 files · 1,150 imported, 40 duplicates, 10 failed · 85 files/s · 0:09 left"
    static func text(done: Int, total: Int, noun: String, detail: String?, elapsed: TimeInterval) -> String {
        var parts = ["\(done.formatted())/\(total.formatted()) \(noun)"]
        if let detail { parts.append(detail) }
        if elapsed > 0.5, done > 0 {
            let rate = Double(done) / elapsed
            parts.append("\(Int(rate.rounded()).formatted()) \(noun)/s")
            let remaining = Int((Double(total - done) / rate).rounded())
            parts.append("\(remaining / 60):\(String(format: "%02d", remaining % 60)) left")
        }
        return parts.joined(separator: " · ")
    }
}
