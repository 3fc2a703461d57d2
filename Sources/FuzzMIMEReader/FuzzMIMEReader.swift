import DossierKit
import FuzzSupport

/// Fuzzes what `dossier import` does to an e-mail: header unfolding, RFC 2047 words, MIME
/// multiparts, quoted-printable and base64, charsets, the forwarded-block removal and, for an
/// HTML-only message, the web-page extractor. A refusal (`ImportFailure`) is a correct answer; any
/// other error, a trap or a broken invariant is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIMEReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzReplay.bytes(data, size)
    do {
        let message = try EmailReader().read(bytes, file: "fuzz.eml")
        FuzzReplay.require(!message.body.isEmpty, "an accepted message has an empty body")
        FuzzReplay.require(message.attachments.count < 200, "more attachments than the part limit allows")
        FuzzReplay.require(
            message.attachments.allSatisfy { $0.bytes <= bytes.count }, "an attachment decodes to more than the message")
        FuzzReplay.require(
            MetadataChecks.holdRules(message.metadata), "message metadata breaks the metadata rules: \(message.metadata)")
    } catch is ImportFailure {
    } catch {
        FuzzReplay.require(false, "unexpected error: \(error)")
    }
    return 0
}

/// libFuzzer's driver under `Scripts/fuzz`; otherwise replays the files named on the command line.
@main
enum Main {
    static func main() { FuzzReplay.main(fuzzMIMEReader) }
}
