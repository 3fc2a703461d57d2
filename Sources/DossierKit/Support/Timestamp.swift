import Foundation

/// ISO 8601 UTC timestamps with milliseconds (`2025-02-28T09:30:00.000Z`), the one form the archive
/// stores times in.
///
/// Formatted by hand from `clock_gettime` and `gmtime_r`: every stored fact carries a timestamp,
/// and Foundation's date formatting costs microseconds per call, which adds up over an import.
public enum Timestamp {
    public static func now() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return string(seconds: now.tv_sec, milliseconds: Int(now.tv_nsec / 1_000_000))
    }

    public static func string(from date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        return remainder >= 0
            ? string(seconds: time_t(seconds), milliseconds: Int(remainder))
            : string(seconds: time_t(seconds - 1), milliseconds: Int(remainder + 1000))
    }

    static func string(seconds: time_t, milliseconds: Int) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func append(_ value: Int, width: Int) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: digits)
        }
        append(Int(parts.tm_year) + 1900, width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mon) + 1, width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mday), width: 2)
        bytes.append(UInt8(ascii: "T"))
        append(Int(parts.tm_hour), width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(Int(parts.tm_min), width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(Int(parts.tm_sec), width: 2)
        bytes.append(UInt8(ascii: "."))
        append(milliseconds, width: 3)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Duration {
    /// The duration in seconds, as a Double, for reports and benchmarks.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
