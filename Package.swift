// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
        .executable(name: "dossier-bench", targets: ["DossierBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "SQLite",
            path: "Sources/SQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
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
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/DossierKit",
            plugins: ["EmbedResources"]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit",
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
        .testTarget(
            name: "DossierKitTests",
            dependencies: ["DossierKit", "SQLite"],
            path: "Tests/DossierKitTests"
        ),
        .testTarget(
            name: "DossierCLITests",
            dependencies: ["dossier", "DossierKit"],
            path: "Tests/DossierCLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
