import DossierKit
import FuzzSupport

/// Fuzzes what `dossier import` does to a file's bytes before extraction: decoding (UTF-8, BOMs,
/// UTF-16, a declared legacy encoding), splitting off the front matter and reading its fields.
/// A refusal (`ImportFailure`) is a correct answer; any other error, a trap or a broken invariant is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportDecoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzReplay.bytes(data, size)
    for encoding in [nil, SourceDecoder.LegacyEncoding.windows1252] {
        do {
            let decoded = try SourceDecoder(declaredEncoding: encoding).decode(bytes, file: "fuzz")
            if decoded.encoding == "utf-8" {
                FuzzReplay.require(Array(decoded.body.utf8) == bytes, "UTF-8 body differs from the bytes received")
            }
            let split = FrontMatter.split(decoded.body)
            let whole = Array(decoded.body.unicodeScalars)
            let body = Array(split.body.unicodeScalars)
            FuzzReplay.require(
                whole.count >= body.count && Array(whole.suffix(body.count)) == body,
                "the stored body is not the end of the decoded text")
            if let yaml = split.yaml {
                _ = try FrontMatter.metadata(from: yaml, file: "fuzz")
            }
        } catch is ImportFailure {
        } catch {
            FuzzReplay.require(false, "unexpected error: \(error)")
        }
    }
    return 0
}

/// libFuzzer's driver under `Scripts/fuzz`; otherwise replays the files named on the command line.
@main
enum Main {
    static func main() { FuzzReplay.main(fuzzImportDecoding) }
}
