import Foundation

/// Whether a process id still names a running process, to tell a stale leftover from a live one.
enum ProcessLiveness {
    static func isRunning(_ pid: Int32) -> Bool {
        // Signal 0 checks existence and permission without sending anything; EPERM means it runs
        // under another user.
        kill(pid, 0) == 0 || errno == EPERM
    }
}
