import Foundation

/// Who is acting, for the audit log: an explicit name, else `$USER`, else "unknown".
public enum Operator {
    public static func resolve(_ explicit: String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return "unknown"
    }
}
