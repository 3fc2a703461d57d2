// swift-tools-version: 6.0
import PackageDescription

/// `Scripts/fuzz` sets DOSSIER_FUZZ to the path of libFuzzer's library without a main
/// (libclang_rt.fuzzer_no_main): the library and the fuzz targets are then compiled with libFuzzer's
/// coverage and AddressSanitizer, and each fuzz target's own main hands over to libFuzzer's driver.
/// Only those targets: the recipe's `-Xswiftc -sanitize=fuzzer` would also reach the build-tool
/// executable, and libFuzzer's own main clashes with the main SwiftPM gives every executable.
/// Without the variable nothing changes.
let fuzzerLibrary = Context.environment["DOSSIER_FUZZ"].flatMap { $0.isEmpty ? nil : $0 }
let fuzzSwiftSettings: [SwiftSetting] =
    fuzzerLibrary == nil ? [] : [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")]
// libFuzzer is C++: its library needs the C++ standard library, which nothing else links now
// (found in issue 18: every fuzz target, FuzzImportDecoding too, failed to link without it).
let fuzzLinkerSettings: [LinkerSetting] = fuzzerLibrary.map { [.unsafeFlags(["-sanitize=address", $0, "-lstdc++"])] } ?? []

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
        .executable(name: "dossier-bench", targets: ["DossierBench"]),
        // libFuzzer targets (issue 8): `Scripts/fuzz NAME SECONDS`. A plain build makes them programs
        // that replay input files, so `swift build` and `swift test` need nothing special.
        .executable(name: "FuzzImportDecoding", targets: ["FuzzImportDecoding"]),
        .executable(name: "FuzzFactExtractor", targets: ["FuzzFactExtractor"]),
        .executable(name: "FuzzCSVRoundTrip", targets: ["FuzzCSVRoundTrip"]),
        .executable(name: "FuzzHTMLReader", targets: ["FuzzHTMLReader"]),
        .executable(name: "FuzzMIMEReader", targets: ["FuzzMIMEReader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "SQLite",
            path: "Sources/SQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // OpenSSL's libcrypto for SHA-256 (issue 17): swift-crypto compiled 378 files of BoringSSL
        // on a first build for this one hash.
        .systemLibrary(
            name: "OpenSSLCrypto",
            path: "Sources/OpenSSLCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // libxml2's HTML parser for saved web pages (issue 18): tolerant of broken markup, and it never
        // fetches anything.
        .systemLibrary(
            name: "LibXML2",
            path: "Sources/LibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Host tool and plugin that turn Migrations/*.sql and Seeds/*.json into Swift source,
        // so the installed binary needs no files beside it and those folders stay the only copy.
        .executableTarget(name: "EmbedResourcesTool", path: "Sources/EmbedResourcesTool"),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["EmbedResourcesTool"],
            path: "Plugins/EmbedResources"
        ),
        .target(
            name: "DossierKit",
            dependencies: [
                "SQLite",
                "OpenSSLCrypto",
                "LibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/DossierKit",
            swiftSettings: fuzzSwiftSettings,
            plugins: ["EmbedResources"]
        ),
        // The archive's web face (`dossier serve`): pages and review over HTTP, through DossierKit's
        // calls; kept apart so the library carries no web server.
        .target(
            name: "DossierWeb",
            dependencies: [
                "DossierKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/DossierWeb"
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit",
                "DossierWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/dossier"
        ),
        .executableTarget(
            name: "DossierBench",
            dependencies: [
                "DossierKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/DossierBench"
        ),
        .target(name: "FuzzSupport", dependencies: ["DossierKit"], path: "Sources/FuzzSupport", swiftSettings: fuzzSwiftSettings),
        .executableTarget(
            name: "FuzzImportDecoding", dependencies: ["DossierKit", "FuzzSupport"], path: "Sources/FuzzImportDecoding",
            swiftSettings: fuzzSwiftSettings, linkerSettings: fuzzLinkerSettings),
        .executableTarget(
            name: "FuzzFactExtractor", dependencies: ["DossierKit", "FuzzSupport"], path: "Sources/FuzzFactExtractor",
            swiftSettings: fuzzSwiftSettings, linkerSettings: fuzzLinkerSettings),
        .executableTarget(
            name: "FuzzCSVRoundTrip", dependencies: ["DossierKit", "FuzzSupport"], path: "Sources/FuzzCSVRoundTrip",
            swiftSettings: fuzzSwiftSettings, linkerSettings: fuzzLinkerSettings),
        .executableTarget(
            name: "FuzzHTMLReader", dependencies: ["DossierKit", "FuzzSupport"], path: "Sources/FuzzHTMLReader",
            swiftSettings: fuzzSwiftSettings, linkerSettings: fuzzLinkerSettings),
        .executableTarget(
            name: "FuzzMIMEReader", dependencies: ["DossierKit", "FuzzSupport"], path: "Sources/FuzzMIMEReader",
            swiftSettings: fuzzSwiftSettings, linkerSettings: fuzzLinkerSettings),
        .testTarget(
            name: "DossierKitTests",
            dependencies: ["DossierKit", "SQLite", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/DossierKitTests"
        ),
        .testTarget(name: "DossierWebTests", dependencies: ["DossierWeb"]),
        .testTarget(
            name: "DossierCLITests",
            dependencies: [
                "dossier", "DossierKit", .product(name: "PropertyBased", package: "swift-property-based"),
                // Reads the zip files `export --all NAME.zip` and `dossier serve` write.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/DossierCLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
