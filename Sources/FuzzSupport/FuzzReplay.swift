import DossierKit
import Foundation

#if FUZZING
    /// libFuzzer's driver, for a program that keeps its own main (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library).
    // swift-format-ignore: AlwaysUseLowerCamelCase
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// What the fuzz targets share: their main, and the invariants they check.
///
/// Built by `Scripts/fuzz` (DOSSIER_FUZZ, so `-sanitize=fuzzer,address` and FUZZING), a target's
/// main hands its entry point to libFuzzer. Built by a plain `swift build`, the same target is an
/// ordinary program that runs its entry point once on each file named on its command line: that is
/// how a crashing input is replayed and debugged (`.build/debug/FuzzFactExtractor crash-…`).
public enum FuzzReplay {
    public typealias Entry = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// The main of every fuzz target.
    public static func main(_ entry: Entry) {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, entry))
        #else
            run(entry)
        #endif
    }

    /// Runs `entry` on every file named in the arguments, as libFuzzer would.
    public static func run(_ entry: Entry) {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            _ = data.withUnsafeBytes { entry($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
            print("\(path): no crash")
        }
    }

    /// The input as bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// A broken invariant: trapping is what libFuzzer records as a crash, with the input that caused it.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError(message()) }
    }

    /// The property `dossier check` relies on: a span lies in the text and addresses its exact text.
    public static func requireSpan(_ span: TextSpan, in scalars: [Unicode.Scalar], _ what: String) {
        require(
            0 <= span.start && span.start <= span.end && span.end <= scalars.count,
            "\(what) span [\(span.start), \(span.end)) outside a text of \(scalars.count) scalars")
        let text = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        require(
            text.unicodeScalars.elementsEqual(span.text.unicodeScalars),
            "\(what) span [\(span.start), \(span.end)) holds \(text.debugDescription), not \(span.text.debugDescription)")
    }
}

/// The metadata rules every value Dossier stores must hold (README, Importing): checked on what a
/// page or a message says about itself, which Dossier cleans rather than trusts.
public enum MetadataChecks {
    public static func holdRules(_ metadata: DocumentMetadata) -> Bool {
        let texts = [metadata.title, metadata.publisher, metadata.author, metadata.url].compactMap { $0 }
        guard texts.allSatisfy({ ControlCharacter.first(in: $0, multiline: true) == nil }) else { return false }
        if let language = metadata.language, LanguageCode.normalized(language) != language { return false }
        if let published = metadata.published, ISODate.dateValue(published) != published { return false }
        return true
    }
}
