import Foundation

/// `dossier serve` started as a user starts it, and read over HTTP with curl, for the serve suites.
extension CLIRunner {
    /// Starts the server on a free port and returns it with its address, read from what it prints.
    func startServer(_ extra: [String] = []) throws -> (CLIRunner.Running, String) {
        let server = try start(["serve", "--port", "0"] + extra)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let printed = server.outputSoFar()
            if let range = printed.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                return (server, String(printed[range]))
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(server.pid, SIGKILL)
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server printed no address"])
    }

    /// Status code and body of a request made with curl (`extra`: more curl options, e.g. a cookie).
    func fetch(_ url: String, form: [String: String]? = nil, extra: [String] = []) throws -> (status: Int, body: String) {
        var arguments = ["-s", "-o", "-", "-w", "\n%{http_code}", url] + extra
        if let form {
            arguments += ["-X", "POST"]
            for (name, value) in form { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        }
        let result = try runProgram("/usr/bin/curl", arguments)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    /// The form token of a page of the server (the same on every page).
    func formToken(_ address: String, page: String = "/documents/1") throws -> String? {
        try fetch(address + page).body.firstMatch(of: /name="token" value="([0-9a-f]+)"/).map { String($0.output.1) }
    }
}
