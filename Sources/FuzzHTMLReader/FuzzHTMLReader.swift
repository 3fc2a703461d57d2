import DossierKit
import FuzzSupport

/// Fuzzes what `dossier import` does to a saved web page: libxml2's parse, the copy into Dossier's
/// tree, article extraction and the page's metadata. A refusal (`ImportFailure`) is a correct
/// answer; any other error, a trap, a hang past libFuzzer's timeout or a broken invariant is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzReplay.bytes(data, size)
    do {
        let page = try WebPageReader().read(bytes, file: "fuzz.html")
        FuzzReplay.require(!page.body.isEmpty, "an accepted page has an empty body")
        FuzzReplay.require(!page.body.contains("\n\n\n"), "paragraphs are separated by more than one blank line")
        FuzzReplay.require(page.body.first?.isWhitespace == false, "the body starts with whitespace")
        FuzzReplay.require(page.body.last?.isWhitespace == false, "the body ends with whitespace")
        FuzzReplay.require(
            MetadataChecks.holdRules(page.metadata), "page metadata breaks the metadata rules: \(page.metadata)")
    } catch is ImportFailure {
    } catch {
        FuzzReplay.require(false, "unexpected error: \(error)")
    }
    return 0
}

/// libFuzzer's driver under `Scripts/fuzz`; otherwise replays the files named on the command line.
@main
enum Main {
    static func main() { FuzzReplay.main(fuzzHTMLReader) }
}
