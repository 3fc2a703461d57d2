import DossierKit
import FuzzSupport

/// Built once: the gazetteer and lexicons are compiled into the binary.
let extractor: FactExtractor = {
    do {
        return try FactExtractor.builtIn()
    } catch {
        fatalError("built-in lexicons do not load: \(error)")
    }
}()

/// Fuzzes every extractor at once through `FactExtractor` (dates, figures, organisations, people,
/// operations, quotes): it must not trap or hang on any text, every span it returns must address
/// its exact text, and every figure must be a finite number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFactExtractor(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var bytes = FuzzReplay.bytes(data, size)
    // The first byte picks the language, as detection and both rule sets must hold up.
    let language = bytes.first.map { [nil, "fr", "en"][Int($0) % 3] } ?? nil
    if !bytes.isEmpty { bytes.removeFirst() }
    let body = String(decoding: bytes, as: UTF8.self)
    let scalars = Array(body.unicodeScalars)
    let extraction = extractor.extract(from: body, language: language)
    for figure in extraction.figures {
        FuzzReplay.requireSpan(figure.span, in: scalars, "figure")
        FuzzReplay.require(
            figure.value.isFinite && (figure.valueMax?.isFinite ?? true), "figure \(figure.span.text) is not finite")
    }
    for quote in extraction.quotes { FuzzReplay.requireSpan(quote.span, in: scalars, "quote") }
    for date in extraction.dates { FuzzReplay.requireSpan(date.span, in: scalars, "date") }
    for person in extraction.people {
        for mention in person.mentions { FuzzReplay.requireSpan(mention, in: scalars, "person") }
    }
    for organisation in extraction.organisations {
        for mention in organisation.mentions { FuzzReplay.requireSpan(mention, in: scalars, "organisation") }
    }
    for operation in extraction.operations {
        for mention in operation.mentions { FuzzReplay.requireSpan(mention, in: scalars, "operation") }
    }
    return 0
}

/// libFuzzer's driver under `Scripts/fuzz`; otherwise replays the files named on the command line.
@main
enum Main {
    static func main() { FuzzReplay.main(fuzzFactExtractor) }
}
